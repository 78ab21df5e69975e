from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.models.base import Base, IdMixin, TimestampMixin


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # due at next_attempt_at
    SENDING = "sending"  # reserved by a worker until leased_until
    DELIVERED = "delivered"
    FAILED = "failed"  # every attempt failed


class OutboxMessage(IdMixin, TimestampMixin, Base):
    """A message to send, written in the same transaction as the change that caused it, so
    that a crash after commit cannot lose it; workers deliver it after commit."""

    __tablename__ = "outbox_messages"
    __sealed_owner__ = "user_id"
    __table_args__ = (
        # What workers look for: due pending messages and expired reservations.
        Index("ix_outbox_messages_status_next_attempt", "status", "next_attempt_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    # Contact details and message text: sealed under the person's data key, never logged.
    recipient: Mapped[str] = mapped_column(SealedText)
    subject: Mapped[str] = mapped_column(SealedText)
    body: Mapped[str] = mapped_column(SealedText)
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    leased_until: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))


class DeliveryAttempt(IdMixin, Base):
    """One try at delivering an outbox message, and how it ended."""

    __tablename__ = "delivery_attempts"

    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime]
    delivered: Mapped[bool]
    error: Mapped[str | None] = mapped_column(String(500))
