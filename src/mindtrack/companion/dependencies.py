from typing import Annotated

from fastapi import Depends, Request

from mindtrack.companion.service import CompanionService
from mindtrack.kit.dependencies import DbSession


async def get_companion_service(request: Request, session: DbSession) -> CompanionService:
    state = request.app.state
    return CompanionService(session, state.analysis_engine, state.settings, state.companion_llm)


CompanionServiceDep = Annotated[CompanionService, Depends(get_companion_service)]
