"""Any HuggingFace model folder can replace the shipped encoder: train every artefact on it
with the real commands, then analyse with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mindtrack.cli import app
from mindtrack.ml.artefacts import ModelFileError
from mindtrack.ml.labels import GOEMOTIONS_LABELS
from mindtrack.ml.pipeline import TextAnalyzer

pytestmark = pytest.mark.slow


def train(models: Path, what: str, data: Path, journal: Path, encoder: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["ml", "train", what, "--data", str(data), "--models", str(models),
         "--journal", str(journal), "--epochs", "1"],
        env={"MINDTRACK_ML__ENCODER": str(encoder)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.fixture
def tiny_models(
    tmp_path: Path, tiny_encoder: Path, tiny_datasets: Path, tiny_journal: Path
) -> Path:
    models = tmp_path / "models"
    train(models, "all", tiny_datasets, tiny_journal, tiny_encoder)
    return models


def test_training_writes_safetensors_and_json_only(tiny_models: Path) -> None:
    files = {p.relative_to(tiny_models).as_posix() for p in tiny_models.rglob("*") if p.is_file()}
    assert {"sentiment/head.safetensors", "sentiment/meta.json", "emotions/meta.json",
            "crisis/head.safetensors", "crisis/vocabulary.json",
            "encoder/adapter_model.safetensors",
            "encoder/adapter_config.json"} <= files  # fmt: skip
    assert not [f for f in files if f.endswith((".pt", ".pkl", ".bin", ".joblib"))]
    emotions = json.loads((tiny_models / "emotions" / "meta.json").read_text())
    assert emotions["labels"] == list(GOEMOTIONS_LABELS)
    assert len(emotions["thresholds"]) == 28


def test_a_configured_encoder_analyses_notes(tiny_models: Path, tiny_encoder: Path) -> None:
    analyzer = TextAnalyzer.load(tiny_models, str(tiny_encoder))
    [calm, risky, empty] = analyzer.analyze(["great day with my friend", "i want to die", " "])

    assert analyzer.versions.encoder.startswith(str(tiny_encoder))
    assert set(calm.sentiment.scores) == {"negative", "neutral", "positive"}
    assert sum(calm.sentiment.scores.values()) == pytest.approx(1, abs=1e-3)
    assert set(calm.emotions.scores) == set(GOEMOTIONS_LABELS)
    assert risky.crisis.level in ("moderate", "high", "imminent")
    assert not empty.has_text


def test_heads_refuse_an_encoder_they_were_not_trained_on(tiny_models: Path) -> None:
    with pytest.raises(ModelFileError, match="retrain"):
        TextAnalyzer.load(tiny_models)  # the shipped MiniLM, not the tiny model


def test_evaluate_prints_every_target_with_its_verdict(
    tiny_models: Path, tiny_encoder: Path, tiny_datasets: Path, tiny_journal: Path
) -> None:
    result = CliRunner().invoke(
        app,
        ["ml", "evaluate", "--data", str(tiny_datasets), "--models", str(tiny_models),
         "--journal", str(tiny_journal)],
        env={"MINDTRACK_ML__ENCODER": str(tiny_encoder)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("| ")][1:]
    metrics = {line.split(" | ")[2] for line in rows}
    assert {"macro-F1", "accuracy", "macro-recall", "recall", "precision",
            "false-positive rate", "max Δ valence", "max Δ crisis score"} <= metrics  # fmt: skip
    assert all(line.split(" | ")[6] in ("yes", "NO") for line in rows)


def test_evaluate_can_print_the_figures_for_choosing_between_training_runs(
    tiny_models: Path, tiny_encoder: Path, tiny_datasets: Path, tiny_journal: Path
) -> None:
    result = CliRunner().invoke(
        app,
        ["ml", "evaluate", "--selection", "--data", str(tiny_datasets), "--models",
         str(tiny_models), "--journal", str(tiny_journal)],
        env={"MINDTRACK_ML__ENCODER": str(tiny_encoder)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [line.split(" | ") for line in result.output.splitlines() if line.startswith("| ")]
    assert [row[1] for row in rows[1:]] == [
        "SST-2 train phrases held out (0)",
        "journal dev (11 notes)",
        "unlisted-name pairs of their own (84)",
    ]
    assert "GoEmotions test" not in result.output
    assert "TweetEval" not in result.output
