from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from mindtrack.models import Role


class AccountSummary(BaseModel):
    """What an administrator sees of an account: who it is and its standing, nothing of
    what the person has recorded."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str = Field(examples=["ada"])
    email: str = Field(examples=["ada@example.com"])
    role: Role
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


class AccountPage(BaseModel):
    items: list[AccountSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: last.")


class AccountChange(BaseModel):
    """Omitted fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    is_active: bool | None = Field(
        default=None, description="false: the account cannot sign in and every session ends."
    )


class RoleCount(BaseModel):
    role: Role
    accounts: int
    active: int


class ServiceStatistics(BaseModel):
    """Counts across the whole service; no figure concerns one person."""

    accounts: list[RoleCount]
    signed_in_last_7_days: int
    signed_in_last_30_days: int
    checkins_last_7_days: int
    checkins_last_30_days: int
    open_crisis_incidents: int
