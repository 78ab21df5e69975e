"""A person's view of the audit trail."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.models import User
from mindtrack.privacy.repository import AuditRepository
from mindtrack.privacy.schemas import AccessEvent


class PrivacyService:
    def __init__(self, session: AsyncSession) -> None:
        self.audit = AuditRepository(session)

    async def access_history(self, user: User, limit: int) -> list[AccessEvent]:
        return [
            AccessEvent(
                at=event.at,
                action=event.action,
                by=event.actor_id,
                by_name=(actor.full_name or actor.username) if actor else None,
                by_role=actor.role if actor else None,
                detail=event.detail,
            )
            for event, actor in await self.audit.about(user.id, limit)
        ]
