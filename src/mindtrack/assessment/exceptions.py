from mindtrack.kit.errors import NotFoundError


class ResponseNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Questionnaire response not found")
