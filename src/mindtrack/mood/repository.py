from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, select

from mindtrack.kit.pagination import Cursor
from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import MoodEntry, MoodEntryTombstone

_ENTRIES = cast(Table, MoodEntry.__table__)
# Built once on the table: risk assessment reads these on every check-in, and making the
# statement anew costs as much CPU as running it.
_SCORES_SINCE = select(_ENTRIES.c.recorded_at, _ENTRIES.c.score).where(
    _ENTRIES.c.user_id == bindparam("user_id"), _ENTRIES.c.recorded_at >= bindparam("since")
)
_SCORES_SINCE_EXCEPT = _SCORES_SINCE.where(_ENTRIES.c.id != bindparam("excluding"))


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
        statement = _SCORES_SINCE if excluding is None else _SCORES_SINCE_EXCEPT
        values = {"user_id": user_id, "since": since, "excluding": excluding}
        return [(at, score) for at, score in (await self.session.execute(statement, values)).all()]

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
