"""Journal heads that read a note's words and letters rather than its embedding.

The sentence encoder gives what a note is about; the way a risk is put often lies in a few
plain words the encoder blurs: "rehomed the cat", "took the lot", "cut tonight". Two linear
heads over sublinear TF-IDF n-grams (word unigrams and bigrams; letter 2–5-grams inside
words, which also catch misspellings and "kms"-style shorthand) learn the journal levels from
the same notes as the embedding head, and the three heads' level probabilities are averaged.
The heads train with scikit-learn (`training/heads.py`) and run here in NumPy, from the same
n-gram functions, so both compute the same features.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from mindtrack.ml.artefacts import LinearHead, Vocabulary

_WORD = re.compile(r"\w+(?:'\w+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
LETTER_GRAMS = range(2, 6)


def _lower(text: str) -> str:
    return text.translate(_APOSTROPHES).lower()


def word_ngrams(text: str) -> list[str]:
    words = _WORD.findall(_lower(text))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def letter_ngrams(text: str) -> list[str]:
    grams: list[str] = []
    for word in _lower(text).split():
        padded = f" {word} "
        for n in LETTER_GRAMS:
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


ANALYSERS: dict[str, Callable[[str], list[str]]] = {
    "words": word_ngrams,
    "letters": letter_ngrams,
}


@dataclass(frozen=True)
class NgramHead:
    kind: str
    vocabulary: Vocabulary
    head: LinearHead

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and L2-normalised TF-IDF values of the note's known n-grams."""
        index = self.vocabulary.index
        counts = Counter(g for g in ANALYSERS[self.kind](text) if g in index)
        columns = np.fromiter((index[g] for g in counts), dtype=np.int64, count=len(counts))
        frequencies = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        values = (1.0 + np.log(frequencies)) * self.vocabulary.idf[columns]
        norm = float(np.linalg.norm(values))
        return columns, values / norm if norm else values

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        out = np.tile(self.head.bias, (len(texts), 1)).astype(np.float64)
        for row, text in enumerate(texts):
            columns, values = self.features(text)
            out[row] += self.head.weight[:, columns] @ values
        return out
