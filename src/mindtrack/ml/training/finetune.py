"""Multi-task LoRA fine-tuning of the shared encoder.

One adapter serves all three heads, so a note costs one encoder pass whatever is asked of
it. Each step trains on one batch of one task: GoEmotions (28 emotions, plus the sentiment
its labels imply when unambiguous), SST-2 (positive/negative) or the suicide-detection posts
(risk/no risk). Progress is checkpointed in safetensors every few hundred steps, and a rerun
with the same output folder resumes where it stopped.

Four options change the recipe, and all are off by default, where the run reproduces the
shipped adapter. `sst2_held_out` sets aside SST-2 training phrases for comparing runs
(`mindtrack ml evaluate --selection`). `name_pairing` fills GoEmotions' "[NAME]" slots with
first names drawn from a list and asks that the same comment with other names give the same
embedding (counterfactual pairing, after Garg et al. 2019's logit pairing), so that the
encoder learns that a name says nothing about how the writer feels; `sentiment_pairing` asks
the same of the sentiment head's probabilities. `emotion_passes` reads GoEmotions more than
once an epoch, so that the emotions keep their share of the steps when more SST-2 is read.
`length_buckets` batches texts of similar length together (within pools of a few dozen
batches of one task, so the order stays random), which pads a pass to little more than half
the word pieces and takes about a third less time a step on a CPU (`bench/finetune.py`).

Training runs on a CUDA GPU when one is given (`device`), and on the CPU otherwise; the
exported adapter is the same either way.
"""

from __future__ import annotations

import json
import random
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from mindtrack.ml.encoder import DEFAULT_ENCODER, TextEncoder, quiet_peft
from mindtrack.ml.first_names import FIRST_NAMES
from mindtrack.ml.labels import GOEMOTIONS_LABELS, SENTIMENT_LABELS, sentiment_of_emotions
from mindtrack.ml.training import bias, datasets
from mindtrack.ml.training.datasets import EmotionExample, LabelledText

HEAD_SIZES = {"emotions": len(GOEMOTIONS_LABELS), "sentiment": len(SENTIMENT_LABELS), "crisis": 1}
CHECKPOINT = "checkpoint"
BATCHES_PER_BUCKET_POOL = 50
Row = TypeVar("Row", EmotionExample, LabelledText)
NAME_SLOT = "[NAME]"
# Names that fill GoEmotions' name slots; the names the bias check swaps are never among them.
TRAINING_NAMES = tuple(sorted(FIRST_NAMES - {*bias.NAMES, *bias.UNLISTED_NAMES, *bias.DEV_NAMES}))


@dataclass
class FinetuneConfig:
    encoder: str = DEFAULT_ENCODER
    epochs: int = 2
    batch_size: int = 32
    crisis_batch_size: int = 16
    sst2_per_epoch: int | None = field(default=20_000, metadata={"help": "None: all of it"})
    sst2_held_out: int = 0
    name_pairing: float = 0.0
    sentiment_pairing: float = 0.0
    emotion_passes: int = 1
    length_buckets: bool = False
    max_tokens: int = 64
    crisis_max_tokens: int = 128
    lora_rank: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    adapter_lr: float = 6e-4
    head_lr: float = 2e-3
    warmup_fraction: float = 0.06
    weight_decay: float = 0.01
    seed: int = 0
    checkpoint_every: int = 200
    limit: int | None = field(default=None, metadata={"help": "rows per corpus (smoke runs)"})

    @property
    def pairs_names(self) -> bool:
        return self.name_pairing > 0 or self.sentiment_pairing > 0

    def max_tokens_for(self, task: str) -> int:
        """Word pieces a text of this task is cut to (Reddit posts are long)."""
        return self.crisis_max_tokens if task == "crisis" else self.max_tokens


@dataclass(frozen=True)
class Batch:
    task: str
    texts: list[str]
    targets: torch.Tensor
    sentiment: torch.Tensor | None = None  # GoEmotions batches: implied sentiment or -1
    # GoEmotions rows that name someone, and the same rows with other names.
    renamed_rows: list[int] = field(default_factory=list)
    renamed_texts: list[str] = field(default_factory=list)


class MultiTaskModel(nn.Module):
    def __init__(self, encoder: TextEncoder, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder_model = encoder.model
        self.dropout = nn.Dropout(dropout)
        self.heads = nn.ModuleDict(
            {task: nn.Linear(encoder.info.dimension, size) for task, size in HEAD_SIZES.items()}
        )

    def forward(self, encoder: TextEncoder, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """The pooled embedding, before the dropout that the heads train on."""
        embedding: torch.Tensor = encoder.forward(batch)
        return embedding


class TrainingData:
    """The three corpora, turned into a seeded, reproducible batch order per epoch."""

    def __init__(self, root: Path, config: FinetuneConfig) -> None:
        limit = config.limit
        self.config = config
        self.emotions = datasets.goemotions(root, "train")[:limit]
        self.sst2, self.sst2_held_out = datasets.split_sst2(
            datasets.sst2(root, "train")[:limit], config.sst2_held_out, config.seed
        )
        self.crisis = datasets.suicide_detection(root, "train", seed=config.seed)[:limit]

    def counts(self) -> dict[str, int]:
        return {
            "goemotions": len(self.emotions),
            "sst2": len(self.sst2),
            "sst2_held_out": len(self.sst2_held_out),
            "crisis": len(self.crisis),
        }

    def epoch(self, epoch: int) -> list[Batch]:
        rng = random.Random(self.config.seed * 1000 + epoch)  # noqa: S311 - reproducible order
        size = self.config.batch_size
        batches = [
            b for _ in range(self.config.emotion_passes) for b in self._emotion_batches(rng, size)
        ]
        batches += self._sst2_batches(rng, size)
        batches += self._crisis_batches(rng, self.config.crisis_batch_size)
        rng.shuffle(batches)
        return batches

    def _emotion_batches(self, rng: random.Random, size: int) -> Iterator[Batch]:
        rows = self.emotions[:]
        rng.shuffle(rows)
        for chunk in self._batches(rows, size):
            targets = torch.zeros(len(chunk), len(GOEMOTIONS_LABELS))
            sentiment = torch.full((len(chunk),), -1, dtype=torch.long)
            for i, row in enumerate(chunk):
                for label in row.labels:
                    targets[i, GOEMOTIONS_LABELS.index(label)] = 1.0
                implied = sentiment_of_emotions(set(row.labels))
                if implied is not None:
                    sentiment[i] = SENTIMENT_LABELS.index(implied)
            if not self.config.pairs_names:
                yield Batch("emotions", [r.text for r in chunk], targets, sentiment)
                continue
            texts = [fill_names(r.text, rng) for r in chunk]
            named = [i for i, r in enumerate(chunk) if NAME_SLOT in r.text]
            renamed = [fill_names(chunk[i].text, rng) for i in named]
            yield Batch("emotions", texts, targets, sentiment, named, renamed)

    def _sst2_batches(self, rng: random.Random, size: int) -> Iterator[Batch]:
        wanted = self.config.sst2_per_epoch or len(self.sst2)
        rows = rng.sample(self.sst2, min(wanted, len(self.sst2)))
        for chunk in self._batches(rows, size):
            targets = torch.tensor([SENTIMENT_LABELS.index(r.label) for r in chunk])
            yield Batch("sentiment", [r.text for r in chunk], targets)

    def _crisis_batches(self, rng: random.Random, size: int) -> Iterator[Batch]:
        rows = self.crisis[:]
        rng.shuffle(rows)
        for chunk in self._batches(rows, size):
            targets = torch.tensor([[1.0 if r.label == "risk" else 0.0] for r in chunk])
            yield Batch("crisis", [r.text for r in chunk], targets)

    def _batches(self, rows: list[Row], size: int) -> Iterator[list[Row]]:
        """Shuffled rows in batches; with length buckets, each pool of shuffled rows is
        sorted by length first, so a batch pads its texts to a length close to theirs."""
        if not self.config.length_buckets:
            yield from _chunks(rows, size)
            return
        for pool in _chunks(rows, size * BATCHES_PER_BUCKET_POOL):
            yield from _chunks(sorted(pool, key=lambda row: len(row.text)), size)


def fill_names(text: str, rng: random.Random) -> str:
    while NAME_SLOT in text:
        text = text.replace(NAME_SLOT, rng.choice(TRAINING_NAMES), 1)
    return text


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def batch_loss(
    model: MultiTaskModel, encoder: TextEncoder, batch: Batch, config: FinetuneConfig
) -> torch.Tensor:
    device = next(model.parameters()).device
    tokens = encoder.tokenize(batch.texts, config.max_tokens_for(batch.task))
    embedding = model(encoder, _on(device, tokens))
    features = model.dropout(embedding)
    logits = model.heads[batch.task](features)
    targets = batch.targets.to(device)
    if batch.task == "sentiment":
        return nn.functional.cross_entropy(logits, targets)
    loss = nn.functional.binary_cross_entropy_with_logits(logits, targets)
    if batch.task == "emotions":
        # Mean BCE over 28 mostly-absent labels gives weak gradients; scale it to the other tasks.
        loss = loss * 8.0
        if batch.sentiment is not None and bool((batch.sentiment >= 0).any()):
            sentiment_logits = model.heads["sentiment"](features)
            loss = loss + 0.5 * nn.functional.cross_entropy(
                sentiment_logits, batch.sentiment.to(device), ignore_index=-1
            )
        if batch.renamed_rows and config.pairs_names:
            loss = loss + _pairing_loss(model, encoder, batch, embedding, config)
    return loss


def _pairing_loss(
    model: MultiTaskModel,
    encoder: TextEncoder,
    batch: Batch,
    embedding: torch.Tensor,
    config: FinetuneConfig,
) -> torch.Tensor:
    device = embedding.device
    named = embedding[batch.renamed_rows]
    renamed = model(encoder, _on(device, encoder.tokenize(batch.renamed_texts, config.max_tokens)))
    loss = config.name_pairing * name_pairing_loss(named, renamed)
    if config.sentiment_pairing > 0:
        head = model.heads["sentiment"]
        loss = loss + config.sentiment_pairing * sentiment_pairing_loss(head(named), head(renamed))
    return loss


def _on(device: torch.device, tokens: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {name: tensor.to(device) for name, tensor in tokens.items()}


def name_pairing_loss(named: torch.Tensor, renamed: torch.Tensor) -> torch.Tensor:
    """How far the embedding turns when only the names in a text change. The whole embedding
    is paired, not only the heads trained here, because heads fitted later on it (the crisis
    journal heads) can read any of its directions."""
    return (1.0 - nn.functional.cosine_similarity(named, renamed, dim=-1)).mean()


def sentiment_pairing_loss(named: torch.Tensor, renamed: torch.Tensor) -> torch.Tensor:
    """How far the sentiment head's probabilities move when only the names change: the
    valence the service reports is a difference of them."""
    difference = named.softmax(dim=-1) - renamed.softmax(dim=-1)
    return difference.pow(2).sum(dim=-1).mean()


def _with_lora(encoder: TextEncoder, config: FinetuneConfig) -> None:
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(
        r=config.lora_rank,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=["query", "key", "value", "dense"],
    )
    with quiet_peft():
        encoder.model = get_peft_model(encoder.model, lora)  # type: ignore[assignment]


def _optimizer(model: MultiTaskModel, config: FinetuneConfig) -> torch.optim.AdamW:
    adapter = [p for n, p in model.encoder_model.named_parameters() if p.requires_grad]
    return torch.optim.AdamW(
        [
            {"params": adapter, "lr": config.adapter_lr},
            {"params": list(model.heads.parameters()), "lr": config.head_lr},
        ],
        weight_decay=config.weight_decay,
    )


def _trainable_state(model: MultiTaskModel) -> dict[str, torch.Tensor]:
    return {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}


def _save_checkpoint(
    folder: Path, model: MultiTaskModel, optimizer: torch.optim.AdamW, progress: dict[str, Any]
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {f"param.{n}": t for n, t in _trainable_state(model).items()}
    names = {id(p): n for n, p in model.named_parameters()}
    for group in optimizer.param_groups:
        for param in group["params"]:
            for key, value in optimizer.state.get(param, {}).items():
                if isinstance(value, torch.Tensor):
                    tensors[f"optim.{key}.{names[id(param)]}"] = value.detach().clone()
    tmp = folder / "state.safetensors.tmp"
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(tmp))
    tmp.replace(folder / "state.safetensors")
    (folder / "progress.json").write_text(json.dumps(progress, indent=2))


def _load_checkpoint(
    folder: Path, model: MultiTaskModel, optimizer: torch.optim.AdamW
) -> dict[str, Any] | None:
    if not (folder / "progress.json").is_file():
        return None
    tensors = load_file(str(folder / "state.safetensors"))
    params = dict(model.named_parameters())
    with torch.no_grad():
        for key, value in tensors.items():
            if key.startswith("param."):
                params[key.removeprefix("param.")].copy_(value)
    for key, value in tensors.items():
        if key.startswith("optim."):
            _, slot, name = key.split(".", 2)
            optimizer.state[params[name]][slot] = value.to(params[name].device)
    progress: dict[str, Any] = json.loads((folder / "progress.json").read_text())
    return progress


def trainable_model(
    config: FinetuneConfig, device: str = "cpu"
) -> tuple[TextEncoder, MultiTaskModel, torch.optim.AdamW]:
    """The encoder with a fresh adapter, the heads and their optimiser, seeded."""
    torch.manual_seed(config.seed)
    encoder = TextEncoder.load(config.encoder, trainable=True)
    _with_lora(encoder, config)
    model = MultiTaskModel(encoder).to(device)
    return encoder, model, _optimizer(model, config)


def finetune(
    data_root: Path,
    output: Path,
    config: FinetuneConfig,
    *,
    progress_bar: Callable[[int, int], Any] | None = None,
    device: str = "cpu",
) -> dict[str, Any]:
    """Trains the adapter and heads into `output`; resumes from `output/checkpoint`."""
    encoder, model, optimizer = trainable_model(config, device)
    data = TrainingData(data_root, config)
    steps_per_epoch = len(data.epoch(0))
    total = steps_per_epoch * config.epochs
    warmup = max(1, int(total * config.warmup_fraction))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))),
    )
    resumed = _load_checkpoint(output / CHECKPOINT, model, optimizer)
    done = int(resumed["global_step"]) if resumed else 0
    with warnings.catch_warnings():
        # Replaying the schedule to where the checkpoint stopped, before any optimiser step.
        warnings.filterwarnings("ignore", message="Detected call of", category=UserWarning)
        for _ in range(done):
            scheduler.step()
    bar = progress_bar(total, done) if progress_bar else None
    losses: dict[str, float] = {}
    started = time.monotonic()
    model.train()
    for epoch in range(done // steps_per_epoch, config.epochs):
        for index, batch in enumerate(data.epoch(epoch)):
            step = epoch * steps_per_epoch + index
            if step < done:
                continue
            loss = batch_loss(model, encoder, batch, config)
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            losses[batch.task] = 0.98 * losses.get(batch.task, loss.item()) + 0.02 * loss.item()
            if bar is not None:
                bar.update(1)
                bar.set_postfix({k: f"{v:.3f}" for k, v in losses.items()}, refresh=False)
            if (step + 1) % config.checkpoint_every == 0:
                _save_checkpoint(
                    output / CHECKPOINT,
                    model,
                    optimizer,
                    {"global_step": step + 1, **asdict(config)},
                )
    if bar is not None:
        bar.close()
    model.to("cpu")
    summary = {
        "config": asdict(config),
        "examples": data.counts(),
        "steps": total,
        "device": device,
        "seconds_this_run": round(time.monotonic() - started, 1),
        "final_losses": {k: round(v, 4) for k, v in losses.items()},
    }
    _export(output, encoder, model, summary)
    return summary


def _export(
    output: Path, encoder: TextEncoder, model: MultiTaskModel, summary: dict[str, Any]
) -> None:
    output.mkdir(parents=True, exist_ok=True)
    encoder.model.save_pretrained(str(output))
    (output / "README.md").unlink(missing_ok=True)  # peft's template; MODEL_CARD.md is ours
    # peft records the folder the base model was read from, a path on this machine only.
    adapter_config = output / "adapter_config.json"
    settings = json.loads(adapter_config.read_text())
    settings["base_model_name_or_path"] = summary["config"]["encoder"]
    adapter_config.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n")
    heads = {f"{task}.{name}": p.detach().contiguous() for task, head in model.heads.items()
             for name, p in head.named_parameters()}  # fmt: skip
    save_file(heads, str(output / "heads.safetensors"))
    (output / "training.json").write_text(json.dumps(summary, indent=2) + "\n")
