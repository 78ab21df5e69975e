from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status

from mindtrack.auth.dependencies import get_credentials
from mindtrack.auth.exceptions import WrongPasswordError
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.auth.service import Credentials
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.models import User
from mindtrack.privacy.erasure import Eraser
from mindtrack.privacy.schemas import AccessEvent, ErasureRequest
from mindtrack.privacy.service import PrivacyService

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])
PrivacyReader = Annotated[User, Depends(permit(Resource.PRIVACY, Action.READ))]
PrivacyWriter = Annotated[User, Depends(permit(Resource.PRIVACY, Action.WRITE))]


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


async def _eraser(request: Request) -> Eraser:
    return Eraser(request.app.state.settings, request.app.state.keyring)


@router.post(
    "/erasure",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 422),
)
async def erase_account(
    user: PrivacyWriter,
    body: ErasureRequest,
    session: DbSession,
    credentials: Annotated[Credentials, Depends(get_credentials)],
    eraser: Annotated[Eraser, Depends(_eraser)],
) -> None:
    """Erase your account and everything held about you, now (GDPR article 17). Signs you
    out everywhere. The audit trail keeps only a pseudonymous record that an erasure
    happened."""
    if not credentials.passwords.verify(user.password_hash, body.password):
        raise WrongPasswordError()
    await eraser.erase(session, user.id, by="the person")
