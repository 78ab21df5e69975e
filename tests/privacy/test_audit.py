"""The audit trail: security events recorded with the change they describe, chained by
hash, so that any edit or deletion is found by `mindtrack audit verify`."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from mindtrack.cli import app as cli
from mindtrack.config import PrivacySettings, get_settings
from mindtrack.kit.db import transaction
from mindtrack.models import AuditEvent, Role
from mindtrack.privacy import audit
from mindtrack.privacy.keyring import Keyring
from tests.conftest import Account
from tests.crisis.test_referrals import profile


async def events(app: Any) -> list[AuditEvent]:
    async with app.state.session_factory() as session:
        return list((await session.execute(select(AuditEvent).order_by(AuditEvent.seq))).scalars())


async def verified(app: Any) -> audit.Verification:
    async with app.state.session_factory() as session:
        return await audit.verify(session)


async def test_security_events_are_recorded_with_who_did_what_to_whom(
    app: Any, client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    therapist: Account = await make_account(role=Role.THERAPIST)
    admin: Account = await make_account(role=Role.ADMIN)
    before = len(await events(app))
    login = {"username": account.user.username, "password": "not the password"}
    assert (await client.post("/api/v1/auth/login", json=login)).status_code == 401
    await client.put("/api/v1/therapists/me", json=profile(), headers=therapist.headers)
    body = {"therapist_id": str(therapist.user.id), "scopes": ["mood_scores"]}
    grant = (await client.post("/api/v1/sharing/grants", json=body, headers=account.headers)).json()
    await client.post(f"/api/v1/patients/requests/{grant['id']}/accept", headers=therapist.headers)
    await client.get(f"/api/v1/patients/{account.user.id}/checkins", headers=therapist.headers)
    await client.patch(
        f"/api/v1/admin/accounts/{account.user.id}",
        json={"role": "therapist"},
        headers=admin.headers,
    )
    recorded = [
        (e.action, e.actor_id, e.subject_id, e.detail) for e in (await events(app))[before:]
    ]
    me, doc, boss = account.user.id, therapist.user.id, admin.user.id
    assert recorded == [
        ("sign_in_failed", None, me, {"reason": "password"}),
        ("sharing_granted", me, doc, {"scopes": ["mood_scores"], "days": 90}),
        ("sharing_accepted", doc, me, {}),
        ("patient_data_read", doc, me, {"what": "checkins"}),
        ("role_changed", boss, me, {"role": "therapist"}),
    ]
    assert (await verified(app)).intact
    # Nothing a person wrote, and no email address, reaches the trail.
    dump = " ".join(str(e.detail) for e in await events(app))
    assert account.user.email not in dump


@pytest.mark.parametrize(
    ("tamper", "broken_at", "reason"),
    [
        ("edit", 2, "changed after it was written"),
        ("delete", 2, "event 2 is missing"),
        ("truncate", 4, "newest events were removed"),
        ("relink", 3, "does not follow"),
    ],
)
async def test_any_edit_or_deletion_breaks_the_chain_at_the_first_broken_link(
    app: Any, db: AsyncSession, tamper: str, broken_at: int, reason: str
) -> None:
    for n in range(4):
        await audit.record(db, "sign_in", detail_number=n)
    await db.commit()
    assert (await verified(app)).events == 4
    if tamper == "edit":
        await db.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(action="sign_out"))
    elif tamper == "delete":
        await db.execute(delete(AuditEvent).where(AuditEvent.seq == 2))
    elif tamper == "truncate":
        await db.execute(delete(AuditEvent).where(AuditEvent.seq == 4))
    else:  # event 3 linked to something other than event 2
        await db.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(prev_hash="f" * 64))
    await db.commit()
    result = await verified(app)
    assert (result.intact, result.broken_at) == (False, broken_at)
    assert reason in (result.reason or "")


async def test_concurrent_appends_form_one_unbroken_chain(app: Any) -> None:
    async def append(n: int) -> None:
        async with transaction(app.state.session_factory) as session:
            await audit.record(session, "sign_in", detail_number=n)

    await asyncio.gather(*(append(n) for n in range(20)))
    result = await verified(app)
    assert (result.intact, result.events) == (True, 20)


def test_the_command_line_names_the_first_broken_link(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def seed_and_break() -> None:
        from mindtrack.config import DatabaseSettings
        from mindtrack.kit.db import create_engine, create_session_factory

        engine = create_engine(DatabaseSettings(url=database_url))
        async with transaction(
            create_session_factory(engine, Keyring.from_settings(PrivacySettings()))
        ) as session:
            for n in range(3):
                await audit.record(session, "sign_in", detail_number=n)
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE audit_events SET action = 'x' WHERE seq = 2"))
        await engine.dispose()

    monkeypatch.setenv("MINDTRACK_DATABASE__URL", database_url)
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(cli, ["audit", "verify"]).output.startswith("The audit trail is intact: 0")
    asyncio.run(seed_and_break())
    broken = runner.invoke(cli, ["audit", "verify"])
    get_settings.cache_clear()
    assert broken.exit_code == 1
    assert "broken at event 2: it was changed after it was written" in broken.output


async def test_a_person_sees_who_did_what_with_their_data(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    therapist: Account = await make_account(role=Role.THERAPIST, username="drlee")
    stranger: Account = await make_account()
    await client.put("/api/v1/therapists/me", json=profile(), headers=therapist.headers)
    body = {"therapist_id": str(therapist.user.id), "scopes": ["mood_scores"]}
    grant = (await client.post("/api/v1/sharing/grants", json=body, headers=account.headers)).json()
    await client.post(f"/api/v1/patients/requests/{grant['id']}/accept", headers=therapist.headers)
    await client.get(f"/api/v1/patients/{account.user.id}/dashboard", headers=therapist.headers)

    history = await client.get("/api/v1/privacy/access-log", headers=account.headers)
    assert history.status_code == 200, history.text
    seen = [(e["action"], e["by_name"], e["detail"]) for e in history.json()]
    assert seen[:2] == [
        ("patient_data_read", "drlee", {"what": "dashboard"}),
        ("sharing_accepted", "drlee", {}),
    ]
    assert ("sign_in", account.user.username, {"method": "password"}) in seen
    others = (await client.get("/api/v1/privacy/access-log", headers=stranger.headers)).json()
    assert all(e["by"] in (None, str(stranger.user.id)) for e in others)
