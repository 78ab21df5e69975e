"""Analytics latency at scale: dashboards, time series, patterns, forecasts, insights and
population comparisons for one person among many.

Seeds a synthetic population with ``mindtrack demo seed``'s generator (``--users`` people,
``--days`` of daily check-ins each, three in five opted in to population comparisons) into
a PostgreSQL or SQLite database, makes the day's population release, starts the API
(``mindtrack serve``, text models off: analytics never runs them), signs in ``--sample``
people and asks each view ``--requests`` times, one request at a time, cycling through
them. Latency is measured at the client, so it includes HTTP and JSON.

``--keep`` leaves the seeded database in place (PostgreSQL ``--pg-database``, or
``var/bench-analytics.db``) and reuses it on the next run when its size matches.

Examples::

    .venv/bin/python bench/analytics.py --database postgresql --users 10000 --days 365 --keep
    .venv/bin/python bench/analytics.py --database sqlite --users 1 --days 1825
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg  # type: ignore[import-untyped]
import httpx
from sqlalchemy import func, select

from api import _identifier, managed_server, percentile
from mindtrack.analytics.comparisons import release_population
from mindtrack.config import AnalyticsSettings, AuthSettings, DatabaseSettings, PrivacySettings
from mindtrack.demo.seed import seed_population
from mindtrack.kit import migrations
from mindtrack.kit.db import create_engine, create_session_factory
from mindtrack.kit.security import PasswordHashing
from mindtrack.models import MoodEntry, User
from mindtrack.privacy.keyring import Keyring

PASSWORD = "bench-analytics-password"  # noqa: S105 - throwaway demo accounts
VIEWS = {
    "dashboard 30 d": "/api/v1/analytics/dashboard?period=30",
    "dashboard 365 d": "/api/v1/analytics/dashboard?period=365",
    "time series 365 d": "/api/v1/analytics/timeseries?period=365",
    "patterns 90 d": "/api/v1/analytics/patterns",
    "forecast 7 d": "/api/v1/analytics/forecast",
    "population": "/api/v1/analytics/population",
    "insights": "/api/v1/analytics/insights",
    "frontend summary": "/api/analytics/summary",
}


async def postgres_database(admin_dsn: str, name: str, keep: bool) -> tuple[str, bool]:
    """The URL of database `name`, created unless `keep` finds it; and whether it existed."""
    quoted = _identifier(name)
    admin = await asyncpg.connect(admin_dsn, timeout=10)
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and not keep:
            await admin.execute(f"DROP DATABASE {quoted} WITH (FORCE)")
        if not exists or not keep:
            await admin.execute(f"CREATE DATABASE {quoted}")
    finally:
        await admin.close()
    url = urlunsplit(urlsplit(admin_dsn)._replace(scheme="postgresql+asyncpg", path=f"/{name}"))
    return url, bool(exists and keep)


async def seeded(database_url: str, users: int, days: int) -> None:
    """Migrates, seeds the population unless it is already there, and releases today's
    population figures."""
    engine = create_engine(DatabaseSettings(url=database_url))
    try:
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            people = (await connection.execute(select(func.count(User.id)))).scalar_one()
            entries = (await connection.execute(select(func.count(MoodEntry.id)))).scalar_one()
        if people != users:
            if people:
                raise SystemExit(f"the kept database holds {people} people, not {users}")
            started = time.perf_counter()
            hashed = PasswordHashing(AuthSettings()).hash(PASSWORD)
            people, entries = await seed_population(
                engine, users=users, days=days, password_hash=hashed
            )
            print(
                f"seeded {people} people, {entries} check-ins in {time.perf_counter() - started:.0f} s"
            )
        else:
            print(f"reusing {people} people, {entries} check-ins")
        started = time.perf_counter()
        await release_population(
            create_session_factory(engine, Keyring.from_settings(PrivacySettings())),
            AnalyticsSettings(),
        )
        print(f"population release: {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        await engine.dispose()


async def sign_in(client: httpx.AsyncClient, count: int) -> list[dict[str, str]]:
    """Bearer headers of the first `count` opted-in demo people (numbers 1, 2, 3, 6, 7, 8…)."""
    numbers = [n for n in range(1, 5 * count + 1) if n % 5 < 3][:count]
    headers = []
    for n in numbers:
        response = await client.post(
            "/api/v1/auth/login", json={"username": f"demo-00-{n:06d}", "password": PASSWORD}
        )
        response.raise_for_status()
        headers.append({"authorization": f"Bearer {response.json()['access_token']}"})
    return headers


async def measure(
    client: httpx.AsyncClient, path: str, people: Sequence[dict[str, str]], requests: int
) -> dict[str, Any]:
    for auth in people:  # one unmeasured request each: connections and caches warm
        (await client.get(path, headers=auth)).raise_for_status()
    latencies = []
    started = time.perf_counter()
    for i in range(requests):
        sent = time.perf_counter()
        response = await client.get(path, headers=people[i % len(people)])
        latencies.append(time.perf_counter() - sent)
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": requests,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "per_second": round(requests / elapsed, 1),
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--sample", type=int, default=20, help="people whose views are asked")
    parser.add_argument("--requests", type=int, default=300, help="per view")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    parser.add_argument("--pg-admin-dsn", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--pg-database", default="mindtrack_bench_analytics")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if min(args.users, args.days, args.sample, args.requests) < 1:
        parser.error("--users, --days, --sample and --requests must be at least 1")
    return args


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ |= {
        "MINDTRACK_ML__ENABLED": "false",
        "MINDTRACK_ANALYTICS__POPULATION_REFRESH_IN_PROCESS": "false",
        "MINDTRACK_NOTIFY__DELIVER_IN_PROCESS": "false",
        "MINDTRACK_CRISIS__ESCALATE_IN_PROCESS": "false",
    }
    with tempfile.TemporaryDirectory(prefix="mindtrack-bench-") as tmp:
        workdir = Path(tmp)
        if args.database == "sqlite":
            path = Path("var/bench-analytics.db") if args.keep else workdir / "bench.db"
            path.parent.mkdir(exist_ok=True)
            database_url = f"sqlite+aiosqlite:///{path.resolve()}"
        else:
            database_url, _ = await postgres_database(
                args.pg_admin_dsn, args.pg_database, args.keep
            )
        try:
            await seeded(database_url, args.users, args.days)
            async with contextlib.AsyncExitStack() as stack:
                server = await stack.enter_async_context(managed_server(database_url, 1, workdir))
                client = await stack.enter_async_context(
                    httpx.AsyncClient(base_url=server.url, timeout=30, trust_env=False)
                )
                people = await sign_in(client, min(args.sample, args.users))
                results = {}
                for view, path in VIEWS.items():
                    results[view] = await measure(client, path, people, args.requests)
                    print(f"{view:>18}: {json.dumps(results[view])}", flush=True)
        finally:
            if args.database == "postgresql" and not args.keep:
                admin = await asyncpg.connect(args.pg_admin_dsn, timeout=10)
                with contextlib.suppress(Exception):
                    await admin.execute(
                        f"DROP DATABASE {_identifier(args.pg_database)} WITH (FORCE)"
                    )
                await admin.close()
    print(
        f"\n{args.database}, {args.users} people × {args.days} days, {len(people)} asked, "
        "one request at a time:\n"
    )
    print("| view | p50 ms | p95 ms | p99 ms | requests/s |\n|---|---:|---:|---:|---:|")
    for view, r in results.items():
        print(f"| {view} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['per_second']} |")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"args": vars(args) | {"json": str(args.json)}, "results": results}, indent=2
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
