"""`mindtrack ml reanalyze`: backfill after a model upgrade."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.analysis.engine import load_analyzer
from mindtrack.analysis.service import reanalyze
from mindtrack.config import MLSettings
from mindtrack.kit.db import transaction
from mindtrack.models import CheckinAnalysis
from tests.analysis.test_engine import FailsOnOneNote
from tests.conftest import MODELS_DIR, Account


async def test_outdated_and_missing_analyses_are_redone(
    client: httpx.AsyncClient, account: Account, app: object
) -> None:
    ids = []
    for note in ("Fine day.", "Tired but okay.", "I want to die.", "Great run this morning."):
        created = await client.post(
            "/api/v1/checkins",
            json={"score": 5, "emotions": ["calm"], "notes": note},
            headers=account.headers,
        )
        ids.append(uuid.UUID(created.json()["id"]))
    await client.post(
        "/api/v1/checkins", json={"score": 5, "emotions": ["calm"]}, headers=account.headers
    )
    factory: async_sessionmaker[AsyncSession] = app.state.session_factory  # type: ignore[attr-defined]
    async with transaction(factory) as session:
        await session.execute(
            update(CheckinAnalysis)
            .where(CheckinAnalysis.entry_id == ids[0])
            .values(model_versions={"encoder": "old"})
        )
        await session.execute(delete(CheckinAnalysis).where(CheckinAnalysis.entry_id == ids[2]))

    analyzer = load_analyzer(MLSettings(models_dir=MODELS_DIR))
    assert await reanalyze(factory, analyzer, batch_size=2) == 2
    assert await reanalyze(factory, analyzer) == 0
    assert await reanalyze(factory, analyzer, everything=True) == 4

    async with transaction(factory) as session:
        rows = (await session.execute(select(CheckinAnalysis))).scalars().all()
    assert len(rows) == 4
    assert all(row.model_versions == analyzer.versions.as_dict() for row in rows)
    assert {row.risk_level for row in rows if row.entry_id == ids[2]} == {"moderate"}


async def test_a_note_the_models_fail_on_is_left_for_a_later_run(
    client: httpx.AsyncClient, account: Account, app: object
) -> None:
    for note in ("Fine day.", "unreadable", "I want to die."):
        await client.post(
            "/api/v1/checkins",
            json={"score": 5, "emotions": ["calm"], "notes": note},
            headers=account.headers,
        )
    factory: async_sessionmaker[AsyncSession] = app.state.session_factory  # type: ignore[attr-defined]
    async with transaction(factory) as session:
        await session.execute(delete(CheckinAnalysis))
    real = load_analyzer(MLSettings(models_dir=MODELS_DIR))

    assert await reanalyze(factory, FailsOnOneNote(real, "unreadable"), batch_size=3) == 2
    async with transaction(factory) as session:
        levels = (await session.execute(select(CheckinAnalysis.risk_level))).scalars().all()
    assert sorted(levels) == ["moderate", "none"]
    assert await reanalyze(factory, real) == 1
