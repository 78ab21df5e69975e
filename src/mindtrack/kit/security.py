"""Password hashing, signed access tokens and opaque secrets."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from mindtrack.config import AuthSettings
from mindtrack.kit.time import utcnow

ACCESS_TOKEN_TYPE = "access"  # noqa: S105 - a claim value, not a secret


class PasswordHashing:
    """Argon2id hashing with parameters from settings; old hashes are upgraded on sign-in."""

    def __init__(self, settings: AuthSettings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        # Verifying against this when an account does not exist keeps sign-in timing the
        # same for unknown and known accounts.
        self._decoy_hash = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash or self._decoy_hash, password) and (
                password_hash is not None
            )
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    token_id: str
    expires_at: datetime


class InvalidTokenError(Exception):
    """The token is malformed, tampered with, expired or of the wrong type."""


class AccessTokens:
    """Short-lived JWT access tokens. Each names the sign-in session it belongs to, so
    signing out (or revoking the session) invalidates it before it expires."""

    def __init__(self, settings: AuthSettings) -> None:
        self._key = settings.secret_key.get_secret_value()
        self._algorithm = settings.algorithm
        self._issuer = settings.issuer
        self.ttl = timedelta(minutes=settings.access_ttl_minutes)

    def issue(
        self, user_id: uuid.UUID, session_id: uuid.UUID, *, ttl: timedelta | None = None
    ) -> tuple[str, datetime]:
        issued_at = utcnow()
        expires_at = issued_at + (ttl if ttl is not None else self.ttl)
        claims: dict[str, Any] = {
            "iss": self._issuer,
            "sub": str(user_id),
            "user_id": str(user_id),
            "sid": str(session_id),
            "type": ACCESS_TOKEN_TYPE,
            "iat": issued_at,
            "exp": expires_at,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(claims, self._key, algorithm=self._algorithm), expires_at

    def decode(self, token: str) -> AccessClaims:
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[self._algorithm],
                issuer=self._issuer,
                options={"require": ["exp", "iat", "sub", "sid", "jti", "type"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidTokenError("Your session has expired. Please sign in again.") from exc
        except jwt.PyJWTError as exc:
            raise InvalidTokenError("Invalid access token.") from exc
        if claims.get("type") != ACCESS_TOKEN_TYPE:
            raise InvalidTokenError("This token cannot be used to access the API.")
        try:
            return AccessClaims(
                user_id=uuid.UUID(claims["sub"]),
                session_id=uuid.UUID(claims["sid"]),
                token_id=claims["jti"],
                expires_at=datetime.fromtimestamp(claims["exp"], UTC),
            )
        except (ValueError, TypeError, AttributeError) as exc:  # e.g. a non-string `sid`
            raise InvalidTokenError("Invalid access token.") from exc


def new_opaque_token() -> str:
    """A random bearer secret (refresh tokens, one-time links): 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_opaque_token(token: str) -> str:
    """Stored form of an opaque token. The secret is random and long, so a fast hash is
    enough: there is nothing to brute-force, and lookups stay one indexed equality."""
    return hashlib.sha256(token.encode()).hexdigest()
