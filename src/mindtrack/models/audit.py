from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.models.base import Base, JSONDocument

# SQLite's rowid alias must be INTEGER; PostgreSQL gets room for a long-lived trail.
SequenceNumber = BigInteger().with_variant(Integer(), "sqlite")


class AuditEvent(Base):
    """One security-relevant event. Each names the hash of the one before it, so an edit or
    a deletion anywhere breaks the chain (`mindtrack audit verify`). No foreign keys: the
    trail outlives the accounts it mentions, which it names only by id."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(SequenceNumber, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(48), index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    subject_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The chain's newest link, in one row: appending takes its lock, so events join the
    chain one at a time, and deleting the newest events shows as a head with no event."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(SequenceNumber)
    hash: Mapped[str] = mapped_column(String(64))
