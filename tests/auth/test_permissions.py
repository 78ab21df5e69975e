"""The permission matrix: every route in the OpenAPI document, called by every role, with
another person's resources. A route without a declared permission fails here (and the
application refuses to start)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts

from mindtrack.app import create_app
from mindtrack.auth.permissions import (
    PERSONAL_CONTENT,
    POLICY,
    PUBLIC,
    AccessRule,
    route_rules,
)
from mindtrack.config import PrivacySettings, Settings
from mindtrack.models import Role
from mindtrack.mood.router import router as mood_router
from mindtrack.privacy.exports import make_pending_exports
from tests.conftest import Account
from tests.crisis.test_escalation import HIGH
from tests.crisis.test_referrals import profile
from tests.crisis.test_safety_plan import plan

NOT_PERMITTED = "https://mindtrack.app/problems/not-permitted"
# Not owned by one person: any signed-in account may look a therapist up in the directory,
# and administrators manage every account.
# Path parameters that name something everyone has (a therapist, a purpose), not a record.
SHARED_IDS = {"therapist_id", "user_id", "purpose"}
# Valid bodies for writes to a record by id, so that ownership (not validation) decides.
BODIES = {
    "/api/v1/conversations/{conversation_id}/messages": {"message": "Hello again"},
    "/api/v1/patients/{patient_id}/notes": {"body": "Seen today."},
}


@dataclass
class World:
    owner: Account  # a person with one of everything
    ids: dict[str, str]  # path parameter -> the owner's resource
    strangers: dict[Role, Account]  # one account per role owning nothing of the owner's


async def _created(response: httpx.Response, key: str = "id") -> str:
    assert response.status_code in (200, 201, 202), response.text
    return str(response.json()[key])


@pytest.fixture
async def world(app: FastAPI, client: httpx.AsyncClient, make_account: Any) -> World:
    owner: Account = await make_account()
    therapist: Account = await make_account(role=Role.THERAPIST)
    h, th = owner.headers, therapist.headers
    await client.put("/api/v1/therapists/me", json=profile(), headers=th)
    checkin = await client.post(
        "/api/v1/checkins", json={"score": 2, "emotions": ["sad"], "notes": HIGH}, headers=h
    )
    assert checkin.status_code == 201, checkin.text
    ids = {
        "checkin_id": checkin.json()["id"],
        "incident_id": checkin.json()["crisis"]["incident_id"],
        "conversation_id": await _created(
            await client.post("/api/v1/conversations", json={"message": "A calm day"}, headers=h),
            "conversation_id",
        ),
        "response_id": await _created(
            await client.post(
                "/api/v1/assessments", json={"instrument": "gad7", "answers": [1] * 7}, headers=h
            )
        ),
        "contact_id": await _created(
            await client.post(
                "/api/v1/crisis/contacts",
                json={"name": "Sam", "email": "sam@example.com"},
                headers=h,
            )
        ),
        "version": await _created(
            await client.put("/api/v1/crisis/safety-plan", json=plan(), headers=h), "version"
        ),
        "referral_id": await _created(
            await client.post(
                "/api/v1/referrals", json={"therapist_id": str(therapist.user.id)}, headers=h
            )
        ),
        "grant_id": await _created(
            await client.post(
                "/api/v1/sharing/grants",
                json={"therapist_id": str(therapist.user.id), "scopes": ["mood_scores"]},
                headers=h,
            )
        ),
        "patient_id": str(owner.user.id),
        "provider": "google",
        "purpose": "research",
        "therapist_id": str(therapist.user.id),
        "user_id": str(owner.user.id),
        "session_id": (await client.get("/api/v1/auth/sessions", headers=h)).json()[0]["id"],
        "export_id": await _created(await client.post("/api/v1/privacy/exports", headers=h)),
    }
    await make_pending_exports(app.state.session_factory, PrivacySettings())
    assert ids["incident_id"], "the risky check-in opens an incident"
    accepted = await client.post(f"/api/v1/patients/requests/{ids['grant_id']}/accept", headers=th)
    assert accepted.status_code == 200, accepted.text
    strangers = {
        Role.USER: await make_account(),
        Role.THERAPIST: await make_account(role=Role.THERAPIST),
        Role.ADMIN: await make_account(role=Role.ADMIN),
    }
    return World(owner, ids, strangers)


def declared_routes(app: FastAPI) -> Iterator[tuple[str, str, list[AccessRule]]]:
    """(method, path, rules) for every API route as the application serves it, router-level
    dependencies included (the interactive docs are plain routes and are left out)."""
    for route in iter_route_contexts(app.routes):
        dependant = getattr(route, "dependant", None)
        if isinstance(dependant, Dependant):
            rules = list(dict.fromkeys(route_rules(dependant)))
            for method in sorted(route.methods or {"WEBSOCKET"}):
                yield method, str(route.path), rules


def _operations(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    ]


def _url(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)


async def _call(
    client: httpx.AsyncClient, method: str, path: str, ids: dict[str, str], account: Account | None
) -> httpx.Response:
    body = BODIES.get(path, {}) if method in {"POST", "PUT", "PATCH"} else None
    url = _url(path, ids)
    headers = account.headers if account else {}
    return await client.request(method, url, json=body, headers=headers)


def _rules_by_operation(app: FastAPI) -> dict[tuple[str, str], frozenset[Role] | None]:
    """(method, path) -> the roles allowed (None: anyone), the intersection of its rules."""
    allowed: dict[tuple[str, str], frozenset[Role] | None] = {}
    for method, path, rules in declared_routes(app):
        roles: frozenset[Role] | None = None
        for rule in rules:
            if rule.roles is not None:
                roles = rule.roles if roles is None else roles & rule.roles
        allowed[(method, path)] = roles
    return allowed


def test_every_operation_in_the_openapi_document_declares_a_permission(app: FastAPI) -> None:
    declared = {(m, p) for m, p, rules in declared_routes(app) if rules}
    operations = _operations(app)
    assert len(operations) > 70
    assert [op for op in operations if op not in declared] == []


def test_a_route_added_without_a_permission_stops_the_service_from_starting(
    settings: Settings,
) -> None:
    create_app(settings)

    @mood_router.get("/forgotten")
    async def forgotten() -> dict[str, str]:
        return {}

    try:
        with pytest.raises(RuntimeError, match="GET /api/v1/forgotten"):
            create_app(settings)
    finally:
        mood_router.routes.pop()
    create_app(settings)


def test_no_administrator_permission_reaches_a_persons_content() -> None:
    for permission, roles in POLICY.items():
        if permission.resource in PERSONAL_CONTENT:
            assert Role.ADMIN not in roles, permission
    assert not {p.resource for p in PUBLIC} & PERSONAL_CONTENT


async def test_every_role_gets_exactly_what_the_policy_allows_and_nobody_reaches_anothers_data(
    app: FastAPI, client: httpx.AsyncClient, world: World
) -> None:
    allowed = _rules_by_operation(app)
    # Signing out ends the caller's session, so it is probed last.
    operations = sorted(_operations(app), key=lambda op: op[1].endswith("/logout"))
    for method, path in operations:
        roles = allowed[(method, path)]
        anonymous = await _call(client, method, path, world.ids, None)
        if roles is None:
            assert anonymous.status_code not in (401, 403), (method, path, anonymous.text)
            continue
        assert anonymous.status_code == 401, (method, path, anonymous.text)
        for role, stranger in world.strangers.items():
            response = await _call(client, method, path, world.ids, stranger)
            refused = response.status_code == 403 and response.json()["type"] == NOT_PERMITTED
            assert refused == (role not in roles), (role, method, path, response.text)
            ids_in_path = set(re.findall(r"\{(\w+)\}", path)) - SHARED_IDS
            if role in roles and ids_in_path:
                # Someone else's record, by id: not found, never shown or changed.
                assert response.status_code == 404, (role, method, path, response.text)


async def test_the_owner_reads_every_one_of_their_records_by_id(
    app: FastAPI, client: httpx.AsyncClient, world: World
) -> None:
    """The strangers' 404s above come from ownership, not from ids that do not exist."""
    allowed = _rules_by_operation(app)
    readable = [
        path
        for method, path in _operations(app)
        if method == "GET" and "{" in path and Role.USER in (allowed[(method, path)] or ())
    ]
    assert len(readable) >= 8
    for path in readable:
        response = await client.get(_url(path, world.ids), headers=world.owner.headers)
        assert response.status_code == 200, (path, response.text)


async def test_an_administrator_reads_no_note_safety_plan_or_conversation(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.strangers[Role.ADMIN]
    for url in (
        "/api/v1/checkins",
        f"/api/v1/checkins/{world.ids['checkin_id']}",
        "/api/v1/crisis/safety-plan",
        "/api/v1/conversations",
        "/api/v1/crisis/contacts",
        "/api/mood/history",
    ):
        response = await client.get(url, headers=admin.headers)
        assert response.status_code == 403, (url, response.text)
        assert HIGH not in response.text
    statistics = await client.get("/api/v1/admin/statistics", headers=admin.headers)
    assert statistics.status_code == 200, statistics.text
    assert HIGH not in statistics.text
    assert "Sam" not in statistics.text
