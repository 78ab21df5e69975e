"""Erasing an account: every row about the person goes, and their data key with it, here and
in the key escrow, so what earlier backups hold of them can no longer be read."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import uuid
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.config import Settings
from mindtrack.models import User
from mindtrack.privacy import audit
from mindtrack.privacy.escrow import KeyEscrow
from mindtrack.privacy.keyring import Keyring


def erasure_pseudonym(secret: str, user_id: uuid.UUID) -> str:
    """Stands for the account in the audit trail once it is gone: whoever still knows the
    account's id (and the service's secret) can confirm the erasure; the trail alone cannot
    say whose it was."""
    return hmac.new(secret.encode(), user_id.bytes, hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Eraser:
    settings: Settings
    keyring: Keyring

    def pseudonym(self, user_id: uuid.UUID) -> str:
        return erasure_pseudonym(self.settings.auth.secret_key.get_secret_value(), user_id)

    async def erase(self, session: AsyncSession, user_id: uuid.UUID, *, by: str) -> None:
        """Deletes the account (its rows cascade) and records that, then, once committed,
        destroys every copy of the data key."""
        await audit.record(session, "account_erased", pseudonym=self.pseudonym(user_id), by=by)
        await session.execute(delete(User).where(User.id == user_id))
        await session.commit()
        self.keyring.forget([user_id])
        escrow = KeyEscrow(self.settings.backup.directory, self.keyring.keks)
        await asyncio.to_thread(escrow.forget, [user_id])
