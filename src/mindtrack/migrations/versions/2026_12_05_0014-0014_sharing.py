"""Sharing with therapists: grants, clinician notes and the record of every read.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "clinician_notes",
        sa.Column("therapist_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("visible_to_patient", sa.Boolean(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_clinician_notes_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["users.id"],
            name=op.f("fk_clinician_notes_therapist_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinician_notes")),
    )
    with op.batch_alter_table("clinician_notes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clinician_notes_patient_created", ["patient_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_clinician_notes_therapist_id"), ["therapist_id"], unique=False
        )

    op.create_table(
        "sharing_grants",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("therapist_id", sa.Uuid(), nullable=False),
        sa.Column(
            "scopes",
            JSONDocument,
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("expires_at", Moment, nullable=False),
        sa.Column("answered_at", Moment, nullable=True),
        sa.Column("revoked_at", Moment, nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["users.id"],
            name=op.f("fk_sharing_grants_therapist_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sharing_grants_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sharing_grants")),
    )
    with op.batch_alter_table("sharing_grants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sharing_grants_therapist_status", ["therapist_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sharing_grants_user_id"), ["user_id"], unique=False)

    op.create_table(
        "patient_data_access",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("therapist_id", sa.Uuid(), nullable=False),
        sa.Column("grant_id", sa.Uuid(), nullable=False),
        sa.Column("what", sa.String(length=32), nullable=False),
        sa.Column("at", Moment, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["sharing_grants.id"],
            name=op.f("fk_patient_data_access_grant_id_sharing_grants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_patient_data_access_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["users.id"],
            name=op.f("fk_patient_data_access_therapist_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_data_access")),
    )
    with op.batch_alter_table("patient_data_access", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_patient_data_access_grant_id"), ["grant_id"], unique=False
        )
        batch_op.create_index(
            "ix_patient_data_access_patient_at", ["patient_id", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_patient_data_access_therapist_id"), ["therapist_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("patient_data_access", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_data_access_therapist_id"))
        batch_op.drop_index("ix_patient_data_access_patient_at")
        batch_op.drop_index(batch_op.f("ix_patient_data_access_grant_id"))

    op.drop_table("patient_data_access")
    with op.batch_alter_table("sharing_grants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sharing_grants_user_id"))
        batch_op.drop_index("ix_sharing_grants_therapist_status")

    op.drop_table("sharing_grants")
    with op.batch_alter_table("clinician_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clinician_notes_therapist_id"))
        batch_op.drop_index("ix_clinician_notes_patient_created")

    op.drop_table("clinician_notes")
