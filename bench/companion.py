"""Companion reply latency: one message at a time, end to end.

Starts ``mindtrack serve`` (text models on, as in production) against a fresh SQLite or
PostgreSQL database, registers ``--users`` people with two weeks of check-ins each, and sends
``--messages`` chat messages in turn (``POST /api/v1/conversations/{id}/messages``, a
conversation per person), drawn from everyday messages of 5 to 40 words. Each reply is read
by the text models, assessed for crisis risk, made by the offline dialogue policy and stored,
so the latency covers the whole request. ``--also-chat`` measures the frontend's
``POST /api/ai/chat`` as well.

Example::

    .venv/bin/python bench/companion.py --database sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from api import benchmark_server, percentile, server_rss_mb, set_up_users

MESSAGES = (
    "I feel anxious about my presentation tomorrow",
    "Work was exhausting today and my manager kept piling on more tasks, I barely had time to eat",
    "Had a lovely walk in the park with my sister",
    "I can't sleep again, my mind keeps racing about money and rent",
    "Feeling a bit lonely this weekend, everyone seems busy",
    "Honestly a pretty ordinary day, nothing much to report",
    "I'm frustrated with my flatmate, they never clean up after themselves and it's driving me up the wall",
    "Got some good news about the job, I'm really excited",
    "I keep replaying an awkward conversation from this morning and feel embarrassed",
    "Tired and a bit low, not sure why",
)


async def seed(client: httpx.AsyncClient, headers: list[dict[str, str]]) -> None:
    now = dt.datetime.now(dt.UTC)
    for auth in headers:
        for days_ago in range(14):
            body = {
                "score": random.randint(3, 8),
                "emotions": ["calm"],
                "recorded_at": (now - dt.timedelta(days=days_ago)).isoformat(),
            }
            (await client.post("/api/v1/checkins", json=body, headers=auth)).raise_for_status()


async def measure(
    client: httpx.AsyncClient, headers: list[dict[str, str]], count: int, frontend: bool
) -> dict[str, Any]:
    conversations: list[str | None] = [None] * len(headers)
    latencies = []
    rng = random.Random(1)
    started = time.perf_counter()
    for i in range(count):
        who = i % len(headers)
        text = rng.choice(MESSAGES)
        sent = time.perf_counter()
        if frontend:
            body = {"message": text, "conversation_id": conversations[who]}
            response = await client.post("/api/ai/chat", json=body, headers=headers[who])
        elif conversations[who] is None:
            response = await client.post(
                "/api/v1/conversations", json={"message": text}, headers=headers[who]
            )
        else:
            path = f"/api/v1/conversations/{conversations[who]}/messages"
            response = await client.post(path, json={"message": text}, headers=headers[who])
        latencies.append(time.perf_counter() - sent)
        response.raise_for_status()
        conversations[who] = response.json()["conversation_id"]
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "messages": count,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "per_second": round(count / elapsed, 1),
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--also-chat", action="store_true", help="measure /api/ai/chat too")
    parser.add_argument("--pg-admin-dsn", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--pg-database", default="mindtrack_bench_companion")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ |= {
        "MINDTRACK_ANALYTICS__POPULATION_REFRESH_IN_PROCESS": "false",
        "MINDTRACK_NOTIFY__DELIVER_IN_PROCESS": "false",
        "MINDTRACK_CRISIS__ESCALATE_IN_PROCESS": "false",
    }
    results: dict[str, Any] = {}
    async with (
        benchmark_server(args, 1) as server,
        httpx.AsyncClient(base_url=server.url, timeout=30, trust_env=False) as client,
    ):
        headers, _ = await set_up_users(client, args.users, f"c{int(time.time()) % 100000}")
        await seed(client, headers)
        await measure(client, headers, len(headers), frontend=False)  # warm-up
        results["conversations"] = await measure(client, headers, args.messages, frontend=False)
        if args.also_chat:
            results["frontend chat"] = await measure(client, headers, args.messages, frontend=True)
        results["server_rss_mb"] = server_rss_mb(server.pid)
    print(
        f"\n{args.database}, {args.users} people with 14 days of check-ins, one message at a time:\n"
    )
    print("| endpoint | p50 ms | p95 ms | p99 ms | messages/s |\n|---|---:|---:|---:|---:|")
    for name, r in results.items():
        if isinstance(r, dict):
            print(f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['per_second']} |")
    print(f"\nserver resident memory: {results['server_rss_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
