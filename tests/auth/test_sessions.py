"""Your signed-in devices: listed, and signed out remotely."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Account

SESSIONS = "/api/v1/auth/sessions"


async def sign_in(client: httpx.AsyncClient, account: Account, device: str) -> dict[str, str]:
    body = {"username": account.user.username, "password": account.password}
    answer = await client.post("/api/v1/auth/login", json=body, headers={"User-Agent": device})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def test_devices_are_listed_and_one_can_be_signed_out_from_another(
    client: httpx.AsyncClient, account: Account
) -> None:
    phone = await sign_in(client, account, "MindTrack/2.1 (iPhone)")
    laptop = await sign_in(client, account, "Firefox/140")
    listed = (await client.get(SESSIONS, headers=laptop)).json()
    assert len(listed) == 3
    assert [s["user_agent"] for s in listed if s["current"]] == ["Firefox/140"]
    [phone_session] = [s for s in listed if s["user_agent"] == "MindTrack/2.1 (iPhone)"]

    gone = await client.delete(f"{SESSIONS}/{phone_session['id']}", headers=laptop)
    assert gone.status_code == 204
    assert (await client.get("/api/v1/users/me", headers=phone)).status_code == 401
    assert len((await client.get(SESSIONS, headers=laptop)).json()) == 2
    again = await client.delete(f"{SESSIONS}/{phone_session['id']}", headers=laptop)
    assert again.status_code == 404


async def test_signing_out_everywhere_else_keeps_this_device(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await sign_in(client, account, "Other")
    assert (await client.delete(SESSIONS, headers=account.headers)).status_code == 204
    assert (await client.get("/api/v1/users/me", headers=other)).status_code == 401
    [only] = (await client.get(SESSIONS, headers=account.headers)).json()
    assert only["current"] is True


async def test_nobody_can_see_or_sign_out_anothers_sessions(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    intruder: Account = await make_account()
    [session] = (await client.get(SESSIONS, headers=account.headers)).json()
    listed = (await client.get(SESSIONS, headers=intruder.headers)).json()
    assert session["id"] not in {s["id"] for s in listed}
    refused = await client.delete(f"{SESSIONS}/{session['id']}", headers=intruder.headers)
    assert refused.status_code == 404
    assert (await client.get("/api/v1/users/me", headers=account.headers)).status_code == 200
