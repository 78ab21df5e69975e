"""Alerts carry a one-time link with which the contact says they are reaching out.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("incident_events") as batch:
        batch.add_column(sa.Column("ack_token_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(
            op.f("uq_incident_events_ack_token_hash"), ["ack_token_hash"]
        )


def downgrade() -> None:
    with op.batch_alter_table("incident_events") as batch:
        batch.drop_constraint(op.f("uq_incident_events_ack_token_hash"), type_="unique")
        batch.drop_column("ack_token_hash")
