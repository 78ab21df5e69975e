from mindtrack.kit.errors import ConflictError, NotFoundError


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
