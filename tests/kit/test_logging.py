import io
import json
import logging

import httpx
import structlog

from mindtrack.config import LogSettings
from mindtrack.kit.logging import REDACTED, configure_logging, get_logger
from tests.conftest import Account

NOTE = "I told nobody about the panic attack on the bridge"
LOCATION = "Golden Gate viewpoint 42"
EMAIL = "private.person@example.org"
PASSWORD = "hunter2-but-longer"


def _lines(buffer: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


async def test_notes_emails_passwords_and_tokens_never_reach_the_logs(
    client: httpx.AsyncClient, log_output: io.StringIO
) -> None:
    register = await client.post(
        "/api/v1/auth/register",
        json={"username": "private", "email": EMAIL, "password": PASSWORD},
    )
    assert register.status_code == 201
    login = await client.post("/api/auth/login", json={"username": EMAIL, "password": PASSWORD})
    tokens = login.json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    created = await client.post(
        "/api/v1/checkins",
        headers=headers,
        json={"score": 2, "emotions": ["anxious"], "notes": NOTE, "location": LOCATION},
    )
    assert created.status_code == 201
    too_long = await client.post(
        "/api/v1/checkins",
        headers=headers,
        json={"score": 2, "emotions": ["sad"], "notes": NOTE * 200},
    )
    assert too_long.status_code == 422
    await client.get("/api/mood/history?limit=10", headers=headers)
    await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    await client.post("/api/v1/auth/login", json={"username": EMAIL, "password": "wrong password"})

    logged = log_output.getvalue()
    lines = _lines(log_output)
    assert len([line for line in lines if line["event"] == "request"]) == 7
    assert all("request_id" in line for line in lines)
    for secret in (
        NOTE,
        LOCATION,
        EMAIL,
        PASSWORD,
        tokens["access_token"],
        tokens["refresh_token"],
    ):
        assert secret not in logged


async def test_each_request_line_carries_its_request_id_and_user(
    client: httpx.AsyncClient, account: Account, log_output: io.StringIO
) -> None:
    response = await client.get(
        "/api/v1/users/me", headers={**account.headers, "X-Request-ID": "req-abc"}
    )
    assert response.status_code == 200
    (line,) = [entry for entry in _lines(log_output) if entry["event"] == "request"]
    assert line["request_id"] == "req-abc"
    assert line["user_id"] == str(account.user.id)
    assert line["status"] == 200
    assert line["path"] == "/api/v1/users/me"


def test_sensitive_keys_are_redacted_at_any_depth() -> None:
    buffer = io.StringIO()
    configure_logging(LogSettings(json_format=True), stream=buffer)
    structlog.contextvars.clear_contextvars()
    get_logger("test").info(
        "event",
        email="a@b.c",
        payload={"notes": "diary", "nested": [{"refresh_token": "t"}], "score": 3},
        Authorization="Bearer x",
        count=2,
    )
    (line,) = _lines(buffer)
    assert line["email"] == REDACTED
    assert line["Authorization"] == REDACTED
    assert line["payload"] == {
        "notes": REDACTED,
        "nested": [{"refresh_token": REDACTED}],
        "score": 3,
    }
    assert line["count"] == 2


def test_standard_library_loggers_share_the_json_pipeline() -> None:
    buffer = io.StringIO()
    configure_logging(LogSettings(json_format=True), stream=buffer)
    logging.getLogger("some.library").warning("disk is %s", "slow")
    (line,) = _lines(buffer)
    assert line["event"] == "disk is slow"
    assert line["level"] == "warning"


def test_console_format_is_available_for_development() -> None:
    buffer = io.StringIO()
    configure_logging(LogSettings(json_format=False), stream=buffer)
    get_logger("test").info("hello", email="a@b.c")
    text = buffer.getvalue()
    assert "hello" in text
    assert "a@b.c" not in text
