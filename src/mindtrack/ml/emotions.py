"""GoEmotions' 28 labels, each with its own threshold, and how they bear on the emotion
words people choose in the app."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mindtrack.ml.artefacts import HeadArtefact
from mindtrack.ml.labels import GOEMOTIONS_LABELS, NEGATIVE_EMOTIONS, POSITIVE_EMOTIONS


@dataclass(frozen=True)
class Emotions:
    labels: list[str]  # over threshold, strongest first
    scores: dict[str, float]  # one probability per GoEmotions label


NO_EMOTIONS = Emotions(labels=[], scores=dict.fromkeys(GOEMOTIONS_LABELS, 0.0))


def sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logits))  # type: ignore[no-any-return]


class EmotionModel:
    def __init__(self, artefact: HeadArtefact) -> None:
        meta = artefact.meta
        if tuple(meta["labels"]) != GOEMOTIONS_LABELS:
            raise ValueError("emotion labels must be GoEmotions' 28 labels in order")
        self.artefact = artefact
        self.thresholds = np.asarray(meta["thresholds"], dtype=np.float32)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return sigmoid(self.artefact.head.logits(features))

    def predict(self, features: np.ndarray) -> list[Emotions]:
        return [self._result(row) for row in self.probabilities(features)]

    def _result(self, probabilities: np.ndarray) -> Emotions:
        over = [i for i in np.argsort(-probabilities) if probabilities[i] >= self.thresholds[i]]
        scores = {
            label: round(float(p), 4)
            for label, p in zip(GOEMOTIONS_LABELS, probabilities, strict=True)
        }
        return Emotions(labels=[GOEMOTIONS_LABELS[i] for i in over], scores=scores)


# Which GoEmotions labels express each word of the app's emotion vocabulary. Words with no
# counterpart among the 28 (tired, bored, jealous, numb) are never judged.
VOCABULARY_EVIDENCE: dict[str, frozenset[str]] = {
    word: frozenset(labels)
    for word, labels in {
        "happy": ("joy", "amusement", "excitement", "gratitude", "love", "optimism", "relief", "pride"),
        "sad": ("sadness", "grief", "disappointment", "remorse"),
        "anxious": ("nervousness", "fear"),
        "calm": ("relief", "approval", "caring"),
        "excited": ("excitement", "joy", "desire"),
        "angry": ("anger", "annoyance", "disgust", "disapproval"),
        "stressed": ("nervousness", "fear", "annoyance"),
        "confident": ("pride", "optimism", "approval"),
        "lonely": ("sadness", "grief"),
        "content": ("joy", "relief", "gratitude", "approval"),
        "grateful": ("gratitude",),
        "hopeful": ("optimism", "desire"),
        "proud": ("pride", "admiration"),
        "loved": ("love", "caring", "gratitude"),
        "relaxed": ("relief", "joy"),
        "energetic": ("excitement", "joy"),
        "motivated": ("optimism", "desire", "excitement"),
        "confused": ("confusion",),
        "disappointed": ("disappointment",),
        "frustrated": ("annoyance", "anger", "disappointment"),
        "irritable": ("annoyance", "anger"),
        "nervous": ("nervousness", "fear"),
        "overwhelmed": ("nervousness", "fear", "sadness"),
        "restless": ("nervousness",),
        "scared": ("fear", "nervousness"),
        "ashamed": ("embarrassment", "remorse"),
        "guilty": ("remorse",),
        "hopeless": ("sadness", "grief", "disappointment"),
        "empty": ("sadness",),
        "worthless": ("sadness", "remorse", "embarrassment"),
    }.items()
}  # fmt: skip


def _polarity(labels: frozenset[str]) -> str:
    if labels <= POSITIVE_EMOTIONS:
        return "positive"
    if labels <= NEGATIVE_EMOTIONS:
        return "negative"
    return "mixed"


@dataclass(frozen=True)
class ChosenEmotionCheck:
    supported: list[str]  # the text expresses it
    contradicted: list[str]  # the text expresses only the opposite
    not_assessed: list[str]  # no counterpart in the model, or the text shows no emotion


def check_chosen(chosen: list[str], detected: Emotions) -> ChosenEmotionCheck:
    found = set(detected.labels) - {"neutral"}
    supported, contradicted, not_assessed = [], [], []
    text_polarity = _polarity(frozenset(found)) if found else None
    for word in chosen:
        evidence = VOCABULARY_EVIDENCE.get(word)
        if evidence is None or text_polarity is None:
            not_assessed.append(word)
        elif evidence & found:
            supported.append(word)
        elif _polarity(evidence) in ("positive", "negative") and text_polarity not in (
            "mixed",
            _polarity(evidence),
        ):
            contradicted.append(word)
        else:
            not_assessed.append(word)
    return ChosenEmotionCheck(supported, contradicted, not_assessed)
