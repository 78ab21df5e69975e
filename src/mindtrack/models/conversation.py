from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class Conversation(IdMixin, TimestampMixin, Base):
    """A person's conversation with the companion."""

    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_user_updated", "user_id", "updated_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))  # text or voice, as it began


class ConversationMessage(IdMixin, Base):
    """One turn: the person's words or the companion's reply. As sensitive as a note."""

    __tablename__ = "conversation_messages"
    __sealed_owner__ = "user_id"
    __table_args__ = (Index("ix_conversation_messages_conversation_at", "conversation_id", "at"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # user or assistant
    # Sealed under the person's data key.
    content: Mapped[str] = mapped_column(SealedText)
    # For a person's message: what the models read (emotions, sentiment, risk level); for a
    # reply: the engine, technique, tone and the library phrases it used.
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    at: Mapped[datetime] = mapped_column(default=utcnow)
