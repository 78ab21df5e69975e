from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedBytes
from mindtrack.models.base import Base, IdMixin


class ExportStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"


class DataExport(IdMixin, Base):
    """A copy of everything held about a person, made on request, kept until it expires."""

    __tablename__ = "data_exports"
    __sealed_owner__ = "user_id"
    __table_args__ = (Index("ix_data_exports_status_requested", "status", "requested_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime]
    ready_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    # The ZIP archive, sealed under the person's data key like everything it holds.
    archive: Mapped[bytes | None] = mapped_column(SealedBytes)
    size: Mapped[int | None] = mapped_column(Integer)
    downloads: Mapped[int] = mapped_column(Integer, default=0)
