"""The emotion words MindTrack knows, and the rules for words people add themselves.

The first ten are the ids the web frontend offers. Any other word a person uses is kept as a
custom emotion, never dropped: normalised (trimmed, inner whitespace collapsed, lower case),
at most ``MAX_EMOTION_LENGTH`` characters, and at most ``MAX_EMOTIONS`` per check-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FRONTEND_EMOTIONS = (
    "happy",
    "sad",
    "anxious",
    "calm",
    "excited",
    "angry",
    "tired",
    "stressed",
    "confident",
    "lonely",
)
EXTENDED_EMOTIONS = (
    "content",
    "grateful",
    "hopeful",
    "proud",
    "loved",
    "relaxed",
    "energetic",
    "motivated",
    "bored",
    "confused",
    "disappointed",
    "frustrated",
    "irritable",
    "nervous",
    "overwhelmed",
    "restless",
    "scared",
    "ashamed",
    "guilty",
    "jealous",
    "hopeless",
    "numb",
    "empty",
    "worthless",
)
EMOTION_VOCABULARY = FRONTEND_EMOTIONS + EXTENDED_EMOTIONS
_KNOWN = frozenset(EMOTION_VOCABULARY)

MAX_EMOTIONS = 12
MAX_EMOTION_LENGTH = 32
MAX_TAGS = 20
MAX_TAG_LENGTH = 32
_WHITESPACE = re.compile(r"\s+")


def normalize_word(word: str) -> str:
    return _WHITESPACE.sub(" ", word).strip().lower()


def normalize_words(
    words: Iterable[str], *, kind: str, max_count: int, max_length: int
) -> list[str]:
    """Normalised, de-duplicated words in their original order; raises ValueError with a
    message for people when a word is empty or too long, or there are too many."""
    seen: dict[str, None] = {}
    for raw in words:
        word = normalize_word(raw)
        if not word:
            raise ValueError(f"{kind} must not be empty")
        if len(word) > max_length:
            raise ValueError(
                f"{kind} '{word[:max_length]}…' is longer than {max_length} characters"
            )
        seen.setdefault(word, None)
    if len(seen) > max_count:
        raise ValueError(f"at most {max_count} {kind}s per check-in")
    return list(seen)


def custom_emotions(emotions: Iterable[str]) -> list[str]:
    """The emotions that are not in the vocabulary: the person's own words."""
    return [emotion for emotion in emotions if emotion not in _KNOWN]
