"""Day summaries of every person's check-ins, for fast dashboards; filled from the history.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "mood_days",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Integer(), nullable=False),
        sa.Column("score_min", sa.SmallInteger(), nullable=False),
        sa.Column("score_max", sa.SmallInteger(), nullable=False),
        sa.Column("score_counts", JSONDocument, nullable=False),
        sa.Column("valence_sum", sa.Float(), nullable=False),
        sa.Column("valence_count", sa.Integer(), nullable=False),
        sa.Column("chosen_emotions", JSONDocument, nullable=False),
        sa.Column("detected_emotions", JSONDocument, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mood_days_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name=op.f("pk_mood_days")),
    )
    from mindtrack.analytics.daily import rebuild_all

    rebuild_all(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_table("mood_days")
