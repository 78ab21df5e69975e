"""Negative / neutral / positive, with probabilities and a valence in [-1, 1]."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mindtrack.ml.artefacts import HeadArtefact, ModelFileError
from mindtrack.ml.emotions import sigmoid
from mindtrack.ml.labels import SENTIMENT_LABELS


@dataclass(frozen=True)
class Sentiment:
    label: str
    scores: dict[str, float]
    valence: float

    @property
    def confidence(self) -> float:
        return self.scores[self.label]


NEUTRAL_SENTIMENT = Sentiment(
    label="neutral", scores={"negative": 0.0, "neutral": 1.0, "positive": 0.0}, valence=0.0
)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)  # type: ignore[no-any-return]


def three_way(polarity_logits: np.ndarray, neutral_logits: np.ndarray) -> np.ndarray:
    """P(negative), P(neutral), P(positive) from the neutral head's logit and the main head's
    positive-against-negative logit: neutral first, the rest split between the two sides."""
    neutral = sigmoid(neutral_logits)
    positive = sigmoid(polarity_logits)
    sided = 1.0 - neutral
    return np.column_stack([sided * (1.0 - positive), neutral, sided * positive])


class SentimentModel:
    """Three linear heads over the encoder. The main head was trained on film reviews and
    Reddit comments and decides between negative and positive; a polarity head fitted on
    TweetEval's validation tweets adds, at a fixed weight, how people take sides on social
    media; the neutral head, fitted on the same tweets, decides how likely the text takes no
    side at all. Temperature and the offsets come from those tweets (see the model card);
    valence is P(positive) − P(negative)."""

    def __init__(self, artefact: HeadArtefact) -> None:
        meta = artefact.meta
        if tuple(meta["labels"]) != SENTIMENT_LABELS:
            raise ValueError(f"sentiment labels must be {SENTIMENT_LABELS}")
        for name in ("neutral", "tweets"):
            if name not in artefact.heads:
                raise ModelFileError(
                    f"the {artefact.name} model has no {name} head; "
                    "run `mindtrack ml train sentiment`"
                )
        self.artefact = artefact
        self.temperature = float(meta["temperature"])
        self.positive_offset = float(meta["positive_offset"])
        self.tweet_weight = float(meta["tweet_polarity_weight"])

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        heads = self.artefact.heads
        logits = self.artefact.head.logits(features) / self.temperature
        tweets = heads["tweets"].logits(features)[:, 0]
        polarity = logits[:, 2] - logits[:, 0] + self.tweet_weight * tweets
        return three_way(polarity + self.positive_offset, heads["neutral"].logits(features)[:, 0])

    def predict(self, features: np.ndarray) -> list[Sentiment]:
        return [self._result(row) for row in self.probabilities(features)]

    @staticmethod
    def _result(probabilities: np.ndarray) -> Sentiment:
        scores = {
            label: round(float(p), 4)
            for label, p in zip(SENTIMENT_LABELS, probabilities, strict=True)
        }
        label = SENTIMENT_LABELS[int(np.argmax(probabilities))]
        valence = float(probabilities[2] - probabilities[0])
        return Sentiment(label=label, scores=scores, valence=round(valence, 4))
