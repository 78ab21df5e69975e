"""Two-step sign-in (TOTP, RFC 6238) with recovery codes; required for therapists and
administrators."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pyotp

from mindtrack.models import Role
from tests.conftest import Account

TWO_STEP = "/api/v1/auth/two-step"
LOGIN = "/api/v1/auth/login"


async def turn_on(client: httpx.AsyncClient, account: Account) -> tuple[pyotp.TOTP, list[str]]:
    setup = await client.post(f"{TWO_STEP}/setup", headers=account.headers)
    assert setup.status_code == 200, setup.text
    assert setup.headers["Cache-Control"] == "no-store"
    secret = setup.json()["secret"]
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/MindTrack:")
    totp = pyotp.TOTP(secret)
    enabled = await client.post(
        f"{TWO_STEP}/enable", json={"code": totp.now()}, headers=account.headers
    )
    assert enabled.status_code == 200, enabled.text
    return totp, enabled.json()["recovery_codes"]


def login(account: Account, otp: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"username": account.user.username, "password": account.password}
    return body if otp is None else {**body, "otp": otp}


async def test_turning_it_on_asks_for_a_code_at_every_sign_in(
    client: httpx.AsyncClient, account: Account
) -> None:
    totp, codes = await turn_on(client, account)
    assert len(codes) == len(set(codes)) == 10

    missing = await client.post(LOGIN, json=login(account))
    assert missing.status_code == 401
    assert missing.json()["type"].endswith("/two-step-code-required")
    wrong = await client.post(LOGIN, json=login(account, "000000"))
    assert wrong.json()["type"].endswith("/two-step-code-wrong")
    # The code used to turn it on cannot be replayed; the next window's code works once.
    assert (await client.post(LOGIN, json=login(account, totp.now()))).status_code == 401
    next_code = totp.at(time.time() + 30)
    assert (await client.post(LOGIN, json=login(account, next_code))).status_code == 200
    assert (await client.post(LOGIN, json=login(account, next_code))).status_code == 401

    status = (await client.get(TWO_STEP, headers=account.headers)).json()
    assert (status["enabled"], status["required"], status["recovery_codes_left"]) == (
        True,
        False,
        10,
    )


async def test_a_recovery_code_stands_in_for_the_app_once(
    client: httpx.AsyncClient, account: Account
) -> None:
    _, codes = await turn_on(client, account)
    assert (await client.post(LOGIN, json=login(account, codes[0].upper()))).status_code == 200
    assert (await client.post(LOGIN, json=login(account, codes[0]))).status_code == 401
    signed_in = await client.post(LOGIN, json=login(account, codes[1]))
    headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    assert (await client.get(TWO_STEP, headers=headers)).json()["recovery_codes_left"] == 8


async def test_turning_it_on_signs_out_every_other_session(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await client.post(LOGIN, json=login(account))
    other_headers = {"Authorization": f"Bearer {other.json()['access_token']}"}
    await turn_on(client, account)
    assert (await client.get("/api/v1/users/me", headers=other_headers)).status_code == 401
    assert (await client.get("/api/v1/users/me", headers=account.headers)).status_code == 200


async def test_turning_it_off_needs_the_password_and_a_code(
    client: httpx.AsyncClient, account: Account
) -> None:
    totp, _ = await turn_on(client, account)
    url = f"{TWO_STEP}/disable"
    wrong_password = {"password": "not it", "code": totp.now()}
    assert (await client.post(url, json=wrong_password, headers=account.headers)).status_code == 403
    body = {"password": account.password, "code": totp.at(time.time() + 30)}
    assert (await client.post(url, json=body, headers=account.headers)).status_code == 204
    assert (await client.post(LOGIN, json=login(account))).status_code == 200


async def test_therapists_and_administrators_must_turn_it_on_before_anything_else(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    for role, url in (
        (Role.THERAPIST, "/api/v1/referrals"),
        (Role.ADMIN, "/api/v1/admin/statistics"),
    ):
        account: Account = await make_account(role=role, two_step=False)
        refused = await client.get(url, headers=account.headers)
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/two-step-required")
        assert (await client.get("/api/v1/users/me", headers=account.headers)).status_code == 200
        assert (await client.get(TWO_STEP, headers=account.headers)).json()["required"] is True
        await turn_on(client, account)
        assert (await client.get(url, headers=account.headers)).status_code == 200
        body = {"password": account.password, "code": "123456"}
        off = await client.post(f"{TWO_STEP}/disable", json=body, headers=account.headers)
        assert off.status_code == 403
