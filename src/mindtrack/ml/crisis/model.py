"""Crisis risk of a note: the higher of what the patterns and the journal head say.

The Reddit-trained probability was learnt from posts labelled by subreddit, which says little
about any one sentence, so on its own it may lift a note to `low` (distress worth a gentle
check-in) but never higher. Every level above `none` comes with evidence a person can read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from mindtrack.ml.artefacts import HeadArtefact
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.ngrams import NgramHead
from mindtrack.ml.crisis.patterns import PatternMatch, find_signals, only_harmless_mentions
from mindtrack.ml.crisis.rules import ACTIVE, METHOD, PASSIVE, PLAN
from mindtrack.ml.emotions import sigmoid
from mindtrack.ml.sentiment import softmax
from mindtrack.ml.text import MAX_MODEL_CHARS, model_input


@dataclass(frozen=True)
class Evidence:
    signal: str
    level: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CrisisSignal:
    level: str
    score: float
    model_probability: float | None
    evidence: list[Evidence]

    @property
    def risk(self) -> RiskLevel:
        return RiskLevel.parse(self.level)


NO_RISK = CrisisSignal(level="none", score=0.0, model_probability=None, evidence=[])


def level_of(matches: list[PatternMatch]) -> RiskLevel:
    level = max((m.level for m in matches), default=RiskLevel.NONE)
    signals = {m.signal for m in matches}
    # A method or a plan on top of thoughts of dying is C-SSRS's "active ideation with method"
    # or "with plan": at least high, whichever rule fired first. Self-harm with its means
    # (pills to numb out, a razor) stays self-harm.
    if signals & {PASSIVE, ACTIVE} and signals & {METHOD, PLAN}:
        level = max(level, RiskLevel.HIGH)
    return level


SentenceEmbedder = Callable[[list[str]], np.ndarray]


def cumulative_levels(logits: np.ndarray) -> np.ndarray:
    """P(level ≥ L) for L = none … imminent from a five-level head's logits, one row per note."""
    probabilities = softmax(logits)
    at_least: np.ndarray = np.cumsum(probabilities[:, ::-1], axis=1)[:, ::-1]
    return at_least


@dataclass(frozen=True)
class PatternReading:
    """What the patterns make of a note: its matches, and (read only when the journal head
    would raise the level) whether every word of death in it is used harmlessly."""

    note: str
    matches: list[PatternMatch]

    @classmethod
    def of(cls, note: str) -> PatternReading:
        return cls(note, find_signals(note))

    @cached_property
    def only_harmless(self) -> bool:
        return not self.matches and only_harmless_mentions(self.note)


_SENTENCES = re.compile(r"[^.!?;\n]+[.!?;]*")
# P(≥ moderate) from the journal heads at which a note counts even when every word of death in
# it looks harmless to the patterns: at that confidence the patterns' excuse has been wrong
# (a denial that was a lie, a story that turns to the writer) and not once right on the fresh
# sets (models/crisis/CHANGELOG.md).
SURE_DESPITE_HARMLESS_WORDS = 0.95


class CrisisModel:
    """Two heads over the shared encoder: `journal` reads a note's level the way the labelling
    guide does (trained on hand-written journal notes), `main` is the Reddit-trained
    probability that a text comes from a suicide-risk forum. Beside `journal`, n-gram heads
    (see `ngrams`) learn the same levels from the note's words and letters; the journal level
    is the average of the three. Patterns give the evidence; the journal heads catch what the
    patterns cannot phrase, and say which sentence moved them."""

    def __init__(self, artefact: HeadArtefact) -> None:
        self.artefact = artefact
        meta = artefact.meta
        self.temperature = float(meta.get("temperature", 1.0))
        self.low_threshold = float(meta["low_threshold"])
        self.level_thresholds = {
            RiskLevel.parse(name): float(value) for name, value in meta["level_thresholds"].items()
        }
        self.journal = artefact.heads.get("journal")
        # load_head has checked that every declared n-gram head has its vocabulary.
        self.ngram_heads = [
            NgramHead(kind, artefact.vocabularies[kind], artefact.heads[kind])
            for kind in meta.get("vocabulary_heads", [])
        ]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = self.artefact.head.logits(features)[:, 0] / self.temperature
        return sigmoid(logits)

    def level_probabilities(self, features: np.ndarray, inputs: Sequence[str]) -> np.ndarray:
        """P(level ≥ L) for L = none … imminent, one row per note: the mean over the journal
        heads. `inputs` are the notes as the encoder read them (`model_input`)."""
        if self.journal is None:
            return np.zeros((len(features), len(RiskLevel)))
        readings = [cumulative_levels(self.journal.logits(features))]
        readings += [cumulative_levels(head.logits(inputs)) for head in self.ngram_heads]
        mean: np.ndarray = np.mean(readings, axis=0)
        return mean

    def model_level(self, at_least: np.ndarray) -> RiskLevel:
        """The highest level whose threshold is met along with every lower one's."""
        level = RiskLevel.NONE
        for candidate, threshold in sorted(self.level_thresholds.items()):
            if at_least[candidate] < threshold:
                break
            level = candidate
        return level

    def assess(
        self,
        notes: list[str],
        features: np.ndarray,
        embed: SentenceEmbedder | None = None,
        inputs: Sequence[str] | None = None,
    ) -> list[CrisisSignal]:
        """`inputs`, when the caller has them, are the notes as the encoder read them."""
        if not notes:
            return []
        return self.combine(
            notes,
            [PatternReading.of(note) for note in notes],
            self.probabilities(features),
            self.level_probabilities(features, inputs or [model_input(n) for n in notes]),
            embed,
        )

    def combine(
        self,
        notes: list[str],
        readings: list[PatternReading],
        probabilities: np.ndarray,
        at_least: np.ndarray,
        embed: SentenceEmbedder | None = None,
    ) -> list[CrisisSignal]:
        """Each note's signal from what its patterns found and what the heads gave it (training
        tunes thresholds over readings and probabilities computed once)."""
        rows = zip(notes, readings, probabilities, at_least, strict=True)
        return [self._assess(note, reading, float(p), row, embed) for note, reading, p, row in rows]

    def _assess(
        self,
        note: str,
        reading: PatternReading,
        probability: float,
        at_least: np.ndarray,
        embed: SentenceEmbedder | None,
    ) -> CrisisSignal:
        matches = reading.matches
        level = level_of(matches)
        evidence = [Evidence(m.signal, m.level.label, m.text, m.start, m.end) for m in matches]
        learned = self.model_level(at_least)
        # Words of death used only as idioms, denials, about others or about a story: the
        # learned head reacts to the words, the patterns know the use, unless the heads are
        # all but certain.
        sure = at_least[RiskLevel.MODERATE] >= SURE_DESPITE_HARMLESS_WORDS
        if learned > level and (sure or not reading.only_harmless):
            level = learned
            evidence.append(self.model_evidence(note, learned, embed))
        if level is RiskLevel.NONE and probability >= self.low_threshold:
            level = RiskLevel.LOW
        low, high = level.band
        score = low + (high - low) * max(probability, float(at_least[max(level, 1)]))
        return CrisisSignal(
            level.label, round(min(score, high), 4), round(probability, 4), evidence
        )

    def model_evidence(
        self, note: str, level: RiskLevel, embed: SentenceEmbedder | None
    ) -> Evidence:
        """The evidence for a level the journal heads raised: the sentence they read as
        riskiest (`embed` reads sentences; without it, the first sentence)."""
        spans = [m.span() for m in _SENTENCES.finditer(note) if m.group().strip()]
        start, end = spans[0] if spans else (0, len(note))
        # The sentences the heads read (they read the note's first characters), each once: a
        # long note that repeats itself would otherwise cost an encoder pass a sentence.
        first_span: dict[str, tuple[int, int]] = {}
        for a, b in spans:
            if a < MAX_MODEL_CHARS:
                first_span.setdefault(note[a:b], (a, b))
        if embed is not None and len(first_span) > 1:
            sentences = list(first_span)
            inputs = [model_input(sentence) for sentence in sentences]
            risk = self.level_probabilities(embed(sentences), inputs)[:, RiskLevel.MODERATE]
            start, end = first_span[sentences[int(np.argmax(risk))]]
        while start < end and note[start].isspace():
            start += 1
        return Evidence("model", level.label, note[start:end], start, end)


def assess_patterns_only(note: str) -> CrisisSignal:
    """The level from patterns alone (no encoder), for evaluation and for notes the encoder
    cannot read."""
    matches = find_signals(note)
    level = level_of(matches)
    low, _ = level.band
    evidence = [Evidence(m.signal, m.level.label, m.text, m.start, m.end) for m in matches]
    return CrisisSignal(level.label, round(low, 4), None, evidence)
