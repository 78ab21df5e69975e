from mindtrack.kit.errors import ConflictError, GoneError, NotFoundError


class CheckinNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Check-in not found")


class CheckinDeletedError(GoneError):
    def __init__(self) -> None:
        super().__init__("This check-in was deleted; its id cannot be used again.")


class CheckinIdTakenError(ConflictError):
    def __init__(self) -> None:
        super().__init__("This id is already in use. Generate a new UUID for a new check-in.")
