from __future__ import annotations

from fastapi import APIRouter

from mindtrack.auth.permissions import AccountReader, AccountWriter
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.privacy.consents import ConsentService
from mindtrack.user.schemas import UserRead, UserUpdate
from mindtrack.user.service import update_profile

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.get("/me", responses=problem_responses(401))
async def read_me(user: AccountReader) -> UserRead:
    """Your account."""
    return UserRead.model_validate(user)


@router.patch("/me", responses=problem_responses(401, 422))
async def update_me(changes: UserUpdate, user: AccountWriter, session: DbSession) -> UserRead:
    """Change your name, timezone or locale, or whether you take part in population
    comparisons (a consent: see /api/v1/privacy/consents)."""
    return UserRead.model_validate(await update_profile(user, changes, ConsentService(session)))
