from typing import Annotated

from fastapi import Depends, Request

from mindtrack.companion.service import CompanionService
from mindtrack.kit.dependencies import DbSession


async def get_companion_service(request: Request, session: DbSession) -> CompanionService:
    return CompanionService(session, request.app.state.analysis_engine, request.app.state.settings)


CompanionServiceDep = Annotated[CompanionService, Depends(get_companion_service)]
