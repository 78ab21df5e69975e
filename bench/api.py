"""HTTP load benchmark for the MindTrack API.

Starts its own server (``mindtrack serve``) on a free loopback port against a fresh SQLite
or PostgreSQL database, or targets a running one given ``--url``. It registers and signs in
``--users`` accounts (sign-in latency is reported on its own: Argon2 is slow on purpose),
seeds ``--seed-entries`` check-ins per account, then drives each scenario for ``--duration``
seconds in two modes:

* closed: ``--concurrency`` clients send back to back, as fast as the server answers;
* open: requests are scheduled at ``--rate`` per second; latency is measured from each
  request's scheduled moment, so waiting for a free client counts. Sends that start more than
  ``--late-ms`` after their moment are counted late; ones that cannot start before the window
  closes are not sent and counted dropped.

The ``--concurrency`` keep-alive connections are spread over ``--pools`` httpx clients:
httpcore's pool does bookkeeping per request that grows with the pool size, so one client
holding all 50 connections would spend several ms of CPU per request and measure the driver
rather than the server (see docs/benchmarks.md).

Examples::

    .venv/bin/python bench/api.py --database sqlite
    .venv/bin/python bench/api.py --database postgresql --json var/bench-pg.json
    .venv/bin/python bench/api.py --url http://127.0.0.1:8000 --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import random
import re
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg  # type: ignore[import-untyped]
import httpx

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
PASSWORD = "bench-password-123"  # noqa: S105 - throwaway accounts on a throwaway database
EMOTIONS = (
    "happy", "sad", "anxious", "calm", "excited", "angry", "tired", "stressed", "confident",
    "lonely", "content", "grateful", "hopeful", "relaxed", "bored", "overwhelmed", "restless",
)  # fmt: skip
CUSTOM_EMOTIONS = ("wistful", "on edge", "giddy", "flat")
NOTE_SENTENCES = (
    "Slept badly and woke up early.",
    "Long walk by the river at lunch helped a lot.",
    "Deadline at work is getting closer and I keep putting it off.",
    "Called my sister; we laughed about the old house.",
    "Headache most of the afternoon.",
    "Cooked dinner for friends, felt like myself again.",
    "Too much coffee, jittery all morning.",
    "Therapy session today, talked about boundaries.",
)
ACTIVITIES = ("work", "exercise", "social", "rest", "study", "commute", "family", "")
LOCATIONS = ("Home", "Office", "Park", "Gym", "Café on the corner", "")
WEATHER = ("sunny", "cloudy", "rainy", "windy", "snow", "")
TAGS = ("morning", "evening", "weekend", "medication", "period", "travel", "deadline")
REPORTED_SETTINGS = (
    "duration", "concurrency", "rate", "users", "seed_entries", "workers", "warmup", "late_ms",
    "scenarios", "modes", "pools",
)  # fmt: skip
Headers = dict[str, str]

# --------------------------------------------------------------------------- request data


def checkin_body(rng: random.Random, recorded_at: dt.datetime | None = None) -> dict[str, Any]:
    """A realistic, varied check-in: required score and emotions, optional context."""
    emotions = rng.sample(EMOTIONS, rng.randint(1, 4))
    if rng.random() < 0.15:
        emotions.append(rng.choice(CUSTOM_EMOTIONS))
    body: dict[str, Any] = {"score": rng.randint(0, 10), "emotions": emotions}
    if rng.random() < 0.7:
        body["notes"] = " ".join(rng.choices(NOTE_SENTENCES, k=rng.randint(1, 8)))
    if rng.random() < 0.6:
        body |= {
            "activity": rng.choice(ACTIVITIES),
            "location": rng.choice(LOCATIONS),
            "weather": rng.choice(WEATHER),
        }
    if rng.random() < 0.5:
        body["sleep_hours"] = round(rng.uniform(3, 10), 1)
        body["energy"] = rng.randint(0, 10)
    if rng.random() < 0.4:
        body["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    if recorded_at is not None:
        body["recorded_at"] = recorded_at.isoformat()
    return body


def forty_word_note(rng: random.Random) -> str:
    words: list[str] = []
    while len(words) < 40:
        words.extend(rng.choice(NOTE_SENTENCES).split())
    return " ".join(words[:40])


def frontend_body(rng: random.Random) -> dict[str, Any]:
    """The web frontend's mood form: all six keys, a 40-word note."""
    return {
        "score": rng.randint(0, 10),
        "emotions": rng.sample(EMOTIONS, rng.randint(1, 3)),
        "notes": forty_word_note(rng),
        "activity": rng.choice(["work", "exercise", "relaxing", ""]),
        "location": rng.choice(LOCATIONS),
        "weather": "",
    }


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Call:
    """One pre-built request: the driver only picks one and sends it."""

    method: str
    path: str
    headers: Headers
    content: bytes | None = None


def scenario_calls(
    scenario: str, users: Sequence[Headers], rng: random.Random, count: int = 2000
) -> list[Call]:
    """Pre-built requests for a scenario, cycling through the accounts."""
    if scenario == "create":
        json_headers = [{**h, "content-type": "application/json"} for h in users]
        return [
            Call(
                "POST", "/api/v1/checkins", json_headers[i % len(users)], encode(checkin_body(rng))
            )
            for i in range(count)
        ]
    if scenario == "track":
        json_headers = [{**h, "content-type": "application/json"} for h in users]
        return [
            Call(
                "POST",
                "/api/mood/track-complete",
                json_headers[i % len(users)],
                encode(frontend_body(rng)),
            )
            for i in range(count)
        ]
    paths = {"list": "/api/v1/checkins?limit=20", "history": "/api/mood/history?limit=10"}
    return [Call("GET", paths[scenario], headers) for headers in users]


# ------------------------------------------------------------------------------- measuring


def percentile(ordered: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of sorted values (NaN when empty)."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass(slots=True)
class Recorder:
    latencies: list[float] = field(default_factory=list)  # seconds, every completed attempt
    service: list[float] = field(default_factory=list)  # send -> response (open loop)
    statuses: Counter[int] = field(default_factory=Counter)  # 0 = transport error
    failures: Counter[str] = field(default_factory=Counter)  # transport errors by type
    late: int = 0
    dropped: int = 0

    async def send(self, client: httpx.AsyncClient, call: Call, due: float | None = None) -> None:
        started = time.perf_counter()
        try:
            response = await client.request(
                call.method, call.path, headers=call.headers, content=call.content
            )
            status = response.status_code
        except httpx.HTTPError as exc:
            status = 0
            self.failures[type(exc).__name__] += 1
        finished = time.perf_counter()
        self.statuses[status] += 1
        self.latencies.append(finished - (started if due is None else due))
        if due is not None:
            self.service.append(finished - started)

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)


class CpuMeter:
    """CPU used by the server's process tree, this driver, and the whole machine (Linux)."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self.start = self._sample()

    def _tree_ticks(self) -> float | None:
        if self.server_pid is None:
            return None
        stats: dict[int, tuple[int, int]] = {}  # pid -> (ppid, utime + stime)
        for entry in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = entry.read_text().rsplit(")", 1)[1].split()
                stats[int(entry.parent.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        tree, frontier = set(), [self.server_pid]
        while frontier:
            pid = frontier.pop()
            tree.add(pid)
            frontier += [child for child, (ppid, _) in stats.items() if ppid == pid]
        return float(sum(stats[pid][1] for pid in tree if pid in stats))

    @staticmethod
    def _machine() -> tuple[float, float] | None:
        try:
            values = [
                float(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
            ]
        except OSError:
            return None
        idle = values[3] + values[4]
        return sum(values) - idle, sum(values)

    def _sample(self) -> tuple[float, float, float | None, tuple[float, float] | None]:
        return time.perf_counter(), time.process_time(), self._tree_ticks(), self._machine()

    def usage(self) -> tuple[dict[str, float | None], float]:
        """CPU since construction, as % of one core (machine: % of all cores), and this
        driver's CPU seconds."""
        wall0, own0, srv0, mach0 = self.start
        wall1, own1, srv1, mach1 = self._sample()
        wall = wall1 - wall0
        server = None if srv0 is None or srv1 is None else (srv1 - srv0) / self.tick / wall * 100
        machine = None
        if mach0 is not None and mach1 is not None and mach1[1] > mach0[1]:
            machine = (mach1[0] - mach0[0]) / (mach1[1] - mach0[1]) * 100
        percent = {"server": server, "driver": (own1 - own0) / wall * 100, "machine": machine}
        return percent, own1 - own0


@dataclass(frozen=True, slots=True)
class Result:
    scenario: str
    mode: str
    target_rate: float | None
    requests: int
    errors: int
    late: int | None
    dropped: int | None
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    service_p50_ms: float | None
    service_p95_ms: float | None
    statuses: dict[str, int]
    failures: dict[str, int]
    cpu_percent: dict[str, float | None]
    driver_cpu_ms_per_request: float | None


def summarize(
    scenario: str, mode: str, rate: float | None, rec: Recorder, seconds: float, cpu: CpuMeter
) -> Result:
    ordered = sorted(rec.latencies)
    service = sorted(rec.service)
    usage, driver_seconds = cpu.usage()

    def ms(values: Sequence[float], q: float) -> float:
        return round(percentile(values, q) * 1000, 2)

    return Result(
        scenario=scenario,
        mode=mode,
        target_rate=rate,
        requests=len(ordered),
        errors=rec.errors,
        late=rec.late if mode == "open" else None,
        dropped=rec.dropped if mode == "open" else None,
        seconds=round(seconds, 3),
        throughput=round(len(ordered) / seconds, 1) if seconds > 0 else 0.0,
        p50_ms=ms(ordered, 50),
        p95_ms=ms(ordered, 95),
        p99_ms=ms(ordered, 99),
        max_ms=ms(ordered, 100),
        service_p50_ms=ms(service, 50) if service else None,
        service_p95_ms=ms(service, 95) if service else None,
        statuses={str(status): n for status, n in sorted(rec.statuses.items())},
        failures=dict(rec.failures),
        cpu_percent={k: None if v is None else round(v) for k, v in usage.items()},
        driver_cpu_ms_per_request=round(driver_seconds * 1000 / len(ordered), 2)
        if ordered
        else None,
    )


# --------------------------------------------------------------------------- load patterns


async def closed_loop(
    clients: Sequence[httpx.AsyncClient],
    calls: Sequence[Call],
    *,
    concurrency: int,
    duration: float,
    max_requests: int,
) -> tuple[Recorder, float]:
    """`concurrency` clients each sending the next request as soon as the last one answers
    (client i uses connection pool i mod len(clients))."""
    rec, issued = Recorder(), 0
    started = time.perf_counter()
    deadline = started + duration

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < max_requests and time.perf_counter() < deadline:
            call = calls[issued % len(calls)]
            issued += 1
            await rec.send(client, call)

    await asyncio.gather(*(client_loop(clients[i % len(clients)]) for i in range(concurrency)))
    return rec, time.perf_counter() - started


async def open_loop(
    clients: Sequence[httpx.AsyncClient],
    calls: Sequence[Call],
    *,
    rate: float,
    concurrency: int,
    duration: float,
    late_after: float,
) -> tuple[Recorder, float]:
    """Requests scheduled at a fixed rate, whatever the server does (no coordinated
    omission): request i is due at start + i / rate and its latency counts from then.
    `concurrency` senders take the due requests in order; when all are busy, requests
    wait (and are late); any that cannot start before the window closes are dropped."""
    rec, next_index = Recorder(), 0
    total = int(rate * duration)
    started = time.perf_counter() + 0.05  # a moment for the senders to start
    deadline = started + duration

    async def sender(client: httpx.AsyncClient) -> None:
        nonlocal next_index
        while next_index < total:
            index = next_index
            next_index += 1
            due = started + index / rate
            wait = due - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
            now = time.perf_counter()
            if now >= deadline:
                rec.dropped += 1
                continue
            if now - due > late_after:
                rec.late += 1
            await rec.send(client, calls[index % len(calls)], due)

    await asyncio.gather(*(sender(clients[i % len(clients)]) for i in range(concurrency)))
    return rec, time.perf_counter() - started


async def run_all(client: httpx.AsyncClient, calls: Sequence[Call], concurrency: int) -> Recorder:
    """Send every call with `concurrency` clients, retrying a transport error once (setup
    work, not measured)."""
    rec, queue = Recorder(), iter(calls)

    async def worker() -> None:
        for call in queue:
            request = client.build_request(
                call.method, call.path, headers=call.headers, content=call.content
            )
            try:
                response = await client.send(request)
            except httpx.TransportError:
                response = await client.send(request)
            rec.statuses[response.status_code] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return rec


# ------------------------------------------------------------------------------ the server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _identifier(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit(f"unsafe database name: {name!r}")
    return f'"{name}"'


@contextlib.asynccontextmanager
async def fresh_postgres(admin_dsn: str, name: str) -> AsyncIterator[str]:
    """Create database `name` (dropping a leftover one), yield its SQLAlchemy URL, drop it."""
    quoted = _identifier(name)
    admin = await asyncpg.connect(admin_dsn, timeout=10)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {quoted}")
    finally:
        await admin.close()
    parts = urlsplit(admin_dsn)
    try:
        yield urlunsplit(parts._replace(scheme="postgresql+asyncpg", path=f"/{name}"))
    finally:
        admin = await asyncpg.connect(admin_dsn, timeout=10)
        try:
            await admin.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        finally:
            await admin.close()


def _open_log(path: Path) -> IO[bytes]:
    return path.open("wb")


# One driver address sends everything: the per-address budgets (measured by
# bench/ratelimit.py) would refuse the load itself, unless a caller turns them on. The daily
# backup and retention jobs would run at start-up, in the middle of the figures.
BENCH_DEFAULTS = {
    "MINDTRACK_RATE_LIMIT__ENABLED": "false",
    "MINDTRACK_BACKUP__IN_PROCESS": "false",
    "MINDTRACK_RETENTION__IN_PROCESS": "false",
}


def bench_settings(database_url: str) -> dict[str, str]:
    """What every benchmarked app is given whatever the caller's environment says."""
    return {
        "MINDTRACK_DATABASE__URL": database_url,
        "MINDTRACK_LOG__LEVEL": "WARNING",
        "MINDTRACK_ENVIRONMENT": "development",
    }


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    pid: int
    log: Path


@contextlib.asynccontextmanager
async def managed_server(
    database_url: str, workers: int, workdir: Path, source: Path | None = None
) -> AsyncIterator[Server]:
    """`python -m mindtrack serve` on a free loopback port; stopped (SIGINT) on exit. With
    `source`, the code and models of that checkout run instead of the installed ones."""
    port = free_port()
    env = BENCH_DEFAULTS | os.environ | bench_settings(database_url)
    if source is not None:
        env |= {
            "PYTHONPATH": str(source / "src"),
            "MINDTRACK_ML__MODELS_DIR": str(source / "models"),
        }
    log_path = workdir / "server.log"
    log = _open_log(log_path)
    command = [sys.executable, "-m", "mindtrack", "serve", "--host", "127.0.0.1"]
    process = await asyncio.create_subprocess_exec(
        *command,
        *("--port", str(port), "--workers", str(workers)),
        env=env,
        stdout=log,
        stderr=log,
        cwd=source,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(url, process, log_path)
        yield Server(url, process.pid, log_path)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), timeout=15)
            except TimeoutError:
                process.kill()
                await process.wait()
        log.close()


@contextlib.asynccontextmanager
async def benchmark_server(
    args: argparse.Namespace, workers: int, source: Path | None = None
) -> AsyncIterator[Server]:
    """A server on a database of its own for one run: SQLite in a scratch folder, or a fresh
    PostgreSQL database (`args.database`, `args.pg_admin_dsn`, `args.pg_database`)."""
    with tempfile.TemporaryDirectory(prefix="mindtrack-bench-") as tmp:
        workdir = Path(tmp)
        async with contextlib.AsyncExitStack() as stack:
            if args.database == "sqlite":
                database_url = f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
            else:
                database_url = await stack.enter_async_context(
                    fresh_postgres(args.pg_admin_dsn, args.pg_database)
                )
            yield await stack.enter_async_context(
                managed_server(database_url, workers, workdir, source)
            )


def server_rss_mb(pid: int) -> float | None:
    """Resident memory of the server and its worker processes, in MB."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with the ML dependencies
        return None
    root = psutil.Process(pid)
    total = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
    return round(total / 2**20, 1)


def _log_tail(path: Path, size: int = 2000) -> str:
    return path.read_text(errors="replace")[-size:]


async def wait_ready(
    url: str, process: asyncio.subprocess.Process, log_path: Path, patience: float = 60
) -> None:
    deadline = time.perf_counter() + patience
    async with httpx.AsyncClient(base_url=url, trust_env=False, timeout=2) as probe:
        while time.perf_counter() < deadline:
            if process.returncode is not None:
                break
            with contextlib.suppress(httpx.HTTPError):
                if (await probe.get("/ready")).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    tail = _log_tail(log_path)
    raise SystemExit(f"server at {url} did not become ready; its log ends:\n{tail}")


# ------------------------------------------------------------------------------- the bench


async def set_up_users(
    client: httpx.AsyncClient, count: int, run_id: str
) -> tuple[list[Headers], list[float]]:
    """Register then sign in each account, one at a time; returns auth headers and the
    sign-in latencies (seconds)."""
    headers: list[Headers] = []
    logins: list[float] = []
    for i in range(count):
        username = f"bench_{run_id}_{i}"
        registered = await client.post(
            "/api/v1/auth/register",
            json={"username": username, "email": f"{username}@example.com", "password": PASSWORD},
        )
        registered.raise_for_status()
        started = time.perf_counter()
        login = await client.post(
            "/api/v1/auth/login", json={"username": username, "password": PASSWORD}
        )
        logins.append(time.perf_counter() - started)
        login.raise_for_status()
        headers.append({"authorization": f"Bearer {login.json()['access_token']}"})
    return headers, logins


async def seed_history(
    client: httpx.AsyncClient,
    users: Sequence[Headers],
    per_user: int,
    rng: random.Random,
    concurrency: int,
) -> None:
    """`per_user` past check-ins per account, a few hours apart, through the API."""
    now = dt.datetime.now(dt.UTC)
    calls = [
        Call(
            "POST",
            "/api/v1/checkins",
            {**headers, "content-type": "application/json"},
            encode(checkin_body(rng, now - dt.timedelta(hours=8 * k + rng.random() * 6))),
        )
        for k in range(per_user, 0, -1)
        for headers in users
    ]
    rec = await run_all(client, calls, concurrency)
    if rec.errors > len(calls) // 100:
        raise SystemExit(f"seeding failed: statuses {dict(rec.statuses)}")
    if rec.errors:
        print(f"warning: {rec.errors} of {len(calls)} seed check-ins failed: {dict(rec.statuses)}")


async def measure(
    args: argparse.Namespace,
    clients: Sequence[httpx.AsyncClient],
    scenario: str,
    calls: Sequence[Call],
    mode: str,
    server_pid: int | None,
) -> Result:
    """One scenario in one mode: a short unmeasured warm-up, then `--duration` seconds."""
    if args.warmup > 0:
        await closed_loop(
            clients,
            calls,
            concurrency=args.concurrency,
            duration=args.warmup,
            max_requests=args.max_requests,
        )
    cpu = CpuMeter(server_pid)
    if mode == "closed":
        rec, seconds = await closed_loop(
            clients,
            calls,
            concurrency=args.concurrency,
            duration=args.duration,
            max_requests=args.max_requests,
        )
        return summarize(scenario, mode, None, rec, seconds, cpu)
    rec, seconds = await open_loop(
        clients,
        calls,
        rate=args.rate,
        concurrency=args.concurrency,
        duration=args.duration,
        late_after=args.late_ms / 1000,
    )
    return summarize(scenario, mode, args.rate, rec, seconds, cpu)


async def client_pools(
    args: argparse.Namespace, base_url: str, stack: contextlib.AsyncExitStack
) -> list[httpx.AsyncClient]:
    """`args.pools` clients sharing `args.concurrency` connections, closed with `stack`."""
    per_pool = math.ceil(args.concurrency / args.pools)
    limits = httpx.Limits(
        max_connections=per_pool,
        max_keepalive_connections=per_pool,
        # Below uvicorn's 5 s keep-alive timeout, so that the driver never reuses a
        # connection the server is closing (setup has idle pauses while accounts sign in).
        keepalive_expiry=4,
    )
    return [
        await stack.enter_async_context(
            httpx.AsyncClient(
                base_url=base_url, limits=limits, timeout=args.timeout, trust_env=False
            )
        )
        for _ in range(args.pools)
    ]


async def bench(args: argparse.Namespace, base_url: str, server_pid: int | None) -> dict[str, Any]:
    rng = random.Random(args.random_seed)
    per_pool = math.ceil(args.concurrency / args.pools)
    async with contextlib.AsyncExitStack() as stack:
        clients = await client_pools(args, base_url, stack)
        run_id = f"{int(time.time()) % 100000}{rng.randrange(1000):03d}"
        setup_started = time.perf_counter()
        users, logins = await set_up_users(clients[0], args.users, run_id)
        await seed_history(clients[0], users, args.seed_entries, rng, per_pool)
        print(
            f"setup: {len(users)} accounts, {args.seed_entries} check-ins each, "
            f"{time.perf_counter() - setup_started:.1f} s",
            flush=True,
        )
        results: list[Result] = []
        for scenario in args.scenarios:
            calls = scenario_calls(scenario, users, rng)
            for mode in args.modes:
                results.append(await measure(args, clients, scenario, calls, mode, server_pid))
                print(f"  {scenario}/{mode}: done", flush=True)
    logins.sort()
    login_stats = {
        "count": len(logins),
        "p50_ms": round(percentile(logins, 50) * 1000, 1),
        "p95_ms": round(percentile(logins, 95) * 1000, 1),
        "max_ms": round(percentile(logins, 100) * 1000, 1),
    }
    return {"login": login_stats, "results": [asdict(r) for r in results]}


# ------------------------------------------------------------------------------- reporting


def _cell(value: float | int | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def render_table(results: Sequence[dict[str, Any]]) -> str:
    def cpu(r: dict[str, Any]) -> str:
        return "/".join(_cell(r["cpu_percent"][k]) for k in ("server", "driver", "machine"))

    columns: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("scenario", lambda r: r["scenario"]),
        ("mode", lambda r: r["mode"] + (f"@{r['target_rate']:g}" if r["target_rate"] else "")),
        ("requests", lambda r: _cell(r["requests"])),
        ("errors", lambda r: _cell(r["errors"])),
        ("late", lambda r: _cell(r["late"])),
        ("dropped", lambda r: _cell(r["dropped"])),
        ("req/s", lambda r: _cell(r["throughput"])),
        ("p50 ms", lambda r: _cell(r["p50_ms"])),
        ("p95 ms", lambda r: _cell(r["p95_ms"])),
        ("p99 ms", lambda r: _cell(r["p99_ms"])),
        ("max ms", lambda r: _cell(r["max_ms"])),
        ("cpu% srv/drv/all", cpu),
    ]
    rows = [[render(r) for _, render in columns] for r in results]
    widths = [max(len(name), *(len(row[i]) for row in rows)) for i, (name, _) in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if i > 1 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    # Markdown: text columns left-aligned, figures right-aligned.
    rule = "|".join("-" * (w + 1) + ":" if i > 1 else "-" * (w + 2) for i, w in enumerate(widths))
    return "\n".join([line([name for name, _ in columns]), f"|{rule}|", *map(line, rows)])


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    target = parser.add_argument_group("target")
    target.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    target.add_argument("--url", help="benchmark this running server (loopback) instead")
    target.add_argument("--workers", type=int, default=1, help="server workers (PostgreSQL)")
    target.add_argument("--pg-admin-dsn", default="postgresql://postgres@127.0.0.1:5432/test")
    target.add_argument("--pg-database", default="mindtrack_bench")
    load = parser.add_argument_group("load")
    load.add_argument("--duration", type=float, default=20.0, help="seconds per run")
    load.add_argument("--concurrency", type=int, default=50, help="clients / connections")
    load.add_argument(
        "--pools",
        type=int,
        default=10,
        help="split the connections over this many httpx clients (httpcore's pool costs more "
        "CPU per request as it grows; default 10, i.e. 5 connections each at 50 clients)",
    )
    load.add_argument("--rate", type=float, default=200.0, help="open-loop requests per second")
    load.add_argument(
        "--scenarios",
        default="create,list",
        help="of create, list, history, track (track-complete with a 40-word note)",
    )
    load.add_argument("--modes", default="closed,open", help="of closed, open")
    load.add_argument("--users", type=int, default=50)
    load.add_argument("--seed-entries", type=int, default=50, help="check-ins per account")
    load.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds per run")
    load.add_argument("--late-ms", type=float, default=10.0, help="open loop: late after this")
    load.add_argument("--max-requests", type=int, default=1_000_000, help="closed-loop cap")
    load.add_argument("--timeout", type=float, default=30.0, help="per-request seconds")
    load.add_argument("--random-seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    args.scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not set(args.scenarios) <= {"create", "list", "history", "track"} or not args.scenarios:
        parser.error("--scenarios: choose from create, list, history, track")
    if not set(args.modes) <= {"closed", "open"} or not args.modes:
        parser.error("--modes: choose from closed, open")
    if min(args.concurrency, args.users, args.workers, args.pools) < 1:
        parser.error("--concurrency, --pools, --users and --workers must be at least 1")
    if args.duration <= 0 or args.rate <= 0:
        parser.error("--duration and --rate must be positive")
    if args.url and urlsplit(args.url).hostname not in LOOPBACK_HOSTS:
        parser.error("--url must be a loopback address: the driver and server share the machine")
    return args


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    server_log = ""
    if args.url:
        label, outcome = "external", await bench(args, args.url.rstrip("/"), None)
    else:
        label = args.database
        async with benchmark_server(args, args.workers) as server:
            print(f"server {server.url} (pid {server.pid}) on {label}", flush=True)
            try:
                outcome = await bench(args, server.url, server.pid)
                outcome["server_rss_mb"] = server_rss_mb(server.pid)
            finally:
                # At WARNING the server logs nothing unless something went wrong.
                server_log = _log_tail(server.log, 3000)
                if server_log:
                    print(f"server log (last lines):\n{server_log}", file=sys.stderr)
    report = {
        "started_at": started.isoformat(timespec="seconds"),
        "database": label,
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "settings": {key: getattr(args, key) for key in REPORTED_SETTINGS},
        **outcome,
        "server_log_tail": server_log,
    }
    login = outcome["login"]
    print(
        f"\n{label}, {args.concurrency} clients"
        f"{f' in {args.pools} httpx clients' if args.pools > 1 else ''}, {args.duration:g} s per run, "
        f"started {report['started_at']}; {os.cpu_count()} CPUs\n"
        f"login (Argon2, one at a time, n={login['count']}): "
        f"p50 {login['p50_ms']} ms, p95 {login['p95_ms']} ms, max {login['max_ms']} ms\n"
    )
    print(render_table(outcome["results"]))
    if outcome.get("server_rss_mb"):
        print(f"\nserver resident memory (process tree): {outcome['server_rss_mb']} MB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
