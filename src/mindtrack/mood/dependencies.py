from typing import Annotated

from fastapi import Depends

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User
from mindtrack.mood.service import MoodService


async def get_mood_service(session: DbSession) -> MoodService:
    return MoodService(session)


MoodServiceDep = Annotated[MoodService, Depends(get_mood_service)]

CheckinsReader = Annotated[User, Depends(permit(Resource.CHECKINS, Action.READ))]
CheckinsWriter = Annotated[User, Depends(permit(Resource.CHECKINS, Action.WRITE))]
