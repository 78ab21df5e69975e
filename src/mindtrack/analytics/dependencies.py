from typing import Annotated

from fastapi import Depends

from mindtrack.analytics.service import AnalyticsService
from mindtrack.kit.dependencies import DbSession


async def get_analytics_service(session: DbSession) -> AnalyticsService:
    return AnalyticsService(session)


AnalyticsServiceDep = Annotated[AnalyticsService, Depends(get_analytics_service)]
