from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from mindtrack.models import ShareScope


def _distinct(scopes: list[ShareScope]) -> list[ShareScope]:
    return sorted(set(scopes))


class GrantCreate(BaseModel):
    """What to share with which therapist, for how long."""

    model_config = ConfigDict(extra="forbid")

    therapist_id: uuid.UUID
    scopes: Annotated[list[ShareScope], Field(min_length=1), AfterValidator(_distinct)] = Field(
        description="mood_scores (scores, sleep, energy, the dashboard), emotions, notes (the "
        "notes and their context), ai_analysis (sentiment read from notes), assessments "
        "(PHQ-9, GAD-7), crisis_incidents (incidents, and an email to the therapist when one "
        "opens), safety_plan.",
        examples=[["mood_scores", "emotions"]],
    )
    days: int = Field(default=90, ge=1, le=365, description="How long the access lasts.")


GrantState = Literal["pending", "active", "expired", "declined", "revoked"]


class GrantRead(BaseModel):
    id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    therapist_id: uuid.UUID
    therapist_name: str
    scopes: list[ShareScope]
    status: GrantState
    created_at: datetime
    expires_at: datetime
    answered_at: datetime | None
    revoked_at: datetime | None


class AccessRead(BaseModel):
    """One look at your data by a therapist."""

    therapist_id: uuid.UUID
    therapist_name: str
    what: str = Field(examples=["checkins"])
    at: datetime


NoteText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class ClinicianNoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: NoteText
    visible_to_patient: bool = Field(
        default=False, description="true: the patient sees it; false: only you do."
    )


class ClinicianNoteRead(BaseModel):
    id: uuid.UUID
    therapist_id: uuid.UUID
    therapist_name: str
    patient_id: uuid.UUID
    body: str
    visible_to_patient: bool
    created_at: datetime


class SharedCheckin(BaseModel):
    """A check-in as shared: fields outside the granted scopes are null."""

    id: uuid.UUID
    recorded_at: datetime
    score: int
    sleep_hours: float | None
    energy: int | None
    emotions: list[str] | None = Field(description="With the `emotions` scope.")
    notes: str | None = Field(description="With the `notes` scope.")
    activity: str | None
    location: str | None
    weather: str | None


class SharedCheckinPage(BaseModel):
    items: list[SharedCheckin]
    next_cursor: str | None
