from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from mindtrack.crisis.schemas import CrisisSupport
from mindtrack.mood.schemas import MAX_NOTES_LENGTH, CheckinRead

RiskLevelName = Literal["none", "low", "moderate", "high", "imminent"]


class TextAnalysisRequest(BaseModel):
    text: Annotated[
        str, Field(max_length=MAX_NOTES_LENGTH, examples=["Long day, but a walk helped."])
    ]
    score: Annotated[int | None, Field(ge=0, le=10, description="Mood score, if any.")] = None
    emotions: Annotated[
        list[str],
        Field(
            max_length=12, description="Emotion words the person chose, to compare with the text."
        ),
    ] = []


class SentimentRead(BaseModel):
    label: Literal["negative", "neutral", "positive"]
    scores: dict[str, float] = Field(description="Probability of each class.")
    valence: float = Field(ge=-1, le=1, description="P(positive) − P(negative).")
    confidence: float = Field(ge=0, le=1)


class EmotionsRead(BaseModel):
    detected: list[str] = Field(description="GoEmotions labels over their tuned threshold.")
    scores: dict[str, float] = Field(description="Probability of each of the 28 labels.")


class ChosenEmotionsRead(BaseModel):
    supported: list[str] = Field(description="Chosen emotions the text expresses.")
    contradicted: list[str] = Field(
        description="Chosen emotions the text expresses the opposite of."
    )
    not_assessed: list[str] = Field(
        description="No counterpart in the model, or no emotion in the text."
    )


class RiskEvidenceRead(BaseModel):
    signal: str = Field(description="What was recognised, e.g. passive_ideation, method, model.")
    level: RiskLevelName
    text: str = Field(description="The words that triggered it.")
    start: int
    end: int


class CrisisRiskRead(BaseModel):
    level: RiskLevelName
    score: float = Field(ge=0, le=1, description="Within the level's fifth of the scale.")
    model_probability: float | None = Field(
        description="The text classifier's calibrated probability."
    )
    evidence: list[RiskEvidenceRead]
    intervention_required: bool = Field(description="True from `moderate` up.")


class TextAnalysisRead(BaseModel):
    sentiment: SentimentRead
    emotions: EmotionsRead
    chosen_emotions: ChosenEmotionsRead
    crisis: CrisisRiskRead
    themes: list[str] = Field(description="Life areas the note touches, most mentioned first.")
    key_phrases: list[str]
    energy: Literal["low", "moderate", "high"]
    has_text: bool = Field(description="False for empty, emoji-only or punctuation-only text.")
    reliable: bool = Field(description="False when the text looks mostly non-English.")
    models: dict[str, str] = Field(description="Model names and versions that produced this.")


class CheckinAnalysisRead(TextAnalysisRead):
    entry_id: uuid.UUID
    analysed_at: datetime


class CreatedCheckinRead(CheckinRead):
    analysis: CheckinAnalysisRead | None = Field(
        description="What the text models found in the note; null without a note."
    )
    crisis: CrisisSupport | None = Field(
        default=None,
        description="Present when this check-in signals a crisis: crisis lines and your safety "
        "plan, to show at once.",
    )
