"""Envelope encryption primitives: AES-256-GCM under data keys, data keys wrapped under a
key-encryption key (KEK) that never enters the database.

A sealed value is ``version (1 byte) | nonce (12) | ciphertext and tag``. The associated data
names the value's place (table, column, owner and row), so a ciphertext moved to another row,
column or person fails to open instead of being read as theirs."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


class SealingError(Exception):
    """A sealed value or wrapped key that cannot be opened: wrong key, moved or altered."""


class Ciphertext(bytes):
    """Bytes as stored in a sealed column, not yet opened."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> Ciphertext:
    nonce = os.urandom(NONCE_BYTES)
    return Ciphertext(
        FORMAT_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)
    )


def unseal(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    if sealed[:1] != FORMAT_VERSION or len(sealed) < 1 + NONCE_BYTES + 16:
        raise SealingError("not a sealed value of a known format")
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except InvalidTag as exc:
        raise SealingError("the value does not open with this key in this place") from exc


def field_context(table: str, column: str, owner_id: uuid.UUID, row_id: uuid.UUID) -> bytes:
    return f"mindtrack-field|{table}.{column}|{owner_id}|{row_id}".encode()


def _wrap_context(owner_id: uuid.UUID) -> bytes:
    return f"mindtrack-data-key|{owner_id}".encode()


def decode_key(text: str) -> bytes:
    """A key written as URL-safe base64 (as `mindtrack keys generate` prints it)."""
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except ValueError as exc:
        raise ValueError("a key-encryption key must be URL-safe base64") from exc
    if len(key) != KEY_BYTES:
        raise ValueError(f"a key-encryption key must be {KEY_BYTES} bytes (got {len(key)})")
    return key


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode().rstrip("=")


@dataclass(frozen=True)
class KeyEncryptionKeys:
    """The KEK that wraps new data keys, and retired ones still accepted while a rotation
    re-wraps the keys they protect. Keys are known by a short fingerprint, never stored."""

    current: bytes = field(repr=False)
    retired: tuple[bytes, ...] = field(default=(), repr=False)

    @staticmethod
    def fingerprint(key: bytes) -> str:
        return hashlib.sha256(b"mindtrack-kek|" + key).hexdigest()[:16]

    @property
    def current_id(self) -> str:
        return self.fingerprint(self.current)

    def wrap(self, owner_id: uuid.UUID, data_key: bytes) -> tuple[str, bytes]:
        return self.current_id, seal(self.current, data_key, _wrap_context(owner_id))

    def by_id(self, kek_id: str) -> bytes:
        """The configured key with this fingerprint, current or retired."""
        for key in (self.current, *self.retired):
            if self.fingerprint(key) == kek_id:
                return key
        raise SealingError(f"key-encryption key {kek_id} is not configured")

    def unwrap(self, owner_id: uuid.UUID, kek_id: str, wrapped: bytes) -> bytes:
        return unseal(self.by_id(kek_id), wrapped, _wrap_context(owner_id))


class Sealed(TypeDecorator[Any]):
    """A column whose values are written only as `Ciphertext`: the unit of work seals them
    (privacy.keyring). Plaintext reaching the database by any other path is refused."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or isinstance(value, Ciphertext):
            return value
        raise SealingError("plaintext offered to a sealed column; write it through the ORM")

    def process_result_value(self, value: Any, dialect: Dialect) -> Ciphertext | None:
        return None if value is None else Ciphertext(value)

    def encode(self, value: Any) -> bytes:
        raise NotImplementedError

    def decode(self, data: bytes) -> Any:
        raise NotImplementedError


class SealedText(Sealed):
    cache_ok = True

    def encode(self, value: Any) -> bytes:
        return str(value).encode()

    def decode(self, data: bytes) -> Any:
        return data.decode()


class SealedJSON(Sealed):
    cache_ok = True

    def encode(self, value: Any) -> bytes:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()

    def decode(self, data: bytes) -> Any:
        return json.loads(data)


class SealedBytes(Sealed):
    cache_ok = True

    def encode(self, value: Any) -> bytes:
        return bytes(value)

    def decode(self, data: bytes) -> Any:
        return data
