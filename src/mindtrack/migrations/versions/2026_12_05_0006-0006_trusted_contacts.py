"""Trusted contacts, their one-time confirmation, and each consent given for them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "trusted_contacts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("relationship", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("preferred_channel", sa.String(length=16), nullable=False),
        sa.Column("alert_levels", JSONDocument, nullable=False),
        sa.Column("confirmation_token_hash", sa.String(length=64), nullable=True),
        sa.Column("confirmation_sent_at", Moment, nullable=True),
        sa.Column("confirmation_expires_at", Moment, nullable=True),
        sa.Column("confirmed_at", Moment, nullable=True),
        sa.Column("declined_at", Moment, nullable=True),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_trusted_contacts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_contacts")),
        sa.UniqueConstraint(
            "confirmation_token_hash", name=op.f("uq_trusted_contacts_confirmation_token_hash")
        ),
    )
    op.create_index(op.f("ix_trusted_contacts_user_id"), "trusted_contacts", ["user_id"])
    op.create_table(
        "contact_consents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("alert_levels", JSONDocument, nullable=False),
        sa.Column("recorded_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_contact_consents_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["trusted_contacts.id"],
            name=op.f("fk_contact_consents_contact_id_trusted_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_consents")),
    )
    op.create_index(op.f("ix_contact_consents_contact_id"), "contact_consents", ["contact_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_consents_contact_id"), table_name="contact_consents")
    op.drop_table("contact_consents")
    op.drop_index(op.f("ix_trusted_contacts_user_id"), table_name="trusted_contacts")
    op.drop_table("trusted_contacts")
