from typing import Annotated

from fastapi import Depends

from mindtrack.assessment.service import AssessmentService
from mindtrack.kit.dependencies import DbSession


async def get_assessment_service(session: DbSession) -> AssessmentService:
    return AssessmentService(session)


AssessmentServiceDep = Annotated[AssessmentService, Depends(get_assessment_service)]
