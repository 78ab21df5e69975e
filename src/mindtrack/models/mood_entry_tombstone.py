from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base


class MoodEntryTombstone(Base):
    """What is left of a deleted check-in: its id and when it went, so that other devices
    learn of the deletion when they sync. The content itself is gone."""

    __tablename__ = "mood_entry_tombstones"
    __table_args__ = (Index("ix_mood_entry_tombstones_user_deleted", "user_id", "deleted_at"),)

    entry_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)
