"""Check-in analyses: what the text models read in each note, with model versions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "checkin_analyses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("sentiment", sa.String(length=16), nullable=False),
        sa.Column("sentiment_scores", JSONDocument, nullable=False),
        sa.Column("valence", sa.Float(), nullable=False),
        sa.Column("emotions", JSONDocument, nullable=False),
        sa.Column("emotion_scores", JSONDocument, nullable=False),
        sa.Column("risk_level", sa.String(length=16), nullable=False),
        sa.Column("risk_score", sa.Float(), nullable=False),
        sa.Column("risk_model_probability", sa.Float(), nullable=True),
        sa.Column("risk_evidence", JSONDocument, nullable=False),
        sa.Column("themes", JSONDocument, nullable=False),
        sa.Column("key_phrases", JSONDocument, nullable=False),
        sa.Column("energy", sa.String(length=16), nullable=False),
        sa.Column("chosen_emotions", JSONDocument, nullable=False),
        sa.Column("reliable", sa.Boolean(), nullable=False),
        sa.Column("model_versions", JSONDocument, nullable=False),
        sa.Column("analysed_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["mood_entries.id"],
            name=op.f("fk_checkin_analyses_entry_id_mood_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_checkin_analyses_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_analyses")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_checkin_analyses_entry_id")),
    )
    op.create_index(
        "ix_checkin_analyses_user_analysed", "checkin_analyses", ["user_id", "analysed_at"]
    )
    op.create_index("ix_checkin_analyses_user_risk", "checkin_analyses", ["user_id", "risk_level"])


def downgrade() -> None:
    op.drop_index("ix_checkin_analyses_user_risk", table_name="checkin_analyses")
    op.drop_index("ix_checkin_analyses_user_analysed", table_name="checkin_analyses")
    op.drop_table("checkin_analyses")
