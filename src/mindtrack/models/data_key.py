from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.time import utcnow
from mindtrack.models.base import Base


class DataKey(Base):
    """A person's data key, wrapped under the key-encryption key named by `kek_id`. Deleting
    it makes everything sealed under it unreadable, in this database and in every backup."""

    __tablename__ = "data_keys"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kek_id: Mapped[str] = mapped_column(String(16), index=True)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    rewrapped_at: Mapped[datetime | None]
