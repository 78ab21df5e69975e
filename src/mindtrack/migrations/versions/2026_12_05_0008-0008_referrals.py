"""Therapist profiles for the directory, and referral requests to them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "referrals",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("therapist_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("answered_at", Moment, nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["users.id"],
            name=op.f("fk_referrals_therapist_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_referrals_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referrals_therapist_status", ["therapist_id", "status"], unique=False
        )
        batch_op.create_index("ix_referrals_user_status", ["user_id", "status"], unique=False)

    op.create_table(
        "therapist_profiles",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("credentials", sa.String(length=200), nullable=False),
        sa.Column(
            "specialties",
            JSONDocument,
            nullable=False,
        ),
        sa.Column(
            "languages",
            JSONDocument,
            nullable=False,
        ),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("accepting_new_clients", sa.Boolean(), nullable=False),
        sa.Column("bio", sa.Text(), nullable=True),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_therapist_profiles_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_therapist_profiles")),
    )
    with op.batch_alter_table("therapist_profiles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_therapist_profiles_accepting_new_clients"),
            ["accepting_new_clients"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_therapist_profiles_country"), ["country"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("therapist_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_therapist_profiles_country"))
        batch_op.drop_index(batch_op.f("ix_therapist_profiles_accepting_new_clients"))

    op.drop_table("therapist_profiles")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_user_status")
        batch_op.drop_index("ix_referrals_therapist_status")

    op.drop_table("referrals")
