"""Check-in rules: idempotent creation, ownership, edits and deletion with tombstones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.pagination import Cursor, page_of
from mindtrack.kit.time import utcnow
from mindtrack.models import MoodEntry, MoodEntryTombstone, User
from mindtrack.mood.exceptions import CheckinDeletedError, CheckinIdTakenError, CheckinNotFoundError
from mindtrack.mood.repository import MoodEntryRepository, TombstoneRepository
from mindtrack.mood.schemas import CheckinCreate, CheckinUpdate


@dataclass(frozen=True, slots=True)
class CreatedCheckin:
    entry: MoodEntry
    created: bool  # False when the same id was posted before: the earlier entry is returned


@dataclass(frozen=True, slots=True)
class CheckinSlice:
    entries: list[MoodEntry]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class CheckinDelta:
    changed: list[MoodEntry]
    deleted: list[MoodEntryTombstone]
    server_time: datetime


class MoodService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.entries = MoodEntryRepository(session)
        self.tombstones = TombstoneRepository(session)

    async def create(self, user: User, data: CheckinCreate) -> CreatedCheckin:
        if data.id is not None:
            replay = await self._replay(user, data.id)
            if replay is not None:
                return CreatedCheckin(replay, created=False)
        now = utcnow()
        fields = data.model_dump(exclude={"id", "recorded_at"})
        entry = MoodEntry(
            id=data.id or uuid.uuid4(),
            user_id=user.id,
            recorded_at=data.recorded_at or now,
            created_at=now,
            updated_at=now,
            **fields,
        )
        if data.id is None:
            await self.entries.add(entry)  # a fresh uuid4 cannot collide
            return CreatedCheckin(entry, created=True)
        try:
            # A savepoint keeps the transaction usable if a concurrent retry inserted first.
            async with self.session.begin_nested():
                await self.entries.add(entry)
        except IntegrityError:
            replay = await self._replay(user, entry.id)
            if replay is None:  # pragma: no cover - only a concurrent delete gets here
                raise
            return CreatedCheckin(replay, created=False)
        return CreatedCheckin(entry, created=True)

    async def _replay(self, user: User, entry_id: uuid.UUID) -> MoodEntry | None:
        existing = await self.entries.get(entry_id)
        if existing is not None:
            if existing.user_id != user.id:
                raise CheckinIdTakenError()
            return existing
        tombstone = await self.tombstones.get_for_entry(entry_id)
        if tombstone is not None:
            if tombstone.user_id != user.id:
                raise CheckinIdTakenError()
            raise CheckinDeletedError()
        return None

    async def get(self, user: User, entry_id: uuid.UUID) -> MoodEntry:
        return await self.entries.require_owned(user.id, entry_id, CheckinNotFoundError)

    async def list(
        self,
        user: User,
        *,
        limit: int,
        cursor: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> CheckinSlice:
        after = Cursor.decode(cursor) if cursor else None
        rows = await self.entries.page(user.id, limit=limit + 1, after=after, start=start, end=end)
        return CheckinSlice(*page_of(rows, limit, lambda e: Cursor(e.recorded_at, e.id)))

    async def update(self, user: User, entry_id: uuid.UUID, changes: CheckinUpdate) -> MoodEntry:
        entry = await self.get(user, entry_id)
        for field, value in changes.model_dump(exclude_unset=True).items():
            setattr(entry, field, value)
        entry.updated_at = utcnow()
        await self.session.flush()
        return entry

    async def delete(self, user: User, entry_id: uuid.UUID) -> None:
        entry = await self.get(user, entry_id)
        await self.entries.delete(entry)
        await self.tombstones.add(MoodEntryTombstone(entry_id=entry.id, user_id=user.id))

    async def changes_since(self, user: User, since: datetime) -> CheckinDelta:
        server_time = utcnow()
        return CheckinDelta(
            changed=await self.entries.changed_since(user.id, since),
            deleted=await self.tombstones.deleted_since(user.id, since),
            server_time=server_time,
        )
