"""Speed of one encoder fine-tuning step on this machine, with and without length buckets.

Reads the all-of-SST-2 mix (`mindtrack ml train encoder --sst2-per-epoch 0 --sst2-held-out
2000`) from the training datasets, and times the first steps of a pass of each batch order,
alternating them on the same model so that both see the machine at the same moments. Prints
seconds a step (p50, p95, mean), samples a second and the word pieces each order pads to.

    .venv/bin/python bench/finetune.py [--steps 150] [--data ../shared/datasets]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

from api import percentile
from mindtrack.ml.training.finetune import (
    FinetuneConfig,
    TrainingData,
    batch_loss,
    trainable_model,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    args = parser.parse_args()

    configs = {
        "plain": FinetuneConfig(sst2_per_epoch=None, sst2_held_out=2000),
        "length buckets": FinetuneConfig(
            sst2_per_epoch=None, sst2_held_out=2000, length_buckets=True
        ),
    }
    encoder, model, optimizer = trainable_model(configs["plain"])
    model.train()
    orders = {name: TrainingData(args.data, config).epoch(0) for name, config in configs.items()}
    seconds: dict[str, list[float]] = {name: [] for name in configs}
    samples = {name: 0 for name in configs}
    for step in range(args.steps):
        for name, config in configs.items():
            batch = orders[name][step]
            t0 = time.perf_counter()
            batch_loss(model, encoder, batch, config).backward()  # type: ignore[no-untyped-call]
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            seconds[name].append(time.perf_counter() - t0)
            samples[name] += len(batch.texts)

    print(f"torch threads {torch.get_num_threads()}, {args.steps} steps of each order, alternated")
    for name, batches in orders.items():
        config = configs[name]
        pieces = sum(
            encoder.tokenize(b.texts, config.max_tokens_for(b.task))["input_ids"].numel()
            for b in batches
        )
        times = sorted(seconds[name])
        print(
            f"{name}: p50 {statistics.median(times):.3f} s, "
            f"p95 {percentile(times, 95):.3f} s, "
            f"mean {statistics.fmean(times):.3f} s a step; "
            f"{samples[name] / sum(times):.1f} samples/s; "
            f"a pass pads to {pieces / 1e6:.2f} M word pieces"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
