from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mindtrack.analysis.engine import AnalysisEngine
from mindtrack.analysis.service import AnalysisService
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


async def get_analysis_service(request: Request, session: DbSession) -> AnalysisService:
    engine: AnalysisEngine | None = request.app.state.analysis_engine
    return AnalysisService(session, engine)


AnalysisServiceDep = Annotated[AnalysisService, Depends(get_analysis_service)]

TextAnalysisWriter = Annotated[User, Depends(permit(Resource.TEXT_ANALYSIS, Action.WRITE))]
