from mindtrack.kit.errors import ConflictError, GoneError, NotFoundError


class NoSafetyPlanError(NotFoundError):
    def __init__(self) -> None:
        super().__init__(
            "You have no safety plan yet. Save one with PUT /api/v1/crisis/safety-plan."
        )


class SafetyPlanVersionNotFoundError(NotFoundError):
    def __init__(self, version: int) -> None:
        super().__init__(f"Your safety plan has no version {version}.")


class SafetyPlanChangedError(ConflictError):
    def __init__(self, based_on: int, latest: int) -> None:
        super().__init__(
            f"Your safety plan was saved again since version {based_on} (it is now at version "
            f"{latest}). Load the latest version, apply your changes to it and save again."
        )


class ContactNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Trusted contact not found")


class InvitationNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("This link is not valid, or it has already been used.")


class InvitationExpiredError(GoneError):
    def __init__(self) -> None:
        super().__init__("This request has expired. Ask the person who sent it to send a new one.")


class ConfirmationTooSoonError(ConflictError):
    def __init__(self, minutes: int) -> None:
        super().__init__(
            f"A confirmation request was sent less than {minutes} minutes ago. Ask your contact "
            "to check their inbox and spam folder, or try again later."
        )


class ContactAlreadyConfirmedError(ConflictError):
    def __init__(self) -> None:
        super().__init__("This contact has already confirmed.")


class IncidentNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Crisis incident not found")


class TherapistNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Therapist not found in the directory")


class NotAcceptingClientsError(ConflictError):
    def __init__(self) -> None:
        super().__init__("This therapist is not accepting new clients at the moment.")


class ReferralPendingError(ConflictError):
    def __init__(self) -> None:
        super().__init__("You already have a request waiting for this therapist's answer.")


class ReferralNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Referral not found")


class ReferralAlreadyAnsweredError(ConflictError):
    def __init__(self, status: str) -> None:
        super().__init__(f"This referral is already {status}.")


class AlertLinkNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("This link is not valid, or it has already been used.")


class AlertLinkExpiredError(GoneError):
    def __init__(self) -> None:
        super().__init__("Thank you. This moment has already been marked as passed.")
