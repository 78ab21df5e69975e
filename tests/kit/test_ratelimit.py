"""Request budgets: per address, per user, stricter for sign-in and AI analysis; shared
through the real Redis by several processes of the service."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mindtrack.config import RateLimitSettings, Settings
from mindtrack.kit.ratelimit import RateLimiter
from tests.conftest import Account, make_settings, service_logs
from tests.processes import clean_environment, free_port, running

REDIS_URL = "redis://127.0.0.1:6379/0"
LOGIN = "/api/v1/auth/login"
WRONG = {"username": "nobody@example.com", "password": "not the password"}


@pytest.fixture
def settings(database_url: str) -> Settings:
    budgets = RateLimitSettings(
        per_ip="8/minute", per_user="4/minute", sign_in="3/minute", ai_analysis="2/minute"
    )
    return make_settings(database_url, rate_limit=budgets)


def assert_refused(response: httpx.Response, limit: int) -> None:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "Please wait" in response.json()["detail"]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["RateLimit-Limit"] == str(limit)
    assert response.headers["RateLimit-Remaining"] == "0"


async def test_sign_in_has_its_own_small_budget_per_address(client: httpx.AsyncClient) -> None:
    answers = [await client.post(LOGIN, json=WRONG) for _ in range(3)]
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert [a.headers["RateLimit-Remaining"] for a in answers] == ["2", "1", "0"]
    assert_refused(await client.post(LOGIN, json=WRONG), limit=3)
    # Crisis lines stay reachable: the address budget (8) is not yet spent.
    assert (await client.get("/api/v1/crisis/resources?country=GB")).status_code == 200


async def test_every_request_spends_the_address_budget_except_health_probes(
    client: httpx.AsyncClient,
) -> None:
    for _ in range(3):
        assert (await client.get("/health")).status_code == 200
    answers = [await client.get("/api/v1/emotions") for _ in range(8)]
    assert {a.status_code for a in answers} == {200}
    assert answers[-1].headers["RateLimit-Remaining"] == "0"
    assert_refused(await client.get("/api/v1/emotions"), limit=8)
    assert (await client.get("/health")).status_code == 200


async def test_signed_in_requests_spend_a_budget_per_user(app: Any, make_account: Any) -> None:
    ada: Account = await make_account()
    bob: Account = await make_account()
    # Two addresses, so the address budget does not decide.
    for address in ("10.0.0.1", "10.0.0.2"):
        transport = httpx.ASGITransport(app=app, client=(address, 5000))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            answers = [await http.get("/api/v1/users/me", headers=ada.headers) for _ in range(2)]
            assert {a.status_code for a in answers} == {200}
    transport = httpx.ASGITransport(app=app, client=("10.0.0.3", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        assert_refused(await http.get("/api/v1/users/me", headers=ada.headers), limit=4)
        assert (await http.get("/api/v1/users/me", headers=bob.headers)).status_code == 200


async def test_ai_analysis_has_a_stricter_budget_per_user(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    ada: Account = await make_account()
    bob: Account = await make_account()
    body = {"text": "A quiet walk by the river helped."}
    for _ in range(2):
        answer = await client.post("/api/v1/analysis/text", json=body, headers=ada.headers)
        assert answer.status_code == 200, answer.text
    assert_refused(
        await client.post("/api/v1/analysis/text", json=body, headers=ada.headers), limit=2
    )
    other = await client.post("/api/v1/analysis/text", json=body, headers=bob.headers)
    assert other.status_code == 200, other.text


async def test_counters_that_cannot_be_reached_let_requests_through_and_say_so(
    log_output: Any,
) -> None:
    limiter = RateLimiter(RateLimitSettings(sign_in="1/minute"), "redis://127.0.0.1:1/0")
    assert await limiter.spend(limiter.sign_in, "10.0.0.1") is None
    assert await limiter.spend(limiter.sign_in, "10.0.0.1") is None
    await limiter.close()
    assert "rate limit not counted" in service_logs(log_output)


async def test_redis_counts_one_budget_for_every_limiter_that_shares_it() -> None:
    prefix = f"mindtrack-test-{uuid.uuid4().hex}"
    settings = RateLimitSettings(sign_in="5/minute", key_prefix=prefix)
    first, second = RateLimiter(settings, REDIS_URL), RateLimiter(settings, REDIS_URL)
    decisions = await asyncio.gather(
        *(limiter.spend(limiter.sign_in, "10.0.0.9") for limiter in [first, second] * 4)
    )
    await first.close()
    await second.close()
    assert sum(1 for d in decisions if d is not None and d.allowed) == 5


@pytest.fixture
def two_processes(tmp_path: Path) -> Iterator[list[str]]:
    """Two API processes on one database, sharing budgets through the real Redis."""
    env = clean_environment(
        MINDTRACK_DATABASE__URL=f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}",
        MINDTRACK_ML__ENABLED="false",
        MINDTRACK_REDIS_URL=REDIS_URL,
        MINDTRACK_RATE_LIMIT__KEY_PREFIX=f"mindtrack-test-{uuid.uuid4().hex}",
        MINDTRACK_RATE_LIMIT__SIGN_IN="6/minute",
        MINDTRACK_AUTH__ARGON2_TIME_COST="1",
    )
    subprocess.run(
        [sys.executable, "-m", "mindtrack", "db", "upgrade"], cwd=tmp_path, env=env, check=True
    )
    ports = [free_port(), free_port()]
    uvicorn = ["uvicorn", "mindtrack.app:create_app", "--factory", "--port"]
    with (
        running([*uvicorn, str(ports[0])], cwd=tmp_path, env=env, port=ports[0]) as one,
        running([*uvicorn, str(ports[1])], cwd=tmp_path, env=env, port=ports[1]) as two,
    ):
        yield [one, two]


@pytest.mark.slow
def test_two_processes_share_one_sign_in_budget_through_redis(two_processes: list[str]) -> None:
    # A different name each time, so that only the address's budget is in play.
    answers = [
        httpx.post(
            f"{two_processes[i % 2]}{LOGIN}",
            json={**WRONG, "username": f"nobody{i}@example.com"},
            timeout=10,
        )
        for i in range(10)
    ]
    assert [a.status_code for a in answers] == [401] * 6 + [429] * 4
    remaining = [a.headers["RateLimit-Remaining"] for a in answers[:6]]
    assert remaining == ["5", "4", "3", "2", "1", "0"]  # alternating processes, one count
    for refused in answers[6:]:
        assert_refused(refused, limit=6)
