"""Administrators manage accounts and see service-wide counts."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from mindtrack.models import Role
from tests.conftest import Account
from tests.crisis.test_referrals import profile

ACCOUNTS = "/api/v1/admin/accounts"


async def test_an_administrator_finds_accounts_by_role_and_name(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    admin: Account = await make_account(role=Role.ADMIN, username="root")
    await make_account(username="ada")
    await make_account(username="grace", role=Role.THERAPIST)

    async def usernames(**params: Any) -> list[str]:
        response = await client.get(ACCOUNTS, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [a["username"] for a in response.json()["items"]]

    assert await usernames() == ["grace", "ada", "root"]
    assert await usernames(role="therapist") == ["grace"]
    assert await usernames(q="AD") == ["ada"]
    first = (await client.get(ACCOUNTS, params={"limit": 2}, headers=admin.headers)).json()
    assert [a["username"] for a in first["items"]] == ["grace", "ada"]
    rest = await usernames(limit=2, cursor=first["next_cursor"])
    assert rest == ["root"]
    assert set(first["items"][0]) == {
        "id", "username", "email", "role", "is_active", "created_at", "last_login_at"
    }  # fmt: skip


async def test_switching_an_account_off_ends_its_sessions_and_changing_a_role_applies_at_once(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    admin: Account = await make_account(role=Role.ADMIN)
    person: Account = await make_account()
    url = f"{ACCOUNTS}/{person.user.id}"

    promoted = await client.patch(url, json={"role": "therapist"}, headers=admin.headers)
    assert promoted.json()["role"] == "therapist"
    # The new role applies at once, including its need for two-step sign-in.
    saved = await client.put("/api/v1/therapists/me", json=profile(), headers=person.headers)
    assert saved.json()["type"].endswith("/two-step-required")

    off = await client.patch(url, json={"is_active": False}, headers=admin.headers)
    assert off.json()["is_active"] is False
    assert (await client.get("/api/v1/users/me", headers=person.headers)).status_code == 401
    login = {"username": person.user.username, "password": person.password}
    assert (await client.post("/api/v1/auth/login", json=login)).status_code == 403
    refresh = {"refresh_token": person.refresh_token}
    assert (await client.post("/api/v1/auth/refresh", json=refresh)).status_code == 401


async def test_an_administrator_cannot_lock_themselves_out(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    admin: Account = await make_account(role=Role.ADMIN)
    url = f"{ACCOUNTS}/{admin.user.id}"
    for change in ({"role": "user"}, {"is_active": False}):
        response = await client.patch(url, json=change, headers=admin.headers)
        assert response.status_code == 409, response.text
        assert "another administrator" in response.json()["detail"]
    assert (await client.get(url, headers=admin.headers)).json()["role"] == "admin"
    missing = await client.get(f"{ACCOUNTS}/{uuid.uuid4()}", headers=admin.headers)
    assert missing.status_code == 404


async def test_statistics_count_accounts_sign_ins_check_ins_and_open_incidents(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    admin: Account = await make_account(role=Role.ADMIN)
    person: Account = await make_account()
    await make_account(role=Role.THERAPIST)
    for score in (6, 7):
        body = {"score": score, "emotions": ["calm"]}
        created = await client.post("/api/v1/checkins", json=body, headers=person.headers)
        assert created.status_code == 201, created.text
    response = await client.get("/api/v1/admin/statistics", headers=admin.headers)
    assert response.status_code == 200, response.text
    stats = response.json()
    assert stats["accounts"] == [
        {"role": "user", "accounts": 1, "active": 1},
        {"role": "therapist", "accounts": 1, "active": 1},
        {"role": "admin", "accounts": 1, "active": 1},
    ]
    assert (stats["signed_in_last_7_days"], stats["checkins_last_7_days"]) == (3, 2)
    assert stats["open_crisis_incidents"] == 0
