"""Password hashing, access tokens and opaque secrets, without a database."""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest

from mindtrack.config import AuthSettings
from mindtrack.kit.security import (
    AccessTokens,
    InvalidTokenError,
    PasswordHashing,
    hash_opaque_token,
    new_opaque_token,
)

PASSWORD = "correct horse battery"
CHEAP: dict[str, Any] = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1}
SETTINGS = AuthSettings(**CHEAP)
KEY = SETTINGS.secret_key.get_secret_value()


@pytest.fixture(scope="module")
def passwords() -> PasswordHashing:
    return PasswordHashing(SETTINGS)


@pytest.fixture(scope="module")
def tokens() -> AccessTokens:
    return AccessTokens(SETTINGS)


def claims(**changes: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "iss": SETTINGS.issuer,
        "sub": str(uuid.uuid4()),
        "sid": str(uuid.uuid4()),
        "type": "access",
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": uuid.uuid4().hex,
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def sign(values: dict[str, Any], key: str = KEY, algorithm: str = "HS256") -> str:
    return jwt.encode(values, key, algorithm=algorithm)


# --- passwords --------------------------------------------------------------------------


def test_hash_is_argon2id_with_configured_parameters(passwords: PasswordHashing) -> None:
    password_hash = passwords.hash(PASSWORD)

    assert password_hash.startswith("$argon2id$")
    assert "m=1024,t=1,p=1" in password_hash
    assert PASSWORD not in password_hash


def test_hash_is_salted(passwords: PasswordHashing) -> None:
    first, second = passwords.hash(PASSWORD), passwords.hash(PASSWORD)

    assert first != second
    assert passwords.verify(first, PASSWORD)
    assert passwords.verify(second, PASSWORD)


def test_verify_rejects_wrong_password(passwords: PasswordHashing) -> None:
    password_hash = passwords.hash(PASSWORD)

    assert passwords.verify(password_hash, "correct horse battery!") is False
    assert passwords.verify(password_hash, PASSWORD.upper()) is False
    assert passwords.verify(password_hash, "") is False


@pytest.mark.parametrize("password", [PASSWORD, "", "anything at all"])
def test_verify_against_no_hash_is_false(passwords: PasswordHashing, password: str) -> None:
    assert passwords.verify(None, password) is False


@pytest.mark.parametrize(
    "password_hash",
    ["", "not-a-hash", "$argon2id$v=19$m=1024,t=1,p=1$broken", hashlib.sha256(b"x").hexdigest()],
)
def test_verify_against_malformed_hash_is_false(
    passwords: PasswordHashing, password_hash: str
) -> None:
    assert passwords.verify(password_hash, PASSWORD) is False


def test_hash_made_with_old_parameters_still_verifies(passwords: PasswordHashing) -> None:
    old = PasswordHashing(AuthSettings(**{**CHEAP, "argon2_time_cost": 2})).hash(PASSWORD)

    assert passwords.verify(old, PASSWORD)


def test_needs_rehash_is_false_for_current_parameters(passwords: PasswordHashing) -> None:
    assert passwords.needs_rehash(passwords.hash(PASSWORD)) is False


@pytest.mark.parametrize(
    "changed",
    [{"argon2_time_cost": 2}, {"argon2_memory_kib": 2048}, {"argon2_parallelism": 2}],
)
def test_needs_rehash_when_parameters_change(
    passwords: PasswordHashing, changed: dict[str, int]
) -> None:
    newer = PasswordHashing(AuthSettings(**{**CHEAP, **changed}))

    assert newer.needs_rehash(passwords.hash(PASSWORD)) is True
    assert newer.needs_rehash(newer.hash(PASSWORD)) is False


# --- access tokens ----------------------------------------------------------------------


def test_issued_token_decodes_to_its_claims(tokens: AccessTokens) -> None:
    user_id, session_id = uuid.uuid4(), uuid.uuid4()

    token, expires_at = tokens.issue(user_id, session_id)
    decoded = tokens.decode(token)

    assert decoded.user_id == user_id
    assert decoded.session_id == session_id
    assert re.fullmatch(r"[0-9a-f]{32}", decoded.token_id)
    assert decoded.expires_at == expires_at.replace(microsecond=0)


def test_issue_uses_configured_lifetime(tokens: AccessTokens) -> None:
    before = datetime.now(UTC)

    _token, expires_at = tokens.issue(uuid.uuid4(), uuid.uuid4())

    lifetime = expires_at - before
    assert timedelta(minutes=60) <= lifetime < timedelta(minutes=60, seconds=5)


def test_each_issued_token_has_its_own_id(tokens: AccessTokens) -> None:
    user_id, session_id = uuid.uuid4(), uuid.uuid4()

    first = tokens.decode(tokens.issue(user_id, session_id)[0])
    second = tokens.decode(tokens.issue(user_id, session_id)[0])

    assert first.token_id != second.token_id


def test_decode_rejects_expired_token(tokens: AccessTokens) -> None:
    token, _ = tokens.issue(uuid.uuid4(), uuid.uuid4(), ttl=timedelta(seconds=-10))

    with pytest.raises(InvalidTokenError, match="expired"):
        tokens.decode(token)


def test_decode_rejects_token_from_another_issuer(tokens: AccessTokens) -> None:
    elsewhere = AccessTokens(AuthSettings(**CHEAP, issuer="someone-else"))
    token, _ = elsewhere.issue(uuid.uuid4(), uuid.uuid4())

    with pytest.raises(InvalidTokenError):
        tokens.decode(token)


def test_decode_rejects_token_signed_with_another_key(tokens: AccessTokens) -> None:
    with pytest.raises(InvalidTokenError):
        tokens.decode(sign(claims(), key="another-secret-key-of-sufficient-length"))


def test_decode_rejects_other_algorithm_with_the_same_key(tokens: AccessTokens) -> None:
    with pytest.raises(InvalidTokenError):
        tokens.decode(sign(claims(), algorithm="HS384"))


@pytest.mark.parametrize("missing", ["iss", "sub", "sid", "type", "iat", "exp", "jti"])
def test_decode_rejects_token_missing_a_claim(tokens: AccessTokens, missing: str) -> None:
    token = sign(claims(**{missing: None}))

    with pytest.raises(InvalidTokenError):
        tokens.decode(token)


@pytest.mark.parametrize("kind", ["refresh", "ACCESS", ""])
def test_decode_rejects_token_of_another_type(tokens: AccessTokens, kind: str) -> None:
    with pytest.raises(InvalidTokenError, match="cannot be used"):
        tokens.decode(sign(claims(type=kind)))


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"sid": "not-a-uuid"}, id="sid-not-a-uuid"),
        pytest.param({"sub": "not-a-uuid"}, id="sub-not-a-uuid"),
        pytest.param({"sid": 12345}, id="sid-a-number"),
        pytest.param({"sid": ["a", "list"]}, id="sid-a-list"),
        pytest.param({"sub": 12345}, id="sub-a-number"),
    ],
)
def test_decode_rejects_malformed_identifiers(
    tokens: AccessTokens, changes: dict[str, Any]
) -> None:
    with pytest.raises(InvalidTokenError):
        tokens.decode(sign(claims(**changes)))


@pytest.mark.parametrize("token", ["", "null", "garbage", "a.b.c", "a.b"])
def test_decode_rejects_garbage(tokens: AccessTokens, token: str) -> None:
    with pytest.raises(InvalidTokenError, match="Invalid access token"):
        tokens.decode(token)


# --- opaque tokens ----------------------------------------------------------------------


def test_hash_opaque_token_is_sha256_hex() -> None:
    token = new_opaque_token()

    assert hash_opaque_token(token) == hashlib.sha256(token.encode()).hexdigest()
    assert hash_opaque_token(token) == hash_opaque_token(token)
    assert re.fullmatch(r"[0-9a-f]{64}", hash_opaque_token(token))


def test_hash_opaque_token_differs_per_token() -> None:
    assert hash_opaque_token("token-one") != hash_opaque_token("token-two")


def test_new_opaque_tokens_are_long_url_safe_and_unique() -> None:
    issued = {new_opaque_token() for _ in range(100)}

    assert len(issued) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", token) for token in issued)
