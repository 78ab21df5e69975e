from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.problems import problem_responses
from mindtrack.models import User
from mindtrack.user.schemas import UserRead, UserUpdate
from mindtrack.user.service import update_profile

router = APIRouter(prefix="/api/v1/users", tags=["users"])
AccountReader = Annotated[User, Depends(permit(Resource.ACCOUNT, Action.READ))]
AccountWriter = Annotated[User, Depends(permit(Resource.ACCOUNT, Action.WRITE))]


@router.get("/me", responses=problem_responses(401))
async def read_me(user: AccountReader) -> UserRead:
    """Your account."""
    return UserRead.model_validate(user)


@router.patch("/me", responses=problem_responses(401, 422))
async def update_me(changes: UserUpdate, user: AccountWriter) -> UserRead:
    """Change your name, timezone or locale."""
    return UserRead.model_validate(update_profile(user, changes))
