"""Speed and memory of the text pipeline, in process, on this machine.

Prints p50/p95/p99 latency for one note at a time through the whole pipeline (encoder,
sentiment, emotions, crisis, themes), the slowest case (5,000-character run-on notes that
repeat a phrasing the crisis patterns read closely), throughput when notes come in batches,
and the process's resident memory with every model loaded. `MINDTRACK_ML__RUNTIME=torch` measures the
encoder in PyTorch instead of ONNX Runtime.

    .venv/bin/python bench/ml.py [--notes 300] [--batch 32] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

from api import percentile
from mindtrack.config import Settings
from mindtrack.ml.pipeline import TextAnalyzer

SENTENCES = (
    "Slept badly and woke up early.",
    "Long walk by the river at lunch helped a lot.",
    "Deadline at work is getting closer and I keep putting it off.",
    "Called my sister, we laughed about our childhood.",
    "Felt anxious before the meeting but it went fine.",
    "Too tired to cook, ordered food and watched a film.",
    "The kids were loud all evening and I snapped at them.",
    "Gym in the morning, felt strong and calm afterwards.",
    "Money is tight this month and the rent is due.",
    "Nothing special happened, just a quiet grey day.",
    "I feel lonely since moving to the new city.",
    "Finished the book I was reading, lovely ending.",
)


# The longest notes the service accepts (5,000 characters), written to be slow to read: one
# run-on sentence that repeats a phrasing the crisis patterns look at closely.
LONGEST_NOTE_PHRASINGS = (
    "i want to die ",
    "kill myself ",
    "i have the pills ready tonight ",
    "i would never kill myself ",
    "my friend said she wants to die and ",
    "and i feel like i cant go on and i keep thinking about it ",
    "this commute is killing me ",
    "years ago i used to ",
    # no phrasing the patterns know, but the learned heads raise it: their evidence sentence
    "Everyone would be fine without me around. I am just a burden. ",
)
LONGEST_NOTE = 5000


def longest_notes() -> list[str]:
    return [
        (phrase * (LONGEST_NOTE // len(phrase) + 1))[:LONGEST_NOTE]
        for phrase in LONGEST_NOTE_PHRASINGS
    ]


def note(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while len(out) < words:
        out.extend(rng.choice(SENTENCES).split())
    return " ".join(out[:words])


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, default=Settings().ml.models_dir)
    parser.add_argument("--notes", type=int, default=300, help="single-note runs")
    parser.add_argument("--words", type=int, default=40, help="words per note")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--batched-notes", type=int, default=2000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rng = random.Random(0)

    started = time.perf_counter()
    settings = Settings().ml
    analyzer = TextAnalyzer.load(args.models, settings.encoder, settings.runtime)
    load_seconds = time.perf_counter() - started
    memory = rss_mb()

    singles = [note(rng, args.words) for _ in range(args.notes)]
    for text in singles[:20]:
        analyzer.analyze([text])
    latencies = []
    for text in singles:
        t0 = time.perf_counter()
        analyzer.analyze([text])
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()

    longest = []
    for text in longest_notes() * 3:
        t0 = time.perf_counter()
        analyzer.analyze([text])
        longest.append((time.perf_counter() - t0) * 1000)
    longest.sort()

    batched = [note(rng, args.words) for _ in range(args.batched_notes)]
    t0 = time.perf_counter()
    for start in range(0, len(batched), args.batch):
        analyzer.analyze(batched[start : start + args.batch])
    throughput = len(batched) / (time.perf_counter() - t0)
    memory = max(memory, rss_mb())

    report = {
        "cpus": os.cpu_count(),
        "runtime": analyzer.encoder.runtime,
        "threads": __import__("torch").get_num_threads(),
        "load_seconds": round(load_seconds, 2),
        "words_per_note": args.words,
        "single": {
            "notes": len(latencies),
            "p50_ms": round(percentile(latencies, 50), 1),
            "p95_ms": round(percentile(latencies, 95), 1),
            "p99_ms": round(percentile(latencies, 99), 1),
            "max_ms": round(latencies[-1], 1),
        },
        "longest": {
            "notes": len(longest),
            "characters": LONGEST_NOTE,
            "p50_ms": round(percentile(longest, 50), 1),
            "max_ms": round(longest[-1], 1),
        },
        "batched": {
            "notes": len(batched),
            "batch": args.batch,
            "notes_per_s": round(throughput, 1),
        },
        "rss_mb": round(memory, 1),
        "models": analyzer.versions.as_dict(),
    }
    print(
        f"text pipeline ({report['runtime']}), {args.words}-word notes, {os.cpu_count()} CPUs, "
        f"models loaded in {load_seconds:.1f} s\n"
        f"one note at a time (n={len(latencies)}): p50 {report['single']['p50_ms']} ms, "
        f"p95 {report['single']['p95_ms']} ms, p99 {report['single']['p99_ms']} ms\n"
        f"{LONGEST_NOTE}-character run-on notes, one at a time (n={len(longest)}): "
        f"p50 {report['longest']['p50_ms']} ms, max {report['longest']['max_ms']} ms\n"
        f"batches of {args.batch} (n={len(batched)}): {report['batched']['notes_per_s']} notes/s\n"
        f"resident memory with all models loaded: {report['rss_mb']} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
