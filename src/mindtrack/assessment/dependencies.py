from typing import Annotated

from fastapi import Depends

from mindtrack.assessment.service import AssessmentService
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


async def get_assessment_service(session: DbSession) -> AssessmentService:
    return AssessmentService(session)


AssessmentServiceDep = Annotated[AssessmentService, Depends(get_assessment_service)]

AssessmentsReader = Annotated[User, Depends(permit(Resource.ASSESSMENTS, Action.READ))]
AssessmentsWriter = Annotated[User, Depends(permit(Resource.ASSESSMENTS, Action.WRITE))]
