from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from mindtrack.kit.encryption import SealedText
from mindtrack.models.base import Base, IdMixin, JSONDocument, TimestampMixin


class Role(StrEnum):
    USER = "user"
    THERAPIST = "therapist"
    ADMIN = "admin"


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "users"
    __sealed_owner__ = "id"

    username: Mapped[str] = mapped_column(String(50))
    # Lower-cased copy that enforces case-insensitive uniqueness and serves sign-in lookups.
    username_normalized: Mapped[str] = mapped_column(String(50), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=Role.USER,
    )
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    locale: Mapped[str] = mapped_column(String(35), default="en")
    is_active: Mapped[bool] = mapped_column(default=True)
    # When the person followed the link emailed to this address.
    email_verified_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    # When the person was told their unused account will be erased (retention); cleared by
    # the job once they use it again.
    retention_warned_at: Mapped[datetime | None]
    # Set while the person takes part in population comparisons (they are opt-in).
    population_opt_in_at: Mapped[datetime | None]
    # The purposes consented to now, kept with the account (the consents table has the
    # versions and history) so that every request checks them without another query.
    consents_given: Mapped[list[str]] = mapped_column(
        JSONDocument, default=list, server_default="[]"
    )
    # Two-step sign-in (RFC 6238): the shared secret is set at setup and in force from
    # `totp_enabled_at`; the last accepted time step stops a code being replayed.
    totp_secret: Mapped[str | None] = mapped_column(SealedText)  # under their own data key
    totp_enabled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None]

    @property
    def has_two_step_sign_in(self) -> bool:
        return self.totp_enabled_at is not None
