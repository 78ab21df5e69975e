"""Data keys: one per person, made when the account is, wrapped under the key-encryption
key, unwrapped on first use and kept in memory (bounded) for the life of the process."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from mindtrack.config import PrivacySettings
from mindtrack.kit.db import transaction
from mindtrack.kit.encryption import KeyEncryptionKeys, SealingError, new_key
from mindtrack.kit.time import utcnow
from mindtrack.models import DataKey

CACHE_SIZE = 10_000


class DataKeyMissingError(SealingError):
    """The person's data key is gone (their account was erased): their data cannot be read."""


class Keyring:
    """Unwrapped data keys of recently active people, and the KEKs that unwrap the rest."""

    def __init__(self, keks: KeyEncryptionKeys, cache_size: int = CACHE_SIZE) -> None:
        self.keks = keks
        self._cache: OrderedDict[uuid.UUID, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: PrivacySettings) -> Keyring:
        return cls(settings.key_encryption_keys())

    def cached(self, owner_id: uuid.UUID) -> bytes | None:
        with self._lock:
            key = self._cache.get(owner_id)
            if key is not None:
                self._cache.move_to_end(owner_id)
            return key

    def remember(self, owner_id: uuid.UUID, key: bytes) -> None:
        with self._lock:
            self._cache[owner_id] = key
            self._cache.move_to_end(owner_id)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def forget(self, owner_ids: Iterable[uuid.UUID]) -> None:
        with self._lock:
            for owner_id in owner_ids:
                self._cache.pop(owner_id, None)

    def new_data_key(self, owner_id: uuid.UUID) -> tuple[bytes, DataKey]:
        key = new_key()
        kek_id, wrapped = self.keks.wrap(owner_id, key)
        return key, DataKey(user_id=owner_id, kek_id=kek_id, wrapped_key=wrapped)

    def stored_key(self, connection: Connection, owner_id: uuid.UUID) -> bytes | None:
        row = connection.execute(
            select(DataKey.kek_id, DataKey.wrapped_key).where(DataKey.user_id == owner_id)
        ).one_or_none()
        if row is None:
            return None
        return self.keks.unwrap(owner_id, row.kek_id, row.wrapped_key)

    def _find_key(self, session: Session, owner_id: uuid.UUID) -> bytes | None:
        key = self.cached(owner_id) or _pending_keys(session).get(owner_id)
        if key is None:
            key = self.stored_key(session.connection(), owner_id)
            if key is not None:
                self.remember(owner_id, key)
        return key

    def read_key(self, session: Session, owner_id: uuid.UUID) -> bytes:
        """The key that opens the owner's sealed values."""
        key = self._find_key(session, owner_id)
        if key is None:
            raise DataKeyMissingError(f"no data key for {owner_id}: the data cannot be opened")
        return key

    def write_key(self, session: Session, owner_id: uuid.UUID) -> bytes:
        """The key to seal the owner's values under, made now for accounts that have none
        (created outside the ORM, or before encryption at rest)."""
        key = self._find_key(session, owner_id)
        if key is not None:
            return key
        connection = session.connection()
        _, row = self.new_data_key(owner_id)
        insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
        connection.execute(
            insert(DataKey)
            .values(
                user_id=owner_id,
                kek_id=row.kek_id,
                wrapped_key=row.wrapped_key,
                created_at=utcnow(),
            )
            .on_conflict_do_nothing(index_elements=[DataKey.user_id])
        )
        # Another transaction may have made one first; theirs is the one stored.
        stored = self.stored_key(connection, owner_id)
        if stored is None:
            raise DataKeyMissingError(f"no data key could be made for {owner_id}")
        _pending_keys(session)[owner_id] = stored
        return stored


def _pending_keys(session: Session) -> dict[uuid.UUID, bytes]:
    """Keys made in this transaction: cached only once it commits, so a rollback cannot leave
    the process sealing with a key that was never stored."""
    pending: dict[uuid.UUID, bytes] = session.info.setdefault("pending_data_keys", {})
    return pending


def session_keyring(session: Session) -> Keyring:
    keyring = session.info.get("keyring")
    if not isinstance(keyring, Keyring):
        raise SealingError("this session has no keyring; create it with create_session_factory")
    return keyring


def add_key_for_new_account(session: Session, owner_id: uuid.UUID) -> None:
    """Made before the flush that inserts the account (its values are sealed in that flush),
    stored after it (the key row refers to the account's)."""
    key, row = session_keyring(session).new_data_key(owner_id)
    _pending_keys(session)[owner_id] = key
    session.info.setdefault("data_keys_to_store", []).append(row)


def store_new_account_keys(session: Session, _flush: object = None) -> None:
    rows: list[DataKey] = session.info.pop("data_keys_to_store", [])
    if rows:
        session.connection().execute(
            insert(DataKey),
            [
                {
                    "user_id": row.user_id,
                    "kek_id": row.kek_id,
                    "wrapped_key": row.wrapped_key,
                    "created_at": utcnow(),
                }
                for row in rows
            ],
        )


def keep_committed_keys(session: Session) -> None:
    for owner_id, key in session.info.pop("pending_data_keys", {}).items():
        session_keyring(session).remember(owner_id, key)


def drop_pending_keys(session: Session) -> None:
    session.info.pop("pending_data_keys", None)
    session.info.pop("data_keys_to_store", None)


async def rewrap_data_keys(
    sessions: async_sessionmaker[AsyncSession], keks: KeyEncryptionKeys, batch_size: int = 200
) -> int:
    """Re-wraps every data key not yet under the current KEK, one committed batch at a time,
    while the service runs: readers unwrap either form as long as the retired KEK is still
    configured. Returns how many keys were re-wrapped."""
    done = 0
    while True:
        async with transaction(sessions) as session:
            outdated = (
                await session.scalars(
                    select(DataKey)
                    .where(DataKey.kek_id != keks.current_id)
                    .limit(batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            for row in outdated:
                key = keks.unwrap(row.user_id, row.kek_id, row.wrapped_key)
                row.kek_id, row.wrapped_key = keks.wrap(row.user_id, key)
                row.rewrapped_at = utcnow()
        if not outdated:
            return done
        done += len(outdated)
