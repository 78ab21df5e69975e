"""What encryption at rest costs: the API with and without it, under the same load.

Checks out ``--baseline`` (a revision from before encryption at rest) and ``--candidate``
(default: ``HEAD``) into temporary git worktrees and serves the benchmark of
``bench/api.py`` (writing check-ins with notes, reading them back) from both at once, each on
a database of its own. Each scenario is measured in short slices that alternate between the
two servers (``--slices`` of ``--slice-seconds`` each, the first server changing every slice),
so that a slower minute of the shared machine falls on both alike; the idle server waits.
``--rounds`` repeats everything on fresh databases; the figures are medians over rounds.
The text models are off unless ``--with-models``: their ~10 ms per note would hide what
sealing costs.

Example::

    .venv/bin/python bench/encryption.py --database postgresql --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import statistics
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
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


@dataclass
class Target:
    """One build being served: its server, the driver's connections and accounts."""

    label: str
    server: api.Server
    clients: list[Any]
    users: list[api.Headers]


@dataclass
class Tally:
    """One build's measurements of one scenario, summed over its slices."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    server_cpu_seconds: float = 0.0

    def add(self, rec: api.Recorder, seconds: float, meter: api.CpuMeter) -> None:
        self.latencies += rec.latencies
        self.errors += rec.errors
        self.seconds += seconds
        usage, _ = meter.usage()
        self.server_cpu_seconds += (usage["server"] or 0.0) / 100 * seconds

    def figures(self) -> dict[str, float]:
        ordered = sorted(self.latencies)
        requests = len(ordered)
        return {
            "requests": requests,
            "errors": self.errors,
            **{f"p{q}_ms": api.percentile(ordered, q) * 1000 for q in (50, 95, 99)},
            "throughput": requests / self.seconds if self.seconds else math.nan,
            "server_cpu_ms": self.server_cpu_seconds * 1000 / requests if requests else math.nan,
        }


@contextlib.asynccontextmanager
async def serving(
    args: argparse.Namespace, label: str, source: Path, database: str
) -> AsyncIterator[Target]:
    own = argparse.Namespace(**{**vars(args), "pg_database": database})
    async with (
        api.benchmark_server(own, args.workers, source) as server,
        contextlib.AsyncExitStack() as stack,
    ):
        clients = await api.client_pools(args, server.url, stack)
        rng = random.Random(args.random_seed)
        users, _ = await api.set_up_users(clients[0], args.users, "enc")
        per_pool = math.ceil(args.concurrency / args.pools)
        await api.seed_history(clients[0], users, args.seed_entries, rng, per_pool)
        yield Target(label, server, clients, users)


async def closed_loop(
    args: argparse.Namespace, target: Target, calls: Sequence[api.Call], seconds: float
) -> tuple[api.Recorder, float]:
    return await api.closed_loop(
        target.clients,
        calls,
        concurrency=args.concurrency,
        duration=seconds,
        max_requests=args.max_requests,
    )


async def one_slice(
    args: argparse.Namespace, target: Target, calls: Sequence[api.Call], mode: str, tally: Tally
) -> None:
    meter = api.CpuMeter(target.server.pid)
    if mode == "closed":
        rec, seconds = await closed_loop(args, target, calls, args.slice_seconds)
    else:
        rec, seconds = await api.open_loop(
            target.clients,
            calls,
            rate=args.rate,
            concurrency=args.concurrency,
            duration=args.slice_seconds,
            late_after=args.late_ms / 1000,
        )
    tally.add(rec, seconds, meter)


async def one_round(
    args: argparse.Namespace, builds: Sequence[tuple[str, Path]], round_: int
) -> dict[tuple[str, str], list[dict[str, float]]]:
    """{(scenario, mode): [figures of each build]} for one round on fresh databases."""
    found: dict[tuple[str, str], list[dict[str, float]]] = {}
    async with contextlib.AsyncExitStack() as stack:
        targets = [
            await stack.enter_async_context(
                serving(args, label, source, f"{args.pg_database}_{index}")
            )
            for index, (label, source) in enumerate(builds)
        ]
        for scenario in args.scenarios:
            rng = random.Random(f"{args.random_seed}-{scenario}")
            calls = [api.scenario_calls(scenario, t.users, rng) for t in targets]
            for mode in args.modes:
                tallies = [Tally() for _ in targets]
                for index, target in enumerate(targets):  # unmeasured warm-up
                    await closed_loop(args, target, calls[index], args.warmup)
                for slice_ in range(args.slices):
                    order = list(range(len(targets)))
                    if (slice_ + round_) % 2:
                        order.reverse()
                    for index in order:
                        await one_slice(args, targets[index], calls[index], mode, tallies[index])
                found[(scenario, mode)] = [tally.figures() for tally in tallies]
                print(f"  round {round_}, {scenario}/{mode}", flush=True)
                for target, figures in zip(targets, found[(scenario, mode)], strict=True):
                    print(f"    {target.label}: {describe(figures)}", flush=True)
    return found


def describe(figures: dict[str, float]) -> str:
    return (
        f"{figures['requests']:.0f} requests ({figures['errors']:.0f} failed), "
        f"p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, "
        f"p99 {figures['p99_ms']:.1f} ms, {figures['throughput']:.1f} req/s, "
        f"server CPU {figures['server_cpu_ms']:.2f} ms per request"
    )


def change(after: float, before: float) -> str:
    return f"{(after - before) / before * 100:+.1f}%" if before else "-"


def compare(rounds: Sequence[dict[tuple[str, str], list[dict[str, float]]]]) -> str:
    lines = ["| scenario | mode | figure | without | with | change |", "|---|---|---|--:|--:|--:|"]
    for scenario, mode in rounds[0]:
        for figure in FIGURES:
            before = statistics.median(r[(scenario, mode)][0][figure] for r in rounds)
            after = statistics.median(r[(scenario, mode)][1][figure] for r in rounds)
            lines.append(
                f"| {scenario} | {mode} | {figure} | {before:.2f} | {after:.2f} | "
                f"{change(after, before)} |"
            )
    return "\n".join(lines)


async def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--baseline", default=BEFORE_ENCRYPTION, help="revision to compare with")
    parser.add_argument("--candidate", default="HEAD", help="revision with encryption at rest")
    parser.add_argument("--rounds", type=int, default=2, help="repeats on fresh databases")
    parser.add_argument("--slices", type=int, default=6, help="alternating slices per build")
    parser.add_argument("--slice-seconds", type=float, default=5.0, help="seconds per slice")
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
        "--pg-database=mindtrack_bench_enc",
    ]
    args = api.parse_args([*defaults, *rest])
    args.slices, args.slice_seconds = own.slices, own.slice_seconds
    rounds = []
    with worktree(own.baseline) as before, worktree(own.candidate) as after:
        builds = [(f"without ({own.baseline})", before), (f"with ({own.candidate})", after)]
        for round_ in range(1, own.rounds + 1):
            rounds.append(await one_round(args, builds, round_))
    print(
        f"\n{args.database}; medians of {own.rounds} round(s), each build measured in "
        f"{own.slices} alternating slices of {own.slice_seconds:g} s per scenario; open loop "
        f"at {args.rate:g}/s, closed loop with {args.concurrency} clients; text models "
        f"{'on' if own.with_models else 'off'}\n"
    )
    print(compare(rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
