from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedJSON
from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin, JSONDocument


class CheckinAnalysis(IdMixin, Base):
    """What the text models read in one check-in's note, with the exact model versions, so
    that analytics can use it and a model upgrade can be re-run over old entries."""

    __tablename__ = "checkin_analyses"
    __sealed_owner__ = "user_id"
    __table_args__ = (
        Index("ix_checkin_analyses_user_analysed", "user_id", "analysed_at"),
        Index("ix_checkin_analyses_user_risk", "user_id", "risk_level"),
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mood_entries.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    sentiment: Mapped[str] = mapped_column(String(16))
    sentiment_scores: Mapped[dict[str, float]] = mapped_column(JSONDocument)
    valence: Mapped[float] = mapped_column(Float)
    emotions: Mapped[list[str]] = mapped_column(JSONDocument)
    emotion_scores: Mapped[dict[str, float]] = mapped_column(JSONDocument)
    risk_level: Mapped[str] = mapped_column(String(16))
    risk_score: Mapped[float] = mapped_column(Float)
    risk_model_probability: Mapped[float | None] = mapped_column(Float)
    # Quoted spans and phrases of the note: as sensitive as the note itself, and sealed.
    risk_evidence: Mapped[list[dict[str, Any]]] = mapped_column(SealedJSON)
    themes: Mapped[list[str]] = mapped_column(JSONDocument)
    key_phrases: Mapped[list[str]] = mapped_column(SealedJSON)
    energy: Mapped[str] = mapped_column(String(16))
    chosen_emotions: Mapped[dict[str, list[str]]] = mapped_column(JSONDocument)
    reliable: Mapped[bool] = mapped_column(Boolean)
    model_versions: Mapped[dict[str, str]] = mapped_column(JSONDocument)
    analysed_at: Mapped[datetime] = mapped_column(default=utcnow)
