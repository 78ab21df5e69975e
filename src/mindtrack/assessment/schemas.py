from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from mindtrack.assessment.instruments import (
    ANSWER_SCALE,
    INSTRUMENTS,
    MAX_ANSWER,
    Instrument,
    InstrumentId,
)
from mindtrack.crisis.schemas import CrisisSupport
from mindtrack.mood.schemas import RecordedAt

Answer = Annotated[int, Field(ge=0, le=MAX_ANSWER, strict=True)]


class ItemRead(BaseModel):
    number: int
    topic: str = Field(description="What the item is about, in our words; show the official text.")
    loinc: str | None = Field(description="LOINC code of the item's answer, where recorded.")


class BandRead(BaseModel):
    low: int
    high: int
    severity: str


class InstrumentRead(BaseModel):
    id: InstrumentId
    name: str
    measures: str
    items: list[ItemRead]
    answer_scale: list[str] = Field(description="Answer i (0-based) means answer_scale[i].")
    max_total: int
    severity_bands: list[BandRead]
    loinc_total: str
    meaningful_change: int = Field(
        description="The smallest change in total that counts as really better or worse."
    )

    @classmethod
    def of(cls, instrument: Instrument) -> InstrumentRead:
        return cls(
            id=instrument.id,
            name=instrument.name,
            measures=instrument.measures,
            items=[ItemRead(number=i.number, topic=i.topic, loinc=i.loinc) for i in instrument.items],
            answer_scale=list(ANSWER_SCALE),
            max_total=instrument.max_total,
            severity_bands=[BandRead(low=b.low, high=b.high, severity=b.severity) for b in instrument.bands],
            loinc_total=instrument.loinc_total,
            meaningful_change=instrument.meaningful_change,
        )  # fmt: skip


class ResponseCreate(BaseModel):
    """A completed questionnaire: one answer per item, in item order (0 = "Not at all" …
    3 = "Nearly every day")."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"instrument": "phq9", "answers": [1, 2, 1, 0, 0, 1, 2, 0, 0]}]
        },
    )

    instrument: InstrumentId
    answers: list[Answer] = Field(description="PHQ-9: 9 answers; GAD-7: 7 answers.")
    completed_at: RecordedAt | None = Field(
        default=None, description="When it was filled in, with a timezone; now if omitted."
    )

    # A field validator, so that `errors[].field` names `answers`; `instrument` is declared
    # first and so already checked.
    @field_validator("answers")
    @classmethod
    def _one_answer_per_item(cls, answers: list[int], info: ValidationInfo) -> list[int]:
        instrument = info.data.get("instrument")
        if instrument is None:
            return answers
        expected = len(INSTRUMENTS[instrument].items)
        if len(answers) != expected:
            raise ValueError(
                f"{instrument.value} has {expected} items: send exactly {expected} answers, "
                f"one per item in order (got {len(answers)})"
            )
        return answers


class ResponseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    instrument: InstrumentId
    answers: list[int]
    total: int
    severity: str
    self_harm_answer: int | None = Field(
        description="PHQ-9 item 9 (thoughts of death or self-harm); null for GAD-7."
    )
    completed_at: datetime
    created_at: datetime


class ResponseCreated(ResponseRead):
    safety_check: bool = Field(
        description="True when PHQ-9 item 9 was answered above 0: show crisis resources "
        "and the safety plan now, whatever the total."
    )
    crisis: CrisisSupport | None = Field(
        default=None, description="Crisis lines and your safety plan, when item 9 calls for them."
    )


class ResponsePage(BaseModel):
    items: list[ResponseRead] = Field(description="Newest first.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


class TrendPoint(BaseModel):
    completed_at: datetime
    total: int
    severity: str


class Trend(BaseModel):
    """How one instrument's total moved over time."""

    instrument: InstrumentId
    points: list[TrendPoint] = Field(description="Oldest first, at most the last 52.")
    change_from_previous: int | None = Field(description="Latest total minus the one before.")
    change_from_first: int | None = Field(description="Latest total minus the first shown.")
    direction: Literal["better", "worse", "no clear change"] | None = Field(
        description="Latest against previous: a fall of at least `meaningful_change` points is "
        "better, a rise as large is worse. Null with fewer than two responses."
    )
    meaningful_change: int
