"""The whole text pipeline: one encoder pass per note, then every head."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mindtrack.ml.artefacts import HeadArtefact, ModelFileError, load_head
from mindtrack.ml.crisis.model import CrisisModel, CrisisSignal, assess_patterns_only
from mindtrack.ml.emotions import NO_EMOTIONS, EmotionModel, Emotions
from mindtrack.ml.encoder import DEFAULT_ENCODER, DEFAULT_RUNTIME, Runtime, TextEncoder
from mindtrack.ml.insights import TextInsights, analyse
from mindtrack.ml.sentiment import NEUTRAL_SENTIMENT, Sentiment, SentimentModel
from mindtrack.ml.text import has_words, model_input

TASKS = ("sentiment", "emotions", "crisis")
ADAPTER_FOLDER = "encoder"
_LATIN_WORD = re.compile(r"\b[a-zA-Z]{2,}\b")
_ANY_WORD = re.compile(r"\w{2,}")


@dataclass(frozen=True)
class TextAnalysis:
    sentiment: Sentiment
    emotions: Emotions
    crisis: CrisisSignal
    insights: TextInsights
    has_text: bool
    # The models read English. Text mostly in another script is still analysed (the crisis
    # patterns and the classifier see it) but marked less reliable.
    reliable: bool


@dataclass(frozen=True)
class ModelVersions:
    encoder: str
    sentiment: str
    emotions: str
    crisis: str

    def as_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("encoder", "sentiment", "emotions", "crisis")}


@dataclass
class TextAnalyzer:
    encoder: TextEncoder
    sentiment: SentimentModel
    emotions: EmotionModel
    crisis: CrisisModel
    load_seconds: float = field(default=0.0)

    @classmethod
    def load(
        cls, models_dir: Path, encoder: str = DEFAULT_ENCODER, runtime: Runtime = DEFAULT_RUNTIME
    ) -> TextAnalyzer:
        started = time.perf_counter()
        artefacts = verify_model_files(models_dir, encoder)
        adapter = models_dir / ADAPTER_FOLDER
        has_adapter = (adapter / "adapter_config.json").is_file()
        text_encoder = TextEncoder.load(
            encoder, adapter=adapter if has_adapter else None, runtime=runtime
        )
        for artefact in artefacts.values():
            _check_fits(artefact, text_encoder)
        analyzer = cls(
            text_encoder,
            SentimentModel(artefacts["sentiment"]),
            EmotionModel(artefacts["emotions"]),
            CrisisModel(artefacts["crisis"]),
        )
        analyzer.warm_up()
        analyzer.load_seconds = round(time.perf_counter() - started, 2)
        return analyzer

    @property
    def versions(self) -> ModelVersions:
        info = self.encoder.info
        encoder = info.name + (f"+{info.adapter_digest}" if info.adapter_digest else "")
        return ModelVersions(
            encoder=encoder,
            sentiment=self.sentiment.artefact.version,
            emotions=self.emotions.artefact.version,
            crisis=self.crisis.artefact.version,
        )

    def warm_up(self) -> None:
        self.analyze(["Warming up: a short note about a calm day."])

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.embed([model_input(t) for t in texts])

    def analyze(
        self, notes: list[str], scores: list[int | None] | None = None
    ) -> list[TextAnalysis]:
        """One analysis per note, in order. Notes without words skip the encoder."""
        scores = scores or [None] * len(notes)
        readable = [i for i, note in enumerate(notes) if has_words(note)]
        inputs = [model_input(notes[i]) for i in readable]
        features = self.encoder.embed(inputs)
        sentiments = self.sentiment.predict(features)
        emotions = self.emotions.predict(features)
        crises = self.crisis.assess([notes[i] for i in readable], features, self.embed, inputs)
        by_index = {i: k for k, i in enumerate(readable)}
        results = []
        for i, note in enumerate(notes):
            k = by_index.get(i)
            if k is None:
                results.append(patterns_only(note))
                continue
            results.append(
                TextAnalysis(
                    sentiment=sentiments[k],
                    emotions=emotions[k],
                    crisis=crises[k],
                    insights=analyse(note, emotions[k].labels, scores[i]),
                    has_text=True,
                    reliable=_looks_english(note),
                )
            )
        return results


def verify_model_files(models_dir: Path, encoder: str = DEFAULT_ENCODER) -> dict[str, HeadArtefact]:
    """Every head, read and checked; fails fast, with the file and the command to rebuild it,
    before the slow encoder load."""
    if not models_dir.is_dir():
        raise ModelFileError(f"model folder {models_dir} does not exist")
    adapter = models_dir / ADAPTER_FOLDER
    if (adapter / "adapter_config.json").is_file():
        _check_adapter_fits(adapter, encoder)
    return {task: load_head(models_dir / task) for task in TASKS}


def patterns_only(note: str, *, has_text: bool = False) -> TextAnalysis:
    """A note read by the crisis patterns alone: one without words, or one the models failed
    on (`has_text`; marked unreliable, since no model read it)."""
    return TextAnalysis(
        sentiment=NEUTRAL_SENTIMENT,
        emotions=NO_EMOTIONS,
        crisis=assess_patterns_only(note),
        insights=TextInsights(themes=[], key_phrases=[], energy="moderate"),
        has_text=has_text,
        reliable=not has_text,
    )


def _looks_english(note: str) -> bool:
    words = _ANY_WORD.findall(note)
    return not words or len(_LATIN_WORD.findall(note)) >= 0.6 * len(words)


def _check_adapter_fits(adapter: Path, encoder: str) -> None:
    try:
        trained_on = json.loads((adapter / "training.json").read_text())["config"]["encoder"]
    except (OSError, ValueError, KeyError) as exc:
        raise ModelFileError(f"{adapter}/training.json is missing or corrupt: {exc}") from exc
    if trained_on != encoder:
        raise ModelFileError(
            f"the adapter in {adapter} was trained on encoder {trained_on!r}, but "
            f"{encoder!r} is configured; retrain it with `mindtrack ml train all`"
        )


def _check_fits(artefact: HeadArtefact, encoder: TextEncoder) -> None:
    expected = artefact.meta.get("encoder", {})
    info = encoder.info
    if expected.get("name") != info.name or expected.get("adapter_digest") != info.adapter_digest:
        raise ModelFileError(
            f"models/{artefact.name} was trained on encoder {expected.get('name')!r} "
            f"(adapter {expected.get('adapter_digest')}), but the loaded encoder is {info.name!r} "
            f"(adapter {info.adapter_digest}); retrain it with `mindtrack ml train {artefact.name}`"
        )
    for name, head in artefact.heads.items():
        if name not in artefact.vocabularies and head.dimension != info.dimension:
            raise ModelFileError(
                f"models/{artefact.name} expects {head.dimension}-dimensional features, "
                f"the encoder gives {info.dimension}"
            )
