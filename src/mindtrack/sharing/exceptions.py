from mindtrack.kit.errors import ConflictError, NotFoundError, ValidationFailedError


class GrantNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No sharing grant of yours has this id.")


class NotSharedError(NotFoundError):
    """No active grant covers this: the therapist sees "not found", as for anything else
    they may not see, whether the grant never existed, expired or was revoked."""

    def __init__(self) -> None:
        super().__init__("Nothing of this person's is shared with you.")


class NotATherapistError(ValidationFailedError):
    def __init__(self) -> None:
        super().__init__("`therapist_id` must be the id of a therapist account.")


class AlreadySharedError(ConflictError):
    def __init__(self) -> None:
        super().__init__(
            "You already share with this therapist. Revoke that grant first to change it."
        )


class GrantAnsweredError(ConflictError):
    def __init__(self) -> None:
        super().__init__("This request has already been answered or withdrawn.")
