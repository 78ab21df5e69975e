from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from mindtrack.admin.dependencies import (
    AccountsReader,
    AccountsWriter,
    AdminServiceDep,
    StatisticsReader,
)
from mindtrack.admin.schemas import AccountChange, AccountPage, AccountSummary, ServiceStatistics
from mindtrack.kit.problems import problem_responses
from mindtrack.models import Role

router = APIRouter(prefix="/api/v1/admin", tags=["administration"])


@router.get("/accounts", responses=problem_responses(401, 403, 422))
async def list_accounts(
    admin: AccountsReader,
    service: AdminServiceDep,
    role: Role | None = None,
    q: Annotated[
        str | None, Query(max_length=100, description="Part of a username or email.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> AccountPage:
    """Accounts, newest first (administrators)."""
    accounts, next_cursor = await service.list_accounts(
        role=role, search=q, limit=limit, cursor=cursor
    )
    return AccountPage(
        items=[AccountSummary.model_validate(a) for a in accounts], next_cursor=next_cursor
    )


@router.get("/accounts/{user_id}", responses=problem_responses(401, 403, 404, 422))
async def read_account(
    user_id: uuid.UUID, admin: AccountsReader, service: AdminServiceDep
) -> AccountSummary:
    """One account (administrators)."""
    return AccountSummary.model_validate(await service.account(user_id))


@router.patch("/accounts/{user_id}", responses=problem_responses(401, 403, 404, 409, 422))
async def change_account(
    user_id: uuid.UUID, body: AccountChange, admin: AccountsWriter, service: AdminServiceDep
) -> AccountSummary:
    """Change an account's role, or switch it off or on (administrators). Switching an
    account off ends all its sessions at once."""
    return AccountSummary.model_validate(await service.change(admin, user_id, body))


@router.get("/statistics", responses=problem_responses(401, 403))
async def statistics(admin: StatisticsReader, service: AdminServiceDep) -> ServiceStatistics:
    """Counts across the whole service (administrators); none concerns one person."""
    return await service.statistics()
