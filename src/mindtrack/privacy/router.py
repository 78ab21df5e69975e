from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status

from mindtrack.auth.dependencies import get_credentials
from mindtrack.auth.exceptions import WrongPasswordError
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.auth.service import Credentials
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.models import ConsentPurpose, User
from mindtrack.privacy.consents import PURPOSES, ConsentService, ConsentState
from mindtrack.privacy.erasure import Eraser
from mindtrack.privacy.schemas import (
    AccessEvent,
    ConsentChange,
    ConsentEventRead,
    ConsentRead,
    ErasureRequest,
)
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


def _consent_read(state: ConsentState) -> ConsentRead:
    terms = PURPOSES[state.purpose]
    return ConsentRead(
        purpose=state.purpose,
        granted=state.granted,
        wording=terms.wording,
        current_version=terms.version,
        version=state.version,
        outdated=state.granted and state.version != terms.version,
        updated_at=state.updated_at,
    )


@router.get("/consents", responses=problem_responses(401))
async def consents(user: PrivacyReader, session: DbSession) -> list[ConsentRead]:
    """Each use of your data that needs your consent, and where you stand on it."""
    return [_consent_read(state) for state in await ConsentService(session).states(user.id)]


@router.get("/consents/history", responses=problem_responses(401))
async def consent_history(user: PrivacyReader, session: DbSession) -> list[ConsentEventRead]:
    """Every time you gave or withdrew a consent, newest first."""
    events = await ConsentService(session).history(user.id)
    return [ConsentEventRead.model_validate(event) for event in events]


@router.put("/consents/{purpose}", responses=problem_responses(401, 422))
async def change_consent(
    purpose: ConsentPurpose, body: ConsentChange, user: PrivacyWriter, session: DbSession
) -> ConsentRead:
    """Give or withdraw one consent. A withdrawal takes effect with your next request:
    withdrawing `ai_analysis` means nothing you write from then on is analysed; withdrawing
    `health_data` restricts your account (GDPR article 18) to reading, exporting and erasing
    what you stored; `contact_alerts`, that no trusted contact is told of a crisis."""
    return _consent_read(await ConsentService(session).record(user, purpose, body.granted))
