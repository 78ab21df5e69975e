"""Fixtures: every database test runs on SQLite and on PostgreSQL.

SQLite: the schema is migrated once per worker into a template file, and each test gets
its own copy. PostgreSQL: each pytest-xdist worker gets its own database, migrated once;
tables are emptied after every test. PostgreSQL tests are skipped with a notice when no server
answers, unless MINDTRACK_TEST_REQUIRE_POSTGRES=1 (as in CI), which turns that into a failure.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pyotp
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from mindtrack.app import create_app
from mindtrack.auth.mfa import ROLES_REQUIRING_TWO_STEP
from mindtrack.auth.schemas import UserRegister
from mindtrack.auth.service import AuthService, Credentials
from mindtrack.config import (
    AnalyticsSettings,
    AuthSettings,
    BackupSettings,
    CrisisSettings,
    DatabaseSettings,
    Environment,
    LogSettings,
    MLSettings,
    NotifySettings,
    PrivacySettings,
    RateLimitSettings,
    RetentionSettings,
    Settings,
)
from mindtrack.kit import migrations
from mindtrack.kit.db import create_engine, transaction
from mindtrack.kit.logging import configure_logging
from mindtrack.models import Base, Role, User
from mindtrack.privacy.audit import GENESIS

pytest_plugins = [
    "tests.mailbox",
    "tests.sms_gateway",
    "tests.chat_server",
    "tests.openid_provider",
]

POSTGRES_URL = os.environ.get(
    "MINDTRACK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("MINDTRACK_TEST_REQUIRE_POSTGRES") == "1"
DEFAULT_PASSWORD = "correct horse battery"
# The shipped models: tests of behaviour run the real thing.
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
# The audit trail's head row is seeded by its migration: reset, not emptied, between tests.
TABLES = ", ".join(
    table.name for table in reversed(Base.metadata.sorted_tables) if table.name != "audit_head"
)


def _plain_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


async def _postgres_answers() -> str | None:
    try:
        connection = await asyncpg.connect(_plain_dsn(POSTGRES_URL), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        return f"{type(exc).__name__}: {exc}"
    await connection.close()
    return None


_postgres_problem = asyncio.run(_postgres_answers())


def pytest_report_header() -> list[str]:
    if _postgres_problem is None:
        return [f"PostgreSQL: {POSTGRES_URL.split('@')[-1]} (tests run on SQLite and PostgreSQL)"]
    return [
        f"PostgreSQL not reachable at {POSTGRES_URL.split('@')[-1]} ({_postgres_problem}):",
        "  PostgreSQL tests are SKIPPED; only SQLite runs. Start PostgreSQL to test both.",
    ]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _postgres_problem is not None and not REQUIRE_POSTGRES:
        terminalreporter.write_line(
            "NOTICE: PostgreSQL was not reachable, so only the SQLite runs were tested.",
            yellow=True,
        )


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and _postgres_problem is not None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required but not reachable: {_postgres_problem}")
        pytest.skip("PostgreSQL not reachable")
    return str(request.param)


async def _recreate_postgres_database(name: str) -> None:
    admin = await asyncpg.connect(_plain_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _migrate(url: str) -> None:
    engine = create_engine(DatabaseSettings(url=url))
    try:
        await migrations.upgrade(engine)
    finally:
        await engine.dispose()


async def _drop_postgres_database(name: str) -> None:
    admin = await asyncpg.connect(_plain_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
async def migrated_template(
    backend: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A migrated database: a template file (SQLite) or this process's database (PostgreSQL;
    named by process id so parallel workers and concurrent runs never share one)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.db"
        await _migrate(f"sqlite+aiosqlite:///{path}")
        yield str(path)
        return
    name = f"mindtrack_test_{os.getpid()}"
    await _recreate_postgres_database(name)
    url = _with_database(POSTGRES_URL, name)
    await _migrate(url)
    yield url
    await _drop_postgres_database(name)


@pytest.fixture
async def database_url(backend: str, migrated_template: str, tmp_path: Path) -> AsyncIterator[str]:
    """A migrated, empty database of its own for one test."""
    if backend == "sqlite":
        path = tmp_path / "mindtrack.db"
        shutil.copyfile(migrated_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    yield migrated_template
    engine = create_engine(DatabaseSettings(url=migrated_template))
    try:
        if await migrations.database_revision(engine) != migrations.head_revision():
            await migrations.upgrade(engine)  # a test moved the schema; put it back
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))
            await connection.execute(
                text("UPDATE audit_head SET seq = 0, hash = :genesis"), {"genesis": GENESIS}
            )
    finally:
        await engine.dispose()


def _backup_directory(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        return Path(url.database).parent / "backups"
    return Path(tempfile.gettempdir()) / f"{url.database}-backups"


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "environment": Environment.TEST,
        "database": DatabaseSettings(url=database_url),
        # Cheap hashing keeps the suite fast; the algorithm and code path are the real ones.
        "auth": AuthSettings(
            argon2_time_cost=1,
            argon2_memory_kib=1024,
            argon2_parallelism=1,
            failure_delay_seconds=0.01,
        ),
        "log": LogSettings(json_format=True),
        "ml": MLSettings(models_dir=MODELS_DIR),
        # Tests of delivery run a worker themselves, against a real local SMTP server.
        "notify": NotifySettings(deliver_in_process=False),
        "crisis": CrisisSettings(escalate_in_process=False),
        "analytics": AnalyticsSettings(population_refresh_in_process=False),
        # Tests of backups make them themselves, into their own folders.
        "retention": RetentionSettings(in_process=False),
        "privacy": PrivacySettings(exports_in_process=False),
        "backup": BackupSettings(in_process=False, directory=_backup_directory(database_url)),
        # The suite calls the API far faster than a person; the budgets have tests of their own.
        "rate_limit": RateLimitSettings(enabled=False),
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    """The service with these settings, started, and a client of it."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield application, http


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[object]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def log_output(app: object, settings: Settings) -> io.StringIO:
    """Everything the service logs from here on, as rendered JSON lines."""
    buffer = io.StringIO()
    configure_logging(settings.log, stream=buffer)
    return buffer


def service_logs(log_output: io.StringIO) -> str:
    """The lines the service itself logged (not the test's HTTP client or SMTP server)."""
    return "\n".join(
        line
        for line in log_output.getvalue().splitlines()
        if json.loads(line).get("logger", "").startswith("mindtrack")
    )


@pytest.fixture
def engine(app: object) -> AsyncEngine:
    return app.state.engine  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
def credentials(app: object) -> Credentials:
    return app.state.credentials  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
async def db(app: object) -> AsyncIterator[AsyncSession]:
    """A unit of work on the test's database, committed when the test body finishes."""
    async with transaction(app.state.session_factory) as session:  # type: ignore[attr-defined]
        yield session


@dataclass
class Account:
    user: User
    password: str
    access_token: str
    refresh_token: str
    totp_secret: str | None = None  # set for accounts with two-step sign-in on

    def otp(self, steps_ahead: int = 0) -> str:
        """A code from the account's authenticator app (`steps_ahead` windows of 30 s on)."""
        assert self.totp_secret, "two-step sign-in is off for this account"
        totp = pyotp.TOTP(self.totp_secret)
        return totp.at(time.time() + 30 * steps_ahead)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@pytest.fixture
def make_account(app: object, credentials: Credentials):  # type: ignore[no-untyped-def]
    """Factory: a registered account with fresh tokens, created through the services."""
    counter = iter(range(1, 10_000))

    async def factory(
        *,
        username: str | None = None,
        email: str | None = None,
        password: str = DEFAULT_PASSWORD,
        role: Role = Role.USER,
        timezone: str = "UTC",
        two_step: bool | None = None,
    ) -> Account:
        """`two_step` defaults to on for the roles that require it."""
        n = next(counter)
        username = username or f"person{n}"
        data = UserRegister(
            username=username,
            email=email or f"{username}@example.com",
            password=password,
            timezone=timezone,
        )
        factory_ = app.state.session_factory  # type: ignore[attr-defined]
        async with transaction(factory_) as session:
            service = AuthService(session, credentials)
            user = await service.register(data, role=role)
            secret = None
            if two_step if two_step is not None else role in ROLES_REQUIRING_TWO_STEP:
                secret = service.two_step.setup(user).secret
                await service.two_step.enable(user, pyotp.TOTP(secret).now())
                user.totp_last_step = None  # let the sign-in below use the same code
            otp = pyotp.TOTP(secret).now() if secret else None
            issued = await service.login(username, password, user_agent="pytest", otp=otp)
        return Account(issued.user, password, issued.access_token, issued.refresh_token, secret)

    return factory


@pytest.fixture
async def account(make_account) -> Account:  # type: ignore[no-untyped-def]
    return await make_account()  # type: ignore[no-any-return]
