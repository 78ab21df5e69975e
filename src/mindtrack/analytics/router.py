from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mindtrack.analytics.dependencies import (
    AnalyticsReader,
    AnalyticsServiceDep,
    ComparisonServiceDep,
)
from mindtrack.analytics.schemas import (
    Dashboard,
    Insights,
    MoodForecastRead,
    Patterns,
    PopulationComparison,
    TimeSeries,
)
from mindtrack.analytics.service import Window
from mindtrack.analytics.stats import Bucket
from mindtrack.crisis.dependencies import CrisisServiceDep
from mindtrack.kit.errors import ValidationFailedError
from mindtrack.kit.problems import problem_responses

router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"])
# The longest custom range a single request may ask for (ten years of days).
MAX_RANGE_DAYS = 3660


class Period(IntEnum):
    week = 7
    month = 30
    quarter = 90
    year = 365


def window_of(default: Period) -> object:
    """The days a request asks about: `period` days ending with `end`, or `start` to `end`."""

    def window(
        user: AnalyticsReader,
        period: Annotated[
            Period,
            Query(description="Days, ending with `end`: 7, 30, 90 or 365 (ignored with `start`)."),
        ] = default,
        start: Annotated[
            date | None, Query(description="The first day of a custom range (YYYY-MM-DD).")
        ] = None,
        end: Annotated[
            date | None, Query(description="The last day (yours, YYYY-MM-DD); today if omitted.")
        ] = None,
    ) -> Window:
        resolved = Window(user, int(period), end, start)
        if resolved.first > resolved.last:
            raise ValidationFailedError("`start` must be on or before `end` (and not after today).")
        if (resolved.last - resolved.first).days >= MAX_RANGE_DAYS:
            raise ValidationFailedError(f"A range can span at most {MAX_RANGE_DAYS} days.")
        return resolved

    return window


MonthWindow = Annotated[Window, Depends(window_of(Period.month))]
QuarterWindow = Annotated[Window, Depends(window_of(Period.quarter))]


@router.get("/dashboard", responses=problem_responses(401, 422))
async def dashboard(
    user: AnalyticsReader, service: AnalyticsServiceDep, window: MonthWindow
) -> Dashboard:
    """Your check-ins over a period: how many, average and median, the trend with its
    confidence, streaks, best and worst days, emotions chosen and read, and sentiment."""
    return await service.dashboard(user, window)


@router.get("/timeseries", responses=problem_responses(401, 422))
async def time_series(
    user: AnalyticsReader,
    service: AnalyticsServiceDep,
    window: MonthWindow,
    bucket: Annotated[Bucket, Query(description="day or week (weeks begin on Monday).")] = "day",
) -> TimeSeries:
    """Mean, lowest, highest and count of your scores per day or week, with a rolling mean."""
    return await service.time_series(user, window, bucket)


@router.get("/patterns", responses=problem_responses(401, 422))
async def patterns(
    user: AnalyticsReader, service: AnalyticsServiceDep, window: QuarterWindow
) -> Patterns:
    """How weekdays, times of day, activities, places, weather, tags, themes and sleep go with
    your mood — each with its size, interval and a significance corrected for the number of
    comparisons — plus the days your usual mood shifted and the days that dropped sharply."""
    return await service.patterns(user, window)


@router.get("/forecast", responses=problem_responses(401, 422))
async def forecast(
    user: AnalyticsReader,
    service: AnalyticsServiceDep,
    days: Annotated[int, Query(ge=1, le=7, description="How many days ahead (1–7).")] = 7,
) -> MoodForecastRead:
    """Your mood for the next days with 80 % and 95 % ranges and what each forecast rests on.
    With less than a week of check-ins it says so, and its ranges are wide."""
    return await service.forecast(user, days)


@router.get("/insights", responses=problem_responses(401))
async def insights(
    user: AnalyticsReader, service: AnalyticsServiceDep, crisis: CrisisServiceDep
) -> Insights:
    """Statements your figures support — trend, streak, significant patterns, shifts and hard
    days, each with the numbers behind it — and up to three coping strategies chosen for
    where you are now, each with its source."""
    return await service.insights(user, in_crisis=await crisis.has_open_incident(user))


@router.get("/population", responses=problem_responses(401, 403))
async def population(user: AnalyticsReader, service: ComparisonServiceDep) -> PopulationComparison:
    """How your average and trend over the last 30 days compare with everyone's and your
    country's — opt-in only, from cohorts of at least 20 people, with differential-privacy
    noise on every figure released (see docs/analytics.md)."""
    return await service.compare(user)
