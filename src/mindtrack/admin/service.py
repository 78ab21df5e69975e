"""Account administration: find accounts, change a role, switch an account off."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.admin.repository import AccountRepository
from mindtrack.admin.schemas import AccountChange, RoleCount, ServiceStatistics
from mindtrack.auth.repository import AuthSessionRepository
from mindtrack.kit.errors import ConflictError, NotFoundError
from mindtrack.kit.pagination import Cursor, page_of
from mindtrack.kit.time import utcnow
from mindtrack.models import Role, User
from mindtrack.privacy import audit


class AccountNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No account has this id.")


class OwnAccountError(ConflictError):
    def __init__(self) -> None:
        super().__init__(
            "You cannot change your own role or switch off your own account; "
            "ask another administrator."
        )


def _position(user: User) -> Cursor:
    return Cursor(user.created_at, user.id)


class AdminService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.accounts = AccountRepository(session)
        self.sessions = AuthSessionRepository(session)

    async def list_accounts(
        self, *, role: Role | None, search: str | None, limit: int, cursor: str | None
    ) -> tuple[list[User], str | None]:
        after = Cursor.decode(cursor) if cursor else None
        rows = await self.accounts.page(role=role, search=search, limit=limit + 1, after=after)
        return page_of(rows, limit, _position)

    async def account(self, user_id: uuid.UUID) -> User:
        user = await self.accounts.get(user_id)
        if user is None:
            raise AccountNotFoundError()
        return user

    async def change(self, admin: User, user_id: uuid.UUID, change: AccountChange) -> User:
        user = await self.account(user_id)
        if user.id == admin.id:
            # An administrator locking themselves out could leave nobody to undo it.
            raise OwnAccountError()
        if change.role is not None and change.role != user.role:
            await audit.record(
                self.session, "role_changed", actor=admin.id, subject=user.id, role=change.role
            )
            user.role = change.role
        if change.is_active is not None and change.is_active != user.is_active:
            user.is_active = change.is_active
            action = "account_switched_on" if change.is_active else "account_switched_off"
            await audit.record(self.session, action, actor=admin.id, subject=user.id)
            if not change.is_active:
                await self.sessions.revoke_all_for_user(
                    user.id, at=utcnow(), reason="account_deactivated"
                )
        return user

    async def statistics(self) -> ServiceStatistics:
        now = utcnow()
        week, month = now - timedelta(days=7), now - timedelta(days=30)
        counts = {role: RoleCount(role=role, accounts=0, active=0) for role in Role}
        for role, total, active in await self.accounts.counts_by_role():
            counts[role] = RoleCount(role=role, accounts=total, active=active)
        return ServiceStatistics(
            accounts=list(counts.values()),
            signed_in_last_7_days=await self.accounts.signed_in_since(week),
            signed_in_last_30_days=await self.accounts.signed_in_since(month),
            checkins_last_7_days=await self.accounts.checkins_since(week),
            checkins_last_30_days=await self.accounts.checkins_since(month),
            open_crisis_incidents=await self.accounts.open_incidents(),
        )
