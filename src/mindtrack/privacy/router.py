from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.models import User
from mindtrack.privacy.schemas import AccessEvent
from mindtrack.privacy.service import PrivacyService

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])
PrivacyReader = Annotated[User, Depends(permit(Resource.PRIVACY, Action.READ))]


@router.get("/access-log", responses=problem_responses(401, 422))
async def access_log(
    user: PrivacyReader,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AccessEvent]:
    """Who did what with your account and your data, and when, newest first: your sign-ins,
    each look by a therapist you share with, changes an administrator made, alerts sent to
    your trusted contacts. Taken from the tamper-evident audit trail."""
    return await PrivacyService(session).access_history(user, limit)
