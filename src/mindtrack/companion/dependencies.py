from typing import Annotated

from fastapi import Depends, Request

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.companion.service import CompanionService
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


async def get_companion_service(request: Request, session: DbSession) -> CompanionService:
    state = request.app.state
    return CompanionService(session, state.analysis_engine, state.settings, state.companion_llm)


CompanionServiceDep = Annotated[CompanionService, Depends(get_companion_service)]

ConversationsReader = Annotated[User, Depends(permit(Resource.CONVERSATIONS, Action.READ))]
ConversationsWriter = Annotated[User, Depends(permit(Resource.CONVERSATIONS, Action.WRITE))]
