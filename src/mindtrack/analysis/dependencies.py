from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mindtrack.analysis.engine import AnalysisEngine
from mindtrack.analysis.service import AnalysisService
from mindtrack.auth.dependencies import CurrentPrincipal
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import ConsentPurpose, User
from mindtrack.privacy.consents import granted


async def get_analysis_service(
    request: Request, session: DbSession, principal: CurrentPrincipal
) -> AnalysisService:
    """Analysis as configured, and only for people who consent to it: for anyone who
    withdrew, nothing they write is analysed."""
    engine: AnalysisEngine | None = request.app.state.analysis_engine
    if engine is not None and not granted(principal.user, ConsentPurpose.AI_ANALYSIS):
        engine = None
    return AnalysisService(session, engine)


AnalysisServiceDep = Annotated[AnalysisService, Depends(get_analysis_service)]

TextAnalysisWriter = Annotated[User, Depends(permit(Resource.TEXT_ANALYSIS, Action.WRITE))]
