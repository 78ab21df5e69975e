from typing import Annotated

from fastapi import Depends, Request

from mindtrack.crisis.contacts import TrustedContactService
from mindtrack.crisis.incidents import CrisisService
from mindtrack.crisis.referrals import ReferralService
from mindtrack.crisis.service import SafetyPlanService
from mindtrack.kit.dependencies import DbSession


async def get_safety_plan_service(session: DbSession) -> SafetyPlanService:
    return SafetyPlanService(session)


async def get_contact_service(request: Request, session: DbSession) -> TrustedContactService:
    return TrustedContactService(session, request.app.state.settings.notify)


async def get_crisis_service(request: Request, session: DbSession) -> CrisisService:
    return CrisisService(session, request.app.state.settings)


async def get_referral_service(session: DbSession) -> ReferralService:
    return ReferralService(session)


SafetyPlanServiceDep = Annotated[SafetyPlanService, Depends(get_safety_plan_service)]
ContactServiceDep = Annotated[TrustedContactService, Depends(get_contact_service)]
CrisisServiceDep = Annotated[CrisisService, Depends(get_crisis_service)]
ReferralServiceDep = Annotated[ReferralService, Depends(get_referral_service)]
