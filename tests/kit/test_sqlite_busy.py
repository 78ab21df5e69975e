"""SQLite has one write lock: a write that cannot get it in time is refused cleanly."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from mindtrack.config import DatabaseSettings, MLSettings
from tests.conftest import make_settings, serving

PASSWORD = "correct horse battery"


async def test_a_write_that_waits_too_long_for_the_lock_is_answered_busy_and_saves_nothing(
    backend: str, database_url: str
) -> None:
    if backend != "sqlite":
        pytest.skip("PostgreSQL locks rows, not the whole database")
    settings = make_settings(
        database_url,
        database=DatabaseSettings(url=database_url, sqlite_busy_timeout_ms=100),
        ml=MLSettings(enabled=False),
    )
    async with serving(settings) as (_, http):
        account = {"username": "ada", "email": "ada@example.com", "password": PASSWORD}
        assert (await http.post("/api/v1/auth/register", json=account)).status_code == 201
        login = await http.post(
            "/api/v1/auth/login", json={"username": "ada", "password": PASSWORD}
        )
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        checkin = {"score": 6, "emotions": ["calm"], "notes": "Walked by the river"}

        # Another process (a backup, a second server) holds the write lock throughout.
        other_writer = sqlite3.connect(str(make_url(database_url).database), timeout=0)
        other_writer.execute("BEGIN IMMEDIATE")
        try:
            refused = await http.post("/api/v1/checkins", json=checkin, headers=headers)
        finally:
            other_writer.rollback()
            other_writer.close()

        assert refused.status_code == 503
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.headers["retry-after"] == "1"
        problem = refused.json()
        assert problem["type"].endswith("/busy")
        assert "nothing from this request was saved" in problem["detail"]
        listed = await http.get("/api/v1/checkins", headers=headers)
        assert listed.json()["items"] == []

        retried = await http.post("/api/v1/checkins", json=checkin, headers=headers)
        assert retried.status_code == 201
        listed = await http.get("/api/v1/checkins", headers=headers)
        assert [item["notes"] for item in listed.json()["items"]] == ["Walked by the river"]
