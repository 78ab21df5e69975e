"""Shared request budgets under load: two API processes, one budget in Redis.

Starts two ``mindtrack serve`` processes on one migrated SQLite database, both counting the
per-address budget (``--budget`` requests a minute) in the Redis at ``--redis``, and fires
``--requests`` requests at them from one address, alternating between the processes,
``--concurrency`` at a time. It checks that exactly ``--budget`` are served and the rest
refused with 429 (two separate counts would serve twice as many), that every answer carries
``RateLimit-*`` headers counting down to 0 and every refusal a ``Retry-After``, and prints
latency percentiles and throughput.

Example::

    .venv/bin/python bench/ratelimit.py --requests 1000 --budget 300
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import httpx

from api import managed_server, percentile


async def fire(
    urls: Sequence[str], requests: int, concurrency: int
) -> tuple[list[httpx.Response], list[float]]:
    """The answers, and each request's latency in seconds (sorted)."""
    limits = httpx.Limits(max_connections=concurrency)
    gate = asyncio.Semaphore(concurrency)
    timings: list[float] = []

    async with httpx.AsyncClient(timeout=30, limits=limits, trust_env=False) as client:

        async def one(i: int) -> httpx.Response:
            async with gate:
                started = time.perf_counter()
                response = await client.get(f"{urls[i % len(urls)]}/api/v1/emotions")
                timings.append(time.perf_counter() - started)
                return response

        responses = await asyncio.gather(*(one(i) for i in range(requests)))
    return list(responses), sorted(timings)


def check(responses: Sequence[httpx.Response], budget: int) -> list[str]:
    """What is wrong with the answers (nothing, when the shared budget held)."""
    served = [r for r in responses if r.status_code == 200]
    refused = [r for r in responses if r.status_code == 429]
    problems = []
    if len(served) + len(refused) != len(responses):
        problems.append(
            f"{len(responses) - len(served) - len(refused)} answers neither 200 nor 429"
        )
    if len(served) != min(budget, len(responses)):
        problems.append(f"{len(served)} served, expected exactly {budget}")
    # Under concurrency two answers may show the same remaining count (it is read just
    # after spending); the count itself is exact, as the number served shows.
    remaining = [int(r.headers.get("RateLimit-Remaining", -1)) for r in served]
    if served and (min(remaining) != 0 or not all(0 <= n < budget for n in remaining)):
        problems.append("served answers do not count down to 0 from the budget")
    if any(r.headers.get("RateLimit-Limit") != str(budget) for r in responses):
        problems.append("an answer lacks RateLimit-Limit or names another limit")
    if any(int(r.headers.get("Retry-After", 0)) < 1 for r in refused):
        problems.append("a refusal lacks Retry-After")
    if any(r.headers.get("RateLimit-Remaining") != "0" for r in refused):
        problems.append("a refusal shows budget remaining")
    return problems


async def bench(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        database = f"sqlite+aiosqlite:///{work / 'bench.db'}"
        os.environ |= {
            "MINDTRACK_DATABASE__URL": database,
            "MINDTRACK_DATABASE__AUTO_MIGRATE": "false",
            "MINDTRACK_ML__ENABLED": "false",
            "MINDTRACK_REDIS_URL": args.redis,
            "MINDTRACK_RATE_LIMIT__ENABLED": "true",
            "MINDTRACK_RATE_LIMIT__KEY_PREFIX": f"bench-{uuid.uuid4().hex}",
            "MINDTRACK_RATE_LIMIT__PER_IP": f"{args.budget}/minute",
        }
        upgrade = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "mindtrack", "db", "upgrade"
        )
        if await upgrade.wait() != 0:
            raise SystemExit("could not migrate the bench database")
        async with contextlib.AsyncExitStack() as stack:
            servers = []
            for name in ("one", "two"):
                (work / name).mkdir()
                servers.append(
                    await stack.enter_async_context(managed_server(database, 1, work / name))
                )
            started = time.perf_counter()
            responses, timings = await fire(
                [s.url for s in servers], args.requests, args.concurrency
            )
            elapsed = time.perf_counter() - started
    served = sum(r.status_code == 200 for r in responses)
    print(f"requests {len(responses)} over 2 processes, concurrency {args.concurrency}")
    print(f"served {served} (budget {args.budget}), refused {len(responses) - served} with 429")
    print(
        f"latency p50 {percentile(timings, 50) * 1000:.1f} ms, "
        f"p95 {percentile(timings, 95) * 1000:.1f} ms; "
        f"throughput {len(responses) / elapsed:.0f} requests/s"
    )
    problems = check(responses, args.budget)
    print("shared budget held, headers correct" if not problems else "; ".join(problems))
    return 1 if problems else 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--budget", type=int, default=300, help="Requests a minute per address.")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(asyncio.run(bench(parse_args())))
