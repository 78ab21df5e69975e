from __future__ import annotations

import uuid
from datetime import datetime

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
