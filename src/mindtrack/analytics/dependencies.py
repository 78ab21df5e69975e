from typing import Annotated

from fastapi import Depends

from mindtrack.analytics.comparisons import ComparisonService
from mindtrack.analytics.service import AnalyticsService
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


async def get_analytics_service(session: DbSession) -> AnalyticsService:
    return AnalyticsService(session)


AnalyticsServiceDep = Annotated[AnalyticsService, Depends(get_analytics_service)]


async def get_comparison_service(session: DbSession) -> ComparisonService:
    return ComparisonService(session)


ComparisonServiceDep = Annotated[ComparisonService, Depends(get_comparison_service)]

AnalyticsReader = Annotated[User, Depends(permit(Resource.ANALYTICS, Action.READ))]
