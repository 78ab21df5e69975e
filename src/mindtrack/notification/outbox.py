"""Writing messages to the outbox, inside the caller's transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.time import utcnow
from mindtrack.models import DeliveryStatus, OutboxMessage, User


class DeliveryError(Exception):
    """A channel could not hand a message over; the outbox tries again later."""


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


@dataclass(frozen=True, slots=True)
class Message:
    """What to send, to whom. Messages about a person's crisis name no journal text."""

    kind: str
    channel: Channel
    recipient: str
    subject: str
    body: str


def email_to(user: User, kind: str, subject: str, body: str) -> Message:
    """An email to the account's own address."""
    return Message(
        kind=kind, channel=Channel.EMAIL, recipient=user.email, subject=subject, body=body
    )


async def enqueue(session: AsyncSession, user_id: uuid.UUID, message: Message) -> OutboxMessage:
    """Adds `message` to the session's transaction: it is sent only if that commits."""
    now = utcnow()
    row = OutboxMessage(
        id=uuid.uuid4(),
        user_id=user_id,
        kind=message.kind,
        channel=message.channel.value,
        recipient=message.recipient,
        subject=message.subject,
        body=message.body,
        status=DeliveryStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    return row
