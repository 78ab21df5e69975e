"""Label sets shared by training and inference."""

from __future__ import annotations

GOEMOTIONS_LABELS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)  # fmt: skip

SENTIMENT_LABELS: tuple[str, ...] = ("negative", "neutral", "positive")

# The GoEmotions paper's sentiment grouping (Demszky et al., 2020, table 2). Comments whose
# labels all fall in one group teach the sentiment head what neutral text looks like, which
# SST-2 (positive/negative only) cannot.
POSITIVE_EMOTIONS = frozenset(
    {
        "admiration", "amusement", "approval", "caring", "desire", "excitement", "gratitude",
        "joy", "love", "optimism", "pride", "relief",
    }
)  # fmt: skip
NEGATIVE_EMOTIONS = frozenset(
    {
        "anger", "annoyance", "disappointment", "disapproval", "disgust", "embarrassment",
        "fear", "grief", "nervousness", "remorse", "sadness",
    }
)  # fmt: skip
AMBIGUOUS_EMOTIONS = frozenset({"confusion", "curiosity", "realization", "surprise"})


def sentiment_of_emotions(labels: set[str]) -> str | None:
    """The sentiment class implied by a set of GoEmotions labels, or None when mixed."""
    if labels == {"neutral"}:
        return "neutral"
    if labels and labels <= POSITIVE_EMOTIONS:
        return "positive"
    if labels and labels <= NEGATIVE_EMOTIONS:
        return "negative"
    return None
