"""Brute-force protection: slower answers, then a pause per account name and per address,
the same for names that exist and names that do not; the owner is told by email."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from mindtrack.config import AuthSettings, Settings
from mindtrack.models import OutboxMessage
from tests.conftest import Account, make_settings

LOGIN = "/api/v1/auth/login"
LOCKED = "https://mindtrack.app/problems/sign-in-locked"


@pytest.fixture
def settings(database_url: str) -> Settings:
    auth = AuthSettings(
        argon2_time_cost=1,
        argon2_memory_kib=1024,
        argon2_parallelism=1,
        lockout_failures=4,
        lockout_address_failures=10,
        failure_delay_seconds=0.2,
    )
    return make_settings(database_url, auth=auth)


async def attempt(app: Any, name: str, password: str, address: str = "10.1.1.1") -> httpx.Response:
    transport = httpx.ASGITransport(app=app, client=(address, 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        return await http.post(LOGIN, json={"username": name, "password": password})


async def emails(app: Any) -> list[OutboxMessage]:
    async with app.state.session_factory() as session:
        return list((await session.execute(select(OutboxMessage))).scalars())


async def test_a_name_is_paused_after_repeated_failures_whether_or_not_it_exists(
    app: Any, account: Account
) -> None:
    outcomes = {}
    for name in (account.user.email, "nobody@example.com"):
        answers = [await attempt(app, name, "wrong password") for _ in range(5)]
        outcomes[name] = [(a.status_code, a.json()["detail"]) for a in answers]
        assert [a.status_code for a in answers] == [401, 401, 401, 429, 429]
        assert answers[3].json()["type"] == LOCKED
        assert 1 <= int(answers[4].headers["Retry-After"]) <= 15 * 60
    real, unknown = outcomes.values()
    assert real == unknown  # nothing tells the two apart
    # Even the right password waits out the pause.
    assert (await attempt(app, account.user.email, account.password)).status_code == 429


async def test_the_owner_of_a_paused_account_is_told_by_email(app: Any, account: Account) -> None:
    for _ in range(4):
        await attempt(app, account.user.username, "wrong password")
    await attempt(app, "nobody", "wrong password")
    [message] = await emails(app)
    assert (message.kind, message.recipient) == ("sign_in_locked", account.user.email)
    assert "4 times" in message.body
    assert account.password not in message.body


async def test_answers_slow_down_from_the_third_failure(app: Any, account: Account) -> None:
    took = []
    for _ in range(3):
        started = time.perf_counter()
        await attempt(app, account.user.username, "wrong password")
        took.append(time.perf_counter() - started)
    assert took[2] >= 0.2  # the first slow-down; the first two are not held back


async def test_signing_in_clears_the_count_of_failures(app: Any, account: Account) -> None:
    for _ in range(3):
        await attempt(app, account.user.username, "wrong password")
    assert (await attempt(app, account.user.username, account.password)).status_code == 200
    answers = [await attempt(app, account.user.username, "wrong password") for _ in range(3)]
    assert {a.status_code for a in answers} == {401}


async def test_an_address_that_fails_across_many_names_is_paused(
    app: Any, account: Account
) -> None:
    answers = [await attempt(app, f"guess{i}", "wrong password") for i in range(10)]
    assert [a.status_code for a in answers] == [401] * 9 + [429]
    refused = await attempt(app, account.user.username, account.password)
    assert refused.status_code == 429
    assert await emails(app) == []  # no account's owner is blamed for an address
    other = await attempt(app, account.user.username, account.password, address="10.2.2.2")
    assert other.status_code == 200, other.text
