"""HTTP behaviour of registration, sign-in, token rotation, sign-out and password changes,
on /api/v1/auth and on the frontend's /api/auth paths (which mount the same handlers)."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.app import create_app
from mindtrack.auth.service import Credentials
from mindtrack.config import AuthSettings, Settings
from mindtrack.kit.security import hash_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.models import AuthSession, RefreshToken, User
from tests.conftest import DEFAULT_PASSWORD, Account, make_settings

REGISTER_PATHS = ["/api/v1/auth/register", "/api/auth/register"]
LOGIN_PATHS = ["/api/v1/auth/login", "/api/auth/login"]
ME_PATHS = ["/api/v1/users/me", "/api/auth/me"]
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
PASSWORD = "/api/v1/auth/password"
MISSING = object()
THIRTY_DAYS = 30 * 24 * 3600


def registration(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "username": "ada",
        "email": "ada@example.com",
        "password": DEFAULT_PASSWORD,
        "full_name": "Ada Lovelace",
        "timezone": "Europe/London",
        "locale": "en-GB",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not MISSING}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body


def assert_unauthorized(response: httpx.Response) -> dict[str, Any]:
    body = assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    return body


def assert_validation_failed(response: httpx.Response, field: str) -> dict[str, Any]:
    body = assert_problem(response, 422)
    assert [error["field"] for error in body["errors"]].count(field) >= 1, body["errors"]
    return body


async def login(
    client: httpx.AsyncClient, username: str, password: str, path: str = LOGIN_PATHS[0]
) -> httpx.Response:
    return await client.post(path, json={"username": username, "password": password})


async def refresh(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post(REFRESH, json={"refresh_token": token})


async def me(client: httpx.AsyncClient, access_token: str) -> httpx.Response:
    return await client.get("/api/v1/users/me", headers=bearer(access_token))


async def second_session(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    """Signs the same account in again, as from another device."""
    response = await login(client, account.user.username, account.password)
    assert response.status_code == 200
    tokens: dict[str, Any] = response.json()
    return tokens


async def deactivate(db: AsyncSession, user_id: uuid.UUID) -> None:
    await db.execute(update(User).where(User.id == user_id).values(is_active=False))
    await db.commit()


async def expire_sessions(db: AsyncSession, user_id: uuid.UUID) -> None:
    await db.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user_id)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    await db.commit()


# --- registration -----------------------------------------------------------------------


@pytest.mark.parametrize("path", REGISTER_PATHS)
async def test_register_creates_account_and_returns_201_profile(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.post(path, json=registration())

    assert response.status_code == 201
    body = response.json()
    assert (body["username"], body["email"], body["full_name"]) == (
        "ada",
        "ada@example.com",
        "Ada Lovelace",
    )
    assert "confirm your address" in body["detail"]
    assert not {"id", "password", "password_hash"} & body.keys()
    profile = (await login(client, "ada", DEFAULT_PASSWORD)).json()["user"]
    assert (profile["timezone"], profile["locale"], profile["role"]) == (
        "Europe/London",
        "en-GB",
        "user",
    )
    assert profile["is_active"] is True


async def test_register_defaults_timezone_and_locale(client: httpx.AsyncClient) -> None:
    body = registration(timezone=MISSING, locale=MISSING, full_name=MISSING)

    response = await client.post(REGISTER_PATHS[0], json=body)

    assert response.status_code == 201
    assert response.json()["full_name"] is None
    profile = (await login(client, "ada", DEFAULT_PASSWORD)).json()["user"]
    assert (profile["timezone"], profile["locale"]) == ("UTC", "en")


@pytest.mark.parametrize("full_name", [None, "", "   "])
async def test_register_accepts_missing_full_name(
    client: httpx.AsyncClient, full_name: str | None
) -> None:
    response = await client.post(REGISTER_PATHS[0], json=registration(full_name=full_name))

    assert response.status_code == 201
    assert response.json()["full_name"] is None


async def test_register_then_login_with_the_new_account(client: httpx.AsyncClient) -> None:
    await client.post(REGISTER_PATHS[1], json=registration())

    response = await login(client, "ada", DEFAULT_PASSWORD)

    assert response.status_code == 200
    assert response.json()["user"]["username"] == "ada"


@pytest.mark.parametrize("path", REGISTER_PATHS)
@pytest.mark.parametrize("taken", ["ada", "ADA", "Ada"])
async def test_register_duplicate_username_in_any_case_is_409(
    client: httpx.AsyncClient, path: str, taken: str
) -> None:
    assert (await client.post(path, json=registration())).status_code == 201

    response = await client.post(
        path, json=registration(username=taken, email="someone.else@example.com")
    )

    assert assert_problem(response, 409)["detail"] == "Username already taken"


@pytest.mark.parametrize("path", REGISTER_PATHS)
@pytest.mark.parametrize("taken", ["ada@example.com", "ADA@EXAMPLE.COM", "Ada@Example.com"])
async def test_register_with_a_taken_email_answers_as_for_a_new_one_and_creates_nothing(
    client: httpx.AsyncClient, path: str, taken: str
) -> None:
    first = await client.post(path, json=registration())
    assert first.status_code == 201

    response = await client.post(path, json=registration(username="other", email=taken))

    assert response.status_code == 201
    assert {k: v for k, v in response.json().items() if k != "username"} == {
        k: v for k, v in first.json().items() if k != "username"
    }
    assert (await login(client, "other", DEFAULT_PASSWORD)).status_code == 401


async def test_register_stores_email_normalised(client: httpx.AsyncClient) -> None:
    response = await client.post(
        REGISTER_PATHS[0], json=registration(email="Ada.Lovelace@EXAMPLE.com")
    )

    assert response.status_code == 201
    assert response.json()["email"] == "ada.lovelace@example.com"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"password": "short12"}, "password", id="password-too-short"),
        pytest.param({"password": "p" * 129}, "password", id="password-too-long"),
        pytest.param({"email": "not-an-email"}, "email", id="email-without-at"),
        pytest.param({"email": "ada@"}, "email", id="email-without-domain"),
        pytest.param({"username": "ab"}, "username", id="username-too-short"),
        pytest.param({"username": "a" * 51}, "username", id="username-too-long"),
        pytest.param({"username": "ada lovelace"}, "username", id="username-with-space"),
        pytest.param({"username": "ada@home"}, "username", id="username-with-at"),
        pytest.param({"username": "adá"}, "username", id="username-non-ascii"),
        pytest.param({"full_name": "x" * 101}, "full_name", id="full-name-too-long"),
        pytest.param({"timezone": "Mars/Olympus_Mons"}, "timezone", id="unknown-timezone"),
        pytest.param({"timezone": "+02:00"}, "timezone", id="offset-is-not-a-timezone"),
        pytest.param({"locale": "english!"}, "locale", id="bad-locale"),
        pytest.param({"username": 12345}, "username", id="username-not-a-string"),
        pytest.param({"password": ["a", "list"]}, "password", id="password-not-a-string"),
        pytest.param({"full_name": 42}, "full_name", id="full-name-not-a-string"),
        pytest.param({"email": MISSING}, "email", id="email-missing"),
        pytest.param({"password": MISSING}, "password", id="password-missing"),
    ],
)
async def test_register_invalid_field_is_422_problem(
    client: httpx.AsyncClient, overrides: dict[str, object], field: str
) -> None:
    response = await client.post(REGISTER_PATHS[0], json=registration(**overrides))

    body = assert_validation_failed(response, field)
    assert body["title"] == "Validation failed"
    assert field in body["detail"]
    assert all({"field", "message", "type"} <= error.keys() for error in body["errors"])


async def test_frontend_register_reports_invalid_fields_as_422_problem(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        REGISTER_PATHS[1], json=registration(username="a b", email="nope", password="short")
    )

    body = assert_validation_failed(response, "username")
    assert {error["field"] for error in body["errors"]} == {"username", "email", "password"}


async def test_register_does_not_echo_rejected_password(client: httpx.AsyncClient) -> None:
    response = await client.post(REGISTER_PATHS[0], json=registration(password="secret7"))

    assert_validation_failed(response, "password")
    assert "secret7" not in response.text


@pytest.mark.parametrize("path", [REGISTER_PATHS[0], LOGIN_PATHS[0], REFRESH])
async def test_malformed_json_is_422_problem(client: httpx.AsyncClient, path: str) -> None:
    response = await client.post(
        path, content=b'{"username": "ada",', headers={"Content-Type": "application/json"}
    )

    body = assert_validation_failed(response, "body")
    assert body["detail"] == "The request body is not valid JSON."


@pytest.mark.parametrize("payload", [[], "ada", 42, None])
async def test_register_body_that_is_not_an_object_is_422_problem(
    client: httpx.AsyncClient, payload: object
) -> None:
    response = await client.post(REGISTER_PATHS[0], json=payload)

    assert_problem(response, 422)
    assert response.json()["errors"]


# --- sign-in ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", LOGIN_PATHS)
async def test_login_returns_bearer_tokens_and_profile(
    client: httpx.AsyncClient, account: Account, path: str
) -> None:
    response = await login(client, account.user.username, account.password, path)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["refresh_expires_in"] == THIRTY_DAYS
    assert isinstance(body["access_token"], str)
    assert body["access_token"]
    assert isinstance(body["refresh_token"], str)
    assert len(body["refresh_token"]) >= 43
    assert body["user"]["username"] == account.user.username
    assert body["user"]["id"] == str(account.user.id)
    assert body["user"]["last_login_at"] is not None


@pytest.mark.parametrize("path", ME_PATHS)
async def test_access_token_from_login_identifies_the_user(
    client: httpx.AsyncClient, account: Account, path: str
) -> None:
    tokens = (await login(client, account.user.username, account.password)).json()

    response = await client.get(path, headers=bearer(tokens["access_token"]))

    assert response.status_code == 200
    assert response.json()["username"] == account.user.username
    assert response.json()["email"] == account.user.email


@pytest.mark.parametrize(
    "identifier",
    [
        "Ada_L",
        "ada_l",
        "ADA_L",
        "  ada_l  ",
        "ada.lovelace@example.com",
        "ADA.LOVELACE@EXAMPLE.COM",
        "Ada.Lovelace@Example.com",
    ],
)
async def test_login_by_username_or_email_in_any_case(
    client: httpx.AsyncClient, make_account: Callable[..., Any], identifier: str
) -> None:
    await make_account(username="Ada_L", email="Ada.Lovelace@Example.com")

    response = await login(client, identifier, DEFAULT_PASSWORD)

    assert response.status_code == 200
    assert response.json()["user"]["username"] == "Ada_L"


async def test_login_wrong_password_and_unknown_user_are_indistinguishable(
    client: httpx.AsyncClient, account: Account
) -> None:
    wrong_password = await login(client, account.user.username, "not the password")
    unknown_user = await login(client, "nobody-here", DEFAULT_PASSWORD)
    unknown_email = await login(client, "nobody@example.com", DEFAULT_PASSWORD)

    bodies = [assert_unauthorized(r) for r in (wrong_password, unknown_user, unknown_email)]
    assert {body["detail"] for body in bodies} == {"Invalid username/email or password"}
    assert {body["type"] for body in bodies} == {bodies[0]["type"]}


async def test_login_password_is_case_sensitive(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await login(client, account.user.username, account.password.upper())

    assert_unauthorized(response)


@pytest.mark.parametrize("path", LOGIN_PATHS)
async def test_login_to_deactivated_account_is_403(
    client: httpx.AsyncClient, account: Account, db: AsyncSession, path: str
) -> None:
    await deactivate(db, account.user.id)

    response = await login(client, account.user.username, account.password, path)

    body = assert_problem(response, 403)
    assert "deactivated" in body["detail"]


async def test_login_to_deactivated_account_with_wrong_password_is_401(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    await deactivate(db, account.user.id)

    response = await login(client, account.user.username, "not the password")

    assert_unauthorized(response)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "", "password": DEFAULT_PASSWORD}, "username"),
        ({"username": "ada", "password": ""}, "password"),
        ({"password": DEFAULT_PASSWORD}, "username"),
        ({"username": "ada", "password": 12345678}, "password"),
    ],
)
async def test_login_invalid_body_is_422_problem(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    response = await client.post(LOGIN_PATHS[0], json=body)

    assert_validation_failed(response, field)


async def test_login_expires_in_follows_configured_access_ttl(database_url: str) -> None:
    auth = AuthSettings(
        access_ttl_minutes=15, argon2_time_cost=1, argon2_memory_kib=1024, argon2_parallelism=1
    )
    application = create_app(make_settings(database_url, auth=auth))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            assert (await http.post(REGISTER_PATHS[0], json=registration())).status_code == 201
            response = await login(http, "ada", DEFAULT_PASSWORD)

    assert response.json()["expires_in"] == 15 * 60


# --- refresh ----------------------------------------------------------------------------


async def test_refresh_returns_a_new_working_pair(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await refresh(client, account.refresh_token)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    tokens = response.json()
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 3600
    assert 0 < tokens["refresh_expires_in"] <= THIRTY_DAYS
    assert tokens["user"]["username"] == account.user.username
    assert tokens["access_token"] != account.access_token
    assert tokens["refresh_token"] != account.refresh_token
    assert (await me(client, tokens["access_token"])).status_code == 200
    assert (await refresh(client, tokens["refresh_token"])).status_code == 200


async def test_reused_refresh_token_signs_out_its_whole_session_only(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await second_session(client, account)
    rotated = (await refresh(client, account.refresh_token)).json()

    reuse = await refresh(client, account.refresh_token)

    body = assert_unauthorized(reuse)
    assert "already used" in body["detail"]
    # The whole family is revoked: the newest refresh token and every access token.
    assert_unauthorized(await refresh(client, rotated["refresh_token"]))
    assert_unauthorized(await me(client, rotated["access_token"]))
    assert_unauthorized(await me(client, account.access_token))
    # Another session of the same person is untouched.
    assert (await me(client, other["access_token"])).status_code == 200
    assert (await refresh(client, other["refresh_token"])).status_code == 200


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 256])
async def test_unknown_refresh_token_is_401(
    client: httpx.AsyncClient, account: Account, token: str
) -> None:
    response = await refresh(client, token)

    assert assert_unauthorized(response)["detail"] == (
        "Invalid or expired refresh token. Please sign in again."
    )


async def test_expired_refresh_token_is_401(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    await db.execute(
        update(RefreshToken)
        .where(RefreshToken.token_hash == hash_opaque_token(account.refresh_token))
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    await db.commit()

    response = await refresh(client, account.refresh_token)

    assert "expired" in assert_unauthorized(response)["detail"]


async def test_refresh_after_session_expired_is_401(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    await expire_sessions(db, account.user.id)

    assert_unauthorized(await refresh(client, account.refresh_token))


async def test_refresh_for_deactivated_account_is_403(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    await deactivate(db, account.user.id)

    response = await refresh(client, account.refresh_token)

    assert "deactivated" in assert_problem(response, 403)["detail"]


@pytest.mark.parametrize("body", [{}, {"refresh_token": ""}, {"refresh_token": "x" * 257}])
async def test_refresh_invalid_body_is_422_problem(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    assert_validation_failed(await client.post(REFRESH, json=body), "refresh_token")


# --- sign-out ---------------------------------------------------------------------------


async def test_logout_revokes_both_tokens_of_that_session_only(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await second_session(client, account)

    response = await client.post(LOGOUT, headers=account.headers)

    assert response.status_code == 204
    assert response.content == b""
    assert_unauthorized(await me(client, account.access_token))
    assert_unauthorized(await refresh(client, account.refresh_token))
    assert (await me(client, other["access_token"])).status_code == 200
    assert (await refresh(client, other["refresh_token"])).status_code == 200


async def test_logout_ends_access_tokens_issued_by_refresh_too(
    client: httpx.AsyncClient, account: Account
) -> None:
    rotated = (await refresh(client, account.refresh_token)).json()

    assert (await client.post(LOGOUT, headers=bearer(rotated["access_token"]))).status_code == 204

    assert_unauthorized(await me(client, account.access_token))
    assert_unauthorized(await refresh(client, rotated["refresh_token"]))


async def test_access_token_stops_working_when_its_session_expires(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    await expire_sessions(db, account.user.id)

    assert_unauthorized(await me(client, account.access_token))


# --- password change --------------------------------------------------------------------


async def test_change_password_with_wrong_current_password_is_403_and_changes_nothing(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await second_session(client, account)

    response = await client.post(
        PASSWORD,
        headers=account.headers,
        json={"current_password": "not the password", "new_password": "a brand new secret"},
    )

    assert assert_problem(response, 403)["detail"] == "The current password is not correct."
    assert (await login(client, account.user.username, account.password)).status_code == 200
    assert_unauthorized(await login(client, account.user.username, "a brand new secret"))
    assert (await me(client, other["access_token"])).status_code == 200


async def test_change_password_replaces_it_and_signs_out_other_sessions(
    client: httpx.AsyncClient, account: Account
) -> None:
    other = await second_session(client, account)
    new_password = "a brand new secret"

    response = await client.post(
        PASSWORD,
        headers=account.headers,
        json={"current_password": account.password, "new_password": new_password},
    )

    assert response.status_code == 204
    assert_unauthorized(await login(client, account.user.username, account.password))
    assert (await login(client, account.user.username, new_password)).status_code == 200
    assert_unauthorized(await me(client, other["access_token"]))
    assert_unauthorized(await refresh(client, other["refresh_token"]))
    assert (await me(client, account.access_token)).status_code == 200
    assert (await refresh(client, account.refresh_token)).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"current_password": DEFAULT_PASSWORD, "new_password": "short12"}, "new_password"),
        ({"current_password": "", "new_password": "long enough now"}, "current_password"),
        ({"new_password": "long enough now"}, "current_password"),
        (
            {"current_password": DEFAULT_PASSWORD, "new_password": "long enough", "user": "x"},
            "user",
        ),
    ],
)
async def test_change_password_invalid_body_is_422_and_keeps_password(
    client: httpx.AsyncClient, account: Account, body: dict[str, object], field: str
) -> None:
    response = await client.post(PASSWORD, headers=account.headers, json=body)

    assert_validation_failed(response, field)
    assert (await login(client, account.user.username, account.password)).status_code == 200


# --- protected endpoints ----------------------------------------------------------------

PROTECTED = [
    pytest.param("GET", "/api/v1/users/me", None, id="v1-me"),
    pytest.param("PATCH", "/api/v1/users/me", {"locale": "fr"}, id="v1-update-me"),
    pytest.param("GET", "/api/auth/me", None, id="frontend-me"),
    pytest.param("POST", "/api/v1/analysis/text", {"text": "a calm day"}, id="analyse-text"),
    pytest.param(
        "GET", f"/api/v1/checkins/{uuid.UUID(int=1)}/analysis", None, id="checkin-analysis"
    ),
    pytest.param(
        "POST",
        "/api/mood/track-complete",
        {
            "score": 5,
            "emotions": ["calm"],
            "notes": "",
            "activity": "",
            "location": "",
            "weather": "",
        },
        id="frontend-track-complete",
    ),
    pytest.param("POST", LOGOUT, None, id="logout"),
    pytest.param(
        "POST",
        PASSWORD,
        {"current_password": DEFAULT_PASSWORD, "new_password": "a brand new secret"},
        id="password",
    ),
]

AuthHeaders = Callable[[Account, Credentials, Settings], dict[str, str]]


def _session_id(account: Account, credentials: Credentials) -> uuid.UUID:
    return credentials.access_tokens.decode(account.access_token).session_id


def _claims(account: Account, credentials: Credentials, **changes: object) -> dict[str, object]:
    now = utcnow()
    claims: dict[str, object] = {
        "iss": "mindtrack",
        "sub": str(account.user.id),
        "user_id": str(account.user.id),
        "sid": str(_session_id(account, credentials)),
        "type": "access",
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": uuid.uuid4().hex,
    }
    claims.update(changes)
    return claims


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _tampered_signature(account: Account, credentials: Credentials, _: Settings) -> str:
    head, payload, signature = account.access_token.split(".")
    first = "B" if signature[0] != "B" else "C"
    return f"{head}.{payload}.{first}{signature[1:]}"


def _tampered_payload(account: Account, credentials: Credentials, _: Settings) -> str:
    head, payload, signature = account.access_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = claims["user_id"] = str(uuid.uuid4())
    return f"{head}.{_b64(json.dumps(claims).encode())}.{signature}"


def _expired(account: Account, credentials: Credentials, _: Settings) -> str:
    token, _expires = credentials.access_tokens.issue(
        account.user.id, _session_id(account, credentials), ttl=timedelta(seconds=-10)
    )
    return token


def _other_key(account: Account, credentials: Credentials, _: Settings) -> str:
    return jwt.encode(
        _claims(account, credentials), "another-secret-key-of-sufficient-length", "HS256"
    )


def _refresh_type(account: Account, credentials: Credentials, settings: Settings) -> str:
    return jwt.encode(
        _claims(account, credentials, type="refresh"),
        settings.auth.secret_key.get_secret_value(),
        settings.auth.algorithm,
    )


def _unsigned(account: Account, credentials: Credentials, _: Settings) -> str:
    head = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    claims = _claims(account, credentials, iat=0, exp=2**31)
    return f"{head}.{_b64(json.dumps(claims).encode())}."


def _unknown_session(account: Account, credentials: Credentials, _: Settings) -> str:
    token, _expires = credentials.access_tokens.issue(account.user.id, uuid.uuid4())
    return token


def _token(make: Callable[[Account, Credentials, Settings], str]) -> AuthHeaders:
    return lambda account, credentials, settings: bearer(make(account, credentials, settings))


BAD_CREDENTIALS = [
    pytest.param(lambda *_: {}, "Not authenticated", id="no-authorization-header"),
    pytest.param(
        lambda account, *_: {"Authorization": f"Basic {account.access_token}"},
        "Not authenticated",
        id="basic-scheme",
    ),
    pytest.param(lambda *_: {"Authorization": "Bearer"}, "Not authenticated", id="bearer-empty"),
    pytest.param(lambda *_: bearer("null"), "Invalid access token.", id="bearer-null"),
    pytest.param(lambda *_: bearer("garbage.garbage"), "Invalid access token.", id="garbage"),
    pytest.param(_token(_tampered_signature), "Invalid access token.", id="tampered-signature"),
    pytest.param(_token(_tampered_payload), "Invalid access token.", id="tampered-payload"),
    pytest.param(_token(_expired), "Your session has expired. Please sign in again.", id="expired"),
    pytest.param(_token(_other_key), "Invalid access token.", id="signed-with-other-key"),
    pytest.param(_token(_unsigned), "Invalid access token.", id="alg-none"),
    pytest.param(
        _token(_refresh_type),
        "This token cannot be used to access the API.",
        id="refresh-type-token",
    ),
    pytest.param(_token(_unknown_session), "User not found or inactive", id="unknown-session"),
]


@pytest.mark.parametrize(("headers_for", "detail"), BAD_CREDENTIALS)
@pytest.mark.parametrize(("method", "path", "body"), PROTECTED)
async def test_protected_endpoint_rejects_bad_credentials_with_401(
    client: httpx.AsyncClient,
    account: Account,
    credentials: Credentials,
    settings: Settings,
    method: str,
    path: str,
    body: dict[str, object] | None,
    headers_for: AuthHeaders,
    detail: str,
) -> None:
    headers = headers_for(account, credentials, settings)

    response = await client.request(method, path, json=body, headers=headers)

    assert assert_unauthorized(response)["detail"] == detail
    assert response.json()["type"].endswith("/unauthorized")


async def test_rejected_token_changes_nothing(client: httpx.AsyncClient, account: Account) -> None:
    await client.patch("/api/v1/users/me", json={"locale": "fr"}, headers=bearer("garbage"))

    assert (await me(client, account.access_token)).json()["locale"] == "en"


@pytest.mark.parametrize("path", ME_PATHS)
async def test_access_token_of_deactivated_account_is_401(
    client: httpx.AsyncClient, account: Account, db: AsyncSession, path: str
) -> None:
    await deactivate(db, account.user.id)

    response = await client.get(path, headers=account.headers)

    assert assert_unauthorized(response)["detail"] == "User not found or inactive"


async def test_token_naming_another_users_session_is_401(
    client: httpx.AsyncClient, make_account: Callable[..., Any], credentials: Credentials
) -> None:
    victim = await make_account()
    attacker = await make_account()
    victim_session = credentials.access_tokens.decode(victim.access_token).session_id
    token, _expires = credentials.access_tokens.issue(attacker.user.id, victim_session)

    assert_unauthorized(await me(client, token))
