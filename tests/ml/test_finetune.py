"""Encoder fine-tuning resumes from its last checkpoint after an interruption."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mindtrack.ml.training.finetune import FinetuneConfig, finetune

pytestmark = pytest.mark.slow


class Interrupted(Exception):
    pass


class Bar:
    def __init__(self, stop_at: int | None) -> None:
        self.count = 0
        self.stop_at = stop_at

    def update(self, steps: int) -> None:
        self.count += steps
        if self.stop_at is not None and self.count >= self.stop_at:
            raise Interrupted

    def set_postfix(self, *_: Any, **__: Any) -> None:
        pass

    def close(self) -> None:
        pass


def test_an_interrupted_run_continues_from_its_checkpoint(
    tmp_path: Path, tiny_encoder: Path, tiny_datasets: Path
) -> None:
    config = FinetuneConfig(
        encoder=str(tiny_encoder), epochs=2, batch_size=4, crisis_batch_size=4, checkpoint_every=2
    )
    output = tmp_path / "encoder"
    with pytest.raises(Interrupted):
        finetune(tiny_datasets, output, config, progress_bar=lambda total, done: Bar(stop_at=5))
    progress = json.loads((output / "checkpoint" / "progress.json").read_text())
    assert progress["global_step"] == 4
    assert not (output / "adapter_model.safetensors").exists()

    resumed_from: list[int] = []

    def bar(total: int, done: int) -> Bar:
        resumed_from.append(done)
        return Bar(stop_at=None)

    summary = finetune(tiny_datasets, output, config, progress_bar=bar)

    assert resumed_from == [4]
    assert summary["steps"] > 4
    assert (output / "adapter_model.safetensors").exists()
    assert (output / "heads.safetensors").exists()
    assert json.loads((output / "training.json").read_text())["config"]["epochs"] == 2
