from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedJSON
from mindtrack.models.base import Base, IdMixin, JSONDocument


class RiskAssessmentRecord(IdMixin, Base):
    """A person's crisis risk as assessed at one moment, with what contributed to it."""

    __tablename__ = "risk_assessments"
    __sealed_owner__ = "user_id"
    __table_args__ = (Index("ix_risk_assessments_user_assessed", "user_id", "assessed_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mood_entries.id", ondelete="SET NULL")
    )
    source: Mapped[str] = mapped_column(String(16))  # checkin | questionnaire | conversation
    level: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    factors: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument)
    # Spans of the note that triggered the text signal: sealed, never logged.
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(SealedJSON)
    assessed_at: Mapped[datetime]


class IncidentStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


class CrisisIncident(IdMixin, Base):
    """A period of raised risk, from the first assessment at or above the configured level
    until someone resolves it; later risky check-ins update it instead of opening another."""

    __tablename__ = "crisis_incidents"
    __table_args__ = (Index("ix_crisis_incidents_user_status", "user_id", "status"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))  # the highest seen while open
    opened_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]


class IncidentEvent(IdMixin, Base):
    """One step of an incident's timeline: who did what, and when."""

    __tablename__ = "incident_events"

    incident_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crisis_incidents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))  # system, user, or contact:<id>
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("trusted_contacts.id", ondelete="SET NULL")
    )
    # For an alert: SHA-256 of the one-time token in the contact's "I'm reaching out" link.
    ack_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    at: Mapped[datetime]
