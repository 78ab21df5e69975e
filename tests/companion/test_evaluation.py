"""`mindtrack ml evaluate companion` over the scripted conversations kept in the repo, with
the shipped text models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mindtrack.ml.pipeline import TextAnalyzer
from mindtrack.ml.training.companion_eval import evaluate_companion, render_companion
from tests.conftest import MODELS_DIR

CONVERSATIONS = Path(__file__).parents[2] / "eval" / "companion" / "conversations.jsonl"


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer.load(MODELS_DIR)


def test_the_set_has_sixty_conversations_with_labelled_risk() -> None:
    rows = [json.loads(line) for line in CONVERSATIONS.read_text().splitlines()]
    assert len(rows) >= 60
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(0 <= i < len(r["turns"]) for r in rows for i in r["risky"])
    assert sum(bool(r["risky"]) for r in rows) >= 10


@pytest.mark.slow
def test_every_reply_passes_every_check(analyzer: TextAnalyzer) -> None:
    figures = evaluate_companion(analyzer, CONVERSATIONS)
    assert figures.turns >= 180
    for check in figures.checks:
        assert check.applied > 0, check.name
        assert check.passed == check.applied, render_companion(figures)
    assert figures.passed
