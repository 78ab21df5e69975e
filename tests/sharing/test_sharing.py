"""Sharing with therapists: chosen scopes for a chosen time, accepted by the therapist,
revocable at once; every read recorded for the patient to see."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from mindtrack.kit.time import utcnow
from mindtrack.models import OutboxMessage, Role, SharingGrant
from tests.conftest import Account
from tests.crisis.test_escalation import HIGH
from tests.crisis.test_safety_plan import plan

GRANTS = "/api/v1/sharing/grants"
PATIENTS = "/api/v1/patients"
NOTE = "Argued with my sister about the flat again."


@pytest.fixture
async def therapist(make_account: Any) -> Account:
    return await make_account(role=Role.THERAPIST, username="drlee")  # type: ignore[no-any-return]


async def share(
    client: httpx.AsyncClient, patient: Account, therapist: Account, scopes: list[str], **extra: Any
) -> dict[str, Any]:
    body = {"therapist_id": str(therapist.user.id), "scopes": scopes, **extra}
    response = await client.post(GRANTS, json=body, headers=patient.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def shared_and_accepted(
    client: httpx.AsyncClient, patient: Account, therapist: Account, scopes: list[str]
) -> dict[str, Any]:
    grant = await share(client, patient, therapist, scopes)
    accepted = await client.post(
        f"{PATIENTS}/requests/{grant['id']}/accept", headers=therapist.headers
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "active"
    return grant


async def checkin(client: httpx.AsyncClient, account: Account, notes: str, score: int = 4) -> None:
    body = {"score": score, "emotions": ["anxious"], "notes": notes, "location": "Home"}
    response = await client.post("/api/v1/checkins", json=body, headers=account.headers)
    assert response.status_code == 201, response.text


def patient_routes(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(f"{PATIENTS}/{{patient_id}}")
        for method in operations
    ]


async def call(
    client: httpx.AsyncClient, method: str, path: str, patient: Account, therapist: Account
) -> httpx.Response:
    url = re.sub(r"\{patient_id\}", str(patient.user.id), path)
    body = {"body": "Doing better this week."} if method == "POST" else None
    return await client.request(method, url, json=body, headers=therapist.headers)


async def test_a_therapist_sees_only_the_granted_scopes_once_accepted(
    client: httpx.AsyncClient, account: Account, therapist: Account
) -> None:
    await checkin(client, account, NOTE)
    grant = await share(client, account, therapist, ["mood_scores"], days=30)
    assert grant["status"] == "pending"
    assert grant["therapist_name"] == "drlee"
    url = f"{PATIENTS}/{account.user.id}/checkins"
    assert (await client.get(url, headers=therapist.headers)).status_code == 404  # not yet

    [request] = (await client.get(f"{PATIENTS}/requests", headers=therapist.headers)).json()
    assert request["patient_id"] == str(account.user.id)
    await client.post(f"{PATIENTS}/requests/{grant['id']}/accept", headers=therapist.headers)
    [listed] = (await client.get(PATIENTS, headers=therapist.headers)).json()
    assert (listed["scopes"], listed["status"]) == (["mood_scores"], "active")

    [entry] = (await client.get(url, headers=therapist.headers)).json()["items"]
    assert entry["score"] == 4
    assert (entry["emotions"], entry["notes"], entry["location"]) == (None, None, None)
    assert NOTE not in (await client.get(url, headers=therapist.headers)).text
    for hidden in ("assessments", "incidents", "safety-plan"):
        refused = await client.get(
            f"{PATIENTS}/{account.user.id}/{hidden}", headers=therapist.headers
        )
        assert refused.status_code == 404, hidden


async def test_notes_and_emotions_show_only_with_their_scopes(
    client: httpx.AsyncClient, account: Account, therapist: Account
) -> None:
    await checkin(client, account, NOTE)
    await shared_and_accepted(client, account, therapist, ["mood_scores", "emotions", "notes"])
    [entry] = (
        await client.get(f"{PATIENTS}/{account.user.id}/checkins", headers=therapist.headers)
    ).json()["items"]
    assert (entry["emotions"], entry["notes"], entry["location"]) == (["anxious"], NOTE, "Home")
    board = await client.get(f"{PATIENTS}/{account.user.id}/dashboard", headers=therapist.headers)
    assert board.status_code == 200, board.text
    assert board.json()["chosen_emotions"] == [{"word": "anxious", "count": 1}]
    assert board.json()["detected_emotions"] == board.json()["sentiment"] == []  # no ai_analysis


@pytest.mark.parametrize("ending", ["never granted", "expired", "revoked", "declined"])
async def test_every_patient_resource_is_not_found_without_an_active_grant(
    app: FastAPI,
    client: httpx.AsyncClient,
    db: Any,
    account: Account,
    therapist: Account,
    ending: str,
) -> None:
    await checkin(client, account, NOTE)
    await client.put("/api/v1/crisis/safety-plan", json=plan(), headers=account.headers)
    every_scope = [
        "mood_scores", "emotions", "notes", "ai_analysis", "assessments",
        "crisis_incidents", "safety_plan",
    ]  # fmt: skip
    if ending == "declined":
        grant = await share(client, account, therapist, every_scope)
        await client.post(f"{PATIENTS}/requests/{grant['id']}/decline", headers=therapist.headers)
    elif ending != "never granted":
        grant = await shared_and_accepted(client, account, therapist, every_scope)
        for method, path in patient_routes(app):  # all open while the grant lasts
            answer = await call(client, method, path, account, therapist)
            assert answer.status_code in (200, 201), (path, answer.text)
        if ending == "revoked":
            gone = await client.delete(f"{GRANTS}/{grant['id']}", headers=account.headers)
            assert gone.json()["status"] == "revoked"
        else:
            past = utcnow() - timedelta(minutes=1)
            await db.execute(update(SharingGrant).values(expires_at=past))
            await db.commit()
    routes = patient_routes(app)
    assert len(routes) >= 7
    for method, path in routes:
        answer = await call(client, method, path, account, therapist)
        assert answer.status_code == 404, (ending, path, answer.text)
        assert NOTE not in answer.text
    assert (await client.get(PATIENTS, headers=therapist.headers)).json() == []


async def test_the_patient_sees_who_looked_at_what_and_when(
    client: httpx.AsyncClient, account: Account, therapist: Account, make_account: Any
) -> None:
    stranger: Account = await make_account(role=Role.THERAPIST)
    await shared_and_accepted(client, account, therapist, ["mood_scores"])
    base = f"{PATIENTS}/{account.user.id}"
    await client.get(f"{base}/checkins", headers=therapist.headers)
    await client.get(f"{base}/dashboard", headers=therapist.headers)
    await client.get(f"{base}/checkins", headers=stranger.headers)  # refused: not recorded
    await client.get(f"{base}/safety-plan", headers=therapist.headers)  # not shared: neither
    log = (await client.get("/api/v1/sharing/access-log", headers=account.headers)).json()
    assert [(e["therapist_name"], e["what"]) for e in log] == [
        ("drlee", "dashboard"),
        ("drlee", "checkins"),
    ]


async def test_clinician_notes_are_private_unless_shown_to_the_patient(
    client: httpx.AsyncClient, account: Account, therapist: Account
) -> None:
    await shared_and_accepted(client, account, therapist, ["mood_scores"])
    url = f"{PATIENTS}/{account.user.id}/notes"
    for body, shown in (("Consider CBT for sleep.", True), ("Watch for relapse.", False)):
        written = await client.post(
            url, json={"body": body, "visible_to_patient": shown}, headers=therapist.headers
        )
        assert written.status_code == 201, written.text
    mine = (await client.get(url, headers=therapist.headers)).json()
    assert [n["body"] for n in mine] == ["Watch for relapse.", "Consider CBT for sleep."]
    theirs = (await client.get("/api/v1/sharing/notes", headers=account.headers)).json()
    assert [n["body"] for n in theirs] == ["Consider CBT for sleep."]


async def test_a_therapist_sharing_crisis_incidents_is_told_when_one_opens(
    app: Any, client: httpx.AsyncClient, account: Account, therapist: Account, make_account: Any
) -> None:
    other: Account = await make_account(role=Role.THERAPIST)
    await shared_and_accepted(client, account, therapist, ["crisis_incidents"])
    await shared_and_accepted(client, account, other, ["mood_scores"])
    await checkin(client, account, HIGH, score=2)
    async with app.state.session_factory() as session:
        messages = list((await session.execute(select(OutboxMessage))).scalars())
    alerts = [m for m in messages if m.kind == "therapist_incident_alert"]
    assert [m.recipient for m in alerts] == [therapist.user.email]
    assert HIGH not in alerts[0].body
    incidents = await client.get(
        f"{PATIENTS}/{account.user.id}/incidents", headers=therapist.headers
    )
    [incident] = incidents.json()
    assert "therapists_notified" in [e["kind"] for e in incident["timeline"]]


async def test_only_a_therapist_can_be_granted_and_only_once_at_a_time(
    client: httpx.AsyncClient, account: Account, therapist: Account, make_account: Any
) -> None:
    friend: Account = await make_account()
    body = {"therapist_id": str(friend.user.id), "scopes": ["notes"]}
    assert (await client.post(GRANTS, json=body, headers=account.headers)).status_code == 422
    grant = await share(client, account, therapist, ["notes", "notes"])
    assert grant["scopes"] == ["notes"]
    again = {"therapist_id": str(therapist.user.id), "scopes": ["mood_scores"]}
    assert (await client.post(GRANTS, json=again, headers=account.headers)).status_code == 409
    taken = await client.delete(f"{GRANTS}/{grant['id']}", headers=friend.headers)
    assert taken.status_code == 404
