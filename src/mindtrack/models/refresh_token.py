from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base, IdMixin


class RefreshToken(IdMixin, Base):
    """A single-use refresh token, stored only as a hash. `used_at` marks it rotated: a second
    use of the same token means it leaked, and the whole session is revoked."""

    __tablename__ = "refresh_tokens"

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth_sessions.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
