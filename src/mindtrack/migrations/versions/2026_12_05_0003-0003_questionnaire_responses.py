"""Questionnaire responses: completed PHQ-9 and GAD-7 with their scores.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "questionnaire_responses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("answers", JSONDocument, nullable=False),
        sa.Column("total", sa.SmallInteger(), nullable=False),
        sa.Column("severity", sa.String(length=24), nullable=False),
        sa.Column("self_harm_answer", sa.SmallInteger(), nullable=True),
        sa.Column("completed_at", Moment, nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.CheckConstraint(
            "instrument IN ('phq9', 'gad7')",
            name=op.f("ck_questionnaire_responses_instrument_known"),
        ),
        sa.CheckConstraint(
            "total >= 0 AND total <= 27", name=op.f("ck_questionnaire_responses_total_range")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_questionnaire_responses_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_responses")),
    )
    op.create_index(
        "ix_questionnaire_responses_user_instrument_completed",
        "questionnaire_responses",
        ["user_id", "instrument", "completed_at", "id"],
    )


def downgrade() -> None:
    op.drop_index(
        "ix_questionnaire_responses_user_instrument_completed",
        table_name="questionnaire_responses",
    )
    op.drop_table("questionnaire_responses")
