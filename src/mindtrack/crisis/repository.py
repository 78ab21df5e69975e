from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select

from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import (
    CrisisIncident,
    IncidentEvent,
    IncidentStatus,
    RiskAssessmentRecord,
    SafetyPlanVersion,
    TrustedContact,
)


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


class IncidentRepository(OwnedRepository[CrisisIncident]):
    model = CrisisIncident

    async def open_for(self, user_id: uuid.UUID) -> CrisisIncident | None:
        """The incident not yet resolved, if any (there is at most one)."""
        statement = self.owned(user_id).where(CrisisIncident.status != IncidentStatus.RESOLVED)
        return await self.first(statement.order_by(CrisisIncident.opened_at.desc()))

    async def opened_since(self, user_id: uuid.UUID, since: datetime) -> int:
        statement = select(func.count()).where(
            CrisisIncident.user_id == user_id, CrisisIncident.opened_at >= since
        )
        return int((await self.session.execute(statement)).scalar_one())

    async def recent(self, user_id: uuid.UUID, limit: int) -> list[CrisisIncident]:
        statement = self.owned(user_id).order_by(CrisisIncident.opened_at.desc())
        return await self.all(statement.limit(limit))

    async def timeline(self, incident_id: uuid.UUID) -> list[IncidentEvent]:
        statement = (
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == incident_id)
            .order_by(IncidentEvent.at, IncidentEvent.kind)
        )
        return list((await self.session.execute(statement)).scalars())

    async def unacknowledged(
        self, levels: list[str], opened_before: datetime
    ) -> list[CrisisIncident]:
        """Everyone's open incidents at these levels, older than a moment, not yet escalated."""
        escalated = select(IncidentEvent.id).where(
            IncidentEvent.incident_id == CrisisIncident.id, IncidentEvent.kind == "escalated"
        )
        statement = select(CrisisIncident).where(
            CrisisIncident.status == IncidentStatus.OPEN,
            CrisisIncident.level.in_(levels),
            CrisisIncident.opened_at <= opened_before,
            ~escalated.exists(),
        )
        return await self.all(statement.order_by(CrisisIncident.opened_at))

    async def alert_by_token_hash(self, token_hash: str) -> IncidentEvent | None:
        statement = select(IncidentEvent).where(IncidentEvent.ack_token_hash == token_hash)
        return (await self.session.execute(statement.limit(1))).scalars().first()

    async def alerts_to(self, contact_id: uuid.UUID, since: datetime) -> list[IncidentEvent]:
        """Alerts sent to a contact since a moment, whatever the incident, newest first."""
        statement = (
            select(IncidentEvent)
            .where(
                IncidentEvent.contact_id == contact_id,
                IncidentEvent.kind == "contact_notified",
                IncidentEvent.at >= since,
            )
            .order_by(IncidentEvent.at.desc())
        )
        return list((await self.session.execute(statement)).scalars())


class AssessmentRepository(OwnedRepository[RiskAssessmentRecord]):
    model = RiskAssessmentRecord

    async def latest(self, user_id: uuid.UUID) -> RiskAssessmentRecord | None:
        order = RiskAssessmentRecord.assessed_at.desc()
        return await self.first(self.owned(user_id).order_by(order))

    async def for_entry(
        self, user_id: uuid.UUID, entry_id: uuid.UUID
    ) -> RiskAssessmentRecord | None:
        """The latest assessment of one check-in."""
        statement = self.owned(user_id).where(RiskAssessmentRecord.entry_id == entry_id)
        return await self.first(statement.order_by(RiskAssessmentRecord.assessed_at.desc()))
