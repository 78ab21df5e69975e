from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.models.base import Base, IdMixin


class ConsentPurpose(StrEnum):
    HEALTH_DATA = "health_data"
    AI_ANALYSIS = "ai_analysis"
    POPULATION_COMPARISONS = "population_comparisons"
    RESEARCH = "research"
    CONTACT_ALERTS = "contact_alerts"


class Consent(Base):
    """Where a person stands now on one purpose, and to which version of its wording."""

    __tablename__ = "consents"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    granted: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime]


class ConsentEvent(IdMixin, Base):
    """Each time a consent was given or withdrawn: never changed, never removed (but with
    the account)."""

    __tablename__ = "consent_events"
    __table_args__ = (Index("ix_consent_events_user_recorded", "user_id", "recorded_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(32))
    granted: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[str] = mapped_column(String(16))
    # registration, the person, or the migration that recorded what was implied before.
    source: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime]
