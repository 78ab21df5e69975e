from __future__ import annotations

import uuid

from sqlalchemy import delete, select

from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import SafetyPlanVersion, TrustedContact


class SafetyPlanRepository(OwnedRepository[SafetyPlanVersion]):
    model = SafetyPlanVersion

    async def latest(self, user_id: uuid.UUID) -> SafetyPlanVersion | None:
        return await self.first(self.owned(user_id).order_by(SafetyPlanVersion.version.desc()))

    async def version(self, user_id: uuid.UUID, version: int) -> SafetyPlanVersion | None:
        return await self.first(self.owned(user_id).where(SafetyPlanVersion.version == version))

    async def history(self, user_id: uuid.UUID) -> list[SafetyPlanVersion]:
        """Every version, newest first."""
        return await self.all(self.owned(user_id).order_by(SafetyPlanVersion.version.desc()))

    async def delete_all(self, user_id: uuid.UUID) -> int:
        statement = delete(SafetyPlanVersion).where(SafetyPlanVersion.user_id == user_id)
        result = await self.session.execute(statement)
        return int(result.rowcount)  # type: ignore[attr-defined]


class ContactRepository(OwnedRepository[TrustedContact]):
    model = TrustedContact

    async def list_for(self, user_id: uuid.UUID) -> list[TrustedContact]:
        return await self.all(self.owned(user_id).order_by(TrustedContact.created_at))

    async def by_token_hash(self, token_hash: str) -> TrustedContact | None:
        statement = select(TrustedContact).where(
            TrustedContact.confirmation_token_hash == token_hash
        )
        return await self.first(statement)
