"""Ordinary feelings that the crisis journal heads learn as `none`."""

from __future__ import annotations

from pathlib import Path

from mindtrack.ml.training.heads import everyday_notes


def test_everyday_notes_leave_out_any_word_of_risk(tiny_datasets: Path) -> None:
    notes = everyday_notes(tiny_datasets, "train", limit=10)

    assert {n["text"] for n in notes} == {
        "i feel calm after the walk",
        "i feel so angry at the bus company",
        "i feel nervous about the exam",
    }
    assert {(n["level"], n["category"]) for n in notes} == {("none", "everyday")}
    assert len({n["id"] for n in notes}) == len(notes)


def test_everyday_notes_stop_at_the_limit_in_a_fixed_order(tiny_datasets: Path) -> None:
    first = everyday_notes(tiny_datasets, "train", limit=2, seed=3)
    assert len(first) == 2
    assert first == everyday_notes(tiny_datasets, "train", limit=2, seed=3)


def test_thresholds_give_up_recall_before_raising_everyday_feelings() -> None:
    import numpy as np

    from mindtrack.ml.artefacts import LinearHead
    from mindtrack.ml.crisis.model import PatternReading
    from mindtrack.ml.training.heads import tune_crisis

    def leaning(p: float) -> list[float]:  # P(≥ none … imminent) with `moderate` at p
        return [1.0, p, p, 0.0, 0.0]

    risky = [("a heavy week, every day", "moderate", "passive_ideation", 0.9)] * 5 + [
        ("a heavy month, every night", "moderate", "passive_ideation", 0.5)
    ] * 5
    calm = [("a quiet afternoon", "none", "hard_plans", 0.1)] * 10
    rows = [{"text": t, "level": lv, "category": c} for t, lv, c, _ in risky + calm]
    pool = np.array([leaning(p) for *_, p in risky + calm])
    everyday = ["a walk in the park"] * 100
    everyday_at_least = np.array([leaning(0.55)] * 10 + [leaning(0.05)] * 90)
    head = LinearHead(np.zeros((1, 4), dtype=np.float32), np.zeros(1, dtype=np.float32))

    def tune(everyday_rate_at_least: np.ndarray) -> tuple[float, dict[str, float]]:
        readings = [PatternReading.of(r["text"]) for r in rows]
        _, (thresholds, _, report) = tune_crisis(
            head, 1.0, rows, readings, np.zeros(len(rows)), pool,
            (everyday, [PatternReading.of(n) for n in everyday], np.zeros(100), everyday_rate_at_least),
        )  # fmt: skip
        return min(thresholds.values()), report

    quiet_days = np.array([leaning(0.05)] * 100)
    threshold, report = tune(quiet_days)
    assert threshold <= 0.5
    assert report["recall"] == 1.0
    threshold, report = tune(everyday_at_least)
    assert 0.55 < threshold <= 0.9
    assert report["everyday_alarms"] == 0.0
    assert report["recall"] == 0.5
