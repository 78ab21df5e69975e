"""Security headers on every answer and a limit on request bodies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from mindtrack.app import create_app
from mindtrack.config import AuthSettings, Environment, PrivacySettings, Settings
from mindtrack.kit.encryption import encode_key, new_key
from tests.conftest import Account, make_settings


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, max_request_bytes=4096)


async def test_every_answer_carries_the_security_headers(
    client: httpx.AsyncClient, account: Account
) -> None:
    for response in (
        await client.get("/api/v1/users/me", headers=account.headers),
        await client.get("/api/v1/checkins/not-an-id", headers=account.headers),
        await client.get("/contacts/confirm?token=nothing"),
    ):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert "script-src" not in response.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in response.headers  # not production
    docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "Content-Security-Policy" not in docs.headers  # its script comes from a CDN


async def test_production_asks_browsers_to_use_https_only(database_url: str) -> None:
    settings = make_settings(
        database_url,
        environment=Environment.PRODUCTION,
        allow_sqlite_in_production=True,
        auth=AuthSettings(secret_key=SecretStr("x" * 40), argon2_time_cost=1),
        privacy=PrivacySettings(key_encryption_key=SecretStr(encode_key(new_key()))),
    )
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/health")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")


async def _chunks(total: int) -> AsyncIterator[bytes]:
    yield b'{"score": 5, "emotions": ["calm"], "notes": "'
    for _ in range(total // 1024):
        yield b"a" * 1024
    yield b'"}'


@pytest.mark.parametrize("streamed", [False, True], ids=["declared", "streamed"])
async def test_a_body_over_the_limit_is_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, account: Account, streamed: bool
) -> None:
    headers = {**account.headers, "Content-Type": "application/json"}
    content: Any = _chunks(8192) if streamed else b'{"notes": "' + b"a" * 8192 + b'"}'
    response = await client.post("/api/v1/checkins", content=content, headers=headers)
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The request body is larger than the 4 KiB allowed."
    listed = await client.get("/api/v1/checkins", headers=account.headers)
    assert listed.json()["items"] == []
    small = {"score": 5, "emotions": ["calm"], "notes": "fine"}
    assert (
        await client.post("/api/v1/checkins", json=small, headers=account.headers)
    ).status_code == 201
