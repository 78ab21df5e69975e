from typing import Annotated

from fastapi import Depends

from mindtrack.crisis.service import SafetyPlanService
from mindtrack.kit.dependencies import DbSession


async def get_safety_plan_service(session: DbSession) -> SafetyPlanService:
    return SafetyPlanService(session)


SafetyPlanServiceDep = Annotated[SafetyPlanService, Depends(get_safety_plan_service)]
