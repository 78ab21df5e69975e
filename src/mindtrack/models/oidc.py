from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin


class OidcIdentity(IdMixin, Base):
    """An account at a sign-in provider (Google, Apple, Facebook) linked to a MindTrack
    account: the provider's stable subject id, never its tokens."""

    __tablename__ = "oidc_identities"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    provider: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OidcLogin(IdMixin, Base):
    """A sign-in started with a provider and not yet finished: what the callback must check
    (the state, the nonce) and prove (the PKCE verifier). Single-use, minutes long."""

    __tablename__ = "oidc_logins"

    provider: Mapped[str] = mapped_column(String(32))
    state_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nonce: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
