from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from mindtrack.crisis.schemas import CrisisSupport

MAX_MESSAGE = 2000
MessageText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MESSAGE),
    Field(description="What you want to say, 1–2,000 characters.", examples=["I feel anxious about tomorrow"]),
]  # fmt: skip


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: MessageText


class MessageRead(BaseModel):
    id: uuid.UUID
    role: Literal["user", "assistant"]
    content: str
    at: datetime


class ConversationSummary(BaseModel):
    id: uuid.UUID
    channel: str = Field(description="text or voice: how the conversation began.")
    created_at: datetime
    updated_at: datetime = Field(description="When the latest message was sent.")
    messages: int


class ConversationRead(ConversationSummary):
    history: list[MessageRead] = Field(description="Every message, oldest first.")


class CompanionReply(BaseModel):
    message: MessageRead
    tone: str = Field(examples=["supportive"])
    technique: str | None = Field(
        description="The technique the reply suggests (grounding, breathing, activation, "
        "reframing, sleep, reaching_out, savouring), or safety in a crisis reply."
    )
    engine: str = Field(description="offline: the built-in dialogue policy (not a language model).")
    recommendations: list[str]


class TurnRead(BaseModel):
    """Your message, the companion's reply, and what it was based on."""

    conversation_id: uuid.UUID
    reply: CompanionReply
    mood_aware: bool = Field(description="The reply knows your recent check-ins.")
    moods_known: int = Field(description="Check-ins of the last 14 days the reply knows of.")
    risk_level: str = Field(description="The crisis signal read in your message.")
    intervention_required: bool = Field(
        description="True from a moderate signal up: the reply leads with safety."
    )
    crisis: CrisisSupport | None = Field(
        description="Crisis lines, your safety plan and whom to reach out to, when the message "
        "opened or updated a crisis incident."
    )
