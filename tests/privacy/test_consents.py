"""Consents: versioned and timestamped, and a withdrawal honoured from the next request."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.analysis.engine import load_analyzer
from mindtrack.analysis.service import reanalyze
from mindtrack.config import MLSettings, Settings
from mindtrack.kit import migrations
from mindtrack.models import (
    AuditEvent,
    CheckinAnalysis,
    Consent,
    MoodEntry,
    OutboxMessage,
    User,
)
from tests.conftest import MODELS_DIR, Account
from tests.crisis.test_escalation import confirmed_contact, deliver
from tests.crisis.test_escalation import settings as settings
from tests.mailbox import Mailbox

CONSENTS = "/api/v1/privacy/consents"
IMMINENT = "I have the pills ready and I'm going to take them all tonight. Goodbye."


async def states(client: httpx.AsyncClient, account: Account) -> dict[str, dict[str, Any]]:
    response = await client.get(CONSENTS, headers=account.headers)
    assert response.status_code == 200, response.text
    return {c["purpose"]: c for c in response.json()}


async def change(client: httpx.AsyncClient, account: Account, purpose: str, granted: bool) -> None:
    response = await client.put(
        f"{CONSENTS}/{purpose}", json={"granted": granted}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["granted"] is granted


async def write(client: httpx.AsyncClient, account: Account, notes: str) -> httpx.Response:
    body = {"score": 4, "emotions": ["sad"], "notes": notes}
    return await client.post("/api/v1/checkins", json=body, headers=account.headers)


async def test_sign_up_gives_only_what_the_service_needs(
    client: httpx.AsyncClient, account: Account
) -> None:
    mine = await states(client, account)

    assert set(mine) == {
        "health_data", "ai_analysis", "population_comparisons", "research", "contact_alerts"
    }  # fmt: skip
    for purpose in ("health_data", "ai_analysis", "contact_alerts"):
        assert mine[purpose]["granted"] is True
        assert mine[purpose]["version"] == mine[purpose]["current_version"] == "2026-12-01"
        assert mine[purpose]["updated_at"] is not None
        assert mine[purpose]["outdated"] is False
        assert mine[purpose]["wording"]
    for purpose in ("population_comparisons", "research"):
        assert (mine[purpose]["granted"], mine[purpose]["version"]) == (False, None)
    history = (await client.get(f"{CONSENTS}/history", headers=account.headers)).json()
    assert {(e["purpose"], e["granted"], e["source"]) for e in history} == {
        ("health_data", True, "registration"),
        ("ai_analysis", True, "registration"),
        ("contact_alerts", True, "registration"),
    }


async def test_withdrawing_ai_analysis_stops_analysis_of_what_is_written_next(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    before = await write(client, account, "Work was awful, I feel so low")
    assert before.json()["analysis"] is not None

    await change(client, account, "ai_analysis", False)
    after = await write(client, account, "Still awful, still low")
    tracked = await client.post(
        "/api/mood/track-complete",
        json={"score": 3, "emotions": ["sad"], "notes": "Another low day"},
        headers=account.headers,
    )
    chat = await client.post(
        "/api/v1/conversations", json={"message": "hello"}, headers=account.headers
    )
    text = await client.post(
        "/api/v1/analysis/text", json={"text": "hello there"}, headers=account.headers
    )

    assert after.status_code == 201
    assert after.json()["analysis"] is None
    assert tracked.status_code == 201
    assert tracked.json()["ai_powered"] is False
    for refused in (chat, text):
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/consent-withdrawn")
        assert "AI analysis" in refused.json()["detail"]
    async with app.state.session_factory() as session:
        analysed = set((await session.execute(select(CheckinAnalysis.entry_id))).scalars())
    assert {str(a) for a in analysed} == {before.json()["id"]}

    analyzer = load_analyzer(MLSettings(models_dir=MODELS_DIR))
    assert await reanalyze(app.state.session_factory, analyzer, everything=True) == 0

    await change(client, account, "ai_analysis", True)
    again = await write(client, account, "Better today, went for a walk")
    assert again.json()["analysis"] is not None


async def test_withdrawing_health_data_restricts_the_account_to_reading_and_leaving(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    kept = await write(client, account, "Before I changed my mind")
    await change(client, account, "health_data", False)

    refused = await write(client, account, "This should not be stored")
    questionnaire = await client.post(
        "/api/v1/assessments",
        json={"instrument": "phq9", "answers": [0] * 9},
        headers=account.headers,
    )
    edited = await client.patch(
        f"/api/v1/checkins/{kept.json()['id']}", json={"score": 9}, headers=account.headers
    )
    history = await client.get("/api/v1/checkins", headers=account.headers)
    deleted = await client.delete(f"/api/v1/checkins/{kept.json()['id']}", headers=account.headers)

    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert "processing your health data" in refused.json()["detail"]
    assert questionnaire.status_code == 403
    assert edited.status_code == 403
    assert history.status_code == 200
    assert [e["notes"] for e in history.json()["items"]] == ["Before I changed my mind"]
    assert deleted.status_code == 204
    async with app.state.session_factory() as session:
        assert (await session.execute(select(MoodEntry))).scalars().all() == []


async def test_withdrawing_contact_alerts_means_no_contact_is_told(
    client: httpx.AsyncClient,
    account: Account,
    app: Any,
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    factory = app.state.session_factory
    await confirmed_contact(client, account, factory, "Sam", ["high", "imminent"])
    await deliver(factory, settings)
    mailbox.messages.clear()
    await change(client, account, "contact_alerts", False)

    created = await write(client, account, IMMINENT)

    assert created.json()["crisis"]["level"] == "imminent"  # help is still shown
    await deliver(factory, settings)
    assert mailbox.messages == []
    async with factory() as session:
        kinds = (await session.execute(select(OutboxMessage.kind))).scalars().all()
    assert "crisis_alert" not in kinds
    status = (await client.get("/api/v1/crisis/status", headers=account.headers)).json()
    timeline = [e["kind"] for e in status["incident"]["timeline"]]
    assert "contacts_not_notified" in timeline
    assert "contact_notified" not in timeline


async def test_population_comparisons_are_a_recorded_consent_wherever_they_are_changed(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    await change(client, account, "population_comparisons", True)
    me = (await client.get("/api/v1/users/me", headers=account.headers)).json()
    assert me["population_opt_in_at"] is not None
    patched = await client.patch(
        "/api/v1/users/me", json={"population_comparisons": False}, headers=account.headers
    )
    assert patched.json()["population_opt_in_at"] is None
    assert (await states(client, account))["population_comparisons"]["granted"] is False

    history = (await client.get(f"{CONSENTS}/history", headers=account.headers)).json()
    changes = [(e["purpose"], e["granted"]) for e in history if e["source"] == "person"]
    assert changes == [("population_comparisons", False), ("population_comparisons", True)]
    async with app.state.session_factory() as session:
        audited = (
            await session.execute(
                select(AuditEvent.action, AuditEvent.detail).where(
                    AuditEvent.action.in_(["consent_given", "consent_withdrawn"])
                )
            )
        ).all()
    assert [(a, d["purpose"]) for a, d in audited] == [
        ("consent_given", "population_comparisons"),
        ("consent_withdrawn", "population_comparisons"),
    ]


async def test_an_unknown_purpose_is_refused(client: httpx.AsyncClient, account: Account) -> None:
    response = await client.put(
        f"{CONSENTS}/marketing", json={"granted": True}, headers=account.headers
    )
    assert response.status_code == 422
    assert "purpose" in response.json()["detail"]


async def test_accounts_from_before_consents_get_what_sign_up_implied(
    client: httpx.AsyncClient, account: Account, engine: AsyncEngine
) -> None:
    await change(client, account, "population_comparisons", True)
    await migrations.downgrade(engine, "0018")
    await migrations.upgrade(engine)
    async with engine.connect() as connection:
        rows = (await connection.execute(select(Consent.purpose, Consent.granted))).all()
    assert sorted(rows) == [
        ("ai_analysis", True),
        ("contact_alerts", True),
        ("health_data", True),
        ("population_comparisons", True),
    ]


async def test_the_account_carries_the_consents_given_through_the_migration_that_adds_them(
    client: httpx.AsyncClient, account: Account, engine: AsyncEngine
) -> None:
    await change(client, account, "ai_analysis", False)
    await change(client, account, "research", True)
    expected = ["contact_alerts", "health_data", "research"]
    async with engine.connect() as connection:
        assert await connection.scalar(select(User.consents_given)) == expected
    await migrations.downgrade(engine, "0022")
    await migrations.upgrade(engine)
    async with engine.connect() as connection:
        assert await connection.scalar(select(User.consents_given)) == expected
    # And the checks read it: AI analysis stays withdrawn, recording is still allowed.
    assert (await write(client, account, "a calm day")).status_code == 201
    analysed = await client.post(
        "/api/v1/analysis/text", json={"text": "a calm day"}, headers=account.headers
    )
    assert analysed.status_code == 403
