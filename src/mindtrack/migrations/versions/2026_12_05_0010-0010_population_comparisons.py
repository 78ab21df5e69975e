"""Population comparisons: people opt in, and differentially private releases are kept.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("population_opt_in_at", Moment, nullable=True))
    op.create_table(
        "population_snapshots",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cohort", sa.String(length=40), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=False),
        sa.Column("released_on", sa.Date(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("mean_average", sa.Float(), nullable=True),
        sa.Column("mean_slope_per_week", sa.Float(), nullable=True),
        sa.Column("histogram", JSONDocument, nullable=True),
        sa.Column("epsilon", sa.Float(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population_snapshots")),
        sa.UniqueConstraint(
            "cohort", "period_days", "released_on", name=op.f("uq_population_snapshots_cohort")
        ),
    )


def downgrade() -> None:
    op.drop_table("population_snapshots")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("population_opt_in_at")
