from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class TrustedContact(IdMixin, TimestampMixin, Base):
    """Someone a person chose to be told when they may be in crisis. Alerts go only to a
    contact who confirmed (by the one-time link sent to them) and only for the levels the
    person consented to."""

    __tablename__ = "trusted_contacts"
    __sealed_owner__ = "user_id"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    # Contact details: sealed under the person's data key, never logged.
    name: Mapped[str] = mapped_column(SealedText)
    relationship: Mapped[str | None] = mapped_column(SealedText)
    email: Mapped[str | None] = mapped_column(SealedText)
    phone: Mapped[str | None] = mapped_column(SealedText)
    preferred_channel: Mapped[str] = mapped_column(String(16))
    alert_levels: Mapped[list[str]] = mapped_column(JSONDocument)
    # SHA-256 of the one-time confirmation token; the token itself is only in the email.
    confirmation_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    confirmation_sent_at: Mapped[datetime | None]
    confirmation_expires_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]


class ContactConsent(IdMixin, Base):
    """A record of what a person allowed a contact to be told, each time it changed."""

    __tablename__ = "contact_consents"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trusted_contacts.id", ondelete="CASCADE"), index=True
    )
    alert_levels: Mapped[list[str]] = mapped_column(JSONDocument)
    recorded_at: Mapped[datetime]
