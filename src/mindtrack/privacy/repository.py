from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from mindtrack.kit.repository import Repository
from mindtrack.models import AuditEvent, User

# Your own sign-ins, exports and consent changes belong in your access history too, with
# what others did to your data.
OWN_ACTIONS = (
    "sign_in",
    "password_changed",
    "password_reset",
    "session_signed_out",
    "export_requested",
    "export_downloaded",
    "consent_given",
    "consent_withdrawn",
)


class AuditRepository(Repository[AuditEvent]):
    model = AuditEvent

    async def about(self, user_id: uuid.UUID, limit: int) -> list[tuple[AuditEvent, User | None]]:
        rows = await self.session.execute(
            select(AuditEvent, User)
            .outerjoin(User, User.id == AuditEvent.actor_id)
            .where(
                or_(
                    AuditEvent.subject_id == user_id,
                    (AuditEvent.actor_id == user_id) & AuditEvent.action.in_(OWN_ACTIONS),
                )
            )
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        )
        return [(event, actor) for event, actor in rows.all()]
