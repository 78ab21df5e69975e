from mindtrack.kit.errors import ConflictError, ForbiddenError, NotFoundError, UnauthorizedError


class InvalidCredentialsError(UnauthorizedError):
    # The failed attempt is recorded in the audit trail.
    keeps_changes = True

    def __init__(self) -> None:
        # One message whether or not the account exists, so sign-in reveals nothing.
        super().__init__("Invalid username/email or password")


class InvalidRefreshTokenError(UnauthorizedError):
    def __init__(self, detail: str = "Invalid or expired refresh token. Please sign in again."):
        super().__init__(detail)


class RefreshTokenReusedError(InvalidRefreshTokenError):
    # The revocation of the session must survive the refusal.
    keeps_changes = True

    def __init__(self) -> None:
        super().__init__(
            "This refresh token was already used, so the session has been signed out "
            "for safety. Please sign in again."
        )


class InactiveAccountError(ForbiddenError):
    def __init__(self) -> None:
        super().__init__("Account is deactivated. Please contact support.")


class SessionNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No active session of yours has this id.")


class UsernameTakenError(ConflictError):
    def __init__(self) -> None:
        super().__init__("Username already taken")


class EmailTakenError(ConflictError):
    def __init__(self) -> None:
        super().__init__("Email already registered")


class WrongPasswordError(ForbiddenError):
    def __init__(self) -> None:
        super().__init__("The current password is not correct.")
