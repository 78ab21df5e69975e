"""A tiny, randomly initialised BERT and miniature copies of the training corpora, so that the
configurable-encoder path and the training commands run end to end in seconds."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mindtrack.config import get_settings
from mindtrack.ml.labels import GOEMOTIONS_LABELS

WORDS = [
    "i",
    "am",
    "so",
    "happy",
    "sad",
    "angry",
    "tired",
    "today",
    "the",
    "day",
    "was",
    "great",
    "awful",
    "good",
    "bad",
    "love",
    "hate",
    "my",
    "friend",
    "work",
    "job",
    "want",
    "to",
    "die",
    "not",
    "never",
    "feel",
    "alone",
    "calm",
    "thanks",
    "thank",
    "you",
    "great",
    "movie",
    "boring",
    "terrible",
    "wonderful",
    "scared",
    "afraid",
    "nothing",
    "matters",
    "kill",
    "myself",
    "pills",
    "tonight",
    "plan",
    "help",
    "me",
    "okay",
    "fine",
    "a",
    "an",
    "and",
    "but",
    "it",
    "is",
    "was",
    "this",
    "that",
    "of",
    "in",
    "on",
    "for",
    "with",
    "at",
]
ROWS = [
    ("thank you so much my friend", ["gratitude"], "positive"),
    ("i love this great day", ["love", "joy"], "positive"),
    ("this is awful and terrible", ["disgust"], "negative"),
    ("i am so sad and alone", ["sadness"], "negative"),
    ("i am scared and afraid", ["fear"], "negative"),
    ("the day was okay", ["neutral"], "neutral"),
    ("it is a movie", ["neutral"], "neutral"),
    ("i am angry at work", ["anger"], "negative"),
]


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """The CLI reads settings once per process; tests here change them through the
    environment, so each starts and ends with none cached."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *sorted(set(WORDS))]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n")
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(str(folder))
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=160,
    )
    torch.manual_seed(0)
    BertModel(config).save_pretrained(str(folder))
    return folder


def _goemotions_line(text: str, labels: list[str], index: int) -> str:
    ids = ",".join(str(GOEMOTIONS_LABELS.index(label)) for label in labels)
    return f"{text}\t{ids}\tid{index}\n"


@pytest.fixture
def tiny_datasets(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    (root / "goemotions").mkdir(parents=True)
    for split in ("train", "dev", "test"):
        lines = [_goemotions_line(t, e, i) for i, (t, e, _) in enumerate(ROWS * 3)]
        (root / "goemotions" / f"{split}.tsv").write_text("".join(lines))
    (root / "sst2").mkdir()
    polar = [(t, s) for t, _, s in ROWS if s != "neutral"]
    train = "label\tsentence\r\n" + "".join(f"{int(s == 'positive')}\t{t}\r\n" for t, s in polar)
    (root / "sst2" / "train.tsv").write_text(train)
    dev = "label\tcontent\n" + "".join(f"{int(s == 'positive')}\t{t}\n" for t, s in polar)
    (root / "sst2" / "dev.tsv").write_text(dev)
    tweets = root / "tweeteval-sentiment"
    tweets.mkdir()
    labels = {"negative": "0", "neutral": "1", "positive": "2"}
    for split in ("val", "test"):
        (tweets / f"{split}_text.txt").write_text("".join(f"{t}\n" for t, _, _ in ROWS))
        (tweets / f"{split}_labels.txt").write_text("".join(f"{labels[s]}\n" for _, _, s in ROWS))
    feelings = root / "dair-emotion"
    feelings.mkdir()
    lines = ["i feel calm after the walk;joy", "i feel like i want to die;sadness",
             "i feel so angry at the bus company;anger", "i feel nervous about the exam;fear"]  # fmt: skip
    for split in ("train", "val", "test"):
        (feelings / f"{split}.txt").write_text("\n".join(lines) + "\n")
    crisis = root / "suicide-detection"
    crisis.mkdir()
    with (crisis / "suicide_detection_subset.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "class", "source"])
        for i in range(20):
            risky = i % 2 == 0
            text = "i want to die tonight pills" if risky else "great day with my friend"
            writer.writerow([f"{text} {i}", "suicide" if risky else "non-suicide", "tiny"])
    return root


@pytest.fixture
def tiny_journal(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    folder.mkdir()
    notes = [
        ("great day with my friend", "none", "everyday"),
        ("this movie was killing me it was so boring", "none", "hard_idiom"),
        ("nothing matters i am so tired", "low", "distress"),
        ("i want to die", "moderate", "passive_ideation"),
        ("i want to kill myself with pills", "high", "method"),
        ("tonight i kill myself i have the pills", "imminent", "intent"),
        # a second note at each level, so that the crisis tuning can cross-validate
        ("long walk and a nap, feeling calm", "none", "everyday"),
        ("everything feels hopeless lately", "low", "distress"),
        ("i wish i was dead", "moderate", "passive_ideation"),
        ("thinking about the bridge and ending it", "high", "method"),
        ("wrote my goodbye letters, doing it tonight", "imminent", "intent"),
    ]
    rows = [
        {"id": f"n{i}", "text": text, "level": level, "category": category}
        for i, (text, level, category) in enumerate(notes)
    ]
    for name in ("train-tiny.jsonl", "dev.jsonl", "test.jsonl"):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder
