from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Float, ForeignKey, Integer, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.models.base import Base, JSONDocument


class MoodDay(Base):
    """One person's check-ins of one of their own days, summed up: what dashboards, time
    series and forecasts read, so that they stay fast however long the history grows. Kept
    up to date in the transaction that changes a check-in or its analysis (see
    analytics/daily.py); never the source of truth."""

    __tablename__ = "mood_days"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)
    score_sum: Mapped[int] = mapped_column(Integer)
    score_min: Mapped[int] = mapped_column(SmallInteger)
    score_max: Mapped[int] = mapped_column(SmallInteger)
    # How many check-ins had each score 0–10: medians without reading the check-ins.
    score_counts: Mapped[list[int]] = mapped_column(JSONDocument)
    valence_sum: Mapped[float] = mapped_column(Float)
    valence_count: Mapped[int] = mapped_column(Integer)
    chosen_emotions: Mapped[dict[str, int]] = mapped_column(JSONDocument)
    detected_emotions: Mapped[dict[str, int]] = mapped_column(JSONDocument)
