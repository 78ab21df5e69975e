"""CPU time of one check-in request, in one process, with no HTTP server.

The load benchmark (`bench/api.py`) measures what a client sees, but on a shared 2-core
machine its figures move with the hour more than with the code. This one sends check-ins
one after another to the app through an in-process ASGI transport against a fresh database,
and reads the CPU time each request takes: of the whole process (the text models' threads
included) and of the event loop's thread alone (the interpreter lock the server's capacity
depends on). Everything runs for real: migrations, the text models, sealing, risk
assessment and the day summaries.

    .venv/bin/python bench/request_cpu.py [--database postgresql] [--requests 400] [--scenario track]

`track` is the web app's `POST /api/mood/track-complete` (a 40-word note, always analysed);
`create` is `POST /api/v1/checkins` with the load benchmark's varied check-ins (a note in seven
of ten). Set `MINDTRACK_ML__ENABLED=false` to measure the service without the text models.

Run it for two checkouts alternately (`PYTHONPATH=OTHER/src`) to compare them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import AsyncIterator

import httpx

from api import (
    BENCH_DEFAULTS,
    bench_settings,
    checkin_body,
    fresh_postgres,
    frontend_body,
    percentile,
    set_up_users,
)

USERS = 10
SCENARIOS = {
    "track": ("/api/mood/track-complete", frontend_body),
    "create": ("/api/v1/checkins", checkin_body),
}


@contextlib.asynccontextmanager
async def database(args: argparse.Namespace) -> AsyncIterator[str]:
    if args.database == "postgresql":
        async with fresh_postgres(args.pg_admin_dsn, args.pg_database) as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite+aiosqlite:///{folder}/bench.db"


async def measure(args: argparse.Namespace) -> dict[str, list[float]]:
    from mindtrack.app import create_app
    from mindtrack.config import Settings
    from mindtrack.kit import migrations
    from mindtrack.kit.db import create_engine

    engine = create_engine(Settings().database)
    await migrations.upgrade(engine, "head")
    await engine.dispose()
    app = create_app()
    rng = random.Random(args.seed)
    process, loop_thread = [], []
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://bench") as client,
    ):
        users, _ = await set_up_users(client, USERS, "cpu")
        path, make_body = SCENARIOS[args.scenario]
        for i in range(args.warmup + args.requests):
            body = make_body(rng)
            started, started_here = time.process_time(), time.thread_time()
            response = await client.post(path, json=body, headers=users[i % USERS])
            spent, spent_here = time.process_time() - started, time.thread_time() - started_here
            if response.status_code != 201:
                raise SystemExit(f"{path} answered {response.status_code}: {response.text}")
            if i >= args.warmup:
                process.append(spent * 1000)
                loop_thread.append(spent_here * 1000)
    return {"process": process, "event loop thread": loop_thread}


def report(figures: dict[str, list[float]]) -> None:
    for name, values in figures.items():
        p95 = percentile(sorted(values), 95)
        print(
            f"{name}: CPU per request mean {statistics.fmean(values):.2f} ms, "
            f"p50 {statistics.median(values):.2f} ms, p95 {p95:.2f} ms (n={len(values)})"
        )


async def main(args: argparse.Namespace) -> None:
    async with database(args) as url:
        # Background loops would add their CPU to the requests'; what a request queues
        # (emails, escalations) is still written, as with a separate delivery process.
        quiet = {
            "MINDTRACK_NOTIFY__DELIVER_IN_PROCESS": "false",
            "MINDTRACK_CRISIS__ESCALATE_IN_PROCESS": "false",
        }
        os.environ |= BENCH_DEFAULTS | quiet | bench_settings(url)
        report(await measure(args))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--pg-admin-dsn", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--pg-database", default="mindtrack_bench_cpu")
    parser.add_argument("--requests", type=int, default=400, help="measured requests")
    parser.add_argument("--warmup", type=int, default=100, help="unmeasured requests first")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default="track")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
