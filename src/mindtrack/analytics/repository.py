from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.models import CheckinAnalysis, MoodDay, MoodEntry, PopulationSnapshot, User


class Observed(NamedTuple):
    recorded_at: datetime
    score: int
    activity: str | None
    location: str | None
    weather: str | None
    sleep_hours: float | None
    tags: list[str]
    themes: list[str] | None


class AnalyticsRepository:
    """Reads across one person's check-ins and their analyses, columns only."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def days(self, user_id: uuid.UUID, first: date, last: date) -> Sequence[Row[Any]]:
        """The person's day summaries from `first` to `last` (their own days), oldest first,
        as rows with the columns of `mood_days` (plain rows: no objects to track)."""
        columns = [c for c in MoodDay.__table__.columns if c.name != "user_id"]
        statement = (
            select(*columns)
            .where(MoodDay.user_id == user_id, MoodDay.day >= first, MoodDay.day <= last)
            .order_by(MoodDay.day)
        )
        return (await self.session.execute(statement)).all()

    async def circumstances(
        self, user_id: uuid.UUID, start: datetime, end: datetime
    ) -> list[Observed]:
        """Each check-in in [start, end) with what it recorded around it and the themes read
        in its note (None when the note was not analysed)."""
        statement = (
            select(
                MoodEntry.recorded_at,
                MoodEntry.score,
                MoodEntry.activity,
                MoodEntry.location,
                MoodEntry.weather,
                MoodEntry.sleep_hours,
                MoodEntry.tags,
                CheckinAnalysis.themes,
            )
            .outerjoin(CheckinAnalysis, CheckinAnalysis.entry_id == MoodEntry.id)
            .where(
                MoodEntry.user_id == user_id,
                MoodEntry.recorded_at >= start,
                MoodEntry.recorded_at < end,
            )
            .order_by(MoodEntry.recorded_at)
        )
        return [Observed(*row) for row in (await self.session.execute(statement)).all()]

    async def scores(
        self, user_id: uuid.UUID, start: datetime, end: datetime
    ) -> list[tuple[datetime, int]]:
        """(recorded_at, score) of each check-in in [start, end), oldest first."""
        statement = (
            select(MoodEntry.recorded_at, MoodEntry.score)
            .where(
                MoodEntry.user_id == user_id,
                MoodEntry.recorded_at >= start,
                MoodEntry.recorded_at < end,
            )
            .order_by(MoodEntry.recorded_at)
        )
        return [tuple(row) for row in (await self.session.execute(statement)).all()]  # type: ignore[misc]

    async def opted_in_scores(
        self, start: datetime, end: datetime
    ) -> list[tuple[uuid.UUID, str, str, datetime, int]]:
        """(user id, timezone, locale, recorded_at, score) of every check-in in [start, end)
        by people who take part in population comparisons."""
        statement = (
            select(User.id, User.timezone, User.locale, MoodEntry.recorded_at, MoodEntry.score)
            .join(MoodEntry, MoodEntry.user_id == User.id)
            .where(
                User.population_opt_in_at.is_not(None),
                User.is_active.is_(True),
                MoodEntry.recorded_at >= start,
                MoodEntry.recorded_at < end,
            )
            .order_by(User.id, MoodEntry.recorded_at)
        )
        return [tuple(row) for row in (await self.session.execute(statement)).all()]  # type: ignore[misc]

    async def latest_release(
        self, cohort: str, period_days: int, since: date | None = None
    ) -> PopulationSnapshot | None:
        """The newest shown release of a cohort (released on or after `since`, if given)."""
        statement = (
            select(PopulationSnapshot)
            .where(
                PopulationSnapshot.cohort == cohort,
                PopulationSnapshot.period_days == period_days,
                PopulationSnapshot.mean_average.is_not(None),
                PopulationSnapshot.released_on >= (since or date.min),
            )
            .order_by(PopulationSnapshot.released_on.desc())
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def released_on(self, day: date, period_days: int) -> bool:
        statement = select(PopulationSnapshot.id).where(
            PopulationSnapshot.released_on == day, PopulationSnapshot.period_days == period_days
        )
        return (await self.session.execute(statement.limit(1))).first() is not None
