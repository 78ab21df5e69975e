"""A real OpenID Provider on loopback: node-oidc-provider (OpenID Certified), from
tests/oidc. The `openid_provider` fixture starts it once per test session and signs people
in through its own login and consent pages, as a browser would."""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.processes import free_port

HERE = Path(__file__).resolve().parent / "oidc"
CALLBACK = "http://127.0.0.1:8000/api/v1/auth/oidc/{name}/callback"
CLIENT_ID, CLIENT_SECRET = "mindtrack", "mindtrack-test-secret"
OTHER_CLIENT_ID = "another-app"
ACCOUNTS = {
    "alice": {"email": "alice@example.com", "email_verified": True, "name": "Alice Example"},
    "unverified": {"email": "taken@example.com", "email_verified": False, "name": "Not Verified"},
    "verified-taken": {"email": "taken@example.com", "email_verified": True},
}


@dataclass
class OpenIdProvider:
    issuer: str

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def sign_in(self, authorization_url: str, login: str) -> dict[str, str]:
        """Signs `login` in at the provider and consents; returns the query the provider
        sends back to the callback (`code`, `state`, ...)."""
        with httpx.Client(follow_redirects=False, timeout=10) as browser:
            response = browser.get(authorization_url)
            for _ in range(12):
                if response.status_code in (302, 303):
                    location = str(response.url.join(response.headers["location"]))
                    if location.startswith("http://127.0.0.1:8000/"):
                        return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
                    response = browser.get(location)
                    continue
                match = re.search(
                    r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', response.text, re.S
                )
                assert match, response.text[:500]
                action, form = match.groups()
                data = dict(
                    re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
                )
                if 'name="login"' in form:
                    data.update(login=login, password="any")
                response = browser.post(action, data=data)
        raise AssertionError("the provider never sent the browser back")


def _install() -> None:
    """`npm ci` once, even when several test workers start at the same moment."""
    npm = shutil.which("npm")
    assert npm, "npm is needed to run the OpenID Provider for the sign-in tests"
    with open(HERE / "package.json", "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (HERE / "node_modules" / "oidc-provider").exists():
                subprocess.run(
                    [npm, "ci", "--no-audit", "--no-fund", "--silent"],
                    cwd=HERE,
                    check=True,
                    timeout=600,
                )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def openid_provider() -> Iterator[OpenIdProvider]:
    _install()
    port = free_port()
    clients = [
        {
            "client_id": client,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [CALLBACK.format(name="local")],
        }
        for client in (CLIENT_ID, OTHER_CLIENT_ID)
    ]
    env = {
        "PATH": str(Path(shutil.which("node") or "node").parent),
        "PORT": str(port),
        "CLIENTS": json.dumps(clients),
        "ACCOUNTS": json.dumps(ACCOUNTS),
    }
    node = shutil.which("node")
    assert node, "Node.js is needed to run the OpenID Provider for the sign-in tests"
    process = subprocess.Popen(
        [node, "provider.mjs"],
        cwd=HERE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "ready":
                break
        else:
            pytest.fail("the OpenID Provider did not start")
        yield OpenIdProvider(issuer=f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
