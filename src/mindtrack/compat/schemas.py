from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from mindtrack.companion.schemas import MessageText
from mindtrack.mood.schemas import CheckinRead


class FrontendAnalysis(BaseModel):
    sentiment: Literal["positive", "negative", "neutral"]
    sentiment_confidence: float = Field(ge=0, le=1)
    energy_level: Literal["high", "moderate", "low"]
    risk_level: Literal["low", "medium", "high"] = Field(
        description="none/low → low, moderate → medium, high/imminent → high."
    )
    risk_indicators: list[str]
    intervention_required: bool
    emotions_detected: list[str] = Field(description="GoEmotions labels found in the note.")
    themes: list[str]
    models_used: dict[str, str] = Field(description="Empty when the check-in had no note.")


class TrackedMood(BaseModel):
    success: bool = True
    message: str = "Mood tracked"
    mood_entry: CheckinRead
    complete_ai_analysis: FrontendAnalysis
    analysis: FrontendAnalysis = Field(description="The same, for the fallback path.")
    recommendations: list[str]
    intervention_triggered: bool = Field(
        description="True when the note signals moderate risk or worse, or the check-in "
        "opened or raised a crisis incident: show crisis support."
    )
    ai_powered: bool = Field(description="False when the server's text models are switched off.")


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


class CountedEmotion(BaseModel):
    emotion: str
    count: int


class AnalyticsSummary(BaseModel):
    """The dashboard's summary card, over the last 30 days."""

    total_entries: int
    average_score: float = Field(description="One decimal; 0.0 without check-ins.")
    mood_trend: str = Field(
        description="improving, declining or stable; insufficient_data under 5 days of "
        "check-ins; no_data without any."
    )
    crisis_incidents: int = Field(description="Crisis incidents opened in the window.")
    ai_insights: list[str]
    date_range: str
    most_common_emotions: list[CountedEmotion]
    generated_at: datetime


class MoodAnalysis(BaseModel):
    average_score: float = Field(description="Last 30 days, one decimal.")
    trend: str = Field(description="As `mood_trend` of the summary.")
    data_points: int


class MoodInsights(BaseModel):
    """The dashboard widget's "AI Analysis" list. `mood_analysis` is left out without any
    check-ins in the last 30 days."""

    insights: list[str]
    mood_analysis: MoodAnalysis | None = None
    data_points: int
    data_available: bool
    generated_at: datetime


class FrontendRecommendations(BaseModel):
    recommendations: list[str]
    data_points: int
    generated_at: datetime


class ChatRequest(BaseModel):
    message: MessageText
    conversation_id: str | None = Field(
        default=None, description="Null on the first message; then the id the reply gave."
    )


class VoiceChatRequest(BaseModel):
    transcript: MessageText
    conversation_id: str | None = None
    audio_metadata: dict[str, Any] | None = Field(default=None, description="Accepted, unused.")


class ChatContent(BaseModel):
    content: str
    mood_aware: bool = False
    tone: str
    source: str = Field(description="offline: the built-in dialogue policy.")


class MoodInsightCount(BaseModel):
    data_points: int = Field(description="Check-ins of the last 14 days the reply knows of.")


class CrisisAssessment(BaseModel):
    intervention_required: bool
    risk_level: str


class ChatResponse(BaseModel):
    response: ChatContent
    conversation_id: str
    recommendations: list[str]
    mood_insights: MoodInsightCount
    crisis_assessment: CrisisAssessment
    timestamp: datetime


class VoiceText(BaseModel):
    content: str
    tone: str


class VoiceResponse(BaseModel):
    speech_text: str
    voice_available: bool = Field(description="False: the browser speaks the text itself.")


class VoiceChatResponse(BaseModel):
    text_response: VoiceText
    voice_response: VoiceResponse
    conversation_id: str
    recommendations: list[str]
    mood_insights: MoodInsightCount
    crisis_assessment: CrisisAssessment
    timestamp: datetime
