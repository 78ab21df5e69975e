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
