"""Alembic environment: runs on a connection handed over by mindtrack.kit.migrations, or
opens one from MINDTRACK_DATABASE__URL when run through the `alembic` command."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection

from mindtrack.config import get_settings
from mindtrack.kit.db import create_engine
from mindtrack.models import Base

target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode recreates the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_own_engine() -> None:
    engine = create_engine(get_settings().database)
    async with engine.begin() as connection:
        await connection.run_sync(_configure_and_run)
    await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=get_settings().database.url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    shared = context.config.attributes.get("connection")
    if shared is not None:
        _configure_and_run(shared)
    else:
        asyncio.run(_run_with_own_engine())
