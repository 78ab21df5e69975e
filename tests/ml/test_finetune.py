"""Encoder fine-tuning: resuming after an interruption, the phrases it leaves out, the name
pairs that teach it that a name says nothing about a feeling, and the share of emotions."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest

from mindtrack.ml.training import bias
from mindtrack.ml.training.datasets import LabelledText, split_sst2
from mindtrack.ml.training.finetune import (
    NAME_SLOT,
    TRAINING_NAMES,
    FinetuneConfig,
    TrainingData,
    fill_names,
    finetune,
    name_pairing_loss,
    sentiment_pairing_loss,
)

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


def add_a_comment_that_names_someone(datasets: Path) -> None:
    with (datasets / "goemotions" / "train.tsv").open("a") as handle:
        handle.write("[NAME] made me so happy today\t17\tnamed\n")


def test_name_slots_are_filled_from_names_the_bias_checks_never_swap() -> None:
    rng = random.Random(0)
    filled = fill_names("[NAME] and [NAME] argued again", rng)

    first, _, second, *_ = filled.split()
    assert NAME_SLOT not in filled
    assert {first, second} <= set(TRAINING_NAMES)
    assert not set(TRAINING_NAMES) & {*bias.NAMES, *bias.UNLISTED_NAMES, *bias.DEV_NAMES}


def test_comments_that_name_someone_are_paired_with_the_same_comment_renamed(
    tiny_datasets: Path,
) -> None:
    add_a_comment_that_names_someone(tiny_datasets)
    data = TrainingData(tiny_datasets, FinetuneConfig(batch_size=64, name_pairing=5.0))

    [batch] = [b for b in data.epoch(0) if b.task == "emotions" and b.renamed_rows]
    [row] = batch.renamed_rows
    original, renamed = batch.texts[row].split(), batch.renamed_texts[0].split()
    assert original[1:] == renamed[1:] == ["made", "me", "so", "happy", "today"]
    assert original[0] in TRAINING_NAMES
    assert renamed[0] in TRAINING_NAMES


def test_name_pairing_costs_nothing_for_the_same_embedding_and_more_as_it_turns() -> None:
    import torch

    embedding = torch.tensor([[1.0, 0.0], [0.0, 2.0]])
    turned = torch.tensor([[1.0, 1.0], [0.0, -2.0]])

    assert name_pairing_loss(embedding, embedding * 3).item() == pytest.approx(0.0, abs=1e-6)
    assert name_pairing_loss(embedding, turned).item() == pytest.approx((1 - 0.5**0.5 + 2) / 2)


def test_held_out_sst2_phrases_are_never_trained_on() -> None:
    rows = [LabelledText(f"phrase {i}", "positive") for i in range(100)]

    trained, held_out = split_sst2(rows, 8, seed=0)

    assert len(held_out) == 8
    assert len(trained) == 92
    assert not {r.text for r in trained} & {r.text for r in held_out}
    assert split_sst2(rows, 8, seed=0) == (trained, held_out)
    assert len(split_sst2(rows, 50, seed=0)[1]) == 10  # never more than a tenth


def test_without_name_pairing_comments_keep_their_name_slots(tiny_datasets: Path) -> None:
    add_a_comment_that_names_someone(tiny_datasets)
    data = TrainingData(tiny_datasets, FinetuneConfig(batch_size=64))

    [batch] = [b for b in data.epoch(0) if b.task == "emotions"]
    assert "[NAME] made me so happy today" in batch.texts
    assert batch.renamed_rows == []


def test_sentiment_pairing_costs_nothing_for_the_same_probabilities() -> None:
    import torch

    logits = torch.tensor([[2.0, 0.0, -1.0], [0.0, 0.0, 0.0]])

    assert sentiment_pairing_loss(logits, logits + 5.0).item() == pytest.approx(0.0, abs=1e-6)
    flipped = logits.flip(dims=[-1])
    expected = ((logits.softmax(-1) - flipped.softmax(-1)) ** 2).sum(-1).mean().item()
    assert sentiment_pairing_loss(logits, flipped).item() == pytest.approx(expected)
    assert expected > 0.3


def test_sentiment_pairing_alone_pairs_comments_that_name_someone(tiny_datasets: Path) -> None:
    add_a_comment_that_names_someone(tiny_datasets)
    data = TrainingData(tiny_datasets, FinetuneConfig(batch_size=64, sentiment_pairing=1.0))

    [batch] = [b for b in data.epoch(0) if b.task == "emotions"]
    assert len(batch.renamed_rows) == 1
    assert NAME_SLOT not in " ".join(batch.texts)


def test_more_emotion_passes_read_goemotions_again(tiny_datasets: Path) -> None:
    once = TrainingData(tiny_datasets, FinetuneConfig(batch_size=2)).epoch(0)
    twice = TrainingData(tiny_datasets, FinetuneConfig(batch_size=2, emotion_passes=2)).epoch(0)

    def emotion_texts(batches: list[Any]) -> list[str]:
        return [text for b in batches if b.task == "emotions" for text in b.texts]

    assert sorted(emotion_texts(twice)) == sorted(emotion_texts(once) * 2)

    def other_texts(batches: list[Any]) -> list[str]:
        return sorted(text for b in batches if b.task != "emotions" for text in b.texts)

    assert other_texts(twice) == other_texts(once)


def test_length_buckets_batch_texts_of_similar_length_and_keep_every_text(
    tiny_datasets: Path,
) -> None:
    plain = TrainingData(tiny_datasets, FinetuneConfig(batch_size=4)).epoch(0)
    bucketed = TrainingData(tiny_datasets, FinetuneConfig(batch_size=4, length_buckets=True))

    def padded_characters(batches: list[Any]) -> int:
        return sum(max(len(t) for t in b.texts) * len(b.texts) for b in batches)

    def texts(batches: list[Any], task: str) -> list[str]:
        return sorted(text for b in batches if b.task == task for text in b.texts)

    batches = bucketed.epoch(0)
    for task in ("emotions", "sentiment", "crisis"):
        assert texts(batches, task) == texts(plain, task)
        # The tiny corpora fit in one pool: each task's batches split its lengths in order.
        spans = sorted((min(map(len, b.texts)), max(map(len, b.texts)))
                       for b in batches if b.task == task)  # fmt: skip
        assert all(high <= next_low for (_, high), (next_low, _) in itertools.pairwise(spans))
    assert padded_characters(batches) < padded_characters(plain)
    assert [b.texts for b in bucketed.epoch(0)] == [b.texts for b in batches]


def test_a_run_with_both_pairings_and_two_emotion_passes_exports_its_recipe(
    tmp_path: Path, tiny_encoder: Path, tiny_datasets: Path
) -> None:
    add_a_comment_that_names_someone(tiny_datasets)
    config = FinetuneConfig(
        encoder=str(tiny_encoder),
        epochs=1,
        batch_size=4,
        crisis_batch_size=4,
        name_pairing=1.0,
        sentiment_pairing=2.0,
        emotion_passes=2,
    )

    summary = finetune(tiny_datasets, tmp_path / "encoder", config)

    recorded = json.loads((tmp_path / "encoder" / "training.json").read_text())
    assert recorded["config"]["sentiment_pairing"] == 2.0
    assert recorded["config"]["emotion_passes"] == 2
    assert recorded["device"] == "cpu"
    assert summary["steps"] == len(TrainingData(tiny_datasets, config).epoch(0))
    assert (tmp_path / "encoder" / "adapter_model.safetensors").exists()


def test_asking_to_train_on_a_gpu_where_there_is_none_is_refused() -> None:
    import torch
    import typer

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")

    from mindtrack.ml.training.cli import TrainingDevice, _training_device

    with pytest.raises(typer.BadParameter, match="no CUDA GPU"):
        _training_device(TrainingDevice.cuda)
    assert _training_device(TrainingDevice.cpu) == "cpu"
