from mindtrack.kit.errors import NotFoundError, UnavailableError


class ConversationNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Conversation not found. Start a new one by leaving out its id.")


class CompanionUnavailableError(UnavailableError):
    def __init__(self) -> None:
        super().__init__(
            "The companion reads every message with the text models, which are switched off on "
            "this server. If you need help now, call your local emergency number or a crisis line."
        )
