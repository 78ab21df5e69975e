"""Sign-in with an OpenID provider, end to end against a real certified provider on
loopback: authorization code with PKCE, state and nonce, ID tokens checked against the
provider's keys; accounts created or linked only on a verified email."""

from __future__ import annotations

import base64
import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey
from pydantic import SecretStr

from mindtrack.auth.oidc import OidcProvider, SignInRejectedError, apple_client_secret, new_secret
from mindtrack.config import OidcProviderSettings, OidcSettings, Settings
from tests.conftest import Account, make_settings
from tests.openid_provider import CLIENT_ID, CLIENT_SECRET, OTHER_CLIENT_ID, OpenIdProvider

OIDC = "/api/v1/auth/oidc/local"


def oidc_settings(provider: OpenIdProvider, client_id: str = CLIENT_ID) -> OidcSettings:
    config = OidcProviderSettings(
        client_id=client_id,
        client_secret=SecretStr(CLIENT_SECRET),
        metadata_url=provider.metadata_url,
    )
    return OidcSettings(providers={"local": config}, redirect_base_url="http://127.0.0.1:8000")


@pytest.fixture
def settings(database_url: str, openid_provider: OpenIdProvider) -> Settings:
    return make_settings(database_url, oidc=oidc_settings(openid_provider))


async def sign_in(
    client: httpx.AsyncClient, openid_provider: OpenIdProvider, login: str
) -> httpx.Response:
    started = await client.get(f"{OIDC}/start")
    assert started.status_code == 302, started.text
    assert "mindtrack_oidc_state" in started.headers["set-cookie"]
    query = parse_qs(urlsplit(started.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["nonce"]
    assert query["state"]
    back = openid_provider.sign_in(started.headers["location"], login)
    return await client.get(f"{OIDC}/callback", params=back)


async def test_the_first_sign_in_creates_an_account_and_the_next_finds_it(
    client: httpx.AsyncClient, openid_provider: OpenIdProvider
) -> None:
    assert (await client.get("/api/v1/auth/oidc")).json() == ["local"]
    first = await sign_in(client, openid_provider, "alice")
    assert first.status_code == 200, first.text
    me = first.json()["user"]
    assert (me["username"], me["email"], me["full_name"]) == (
        "alice",
        "alice@example.com",
        "Alice Example",
    )
    headers = {"Authorization": f"Bearer {first.json()['access_token']}"}
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 200
    again = await sign_in(client, openid_provider, "alice")
    assert again.json()["user"]["id"] == me["id"]


async def test_a_verified_email_links_the_existing_account_an_unverified_one_does_not(
    client: httpx.AsyncClient, openid_provider: OpenIdProvider, make_account: Any
) -> None:
    owner: Account = await make_account(username="taken", email="taken@example.com")
    refused = await sign_in(client, openid_provider, "unverified")
    assert refused.status_code == 401
    assert "sign in with your password first" in refused.json()["detail"]
    linked = await sign_in(client, openid_provider, "verified-taken")
    assert linked.status_code == 200, linked.text
    assert linked.json()["user"]["id"] == str(owner.user.id)


async def test_a_callback_is_refused_without_this_browsers_state_or_a_second_time(
    client: httpx.AsyncClient, openid_provider: OpenIdProvider
) -> None:
    started = await client.get(f"{OIDC}/start")
    back = openid_provider.sign_in(started.headers["location"], "alice")
    client.cookies.clear()  # another browser
    elsewhere = await client.get(f"{OIDC}/callback", params=back)
    assert elsewhere.status_code == 401
    assert "did not start in this browser" in elsewhere.json()["detail"]

    started = await client.get(f"{OIDC}/start")
    back = openid_provider.sign_in(started.headers["location"], "alice")
    assert (await client.get(f"{OIDC}/callback", params=back)).status_code == 200
    client.cookies.set("mindtrack_oidc_state", back["state"], path="/api/v1/auth/oidc")
    replay = await client.get(f"{OIDC}/callback", params=back)
    assert replay.status_code == 401
    assert "expired or was already used" in replay.json()["detail"]
    cancelled = await client.get(f"{OIDC}/callback", params={"error": "access_denied"})
    assert cancelled.status_code == 401


async def test_an_unknown_provider_is_not_found(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/auth/oidc/myspace/start")).status_code == 404


async def real_id_token(
    openid_provider: OpenIdProvider, client_id: str, nonce: str
) -> tuple[OidcProvider, str]:
    provider = OidcProvider("local", oidc_settings(openid_provider, client_id))
    verifier = new_secret()
    url = await provider.authorization_url(state=new_secret(), nonce=nonce, code_verifier=verifier)
    back = openid_provider.sign_in(url, "alice")
    return provider, await provider.exchange(back["code"], verifier)


def _claims(token: str) -> dict[str, Any]:
    """The token's claims, unchecked."""
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def _tampered(token: str) -> str:
    header, _, signature = token.split(".")
    claims = _claims(token)
    claims["email"] = "mallory@example.com"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


async def test_id_tokens_are_checked_for_signature_nonce_audience_and_expiry(
    openid_provider: OpenIdProvider,
) -> None:
    provider, token = await real_id_token(openid_provider, CLIENT_ID, nonce="n-1")
    identity = await provider.validate(token, nonce="n-1")
    assert (identity.subject, identity.email, identity.email_verified) == (
        "alice",
        "alice@example.com",
        True,
    )
    with pytest.raises(SignInRejectedError):
        await provider.validate(_tampered(token), nonce="n-1")
    with pytest.raises(SignInRejectedError):
        await provider.validate(token, nonce="another nonce")
    expires = _claims(token)["exp"]
    with pytest.raises(SignInRejectedError):
        await provider.validate(token, nonce="n-1", now=expires + 60)
    # A genuine token the provider issued to another application.
    _, foreign = await real_id_token(openid_provider, OTHER_CLIENT_ID, nonce="n-2")
    with pytest.raises(SignInRejectedError):
        await provider.validate(foreign, nonce="n-2")


def test_apples_client_secret_is_a_short_lived_token_signed_with_the_teams_key() -> None:
    key = ECKey.generate_key("P-256")
    settings = OidcProviderSettings(
        client_id="app.mindtrack.signin",
        apple_team_id="TEAM123456",
        apple_key_id="KEY1234567",
        apple_private_key=SecretStr(key.as_pem(private=True).decode()),
    )
    now = int(time.time())
    secret = apple_client_secret(settings, now=now)
    token = jwt.decode(secret, ECKey.import_key(key.as_pem(private=False)), algorithms=["ES256"])
    assert token.header == {"alg": "ES256", "kid": "KEY1234567", "typ": "JWT"}
    assert token.claims == {
        "iss": "TEAM123456",
        "iat": now,
        "exp": now + 300,
        "aud": "https://appleid.apple.com",
        "sub": "app.mindtrack.signin",
    }
