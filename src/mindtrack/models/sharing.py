from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin, JSONDocument


class ShareScope(StrEnum):
    MOOD_SCORES = "mood_scores"
    EMOTIONS = "emotions"
    NOTES = "notes"
    AI_ANALYSIS = "ai_analysis"
    ASSESSMENTS = "assessments"
    CRISIS_INCIDENTS = "crisis_incidents"
    SAFETY_PLAN = "safety_plan"


class GrantStatus(StrEnum):
    PENDING = "pending"  # waiting for the therapist to accept
    ACTIVE = "active"  # until `expires_at`
    DECLINED = "declined"
    REVOKED = "revoked"


class SharingGrant(IdMixin, Base):
    """A person lets a therapist see chosen parts of their record for a while."""

    __tablename__ = "sharing_grants"
    __table_args__ = (Index("ix_sharing_grants_therapist_status", "therapist_id", "status"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    therapist_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scopes: Mapped[list[str]] = mapped_column(JSONDocument)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class ClinicianNote(IdMixin, Base):
    """A therapist's note about a patient: private to the therapist, or shown to the patient."""

    __tablename__ = "clinician_notes"
    # Sealed under the patient's key: it is about them, and goes when their account does.
    __sealed_owner__ = "patient_id"
    __table_args__ = (Index("ix_clinician_notes_patient_created", "patient_id", "created_at"),)

    therapist_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(SealedText)
    visible_to_patient: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PatientDataAccess(IdMixin, Base):
    """One read of a patient's data by a therapist, for the patient to see."""

    __tablename__ = "patient_data_access"
    __table_args__ = (Index("ix_patient_data_access_patient_at", "patient_id", "at"),)

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    therapist_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    grant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sharing_grants.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(default=utcnow)
