"""AuthService below HTTP: password storage, hash upgrades, email normalisation and races."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from mindtrack.auth.email_links import EmailLinks
from mindtrack.auth.exceptions import (
    EmailTakenError,
    InvalidCredentialsError,
    InvalidRefreshTokenError,
    RefreshTokenReusedError,
    UsernameTakenError,
)
from mindtrack.auth.repository import RefreshTokenRepository
from mindtrack.auth.schemas import UserRegister
from mindtrack.auth.service import AuthService, Credentials, IssuedTokens, normalize_email
from mindtrack.config import AuthSettings, PrivacySettings
from mindtrack.kit.db import create_session_factory, transaction
from mindtrack.kit.security import hash_opaque_token
from mindtrack.models import AuthSession, OutboxMessage, RefreshToken, User
from mindtrack.privacy.keyring import Keyring
from tests.conftest import DEFAULT_PASSWORD, Account

CHEAP = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1}


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine, Keyring.from_settings(PrivacySettings()))


async def in_transaction(
    sessions: async_sessionmaker[AsyncSession],
    credentials: Credentials,
    work: Callable[[AuthService], Any],
) -> Any:
    """Runs `work` in a unit of work of its own, committed (or rolled back) at the end."""
    async with transaction(sessions) as session:
        return await work(AuthService(session, credentials))


async def stored_user(sessions: async_sessionmaker[AsyncSession], username: str) -> User:
    async with sessions() as session:
        statement = select(User).where(User.username_normalized == username.lower())
        return (await session.execute(statement)).scalar_one()


def registration(**overrides: Any) -> UserRegister:
    values: dict[str, Any] = {
        "username": "ada",
        "email": "ada@example.com",
        "password": DEFAULT_PASSWORD,
    }
    values.update(overrides)
    return UserRegister(**values)


async def test_password_is_stored_as_argon2id_hash(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials
) -> None:
    await in_transaction(sessions, credentials, lambda s: s.register(registration()))

    user = await stored_user(sessions, "ada")

    assert user.password_hash.startswith("$argon2id$")
    assert DEFAULT_PASSWORD not in user.password_hash
    assert credentials.passwords.verify(user.password_hash, DEFAULT_PASSWORD)


async def test_login_upgrades_hash_when_argon2_parameters_change(
    sessions: async_sessionmaker[AsyncSession], account: Account
) -> None:
    old_hash = (await stored_user(sessions, account.user.username)).password_hash
    stronger = Credentials(
        AuthSettings(argon2_time_cost=2, argon2_memory_kib=2048, argon2_parallelism=1)
    )
    assert stronger.passwords.needs_rehash(old_hash)

    await in_transaction(
        sessions,
        stronger,
        lambda s: s.login(account.user.username, account.password, user_agent=None),
    )

    new_hash = (await stored_user(sessions, account.user.username)).password_hash
    assert new_hash != old_hash
    assert "m=2048,t=2,p=1" in new_hash
    assert not stronger.passwords.needs_rehash(new_hash)
    assert stronger.passwords.verify(new_hash, account.password)


async def test_login_keeps_hash_when_parameters_are_unchanged(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials, account: Account
) -> None:
    old_hash = (await stored_user(sessions, account.user.username)).password_hash

    await in_transaction(
        sessions,
        credentials,
        lambda s: s.login(account.user.username, account.password, user_agent=None),
    )

    assert (await stored_user(sessions, account.user.username)).password_hash == old_hash


async def test_failed_login_does_not_rehash(
    sessions: async_sessionmaker[AsyncSession], account: Account
) -> None:
    old_hash = (await stored_user(sessions, account.user.username)).password_hash
    stronger = Credentials(AuthSettings(**{**CHEAP, "argon2_time_cost": 2}))

    with pytest.raises(InvalidCredentialsError):
        await in_transaction(
            sessions,
            stronger,
            lambda s: s.login(account.user.username, "not the password", user_agent=None),
        )

    assert (await stored_user(sessions, account.user.username)).password_hash == old_hash


async def test_concurrent_refreshes_of_one_token_let_only_one_succeed(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials, account: Account
) -> None:
    results = await asyncio.gather(
        in_transaction(sessions, credentials, lambda s: s.refresh(account.refresh_token)),
        in_transaction(sessions, credentials, lambda s: s.refresh(account.refresh_token)),
        return_exceptions=True,
    )

    issued = [r for r in results if isinstance(r, IssuedTokens)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(issued) == 1, results
    assert len(refused) == 1, results
    assert isinstance(refused[0], InvalidRefreshTokenError)
    async with sessions() as session:
        new_tokens = await session.scalar(select(func.count()).select_from(RefreshToken))
    assert new_tokens == 2  # the original one (now used) and exactly one successor


async def test_claim_marks_a_refresh_token_used_only_once_across_sessions(
    sessions: async_sessionmaker[AsyncSession], account: Account
) -> None:
    token_hash = hash_opaque_token(account.refresh_token)
    both_have_read = asyncio.Barrier(2)

    async def claim() -> bool:
        async with transaction(sessions) as session:
            tokens = RefreshTokenRepository(session)
            stored = await tokens.get_by_hash(token_hash)
            assert stored is not None
            assert stored.used_at is None
            await both_have_read.wait()  # each saw it unused before either claims it
            return await tokens.claim(stored.id, at=stored.created_at)

    results = await asyncio.gather(claim(), claim())

    assert sorted(results) == [False, True]


async def test_reusing_a_rotated_refresh_token_revokes_its_session(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials, account: Account
) -> None:
    await in_transaction(sessions, credentials, lambda s: s.refresh(account.refresh_token))

    with pytest.raises(RefreshTokenReusedError):
        await in_transaction(sessions, credentials, lambda s: s.refresh(account.refresh_token))

    async with sessions() as session:
        auth_session = (await session.execute(select(AuthSession))).scalar_one()
    assert auth_session.revoked_at is not None
    assert auth_session.revoked_reason == "refresh_token_reuse"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Ada.Lovelace@EXAMPLE.com", "ada.lovelace@example.com"),
        ("ADA@Example.COM", "ada@example.com"),
        ("ada@BÜCHER.de", "ada@bücher.de"),
        ("ada@xn--bcher-kva.de", "ada@bücher.de"),
    ],
)
async def test_register_stores_normalised_email(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials, given: str, stored: str
) -> None:
    user = await in_transaction(
        sessions, credentials, lambda s: s.register(registration(email=given))
    )

    assert user.email == stored
    assert (await stored_user(sessions, "ada")).email == stored


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (" Ada@Example.COM ", "ada@example.com"),
        ("ada@xn--bcher-kva.de", "ada@bücher.de"),
        ("ADA@BÜCHER.DE", "ada@bücher.de"),
        ("Not An Email", "not an email"),
    ],
)
def test_normalize_email(given: str, expected: str) -> None:
    assert normalize_email(given) == expected


async def test_register_refuses_email_differing_only_in_case_or_idna_form(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials
) -> None:
    await in_transaction(
        sessions, credentials, lambda s: s.register(registration(email="ada@bücher.de"))
    )

    with pytest.raises(EmailTakenError):
        await in_transaction(
            sessions,
            credentials,
            lambda s: s.register(registration(username="ada2", email="ADA@xn--bcher-kva.de")),
        )


async def test_login_with_email_in_other_form_finds_the_account(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials
) -> None:
    await in_transaction(
        sessions, credentials, lambda s: s.register(registration(email="ada@bücher.de"))
    )

    issued = await in_transaction(
        sessions,
        credentials,
        lambda s: s.login(" ADA@xn--BCHER-kva.de ", DEFAULT_PASSWORD, user_agent=None),
    )

    assert issued.user.username == "ada"


@pytest.mark.parametrize(
    ("second", "error"),
    [
        ({"username": "ADA", "email": "other@example.com"}, UsernameTakenError),
        ({"username": "other", "email": "Ada@Example.com"}, EmailTakenError),
    ],
)
async def test_concurrent_registrations_of_one_name_report_a_conflict(
    sessions: async_sessionmaker[AsyncSession],
    credentials: Credentials,
    second: dict[str, str],
    error: type[Exception],
) -> None:
    results = await asyncio.gather(
        in_transaction(sessions, credentials, lambda s: s.register(registration())),
        in_transaction(sessions, credentials, lambda s: s.register(registration(**second))),
        return_exceptions=True,
    )

    assert sum(isinstance(r, User) for r in results) == 1, results
    assert sum(isinstance(r, error) for r in results) == 1, results


async def test_login_records_user_agent_and_time_on_the_new_session(
    sessions: async_sessionmaker[AsyncSession], credentials: Credentials, account: Account
) -> None:
    issued = await in_transaction(
        sessions,
        credentials,
        lambda s: s.login(account.user.username, account.password, user_agent="x" * 300),
    )

    session_id = credentials.access_tokens.decode(issued.access_token).session_id
    async with sessions() as session:
        auth_session = await session.get(AuthSession, session_id)
        user = await session.get(User, account.user.id)
    assert auth_session is not None
    assert auth_session.user_agent == "x" * 255
    assert user is not None
    assert user.last_login_at == auth_session.created_at


async def test_concurrent_sign_ups_with_one_email_make_one_account_and_no_error(
    app: Any, sessions: async_sessionmaker[AsyncSession], credentials: Credentials
) -> None:
    """The loser of the race for an address gets the ordinary answer (and its owner an
    email), not a failure."""

    async def sign_up(username: str) -> None:
        async with transaction(sessions) as session:
            links = EmailLinks(session, app.state.settings)
            await AuthService(session, credentials).sign_up(registration(username=username), links)

    await asyncio.gather(sign_up("ada"), sign_up("ada2"))
    async with sessions() as session:
        users = (await session.execute(select(func.count()).select_from(User))).scalar_one()
        kinds = sorted((await session.execute(select(OutboxMessage.kind))).scalars())
    assert users == 1
    assert kinds == ["already_registered", "verify_email"]
