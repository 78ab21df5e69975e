from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from mindtrack.mood.schemas import CheckinRead


class TrackedMood(BaseModel):
    success: bool = True
    message: str = "Mood tracked"
    mood_entry: CheckinRead


class HistoryEntry(BaseModel):
    id: uuid.UUID
    score: int
    emotions: list[str]
    created_at: datetime = Field(
        description="When the mood was felt (the check-in's `recorded_at`)."
    )
    recorded_at: datetime
    notes: str | None
    activity: str | None
    location: str | None
    weather: str | None


class MoodHistory(BaseModel):
    entries: list[HistoryEntry] = Field(description="Newest first.")
    fetched_at: datetime
