"""`mindtrack ml evaluate`: every target, on splits that tuning never saw; and, apart, the
figures that choices between training runs are made on."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import CrisisSignal
from mindtrack.ml.labels import GOEMOTIONS_LABELS, SENTIMENT_LABELS
from mindtrack.ml.pipeline import TextAnalyzer
from mindtrack.ml.text import clean
from mindtrack.ml.training import datasets
from mindtrack.ml.training.bias import dev_name_pairs, swap_pairs
from mindtrack.ml.training.heads import crisis_metrics, everyday_notes, macro_recall, read_journal

BOOTSTRAP_ROUNDS = 1000


@dataclass(frozen=True)
class Result:
    task: str
    data: str
    metric: str
    value: float
    interval: tuple[float, float] | None
    target: str
    met: bool
    baseline: str = ""


def bootstrap(metric: Callable[[np.ndarray], float], n: int, seed: int = 0) -> tuple[float, float]:
    """95 % percentile interval of `metric` over resampled row indices."""
    rng = np.random.default_rng(seed)
    values = [metric(rng.integers(0, n, n)) for _ in range(BOOTSTRAP_ROUNDS)]
    low, high = np.percentile(values, [2.5, 97.5])
    return round(float(low), 3), round(float(high), 3)


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = (gold & predicted).sum(0)
    denominator = gold.sum(0) + predicted.sum(0)
    return float(np.mean(np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0)))


def evaluate_emotions(analyzer: TextAnalyzer, root: Path) -> list[Result]:
    test = datasets.goemotions(root, "test")
    gold = np.array([[label in r.labels for label in GOEMOTIONS_LABELS] for r in test])
    scores = analyzer.emotions.probabilities(analyzer.embed([r.text for r in test]))
    tuned = scores >= analyzer.emotions.thresholds
    value = macro_f1(gold, tuned)
    fixed = macro_f1(gold, scores >= 0.5)
    return [
        Result(
            "emotions", "GoEmotions test (28 labels)", "macro-F1", round(value, 4),
            bootstrap(lambda i: macro_f1(gold[i], tuned[i]), len(test)), "≥ 0.46 (never < 0.40)",
            value >= 0.46, f"at a fixed 0.5: {fixed:.3f}; BERT-base (paper) 0.46; frozen MiniLM + LR 0.378",
        )
    ]  # fmt: skip


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, bins: int = 15
) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


def _binary_correct(analyzer: TextAnalyzer, rows: list[datasets.LabelledText]) -> np.ndarray:
    """A binary set: the larger of P(negative) and P(positive) decides."""
    probabilities = analyzer.sentiment.probabilities(analyzer.embed([r.text for r in rows]))
    positive = np.array([r.label == "positive" for r in rows])
    correct: np.ndarray = (probabilities[:, 2] > probabilities[:, 0]) == positive
    return correct


def evaluate_sentiment(analyzer: TextAnalyzer, root: Path) -> list[Result]:
    correct = _binary_correct(analyzer, datasets.sst2(root, "dev"))
    tweets = datasets.tweeteval(root, "test")
    gold = np.array([SENTIMENT_LABELS.index(r.label) for r in tweets])
    tweet_probabilities = analyzer.sentiment.probabilities(analyzer.embed([r.text for r in tweets]))
    predicted = np.argmax(tweet_probabilities, axis=1)
    recall = macro_recall(gold, predicted, 3)
    ece = expected_calibration_error(tweet_probabilities.max(axis=1), predicted == gold)
    return [
        Result(
            "sentiment", "SST-2 dev", "accuracy", round(float(correct.mean()), 4),
            bootstrap(lambda i: float(correct[i].mean()), len(correct)), "≥ 0.90",
            bool(correct.mean() >= 0.90), "DistilBERT fine-tuned ≈ 0.91; frozen MiniLM + LR 0.807",
        ),
        Result(
            "sentiment", "TweetEval sentiment test", "macro-recall", round(recall, 4),
            bootstrap(lambda i: macro_recall(gold[i], predicted[i], 3), len(gold)), "≥ 0.65",
            recall >= 0.65, f"RoBERTa-base (TweetEval paper) 0.723; calibration error {ece:.3f}",
        ),
    ]  # fmt: skip


def assess_journal(
    analyzer: TextAnalyzer, path: Path
) -> tuple[list[dict[str, str]], list[CrisisSignal]]:
    """A file of labelled notes in the journal's format, and the crisis signal of each."""
    rows = read_journal(path)
    texts = [r["text"] for r in rows]
    return rows, analyzer.crisis.assess(texts, analyzer.embed(texts))


def evaluate_crisis(analyzer: TextAnalyzer, root: Path, journal: Path) -> list[Result]:
    rows, signals = assess_journal(analyzer, journal / "test.jsonl")
    flagged = np.array([s.risk >= RiskLevel.MODERATE for s in signals])
    gold = np.array([RiskLevel.parse(r["level"]) >= RiskLevel.MODERATE for r in rows])
    hard = np.flatnonzero([r["category"].startswith("hard_") for r in rows])
    raised = np.array([s.risk > RiskLevel.NONE for s in signals])[hard]
    exact = float(np.mean([s.level == r["level"] for s, r in zip(signals, rows, strict=True)]))

    def recall(i: np.ndarray) -> float:
        return float(flagged[i][gold[i]].mean()) if gold[i].any() else 0.0

    def precision(i: np.ndarray) -> float:
        return float(gold[i][flagged[i]].mean()) if flagged[i].any() else 0.0

    every = np.arange(len(rows))
    fpr = float(raised.mean()) if len(hard) else 0.0
    reddit = datasets.suicide_detection(root, "test")
    probability = analyzer.crisis.probabilities(analyzer.embed([r.text for r in reddit]))
    truth = np.array([r.label == "risk" for r in reddit])
    predicted = probability >= 0.5
    ece = expected_calibration_error(
        np.where(predicted, probability, 1 - probability), predicted == truth
    )
    return [
        Result("crisis", f"journal test ({len(rows)} notes), ≥ moderate", "recall", round(recall(every), 4), bootstrap(recall, len(rows)), "≥ 0.95", recall(every) >= 0.95, f"exact level {exact:.3f}"),
        Result("crisis", "journal test, ≥ moderate", "precision", round(precision(every), 4), bootstrap(precision, len(rows)), "≥ 0.90", precision(every) >= 0.90),
        Result("crisis", f"journal hard negatives ({len(hard)})", "false-positive rate", round(fpr, 4), bootstrap(lambda i: float(raised[i].mean()), len(hard)) if len(hard) else None, "< 0.05", fpr < 0.05, "any level above none counts"),
        Result("crisis", f"suicide-detection test ({len(reddit)} posts)", "Reddit head accuracy", round(float((predicted == truth).mean()), 4), None, "–", True, f"calibration error {ece:.3f}"),
        _everyday_alarms(analyzer, root),
    ]  # fmt: skip


EVERYDAY_TEST_NOTES = 1000


def _everyday_alarms(analyzer: TextAnalyzer, root: Path) -> Result:
    """How often ordinary feelings with no word of risk at all are raised to `moderate` or
    above: the false alarms a person would meet most."""
    notes = [n["text"] for n in everyday_notes(root, "test", EVERYDAY_TEST_NOTES)]
    signals = analyzer.crisis.assess(notes, analyzer.embed(notes))
    alarms = np.array([s.risk >= RiskLevel.MODERATE for s in signals])
    lifted = float(np.mean([s.risk > RiskLevel.NONE for s in signals])) if notes else 0.0
    rate = float(alarms.mean()) if notes else 0.0
    return Result(
        "crisis", f"dair-emotion test, everyday feelings ({len(notes)})", "raised to ≥ moderate",
        round(rate, 4), bootstrap(lambda i: float(alarms[i].mean()), len(notes)) if notes else None,
        "–", True, f"any level above none {lifted:.3f}",
    )  # fmt: skip


def _changes(
    analyzer: TextAnalyzer, first: list[str], second: list[str], neutralise: bool
) -> tuple[np.ndarray, np.ndarray]:
    """How far valence and crisis score move within each pair."""

    def read(notes: list[str]) -> tuple[np.ndarray, list[float]]:
        if neutralise:
            features = analyzer.embed(notes)
        else:
            features = analyzer.encoder.embed([clean(n) for n in notes])
        probabilities = analyzer.sentiment.probabilities(features)
        valence = probabilities[:, 2] - probabilities[:, 0]
        return valence, [s.score for s in analyzer.crisis.assess(notes, features)]

    valence_a, crisis_a = read(first)
    valence_b, crisis_b = read(second)
    return np.abs(valence_a - valence_b), np.abs(np.array(crisis_a) - np.array(crisis_b))


def evaluate_bias(analyzer: TextAnalyzer) -> list[Result]:
    pairs = swap_pairs()
    first, second = [a for _, a, _ in pairs], [b for _, _, b in pairs]
    valence_changes, crisis_changes = _changes(analyzer, first, second, neutralise=True)
    raw_valence_changes, raw_crisis_changes = _changes(analyzer, first, second, neutralise=False)
    unlisted = np.array([group == "unlisted names" for group, _, _ in pairs])
    valence, crisis = float(valence_changes.max()), float(crisis_changes.max())
    raw_valence, raw_crisis = float(raw_valence_changes.max()), float(raw_crisis_changes.max())
    unlisted_valence = float(valence_changes[unlisted].max())
    unlisted_crisis = float(crisis_changes[unlisted].max())
    data = f"identity-swap pairs ({len(pairs)})"
    return [
        Result("bias", data, "max Δ valence", round(valence, 4), None, "< 0.05", valence < 0.05,
               f"names not on the list {unlisted_valence:.3f}; without neutralising {raw_valence:.3f}"),
        Result("bias", data, "max Δ crisis score", round(crisis, 4), None, "< 0.05", crisis < 0.05,
               f"names not on the list {unlisted_crisis:.3f}; without neutralising {raw_crisis:.3f}"),
    ]  # fmt: skip


def evaluate_selection(analyzer: TextAnalyzer, root: Path, journal: Path) -> list[Result]:
    """Figures for choosing between training runs, on data no target is measured on: SST-2
    training phrases that encoder training leaves out, the journal's dev notes, and unlisted
    names in frames of their own. Dev notes tune the crisis thresholds, so they flatter."""
    _, held_out = datasets.split_sst2(datasets.sst2(root, "train"), datasets.SST2_HELD_OUT, 0)
    accuracy = float(_binary_correct(analyzer, held_out).mean()) if held_out else 0.0
    rows, signals = assess_journal(analyzer, journal / "dev.jsonl")
    dev = crisis_metrics(signals, rows)
    pairs = dev_name_pairs()
    valence, crisis = _changes(analyzer, [a for _, a, _ in pairs], [b for _, _, b in pairs], True)
    return [
        Result("sentiment", f"SST-2 train phrases held out ({len(held_out)})", "accuracy", round(accuracy, 4), None, "–", True),
        Result("crisis", f"journal dev ({len(rows)} notes)", "recall / precision / hard negatives", dev["recall"], None, "–", True, f"precision {dev['precision']:.3f}; hard negatives raised {dev['hard_negative_fpr']:.3f}"),
        Result("bias", f"unlisted-name pairs of their own ({len(pairs)})", "max Δ valence", round(float(valence.max()), 4), None, "–", True, f"max Δ crisis score {float(crisis.max()):.3f}"),
    ]  # fmt: skip


@dataclass(frozen=True)
class NoteMistake:
    id: str
    level: str
    predicted: str
    category: str
    text: str


def evaluate_notes(
    analyzer: TextAnalyzer, path: Path
) -> tuple[dict[str, float], list[NoteMistake]]:
    """The crisis detector over any file of labelled notes in the journal's format: the
    figures the targets use, and each note whose level lands on the wrong side of `moderate`
    or, for a hard negative, above `none`."""
    rows, signals = assess_journal(analyzer, path)
    mistakes = [
        NoteMistake(r.get("id", str(i)), r["level"], s.level, r["category"], r["text"])
        for i, (s, r) in enumerate(zip(signals, rows, strict=True))
        if _wrong_side(s.risk, r)
    ]
    return {"notes": len(rows), **crisis_metrics(signals, rows)}, mistakes


def _wrong_side(predicted: RiskLevel, row: dict[str, str]) -> bool:
    if row["category"].startswith("hard_"):
        return predicted > RiskLevel.NONE
    return (predicted >= RiskLevel.MODERATE) != (
        RiskLevel.parse(row["level"]) >= RiskLevel.MODERATE
    )


def render_notes(figures: dict[str, float], mistakes: list[NoteMistake]) -> str:
    lines = [
        f"{int(figures['notes'])} notes: recall {figures['recall']:.3f}, precision "
        f"{figures['precision']:.3f} (level ≥ moderate); hard negatives raised "
        f"{figures['hard_negative_fpr']:.3f}; exact level {figures['exact_level']:.3f}",
    ]
    if mistakes:
        lines += ["", "| id | labelled | detected | category | text |", "|---|---|---|---|---|"]
        lines += [
            f"| {m.id} | {m.level} | {m.predicted} | {m.category} | {m.text.replace('|', '/')} |"
            for m in mistakes
        ]
    return "\n".join(lines)


def evaluate_all(analyzer: TextAnalyzer, root: Path, journal: Path) -> list[Result]:
    return [
        *evaluate_emotions(analyzer, root),
        *evaluate_sentiment(analyzer, root),
        *evaluate_crisis(analyzer, root, journal),
        *evaluate_bias(analyzer),
    ]


def render(results: list[Result]) -> str:
    lines = [
        "| task | data | metric | value | 95% CI | target | met | reference |",
        "|---|---|---|---:|---|---|---|---|",
    ]
    for r in results:
        interval = f"{r.interval[0]:.3f}–{r.interval[1]:.3f}" if r.interval else "–"
        lines.append(
            f"| {r.task} | {r.data} | {r.metric} | {r.value:.3f} | {interval} | {r.target} | "
            f"{'yes' if r.met else 'NO'} | {r.baseline} |"
        )
    return "\n".join(lines)


__all__ = ["RiskLevel", "evaluate_all", "render"]
