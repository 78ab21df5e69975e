"""The README's walk-through, against a real server process started like `make run` does."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import MODELS_DIR

README_CHECKIN = {
    "score": 7,
    "emotions": ["happy", "calm"],
    "notes": "Productive day",
    "activity": "work",
    "location": "Office",
    "weather": "",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINDTRACK_")}
    env["MINDTRACK_AUTH__ARGON2_MEMORY_KIB"] = "1024"
    # `make run` starts in the repository, next to the shipped models.
    env["MINDTRACK_ML__MODELS_DIR"] = str(MODELS_DIR)
    process = subprocess.Popen(
        [sys.executable, "-m", "mindtrack", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a busy machine starts slowly
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base_url}/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not become ready within 120 s")
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
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
