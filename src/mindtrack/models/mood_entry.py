from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class MoodEntry(IdMixin, TimestampMixin, Base):
    """One check-in: how a person felt at `recorded_at`, in their own words."""

    __tablename__ = "mood_entries"
    __sealed_owner__ = "user_id"
    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 10", name="score_range"),
        CheckConstraint("energy IS NULL OR (energy >= 0 AND energy <= 10)", name="energy_range"),
        CheckConstraint(
            "sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)",
            name="sleep_hours_range",
        ),
        # Newest-first listing and cursor paging within one person's history.
        Index("ix_mood_entries_user_recorded", "user_id", "recorded_at", "id"),
        # Device sync: everything one person changed since a moment.
        Index("ix_mood_entries_user_updated", "user_id", "updated_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(SmallInteger)
    emotions: Mapped[list[str]] = mapped_column(JSONDocument)
    # Free text, sealed under the person's data key; the short context fields beside it are
    # pick-list values that pattern analysis groups by, so they stay queryable.
    notes: Mapped[str | None] = mapped_column(SealedText)
    location: Mapped[str | None] = mapped_column(String(200))
    activity: Mapped[str | None] = mapped_column(String(100))
    weather: Mapped[str | None] = mapped_column(String(50))
    sleep_hours: Mapped[float | None]
    energy: Mapped[int | None] = mapped_column(SmallInteger)
    tags: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    recorded_at: Mapped[datetime]
