"""Account creation outside HTTP (what `mindtrack users create` runs)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.config import PrivacySettings, Settings
from mindtrack.kit.db import create_session_factory
from mindtrack.models import Role, User
from mindtrack.privacy.keyring import Keyring
from mindtrack.user.admin import create_account
from tests.conftest import DEFAULT_PASSWORD


async def stored_users(engine: AsyncEngine) -> list[User]:
    async with create_session_factory(
        engine, Keyring.from_settings(PrivacySettings())
    )() as session:
        return list((await session.execute(select(User))).scalars())


async def test_create_account_persists_the_account(engine: AsyncEngine, settings: Settings) -> None:
    created = await create_account(
        engine, settings, "Ada@Example.com", "ada", "admin", "Ada Lovelace", DEFAULT_PASSWORD
    )

    [stored] = await stored_users(engine)
    assert stored.id == created.id
    assert (stored.username, stored.email, stored.role) == ("ada", "ada@example.com", Role.ADMIN)
    assert stored.full_name == "Ada Lovelace"


async def test_created_account_can_sign_in(
    client: httpx.AsyncClient, engine: AsyncEngine, settings: Settings
) -> None:
    await create_account(engine, settings, "ada@example.com", "ada", "user", None, DEFAULT_PASSWORD)

    response = await client.post(
        "/api/v1/auth/login", json={"username": "ada", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200


async def test_create_account_derives_username_from_email(
    engine: AsyncEngine, settings: Settings
) -> None:
    created = await create_account(
        engine, settings, "ada+notes@example.com", None, "therapist", None, DEFAULT_PASSWORD
    )

    assert created.username == "adanotes"
    assert [user.username for user in await stored_users(engine)] == ["adanotes"]


async def test_create_account_refuses_taken_email_with_readable_reason(
    engine: AsyncEngine, settings: Settings
) -> None:
    await create_account(engine, settings, "ada@example.com", "ada", "user", None, DEFAULT_PASSWORD)

    with pytest.raises(ValueError, match="Email already registered"):
        await create_account(
            engine, settings, "ADA@example.com", "other", "user", None, DEFAULT_PASSWORD
        )

    assert len(await stored_users(engine)) == 1


@pytest.mark.parametrize(
    ("role", "password", "reason"),
    [
        ("superuser", DEFAULT_PASSWORD, "Unknown role 'superuser'"),
        ("user", "short", "password"),
    ],
)
async def test_create_account_rejects_invalid_input(
    engine: AsyncEngine, settings: Settings, role: str, password: str, reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        await create_account(engine, settings, "ada@example.com", "ada", role, None, password)

    assert await stored_users(engine) == []
