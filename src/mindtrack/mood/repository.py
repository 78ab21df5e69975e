from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from mindtrack.kit.pagination import Cursor
from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import MoodEntry, MoodEntryTombstone


class MoodEntryRepository(OwnedRepository[MoodEntry]):
    model = MoodEntry

    async def page(
        self,
        user_id: uuid.UUID,
        *,
        limit: int,
        after: Cursor | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[MoodEntry]:
        """Newest first; up to `limit` entries after the cursor, within [start, end)."""
        statement = self.owned(user_id)
        if start is not None:
            statement = statement.where(MoodEntry.recorded_at >= start)
        if end is not None:
            statement = statement.where(MoodEntry.recorded_at < end)
        return await self.newest_first(statement, MoodEntry.recorded_at, limit=limit, after=after)

    async def scores_since(
        self, user_id: uuid.UUID, since: datetime, *, excluding: uuid.UUID | None = None
    ) -> list[tuple[datetime, int]]:
        """(recorded_at, score) of one person's check-ins since a moment: the columns alone,
        so that risk assessment does not load whole entries on every check-in."""
        statement = select(MoodEntry.recorded_at, MoodEntry.score).where(
            MoodEntry.user_id == user_id, MoodEntry.recorded_at >= since
        )
        if excluding is not None:
            statement = statement.where(MoodEntry.id != excluding)
        return [(at, score) for at, score in (await self.session.execute(statement)).all()]

    async def changed_since(self, user_id: uuid.UUID, since: datetime) -> list[MoodEntry]:
        statement = self.owned(user_id).where(MoodEntry.updated_at > since)
        return await self.all(statement.order_by(MoodEntry.updated_at, MoodEntry.id))


class TombstoneRepository(OwnedRepository[MoodEntryTombstone]):
    model = MoodEntryTombstone

    async def get_for_entry(self, entry_id: uuid.UUID) -> MoodEntryTombstone | None:
        return await self.session.get(MoodEntryTombstone, entry_id)

    async def deleted_since(self, user_id: uuid.UUID, since: datetime) -> list[MoodEntryTombstone]:
        statement = self.owned(user_id).where(MoodEntryTombstone.deleted_at > since)
        return await self.all(statement.order_by(MoodEntryTombstone.deleted_at))
