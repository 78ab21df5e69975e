from typing import Annotated

from fastapi import Depends

from mindtrack.kit.dependencies import DbSession
from mindtrack.mood.service import MoodService


async def get_mood_service(session: DbSession) -> MoodService:
    return MoodService(session)


MoodServiceDep = Annotated[MoodService, Depends(get_mood_service)]
