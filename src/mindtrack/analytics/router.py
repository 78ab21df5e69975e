from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Annotated

from fastapi import APIRouter, Query

from mindtrack.analytics.dependencies import AnalyticsServiceDep
from mindtrack.analytics.schemas import Dashboard
from mindtrack.auth.dependencies import CurrentUser
from mindtrack.kit.problems import problem_responses

router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"])


class Period(IntEnum):
    week = 7
    month = 30
    quarter = 90
    year = 365


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
