from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, ScalarSelect, Table, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.assessment.instruments import InstrumentId
from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import (
    CrisisIncident,
    IncidentEvent,
    IncidentStatus,
    QuestionnaireResponse,
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


_RESPONSES = cast(Table, QuestionnaireResponse.__table__)
_INCIDENTS = cast(Table, CrisisIncident.__table__)


def _latest_phq9(column: ColumnElement[Any]) -> ScalarSelect[Any]:
    return (
        select(column)
        .where(
            _RESPONSES.c.user_id == bindparam("user_id"),
            _RESPONSES.c.instrument == InstrumentId.phq9.value,
        )
        .order_by(_RESPONSES.c.completed_at.desc(), _RESPONSES.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


# Built once on the tables: it runs on every check-in, and making the statement anew costs
# as much CPU as running it.
_RISK_CONTEXT = select(
    _latest_phq9(_RESPONSES.c.self_harm_answer),
    _latest_phq9(_RESPONSES.c.completed_at),
    select(_INCIDENTS.c.level)
    .where(
        _INCIDENTS.c.user_id == bindparam("user_id"),
        _INCIDENTS.c.status != IncidentStatus.RESOLVED.value,
    )
    .order_by(_INCIDENTS.c.opened_at.desc())
    .limit(1)
    .scalar_subquery(),
)


@dataclass(frozen=True, slots=True)
class RiskContext:
    item9: tuple[int, datetime] | None  # the latest PHQ-9's item 9 answer, and when
    open_incident_level: str | None  # the level of the incident not yet resolved, if any


async def risk_context(session: AsyncSession, user_id: uuid.UUID) -> RiskContext:
    """What a risk assessment reads about a person besides their check-ins, in one round
    trip, since it runs on every check-in."""
    answer, completed_at, level = (await session.execute(_RISK_CONTEXT, {"user_id": user_id})).one()
    item9 = (answer or 0, completed_at) if completed_at is not None else None
    return RiskContext(item9=item9, open_incident_level=level)
