"""What encryption at rest costs: the API with and without it, under the same load.

Checks out ``--baseline`` (a revision from before encryption at rest) and ``--candidate``
(default: ``HEAD``) into temporary git worktrees, then serves the same benchmark
(``bench/api.py``: writing check-ins with notes and reading history) from each checkout,
alternately, ``--rounds`` times each (each going first in every other round), every run on
a fresh database. Prints both tables and the change of each percentile and of
throughput, as the median over rounds. The text models are off unless ``--with-models``:
their ~10 ms per note would hide what sealing costs.

Example::

    .venv/bin/python bench/encryption.py --database sqlite --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import api

REPOSITORY = Path(__file__).resolve().parent.parent
# The last revision whose database holds notes, contacts and plans in clear.
BEFORE_ENCRYPTION = "faa9b35"
FIGURES = ("p50_ms", "p95_ms", "p99_ms", "throughput", "server_cpu_ms")


@contextlib.contextmanager
def worktree(revision: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="mindtrack-baseline-") as tmp:
        path = Path(tmp) / "checkout"
        git = ["git", "-C", str(REPOSITORY)]
        subprocess.run([*git, "worktree", "add", "--detach", str(path), revision], check=True)
        try:
            yield path
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(path)], check=True)


async def one_run(args: argparse.Namespace, source: Path) -> list[dict[str, Any]]:
    async with api.benchmark_server(args, args.workers, source) as server:
        outcome = await api.bench(args, server.url, server.pid)
    results: list[dict[str, Any]] = outcome["results"]
    return results


def figure_of(result: dict[str, Any], figure: str) -> float:
    if figure != "server_cpu_ms":
        return float(result[figure])
    # The server's CPU time per request (its process tree; the database's is not counted).
    busy = result["cpu_percent"]["server"]
    return busy * 10 / result["throughput"] if busy and result["throughput"] else 0.0


def change(after: float, before: float) -> str:
    return f"{(after - before) / before * 100:+.1f}%" if before else "-"


def compare(
    baseline: Sequence[list[dict[str, Any]]], sealed: Sequence[list[dict[str, Any]]]
) -> str:
    lines = ["| scenario | mode | figure | without | with | change |", "|---|---|---|--:|--:|--:|"]
    for index, first in enumerate(baseline[0]):
        for figure in FIGURES:
            before = statistics.median(figure_of(run[index], figure) for run in baseline)
            after = statistics.median(figure_of(run[index], figure) for run in sealed)
            lines.append(
                f"| {first['scenario']} | {first['mode']} | {figure} | {before:.1f} | "
                f"{after:.1f} | {change(after, before)} |"
            )
    return "\n".join(lines)


async def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--baseline", default=BEFORE_ENCRYPTION, help="revision to compare with")
    parser.add_argument("--candidate", default="HEAD", help="revision with encryption at rest")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, alternating")
    parser.add_argument("--with-models", action="store_true", help="analyse notes as well")
    own, rest = parser.parse_known_args(argv)
    os.environ["MINDTRACK_ML__ENABLED"] = "true" if own.with_models else "false"
    defaults = [
        "--scenarios=create,list,history",
        "--modes=open,closed",
        "--rate=50",
        "--concurrency=20",
        "--pools=4",
        "--users=20",
        "--seed-entries=20",
        "--duration=15",
    ]
    args = api.parse_args([*defaults, *rest])
    baseline: list[list[dict[str, Any]]] = []
    sealed: list[list[dict[str, Any]]] = []
    with worktree(own.baseline) as before, worktree(own.candidate) as after:
        builds = [
            (f"without ({own.baseline})", before, baseline),
            (f"with encryption at rest ({own.candidate})", after, sealed),
        ]
        for round_ in range(1, own.rounds + 1):
            # Each build goes first in every other round, so that whatever the previous run
            # leaves behind (the database's checkpoints and vacuum, a warm page cache) falls
            # on both alike.
            for label, source, runs in builds if round_ % 2 else builds[::-1]:
                print(f"round {round_}: {label}", flush=True)
                runs.append(await one_run(args, source))
                print(api.render_table(runs[-1]), flush=True)
    print(
        f"\n{args.database}; medians of {own.rounds} round(s); open loop at {args.rate:g}/s, "
        f"closed loop with {args.concurrency} clients, {args.duration:g} s each; text models "
        f"{'on' if own.with_models else 'off'}\n"
    )
    print(compare(baseline, sealed))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
