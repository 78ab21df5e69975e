"""Retention: unused accounts are warned and then erased; old words go, numbers stay."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from mindtrack.cli import app as cli
from mindtrack.config import RetentionSettings, Settings, get_settings
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import (
    AuditEvent,
    AuthSession,
    CheckinAnalysis,
    ConversationMessage,
    MoodEntry,
    OutboxMessage,
    User,
)
from mindtrack.privacy.retention import apply_retention
from tests.conftest import DEFAULT_PASSWORD, Account

INACTIVE = RetentionSettings(inactive_days=1095, warning_days=30, in_process=False)


def with_retention(settings: Settings, retention: RetentionSettings) -> Settings:
    return settings.model_copy(update={"retention": retention})


async def last_used(app: Any, account: Account, days_ago: int) -> None:
    then = utcnow() - timedelta(days=days_ago)
    async with transaction(app.state.session_factory) as session:
        await session.execute(
            update(User)
            .where(User.id == account.user.id)
            .values(created_at=then, last_login_at=then)
        )
        await session.execute(
            update(AuthSession)
            .where(AuthSession.user_id == account.user.id)
            .values(last_used_at=then)
        )


async def warned_days_ago(app: Any, account: Account, days: int) -> None:
    async with transaction(app.state.session_factory) as session:
        await session.execute(
            update(User)
            .where(User.id == account.user.id)
            .values(retention_warned_at=utcnow() - timedelta(days=days))
        )


async def people(app: Any) -> set[Any]:
    async with app.state.session_factory() as session:
        return set((await session.execute(select(User.id))).scalars())


async def test_workers_running_retention_at_once_warn_and_erase_each_person_once(
    app: Any, settings: Settings, account: Account, make_account: Any, backend: str
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite serves one writer at a time; the row lock is PostgreSQL's")
    for _ in range(3):
        await last_used(app, await make_account(), days_ago=1080)
    for _ in range(2):
        due: Account = await make_account()
        await last_used(app, due, days_ago=1100)
        await warned_days_ago(app, due, days=31)
    rules = with_retention(settings, INACTIVE)

    passes = await asyncio.gather(
        *(apply_retention(app.state.session_factory, rules, app.state.keyring) for _ in range(4))
    )

    assert sum(report.warned for report in passes) == 3
    assert sum(report.erased for report in passes) == 2
    async with app.state.session_factory() as session:
        warnings = (
            await session.scalars(
                select(OutboxMessage.user_id).where(OutboxMessage.kind == "retention_warning")
            )
        ).all()
        erasures = (
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "account_erased"))
        ).all()
    assert len(warnings) == len(set(warnings)) == 3
    assert len(erasures) == 2


async def test_an_unused_account_is_warned_then_erased(
    app: Any, settings: Settings, account: Account, make_account: Any
) -> None:
    gone: Account = await make_account()
    await last_used(app, gone, days_ago=1080)  # within the warning period
    rules = with_retention(settings, INACTIVE)

    first = await apply_retention(app.state.session_factory, rules, app.state.keyring)
    again = await apply_retention(app.state.session_factory, rules, app.state.keyring)

    assert (first.warned, first.erased, again.warned, again.erased) == (1, 0, 0, 0)
    async with app.state.session_factory() as session:
        [warning] = (
            await session.execute(
                select(OutboxMessage).where(OutboxMessage.kind == "retention_warning")
            )
        ).scalars()
    assert warning.user_id == gone.user.id
    assert warning.recipient == gone.user.email
    assert "will be erased" in warning.body

    await warned_days_ago(app, gone, 31)
    await last_used(app, gone, days_ago=1111)
    erased = await apply_retention(app.state.session_factory, rules, app.state.keyring)

    assert (erased.warned, erased.erased) == (0, 1)
    assert await people(app) == {account.user.id}
    async with app.state.session_factory() as session:
        actions = (await session.execute(select(AuditEvent.action, AuditEvent.detail))).all()
    assert ("retention_warning_sent", {}) in [tuple(a) for a in actions]
    assert [d["by"] for a, d in actions if a == "account_erased"] == ["retention"]


async def test_signing_in_after_the_warning_keeps_the_account(
    app: Any, client: httpx.AsyncClient, settings: Settings, make_account: Any
) -> None:
    back: Account = await make_account()
    await last_used(app, back, days_ago=1100)
    rules = with_retention(settings, INACTIVE)
    assert (await apply_retention(app.state.session_factory, rules, app.state.keyring)).warned == 1
    await warned_days_ago(app, back, 40)

    signed_in = await client.post(
        "/api/v1/auth/login", json={"username": back.user.username, "password": DEFAULT_PASSWORD}
    )
    assert signed_in.status_code == 200
    report = await apply_retention(app.state.session_factory, rules, app.state.keyring)

    assert (report.warned, report.erased) == (0, 0)
    assert back.user.id in await people(app)
    async with app.state.session_factory() as session:
        user = await session.get(User, back.user.id)
    assert user is not None
    assert user.retention_warned_at is None


async def test_old_words_are_removed_while_scores_and_figures_stay(
    app: Any, client: httpx.AsyncClient, settings: Settings, account: Account
) -> None:
    old = (utcnow() - timedelta(days=100)).isoformat()
    for notes, recorded_at in (("I want to die, I have pills", old), ("A good day", None)):
        body = {"score": 3, "emotions": ["sad"], "notes": notes}
        if recorded_at:
            body["recorded_at"] = recorded_at
        created = await client.post("/api/v1/checkins", json=body, headers=account.headers)
        assert created.status_code == 201, created.text
    await client.post("/api/v1/conversations", json={"message": "hi"}, headers=account.headers)
    async with transaction(app.state.session_factory) as session:
        await session.execute(update(ConversationMessage).values(at=utcnow() - timedelta(days=100)))
    rules = with_retention(settings, RetentionSettings(inactive_days=None, note_days=90))

    report = await apply_retention(app.state.session_factory, rules, app.state.keyring)

    assert (report.notes_removed, report.messages_removed) == (1, 2)
    async with app.state.session_factory() as session:
        entries = (
            (await session.execute(select(MoodEntry).order_by(MoodEntry.recorded_at)))
            .scalars()
            .all()
        )
        analyses = {
            a.entry_id: a for a in (await session.execute(select(CheckinAnalysis))).scalars()
        }
        messages = (await session.execute(select(ConversationMessage))).scalars().all()
    assert [(e.notes, e.score) for e in entries] == [(None, 3), ("A good day", 3)]
    old_analysis = analyses[entries[0].id]
    assert (old_analysis.key_phrases, old_analysis.risk_evidence) == ([], [])
    assert old_analysis.risk_level in {"high", "imminent"}  # the figures stay
    assert analyses[entries[1].id].key_phrases != []
    assert messages == []


def test_the_retention_command(database_url: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("MINDTRACK_DATABASE__URL", database_url)
    monkeypatch.setenv("MINDTRACK_RETENTION__NOTE_DAYS", "30")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["retention", "apply"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Warned 0 and erased 0 unused account(s); removed the words")
