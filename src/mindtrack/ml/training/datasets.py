"""Readers for the training corpora, each returning plain (text, label) rows."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mindtrack.ml.labels import GOEMOTIONS_LABELS, SENTIMENT_LABELS

DEFAULT_DATA_ROOT = Path("../shared/datasets")

Split = Literal["train", "dev", "test"]


class DatasetMissingError(FileNotFoundError):
    pass


@dataclass(frozen=True)
class EmotionExample:
    text: str
    labels: frozenset[str]


@dataclass(frozen=True)
class LabelledText:
    text: str
    label: str


def _require(path: Path) -> Path:
    if not path.is_file():
        raise DatasetMissingError(f"{path} not found (point --data at the shared datasets folder)")
    return path


def goemotions(root: Path, split: Split) -> list[EmotionExample]:
    rows = []
    with _require(root / "goemotions" / f"{split}.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            text, ids, _ = line.rstrip("\n").split("\t")
            labels = frozenset(GOEMOTIONS_LABELS[int(i)] for i in ids.split(","))
            rows.append(EmotionExample(text, labels))
    return rows


def sst2(root: Path, split: Literal["train", "dev"]) -> list[LabelledText]:
    rows = []
    with _require(root / "sst2" / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for label, text in reader:
            rows.append(LabelledText(text.strip(), "positive" if label == "1" else "negative"))
    return rows


# SST-2 training phrases kept out of encoder training, for choosing between training runs.
SST2_HELD_OUT = 2_000


def split_sst2(
    rows: list[LabelledText], held_out: int, seed: int
) -> tuple[list[LabelledText], list[LabelledText]]:
    """SST-2's dev split is where the sentiment target is measured, so choices between
    training runs are made on a seeded slice of its training phrases that no run learns (at
    most a tenth of them, for small trial runs)."""
    held_out = min(held_out, len(rows) // 10)
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)  # noqa: S311 - reproducible split
    kept = set(order[:held_out])
    return [r for i, r in enumerate(rows) if i not in kept], [rows[i] for i in sorted(kept)]


def tweeteval(root: Path, split: Literal["val", "test"]) -> list[LabelledText]:
    folder = root / "tweeteval-sentiment"
    texts = _require(folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = _require(folder / f"{split}_labels.txt").read_text(encoding="utf-8").split()
    if len(texts) != len(labels):
        raise ValueError(f"tweeteval {split}: {len(texts)} texts but {len(labels)} labels")
    return [LabelledText(t, SENTIMENT_LABELS[int(y)]) for t, y in zip(texts, labels, strict=True)]


def dair_emotion(root: Path, split: Literal["train", "val", "test"]) -> list[LabelledText]:
    """Short first-person feelings ("i feel so tired of this job"), lower-cased, one of six
    emotions each."""
    path = _require(root / "dair-emotion" / f"{split}.txt")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition(";")
        if text:
            rows.append(LabelledText(text.strip(), label.strip()))
    return rows


def suicide_detection(root: Path, split: Split, seed: int = 0) -> list[LabelledText]:
    """The Reddit suicide/non-suicide posts, split 80/10/10 within each (source, class) group
    with a fixed seed, since the corpus ships without a split."""
    csv.field_size_limit(10**9)
    groups: dict[tuple[str, str], list[LabelledText]] = defaultdict(list)
    path = _require(root / "suicide-detection" / "suicide_detection_subset.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = "risk" if row["class"] == "suicide" else "no_risk"
            groups[(row["source"], label)].append(
                LabelledText(" ".join(row["text"].split()), label)
            )
    rng = random.Random(seed)  # noqa: S311 - a reproducible split, not a secret
    chosen: list[LabelledText] = []
    for key in sorted(groups):
        rows = groups[key]
        rng.shuffle(rows)
        dev_end, train_start = len(rows) // 10, len(rows) // 5
        part = {
            "dev": rows[:dev_end],
            "test": rows[dev_end:train_start],
            "train": rows[train_start:],
        }
        chosen.extend(part[split])
    return chosen
