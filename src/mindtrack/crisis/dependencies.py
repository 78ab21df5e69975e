from typing import Annotated

from fastapi import Depends, Request

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.crisis.contacts import TrustedContactService
from mindtrack.crisis.incidents import CrisisService
from mindtrack.crisis.referrals import ReferralService
from mindtrack.crisis.service import SafetyPlanService
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


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

IncidentsReader = Annotated[User, Depends(permit(Resource.INCIDENTS, Action.READ))]
IncidentsWriter = Annotated[User, Depends(permit(Resource.INCIDENTS, Action.WRITE))]
ReferralsAnswerer = Annotated[User, Depends(permit(Resource.REFERRALS, Action.ANSWER))]
ReferralsReader = Annotated[User, Depends(permit(Resource.REFERRALS, Action.READ))]
ReferralsWriter = Annotated[User, Depends(permit(Resource.REFERRALS, Action.WRITE))]
SafetyPlanReader = Annotated[User, Depends(permit(Resource.SAFETY_PLAN, Action.READ))]
SafetyPlanWriter = Annotated[User, Depends(permit(Resource.SAFETY_PLAN, Action.WRITE))]
TherapistProfileWriter = Annotated[User, Depends(permit(Resource.THERAPIST_PROFILE, Action.WRITE))]
TrustedContactsReader = Annotated[User, Depends(permit(Resource.TRUSTED_CONTACTS, Action.READ))]
TrustedContactsWriter = Annotated[User, Depends(permit(Resource.TRUSTED_CONTACTS, Action.WRITE))]
