from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin, JSONDocument


class PopulationSnapshot(IdMixin, Base):
    """One day's differentially private release of a cohort's figures (see
    analytics/population.py). Only noisy figures are stored, never the raw ones. A cohort too
    small to show keeps a row without figures, so that its count is not drawn again (and
    averaged out) on the same day."""

    __tablename__ = "population_snapshots"
    __table_args__ = (UniqueConstraint("cohort", "period_days", "released_on"),)

    cohort: Mapped[str] = mapped_column(String(40))  # "everyone" or "country:GB"
    period_days: Mapped[int] = mapped_column(Integer)
    released_on: Mapped[date]
    members: Mapped[int] = mapped_column(Integer)
    mean_average: Mapped[float | None] = mapped_column(Float)
    mean_slope_per_week: Mapped[float | None] = mapped_column(Float)
    histogram: Mapped[list[int] | None] = mapped_column(JSONDocument)
    epsilon: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
