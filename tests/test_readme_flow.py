"""The README's walk-through, against a real server process started like `make run` does."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import MODELS_DIR
from tests.processes import clean_environment, free_port, running

README_CHECKIN = {
    "score": 7,
    "emotions": ["happy", "calm"],
    "notes": "Productive day",
    "activity": "work",
    "location": "Office",
    "weather": "",
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    # `make run` starts in the repository, next to the shipped models.
    env = clean_environment(MINDTRACK_ML__MODELS_DIR=str(MODELS_DIR))
    with running(
        ["mindtrack", "serve", "--port", str(port)], cwd=tmp_path, env=env, port=port
    ) as url:
        yield url
    # The embedded database was created and migrated on first start, in var/.
    assert (tmp_path / "var" / "mindtrack.db").exists()


@pytest.mark.slow
def test_register_login_checkin_and_history_over_real_http(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as http:
        registered = http.post(
            "/api/v1/auth/register",
            json={
                "username": "ada",
                "email": "ada@example.com",
                "password": "correct horse battery",
            },
        )
        assert registered.status_code == 201
        login = http.post(
            "/api/v1/auth/login", json={"username": "ada", "password": "correct horse battery"}
        )
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        created = http.post("/api/v1/checkins", json=README_CHECKIN, headers=headers)
        assert created.status_code == 201
        history = http.get("/api/mood/history", params={"limit": 10}, headers=headers).json()
        assert [entry["notes"] for entry in history["entries"]] == ["Productive day"]
        listed = http.get("/api/v1/checkins", headers=headers).json()
        assert listed["items"][0]["emotions"] == ["happy", "calm"]
