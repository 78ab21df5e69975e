from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
)

from mindtrack.kit.time import as_utc, utcnow
from mindtrack.mood.vocabulary import (
    MAX_EMOTION_LENGTH,
    MAX_EMOTIONS,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    custom_emotions,
    normalize_words,
)
from mindtrack.user.schemas import BlankIsNone, refuse_null

MAX_NOTES_LENGTH = 5000
# Clocks on phones drift; anything further ahead than this is a mistake, not drift.
MAX_FUTURE_SKEW = timedelta(hours=24)


def _emotions(words: list[str]) -> list[str]:
    return normalize_words(
        words, kind="emotion", max_count=MAX_EMOTIONS, max_length=MAX_EMOTION_LENGTH
    )


def _tags(words: list[str]) -> list[str]:
    return normalize_words(words, kind="tag", max_count=MAX_TAGS, max_length=MAX_TAG_LENGTH)


def _utc_not_in_future(moment: datetime) -> datetime:
    if moment > utcnow() + MAX_FUTURE_SKEW:
        raise ValueError("must not be in the future")
    return as_utc(moment)


Score = Annotated[int, Field(ge=0, le=10, strict=True, description="0 = the worst, 10 = the best.")]
Emotions = Annotated[
    list[str],
    Field(
        min_length=1,
        description=f"At least one; vocabulary words or your own (≤{MAX_EMOTION_LENGTH} "
        f"characters, ≤{MAX_EMOTIONS} per check-in). Stored trimmed and lower-cased.",
        examples=[["happy", "calm"]],
    ),
    AfterValidator(_emotions),
]
Tags = Annotated[
    list[str],
    Field(description=f"Free labels, ≤{MAX_TAG_LENGTH} characters, ≤{MAX_TAGS}."),
    AfterValidator(_tags),
]
Notes = Annotated[
    Annotated[str, StringConstraints(max_length=MAX_NOTES_LENGTH)] | None,
    BlankIsNone,
    Field(description=f'Free text, up to {MAX_NOTES_LENGTH} characters; `""` means none.'),
]
Activity = Annotated[
    Annotated[str, StringConstraints(max_length=100)] | None, BlankIsNone, Field(examples=["work"])
]
Location = Annotated[
    Annotated[str, StringConstraints(max_length=200)] | None,
    BlankIsNone,
    Field(examples=["Office"]),
]
Weather = Annotated[
    Annotated[str, StringConstraints(max_length=50)] | None, BlankIsNone, Field(examples=["sunny"])
]
SleepHours = Annotated[float | None, Field(ge=0, le=24, description="Hours slept last night.")]
Energy = Annotated[int | None, Field(ge=0, le=10, strict=True, description="0 = none, 10 = full.")]
RecordedAt = Annotated[AwareDatetime, AfterValidator(_utc_not_in_future)]


class CheckinCreate(BaseModel):
    """A new check-in. Only `score` and `emotions` are required; empty strings mean
    "not given". Send your own `id` to make retries safe: the same id never creates a
    second check-in."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "score": 7,
                    "emotions": ["happy", "calm"],
                    "notes": "Productive day",
                    "activity": "work",
                    "location": "Office",
                    "weather": "",
                }
            ]
        },
    )

    id: uuid.UUID | None = Field(default=None, description="Client-generated id (UUID).")
    score: Score
    emotions: Emotions
    notes: Notes = None
    activity: Activity = None
    location: Location = None
    weather: Weather = None
    sleep_hours: SleepHours = None
    energy: Energy = None
    tags: Tags = Field(default_factory=list)
    recorded_at: RecordedAt | None = Field(
        default=None,
        description="The moment the check-in describes, with a timezone; now if omitted.",
    )


REQUIRED_FIELDS = ("score", "emotions", "tags", "recorded_at")


class CheckinUpdate(BaseModel):
    """Changes to a check-in; omitted fields stay as they are, `null` clears optional ones."""

    model_config = ConfigDict(extra="forbid")

    _required_fields_stay = field_validator(*REQUIRED_FIELDS, mode="before")(refuse_null)

    score: Score | None = None
    emotions: Emotions | None = None
    notes: Notes = None
    activity: Activity = None
    location: Location = None
    weather: Weather = None
    sleep_hours: SleepHours = None
    energy: Energy = None
    tags: Tags | None = None
    recorded_at: RecordedAt | None = None


class CheckinRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    score: int
    emotions: list[str]
    notes: str | None
    activity: str | None
    location: str | None
    weather: str | None
    sleep_hours: float | None
    energy: int | None
    tags: list[str]
    recorded_at: datetime
    created_at: datetime
    updated_at: datetime

    @computed_field(description="Emotions outside the vocabulary: the person's own words.")  # type: ignore[prop-decorator]
    @property
    def custom_emotions(self) -> list[str]:
        return custom_emotions(self.emotions)


class CheckinPage(BaseModel):
    items: list[CheckinRead] = Field(description="Newest first.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


class DeletedCheckin(BaseModel):
    id: uuid.UUID
    deleted_at: datetime


class CheckinChanges(BaseModel):
    """What changed since a moment: for devices that keep a copy and sync."""

    changed: list[CheckinRead] = Field(description="Created or edited, oldest change first.")
    deleted: list[DeletedCheckin]
    server_time: datetime = Field(description="Pass as `since` next time.")


class EmotionVocabulary(BaseModel):
    emotions: list[str]
    max_per_checkin: int
    max_length: int
