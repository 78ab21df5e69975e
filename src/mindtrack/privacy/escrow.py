"""The key escrow: the one copy of the people's wrapped data keys kept beside the backups.

Backups never contain data keys. Restoring one takes the keys from the escrow, which is
rewritten whole by every backup and loses a person's key the moment their account is
erased, so an erased person's data stays unreadable in every earlier backup (crypto-
shredding), while everyone else's restores. The escrow is sealed under the key-encryption
key, like the data keys inside it; there is one escrow, replaced, never archived."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from mindtrack.kit.encryption import KeyEncryptionKeys, SealingError, seal, unseal
from mindtrack.kit.filelock import file_lock

ESCROW_FILE = "keys.escrow"
_CONTEXT = b"mindtrack-key-escrow|v1"


@dataclass(frozen=True)
class WrappedKey:
    kek_id: str
    wrapped_key: bytes


class KeyEscrow:
    def __init__(self, directory: Path, keks: KeyEncryptionKeys) -> None:
        self.path = directory / ESCROW_FILE
        self.keks = keks

    def _locked(self) -> AbstractContextManager[bool]:
        return file_lock(self.path.with_suffix(".lock"))

    def _read(self) -> dict[uuid.UUID, WrappedKey]:
        if not self.path.exists():
            return {}
        escrow_kek, _, body = self.path.read_bytes().partition(b"\n")
        try:
            kek = self.keks.by_id(escrow_kek.decode(errors="replace"))
        except SealingError as exc:
            raise SealingError(f"the key escrow cannot be opened: {exc}") from exc
        entries = json.loads(unseal(kek, body, _CONTEXT))
        return {
            uuid.UUID(owner): WrappedKey(kek_id, base64.b64decode(wrapped))
            for owner, (kek_id, wrapped) in entries.items()
        }

    def _write(self, keys: dict[uuid.UUID, WrappedKey]) -> None:
        entries = {
            str(owner): [key.kek_id, base64.b64encode(key.wrapped_key).decode()]
            for owner, key in keys.items()
        }
        body = seal(self.keks.current, json.dumps(entries).encode(), _CONTEXT)
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "wb") as file:
            file.write(self.keks.current_id.encode() + b"\n" + body)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)

    def read(self) -> dict[uuid.UUID, WrappedKey]:
        with self._locked():
            return self._read()

    @contextmanager
    def replacing(self) -> Iterator[Callable[[dict[uuid.UUID, WrappedKey]], None]]:
        """Holds the escrow while a backup takes its snapshot and writes the keys it holds, so
        an erasure committed meanwhile is applied after the write, not lost under it."""
        with self._locked():
            yield self._write

    def rewrap(self) -> int:
        """Re-wraps every escrowed key under the current key-encryption key (after a
        rotation), so that retiring the old one leaves the backups restorable."""
        if not self.path.exists():
            return 0
        with self._locked():
            keys = self._read()
            for owner, key in keys.items():
                data_key = self.keks.unwrap(owner, key.kek_id, key.wrapped_key)
                keys[owner] = WrappedKey(*self.keks.wrap(owner, data_key))
            self._write(keys)
        return len(keys)

    def forget(self, owners: Iterable[uuid.UUID]) -> None:
        """Destroys these people's keys here (their accounts were erased)."""
        gone = set(owners)
        if not self.path.parent.exists():
            return  # no backup was ever made here, so no escrow either
        with self._locked():
            keys = self._read()
            if gone & keys.keys():
                self._write({owner: key for owner, key in keys.items() if owner not in gone})
