"""A check-in that signals a crisis, end to end over HTTP: help shown at once, an incident with
its timeline, and an email through a real SMTP server to each consenting, confirmed contact,
once; on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.config import Settings
from mindtrack.crisis.incidents import escalate_unacknowledged
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import CrisisIncident, DeliveryAttempt, OutboxMessage, User
from mindtrack.notification.delivery import DeliveryWorker, senders
from tests.conftest import Account, make_settings
from tests.crisis.test_contacts import answer, latest_token
from tests.crisis.test_safety_plan import plan
from tests.mailbox import Mailbox

CHECKINS = "/api/v1/checkins"
STATUS = "/api/v1/crisis/status"
IMMINENT = (
    "I have the pills ready and I am going to take them all tonight. I wrote my goodbye letters."
)
HIGH = "I can't stop thinking about killing myself, I looked up how many pills it would take."
Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
def settings(database_url: str, mailbox: Mailbox) -> Settings:
    return make_settings(database_url, notify=mailbox.settings())


@pytest.fixture
def factory(app: Any) -> Factory:
    return app.state.session_factory  # type: ignore[no-any-return]


async def deliver(factory: Factory, settings: Settings) -> None:
    await DeliveryWorker(factory, senders(settings.notify), settings.notify).deliver_due()


async def confirmed_contact(
    client: httpx.AsyncClient, account: Account, factory: Factory, name: str, levels: list[str]
) -> dict[str, Any]:
    body = {"name": name, "email": f"{name.lower()}@example.com", "alert_levels": levels}
    created = await client.post("/api/v1/crisis/contacts", json=body, headers=account.headers)
    assert created.status_code == 201, created.text
    await answer(client, await latest_token(factory), "yes")
    return created.json()  # type: ignore[no-any-return]


@pytest.fixture
async def sam(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
) -> dict[str, Any]:
    """A confirmed contact who may be told of high and imminent risk; the mailbox emptied of
    her confirmation request."""
    contact = await confirmed_contact(client, account, factory, "Sam", ["high", "imminent"])
    await deliver(factory, settings)
    mailbox.messages.clear()
    return contact


async def checkin(
    client: httpx.AsyncClient, account: Account, notes: str, score: int
) -> dict[str, Any]:
    body = {"score": score, "emotions": ["sad"], "notes": notes}
    response = await client.post(CHECKINS, json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_an_imminent_risk_note_shows_help_opens_an_incident_and_alerts_only_consenting_contacts(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
) -> None:
    async with transaction(factory) as session:
        await session.execute(update(User).values(locale="en-GB", full_name="Alex Doe"))
    await client.put("/api/v1/crisis/safety-plan", json=plan(), headers=account.headers)
    sam = await confirmed_contact(client, account, factory, "Sam", ["high", "imminent"])
    await confirmed_contact(client, account, factory, "Jo", [])  # agreed, but no consent given
    unconfirmed = {"name": "Kim", "email": "kim@example.com", "alert_levels": ["imminent"]}
    await client.post("/api/v1/crisis/contacts", json=unconfirmed, headers=account.headers)
    await deliver(factory, settings)
    mailbox.messages.clear()  # the three confirmation requests

    created = await checkin(client, account, IMMINENT, 1)

    support = created["crisis"]
    assert support["level"] == "imminent"
    assert support["resources"]["country"] == "GB"
    assert "116 123" in [r["phone"] for r in support["resources"]["immediate_help"]]
    assert support["safety_plan"]["reasons_for_living"] == plan()["reasons_for_living"]
    reach_out = {(r["name"], r["source"]) for r in support["reach_out"]}
    assert {("Sam", "trusted_contact"), ("Kim", "trusted_contact")} <= reach_out
    assert {("Sam (sister)", "safety_plan"), ("Samaritans", "safety_plan")} <= reach_out
    await deliver(factory, settings)
    [alert] = mailbox.messages
    assert alert["To"] == "sam@example.com"
    assert alert["Subject"] == "Alex Doe may need you now"
    text = alert.get_payload(decode=True).decode()
    assert "immediate danger, call 999" in text
    assert "/api/v1/crisis/resources?country=GB" in text
    for private in ("pills", "goodbye", "letters", "1/10"):
        assert private not in text

    status = (await client.get(STATUS, headers=account.headers)).json()
    incident = status["incident"]
    assert (incident["status"], incident["level"], status["risk"]["level"]) == (
        "open",
        "imminent",
        "imminent",
    )
    assert incident["id"] == support["incident_id"]
    kinds = [e["kind"] for e in incident["timeline"]]
    assert kinds == ["detected", "resources_shown", "contact_notified"]
    notified = [e for e in incident["timeline"] if e["kind"] == "contact_notified"]
    assert [e["contact_id"] for e in notified] == [sam["id"]]


async def test_a_second_risky_note_in_the_cooldown_updates_the_incident_without_a_second_alert(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
    sam: dict[str, Any],
) -> None:
    first = await checkin(client, account, IMMINENT, 1)
    second = await checkin(client, account, HIGH, 2)
    assert second["crisis"]["incident_id"] == first["crisis"]["incident_id"]
    await deliver(factory, settings)
    assert len(mailbox.messages) == 1
    incident = (await client.get(STATUS, headers=account.headers)).json()["incident"]
    kinds = [e["kind"] for e in incident["timeline"]]
    assert kinds.count("detected") == 1
    assert kinds.count("updated") == 1
    held = [e for e in incident["timeline"] if e["kind"] == "contact_not_notified"]
    assert held[0]["detail"]["reason"] == "alerted recently at this level or higher"


async def test_acknowledged_then_resolved_incidents_leave_the_status_and_the_next_one_is_new(
    client: httpx.AsyncClient, account: Account
) -> None:
    first = (await checkin(client, account, HIGH, 2))["crisis"]["incident_id"]
    url = f"/api/v1/crisis/incidents/{first}"
    assert (await client.post(f"{url}/acknowledge", headers=account.headers)).json()[
        "status"
    ] == "acknowledged"
    status = (await client.get(STATUS, headers=account.headers)).json()
    assert status["incident"]["status"] == "acknowledged"
    assert status["support"]["incident_id"] == first
    resolved = (await client.post(f"{url}/resolve", headers=account.headers)).json()
    assert resolved["status"] == "resolved"
    assert [
        e["actor"] for e in resolved["timeline"] if e["kind"] in ("acknowledged", "resolved")
    ] == ["user", "user"]
    status = (await client.get(STATUS, headers=account.headers)).json()
    assert (status["incident"], status["support"]) == (None, None)
    second = (await checkin(client, account, HIGH, 2))["crisis"]["incident_id"]
    assert second != first


async def test_a_calm_check_in_opens_nothing_and_other_people_cannot_see_incidents(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    calm = await checkin(client, account, "Long day at work, tired but ok.", 6)
    assert calm["crisis"] is None
    status = (await client.get(STATUS, headers=account.headers)).json()
    assert (status["risk"]["level"], status["incident"]) == ("none", None)
    risky = (await checkin(client, account, HIGH, 2))["crisis"]["incident_id"]
    other: Account = await make_account()
    url = f"/api/v1/crisis/incidents/{risky}"
    assert (await client.get(url, headers=other.headers)).status_code == 404
    assert (await client.post(f"{url}/resolve", headers=other.headers)).status_code == 404
    assert (await client.get(STATUS, headers=other.headers)).json()["incident"] is None


async def test_phq9_item_9_raises_the_risk_at_once(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {"instrument": "phq9", "answers": [1, 1, 1, 1, 0, 0, 0, 0, 2]}
    created = (await client.post("/api/v1/assessments", json=body, headers=account.headers)).json()
    assert created["crisis"]["level"] == "high"
    risk = (await client.get(STATUS, headers=account.headers)).json()["risk"]
    assert (risk["source"], [f["name"] for f in risk["factors"]]) == (
        "questionnaire",
        ["phq9_item9"],
    )


async def test_a_check_in_reads_the_latest_phq9_and_the_open_incident(
    client: httpx.AsyncClient, account: Account
) -> None:
    async def factors_of_a_calm_checkin() -> dict[str, str]:
        body = {"score": 7, "emotions": ["calm"]}
        assert (await client.post(CHECKINS, json=body, headers=account.headers)).is_success
        factors = (await client.get(STATUS, headers=account.headers)).json()["risk"]["factors"]
        return {f["name"]: f["detail"] for f in factors}

    assert await factors_of_a_calm_checkin() == {}
    for answer_9 in (0, 1):
        body = {"instrument": "phq9", "answers": [0] * 8 + [answer_9]}
        assert (
            await client.post("/api/v1/assessments", json=body, headers=account.headers)
        ).is_success
    read = await factors_of_a_calm_checkin()
    # The newer answer counts; at moderate it opened an incident, which the next check-in reads.
    assert read == {
        "phq9_item9": "PHQ-9 item 9 answered 1 (0-3)",
        "open_incident": "an incident at level moderate is not resolved yet",
    }
    status = (await client.get(STATUS, headers=account.headers)).json()
    incident_id = status["incident"]["id"]
    resolve = f"/api/v1/crisis/incidents/{incident_id}/resolve"
    assert (await client.post(resolve, headers=account.headers)).is_success
    body = {"instrument": "phq9", "answers": [0] * 9}
    assert (await client.post("/api/v1/assessments", json=body, headers=account.headers)).is_success
    assert await factors_of_a_calm_checkin() == {}


async def two_very_low_days(client: httpx.AsyncClient, account: Account) -> None:
    """Yesterday and the day before at 1/10, neither of which opens an incident alone."""
    for days_ago in (2, 1):
        moment = (utcnow() - timedelta(days=days_ago)).isoformat()
        body = {"score": 1, "emotions": ["sad"], "recorded_at": moment}
        assert (await client.post(CHECKINS, json=body, headers=account.headers)).json()[
            "crisis"
        ] is None


async def test_several_very_low_days_open_an_incident_without_any_note(
    client: httpx.AsyncClient, account: Account
) -> None:
    await two_very_low_days(client, account)
    today = await client.post(
        CHECKINS, json={"score": 2, "emotions": ["sad"]}, headers=account.headers
    )
    assert today.json()["crisis"]["level"] == "moderate"
    factors = (await client.get(STATUS, headers=account.headers)).json()["risk"]["factors"]
    assert {f["name"] for f in factors} == {"very_low_mood", "several_very_low_days"}
    assert re.fullmatch(
        r"mood \d+/10", next(f["detail"] for f in factors if f["name"] == "very_low_mood")
    )


async def test_an_unacknowledged_imminent_incident_is_escalated_once(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
    sam: dict[str, Any],
) -> None:
    incident_id = (await checkin(client, account, IMMINENT, 1))["crisis"]["incident_id"]
    await deliver(factory, settings)
    mailbox.messages.clear()
    assert await escalate_unacknowledged(factory, settings) == 0  # still inside the window
    async with transaction(factory) as session:
        earlier = utcnow() - timedelta(minutes=settings.crisis.unacknowledged_minutes + 1)
        await session.execute(update(CrisisIncident).values(opened_at=earlier))
    assert await escalate_unacknowledged(factory, settings) == 1
    assert await escalate_unacknowledged(factory, settings) == 0  # once per incident
    await deliver(factory, settings)
    recipients = sorted(m["To"] for m in mailbox.messages)
    assert recipients == sorted([account.user.email, "sam@example.com"])  # cool-down skipped
    incident = (
        await client.get(f"/api/v1/crisis/incidents/{incident_id}", headers=account.headers)
    ).json()
    [escalated] = [e for e in incident["timeline"] if e["kind"] == "escalated"]
    assert escalated["detail"]["contacts_told"] == 1


async def test_an_acknowledged_incident_is_not_escalated(
    client: httpx.AsyncClient, account: Account, factory: Factory, settings: Settings
) -> None:
    incident_id = (await checkin(client, account, IMMINENT, 1))["crisis"]["incident_id"]
    url = f"/api/v1/crisis/incidents/{incident_id}/acknowledge"
    assert (await client.post(url, headers=account.headers)).status_code == 200
    async with transaction(factory) as session:
        await session.execute(update(CrisisIncident).values(opened_at=utcnow() - timedelta(days=1)))
    assert await escalate_unacknowledged(factory, settings) == 0


async def test_a_refused_alert_is_retried_and_recorded_and_still_arrives_once(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
    sam: dict[str, Any],
) -> None:
    mailbox.refuse = 1
    await checkin(client, account, IMMINENT, 1)
    await deliver(factory, settings)
    assert mailbox.messages == []
    await asyncio.sleep(0.1)  # the first retry waits 0.05 s in these tests
    await deliver(factory, settings)
    [alert] = mailbox.messages
    assert alert["To"] == "sam@example.com"
    async with factory() as session:
        statement = select(OutboxMessage).where(OutboxMessage.kind == "crisis_alert")
        [message] = (await session.execute(statement)).scalars()
        attempts = (
            await session.execute(
                select(DeliveryAttempt).where(DeliveryAttempt.message_id == message.id)
            )
        ).scalars()
        assert [a.delivered for a in sorted(attempts, key=lambda a: a.attempted_at)] == [
            False,
            True,
        ]
    assert (message.status, message.attempts) == ("delivered", 2)


async def test_a_contact_who_says_they_are_reaching_out_acknowledges_the_incident(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    mailbox: Mailbox,
    settings: Settings,
    sam: dict[str, Any],
) -> None:
    incident_id = (await checkin(client, account, IMMINENT, 1))["crisis"]["incident_id"]
    await deliver(factory, settings)
    [alert] = mailbox.messages
    text = alert.get_payload(decode=True).decode()
    assert "https://findahelpline.com" in text  # no country in the locale: a worldwide list
    match = re.search(r"/contacts/acknowledge\?token=([\w-]+)", text)
    assert match, text
    token = match.group(1)
    page = await client.get("/contacts/acknowledge", params={"token": token})
    assert "I am reaching out to" in page.text
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    done = await client.post(
        "/contacts/acknowledge", content=f"token={token}&answer=yes", headers=form
    )
    assert "Thank you for being there" in done.text
    again = await client.post(
        "/contacts/acknowledge", content=f"token={token}&answer=yes", headers=form
    )
    assert again.status_code == 404
    incident = (
        await client.get(f"/api/v1/crisis/incidents/{incident_id}", headers=account.headers)
    ).json()
    assert incident["status"] == "acknowledged"
    [ack] = [e for e in incident["timeline"] if e["kind"] == "acknowledged"]
    assert (ack["actor"], ack["contact_id"]) == (f"contact:{sam['id']}", sam["id"])
    async with transaction(factory) as session:
        await session.execute(update(CrisisIncident).values(opened_at=utcnow() - timedelta(days=1)))
    assert await escalate_unacknowledged(factory, settings) == 0


async def test_a_retried_risky_check_in_gets_the_same_help_again(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {"id": str(uuid.uuid4()), "score": 1, "emotions": ["sad"], "notes": IMMINENT}
    first = await client.post(CHECKINS, json=body, headers=account.headers)
    retry = await client.post(CHECKINS, json=body, headers=account.headers)
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json()["crisis"]["incident_id"] == first.json()["crisis"]["incident_id"]
    incident = (await client.get(STATUS, headers=account.headers)).json()["incident"]
    assert [e["kind"] for e in incident["timeline"]].count("detected") == 1


async def test_concurrent_risky_check_ins_share_one_incident(
    client: httpx.AsyncClient, account: Account, backend: str
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite serves one writer at a time; the row lock is PostgreSQL's")
    answers = await asyncio.gather(*(checkin(client, account, HIGH, 2) for _ in range(4)))
    assert len({a["crisis"]["incident_id"] for a in answers}) == 1
