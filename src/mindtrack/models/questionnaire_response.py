from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class QuestionnaireResponse(IdMixin, TimestampMixin, Base):
    """One completed PHQ-9 or GAD-7: the answer to each item, in item order, and its score."""

    __tablename__ = "questionnaire_responses"
    __table_args__ = (
        CheckConstraint("instrument IN ('phq9', 'gad7')", name="instrument_known"),
        CheckConstraint("total >= 0 AND total <= 27", name="total_range"),
        # History and trend of one instrument for one person, newest first.
        Index(
            "ix_questionnaire_responses_user_instrument_completed",
            "user_id",
            "instrument",
            "completed_at",
            "id",
        ),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(16))
    answers: Mapped[list[int]] = mapped_column(JSONDocument)
    total: Mapped[int] = mapped_column(SmallInteger)
    severity: Mapped[str] = mapped_column(String(24))
    # PHQ-9 item 9 (thoughts of death or self-harm), kept in a column of its own so that
    # risk monitoring reads it without unpacking answers; null for GAD-7.
    self_harm_answer: Mapped[int | None] = mapped_column(SmallInteger)
    completed_at: Mapped[datetime]
