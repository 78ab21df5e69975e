"""The schema comes only from migrations, and the migrations match the ORM models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.kit import migrations
from mindtrack.models import Base


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


async def test_models_and_migrations_agree(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


async def test_every_table_is_created_by_migrations(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_tables) == set(Base.metadata.tables)


async def test_downgrade_to_base_then_upgrade_to_head(engine: AsyncEngine) -> None:
    await migrations.downgrade(engine, "base")
    async with engine.connect() as connection:
        assert await connection.run_sync(_tables) == set()
    assert await migrations.database_revision(engine) is None

    await migrations.upgrade(engine)
    assert await migrations.database_revision(engine) == migrations.head_revision()
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


def test_migration_history_is_linear() -> None:
    scripts = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert all(
        script.down_revision is not None or script.revision == "0001"
        for script in scripts.walk_revisions()
    )
