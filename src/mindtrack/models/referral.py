from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class TherapistProfile(TimestampMixin, Base):
    """What a therapist shows in the directory."""

    __tablename__ = "therapist_profiles"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    display_name: Mapped[str] = mapped_column(String(100))
    credentials: Mapped[str] = mapped_column(String(200))
    specialties: Mapped[list[str]] = mapped_column(JSONDocument)
    languages: Mapped[list[str]] = mapped_column(JSONDocument)
    country: Mapped[str] = mapped_column(String(2), index=True)
    accepting_new_clients: Mapped[bool] = mapped_column(Boolean, index=True)
    bio: Mapped[str | None] = mapped_column(Text)


class ReferralStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class Referral(IdMixin, TimestampMixin, Base):
    """A person's request to start working with a therapist, and the therapist's answer."""

    __tablename__ = "referrals"
    __sealed_owner__ = "user_id"
    __table_args__ = (
        Index("ix_referrals_user_status", "user_id", "status"),
        Index("ix_referrals_therapist_status", "therapist_id", "status"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    therapist_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    # The person's note to the therapist: sealed, never logged.
    message: Mapped[str | None] = mapped_column(SealedText)
    answered_at: Mapped[datetime | None]
