"""Errors of text analysis that reach the client."""

from __future__ import annotations

from mindtrack.kit.errors import UnavailableError


class TextModelsFailedError(UnavailableError):
    """The text models failed on one text; why is logged (never the text itself)."""

    def __init__(self) -> None:
        super().__init__(
            "The text models could not read this text just now, so it was not analysed. "
            "Please try again later."
        )
