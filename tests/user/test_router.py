"""Reading and changing your own profile at /api/v1/users/me."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Account

ME = "/api/v1/users/me"


async def patch_me(
    client: httpx.AsyncClient, account: Account, body: dict[str, Any]
) -> httpx.Response:
    return await client.patch(ME, json=body, headers=account.headers)


async def read_me(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    response = await client.get(ME, headers=account.headers)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


async def test_read_me_returns_own_profile(client: httpx.AsyncClient, account: Account) -> None:
    body = await read_me(client, account)

    assert body["id"] == str(account.user.id)
    assert body["username"] == account.user.username
    assert body["email"] == account.user.email
    assert body["role"] == "user"
    assert body["timezone"] == "UTC"
    assert body["locale"] == "en"
    assert body["full_name"] is None
    assert body["is_active"] is True
    assert body["last_login_at"] is not None
    assert not {"password", "password_hash"} & body.keys()


async def test_read_me_is_not_cacheable_across_users(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.get(ME, headers=account.headers)

    assert "authorization" in response.headers["vary"].lower()
    assert response.headers["cache-control"] == "private, no-cache"


async def test_each_token_sees_its_own_account(
    client: httpx.AsyncClient, make_account: Any
) -> None:
    first = await make_account()
    second = await make_account()

    assert (await read_me(client, first))["username"] == first.user.username
    assert (await read_me(client, second))["username"] == second.user.username


async def test_update_me_changes_timezone_locale_and_full_name(
    client: httpx.AsyncClient, account: Account
) -> None:
    changes = {"timezone": "America/New_York", "locale": "pt-BR", "full_name": "Ada Lovelace"}

    response = await patch_me(client, account, changes)

    assert response.status_code == 200
    assert {key: response.json()[key] for key in changes} == changes
    assert {key: (await read_me(client, account))[key] for key in changes} == changes


async def test_update_me_leaves_omitted_fields_unchanged(
    client: httpx.AsyncClient, account: Account
) -> None:
    await patch_me(client, account, {"timezone": "Asia/Tokyo", "full_name": "Ada"})

    response = await patch_me(client, account, {"locale": "fr"})

    assert response.status_code == 200
    body = response.json()
    assert (body["timezone"], body["full_name"], body["locale"]) == ("Asia/Tokyo", "Ada", "fr")


@pytest.mark.parametrize("cleared", [None, "", "   "])
async def test_update_me_clears_full_name(
    client: httpx.AsyncClient, account: Account, cleared: str | None
) -> None:
    await patch_me(client, account, {"full_name": "Ada Lovelace"})

    response = await patch_me(client, account, {"full_name": cleared})

    assert response.status_code == 200
    assert response.json()["full_name"] is None
    assert (await read_me(client, account))["full_name"] is None


async def test_update_me_trims_full_name(client: httpx.AsyncClient, account: Account) -> None:
    response = await patch_me(client, account, {"full_name": "  Ada Lovelace  "})

    assert response.json()["full_name"] == "Ada Lovelace"


@pytest.mark.parametrize("field", ["timezone", "locale"])
async def test_update_me_null_for_required_field_keeps_it(
    client: httpx.AsyncClient, account: Account, field: str
) -> None:
    before = await read_me(client, account)

    response = await patch_me(client, account, {field: None})

    assert response.status_code == 200
    assert response.json()[field] == before[field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"timezone": "Mars/Olympus_Mons"}, "timezone", id="unknown-timezone"),
        pytest.param({"timezone": "utc+2"}, "timezone", id="offset-timezone"),
        pytest.param({"timezone": ""}, "timezone", id="empty-timezone"),
        pytest.param({"locale": "english!"}, "locale", id="bad-locale"),
        pytest.param({"locale": "e"}, "locale", id="one-letter-locale"),
        pytest.param({"locale": 7}, "locale", id="locale-not-a-string"),
        pytest.param({"full_name": "x" * 101}, "full_name", id="full-name-too-long"),
        pytest.param({"role": "admin"}, "role", id="role-is-not-editable"),
        pytest.param({"is_active": False}, "is_active", id="is-active-is-not-editable"),
        pytest.param({"username": "someone"}, "username", id="username-is-not-editable"),
        pytest.param({"colour": "blue"}, "colour", id="unknown-field"),
    ],
)
async def test_update_me_invalid_change_is_422_and_changes_nothing(
    client: httpx.AsyncClient, account: Account, body: dict[str, Any], field: str
) -> None:
    before = await read_me(client, account)

    response = await patch_me(client, account, {"locale": "fr", **body})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert isinstance(problem["detail"], str)
    assert field in [error["field"] for error in problem["errors"]]
    assert await read_me(client, account) == before


async def test_update_me_with_malformed_json_is_422(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.patch(
        ME,
        content=b'{"locale": ',
        headers={**account.headers, "Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PATCH", {"locale": "fr"})], ids=["read", "update"]
)
async def test_me_without_token_is_401(
    client: httpx.AsyncClient, method: str, body: dict[str, Any] | None
) -> None:
    response = await client.request(method, ME, json=body)

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["detail"] == "Not authenticated"
