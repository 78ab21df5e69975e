from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedJSON
from mindtrack.models.base import Base, IdMixin, TimestampMixin


class SafetyPlanVersion(IdMixin, TimestampMixin, Base):
    """One saved version of a person's Stanley–Brown safety plan. Saving never overwrites:
    each save adds the next version, and earlier versions stay readable."""

    __tablename__ = "safety_plan_versions"
    __sealed_owner__ = "user_id"
    __table_args__ = (
        UniqueConstraint("user_id", "version", name="uq_safety_plan_versions_user_version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    # The six sections and reasons for living, as validated by `crisis.schemas.SafetyPlan`.
    # Sensitive free text, sealed under the person's data key.
    sections: Mapped[dict[str, Any]] = mapped_column(SealedJSON)
