from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mindtrack.analytics.schemas import Dashboard
from mindtrack.analytics.service import AnalyticsService
from mindtrack.auth.dependencies import CurrentUser
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses

router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"])


class Period(IntEnum):
    week = 7
    month = 30
    quarter = 90
    year = 365


async def get_analytics_service(session: DbSession) -> AnalyticsService:
    return AnalyticsService(session)


AnalyticsServiceDep = Annotated[AnalyticsService, Depends(get_analytics_service)]


@router.get("/dashboard", responses=problem_responses(401, 422))
async def dashboard(
    user: CurrentUser,
    service: AnalyticsServiceDep,
    period: Annotated[
        Period, Query(description="Days, ending with `end`: 7, 30, 90 or 365.")
    ] = Period.month,
    end: Annotated[
        date | None, Query(description="The last day (yours, YYYY-MM-DD); today if omitted.")
    ] = None,
) -> Dashboard:
    """Your check-ins over a period: how many, average and median, the trend with its
    confidence, streaks, best and worst days, emotions chosen and read, and sentiment."""
    return await service.dashboard(user, int(period), end)
