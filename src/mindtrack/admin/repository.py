from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, case, func, select

from mindtrack.kit.pagination import Cursor
from mindtrack.kit.repository import Repository
from mindtrack.models import CrisisIncident, MoodEntry, Role, User


class AccountRepository(Repository[User]):
    model = User

    async def page(
        self,
        *,
        role: Role | None,
        search: str | None,
        limit: int,
        after: Cursor | None,
    ) -> list[User]:
        statement = self.select()
        if role is not None:
            statement = statement.where(User.role == role)
        if search:
            pattern = f"%{search.lower()}%"
            statement = statement.where(
                User.username_normalized.like(pattern) | User.email.like(pattern)
            )
        return await self.newest_first(statement, User.created_at, limit=limit, after=after)

    async def counts_by_role(self) -> list[tuple[Role, int, int]]:
        active = func.sum(case((User.is_active, 1), else_=0))
        rows = await self.session.execute(
            select(User.role, func.count(), active).group_by(User.role)
        )
        return [(role, total, int(on or 0)) for role, total, on in rows.all()]

    async def signed_in_since(self, moment: datetime) -> int:
        return await self._count(select(func.count()).where(User.last_login_at >= moment))

    async def checkins_since(self, moment: datetime) -> int:
        return await self._count(select(func.count()).where(MoodEntry.recorded_at >= moment))

    async def open_incidents(self) -> int:
        return await self._count(select(func.count()).where(CrisisIncident.resolved_at.is_(None)))

    async def _count(self, statement: Select[int]) -> int:
        return int((await self.session.execute(statement)).scalar_one())
