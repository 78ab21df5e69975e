"""The service as real processes on loopback, for tests that need more than one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_environment(**settings: str) -> dict[str, str]:
    """This process's environment without its MINDTRACK_ settings, plus `settings`, with
    cheap password hashing (the algorithm and code path are the real ones)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINDTRACK_")}
    env["MINDTRACK_AUTH__ARGON2_MEMORY_KIB"] = "1024"
    env.update(settings)
    return env


@contextmanager
def running(args: list[str], *, cwd: Path, env: dict[str, str], port: int) -> Iterator[str]:
    """Starts `python -m <args>` and yields its base URL once `/ready` answers 200."""
    process = subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=cwd,
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
            pytest.fail(f"{args[0]} did not become ready within 120 s")
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
