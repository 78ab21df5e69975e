"""Engine and session handling: built in the app's lifespan, never at import."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from mindtrack.config import DatabaseSettings
from mindtrack.kit.errors import AppError, DatabaseBusyError

if TYPE_CHECKING:
    from mindtrack.privacy.keyring import Keyring


def _sqlite_tuning(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def tune(dbapi_connection: Any, _record: Any) -> None:
        # WAL lets readers proceed while one writer commits; foreign keys are off by default
        # in SQLite; busy_timeout makes concurrent writers wait instead of failing at once.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.close()

    return tune


def _is_lock_timeout(error: OperationalError) -> bool:
    """SQLite gave up waiting for its write lock (the request can simply be tried again)."""
    return "database is locked" in str(error.orig)


def create_engine(settings: DatabaseSettings) -> AsyncEngine:
    if settings.is_sqlite:
        path = settings.sqlite_path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            settings.url, echo=settings.echo, poolclass=NullPool if path is None else None
        )
        event.listen(engine.sync_engine, "connect", _sqlite_tuning(settings.sqlite_busy_timeout_ms))
        return engine
    # A fixed pool without overflow: overflow connections are closed when returned, and under
    # steady load that churns new server sessions. Requests beyond the pool wait for a
    # connection instead. Connections broken by a server restart are dropped by SQLAlchemy's
    # disconnect detection; recycling keeps long-idle ones from meeting a proxy's timeout.
    return create_async_engine(
        settings.url,
        echo=settings.echo,
        pool_size=settings.pool_size,
        max_overflow=0,
        pool_recycle=1800,
    )


class AppSession(Session):
    """The sessions of the service, which domains may attach unit-of-work hooks to."""


def create_session_factory(
    engine: AsyncEngine, keyring: Keyring
) -> async_sessionmaker[AsyncSession]:
    """Sessions that seal sensitive columns with `keyring`'s data keys as they write them and
    open them as they read (privacy.sealing), and keep the day summaries current."""
    import mindtrack.analytics.daily
    import mindtrack.privacy.sealing  # noqa: F401

    # Objects stay readable after commit so responses can be built from them without a
    # second round trip (and without lazy loads, which async sessions forbid).
    return async_sessionmaker(
        engine,
        expire_on_commit=False,
        autoflush=False,
        sync_session_class=AppSession,
        info={"keyring": keyring},
    )


@asynccontextmanager
async def transaction(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One unit of work: commit when the caller finishes cleanly, roll back on any error."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except AppError as exc:
            await (session.commit() if exc.keeps_changes else session.rollback())
            raise
        except BaseException as exc:
            await session.rollback()
            if isinstance(exc, OperationalError) and _is_lock_timeout(exc):
                raise DatabaseBusyError() from exc
            raise
