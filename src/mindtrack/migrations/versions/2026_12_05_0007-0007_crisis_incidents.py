"""Crisis risk: every assessment, the incidents they open, and each incident's timeline.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "crisis_incidents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("opened_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.Column("acknowledged_at", Moment, nullable=True),
        sa.Column("resolved_at", Moment, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_crisis_incidents_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crisis_incidents")),
    )
    op.create_index("ix_crisis_incidents_user_status", "crisis_incidents", ["user_id", "status"])
    op.create_table(
        "incident_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("detail", JSONDocument, nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["trusted_contacts.id"],
            name=op.f("fk_incident_events_contact_id_trusted_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["crisis_incidents.id"],
            name=op.f("fk_incident_events_incident_id_crisis_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_events")),
    )
    op.create_index(op.f("ix_incident_events_incident_id"), "incident_events", ["incident_id"])
    op.create_table(
        "risk_assessments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("factors", JSONDocument, nullable=False),
        sa.Column("evidence", JSONDocument, nullable=False),
        sa.Column("assessed_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["mood_entries.id"],
            name=op.f("fk_risk_assessments_entry_id_mood_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_risk_assessments_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_assessments")),
    )
    op.create_index(
        "ix_risk_assessments_user_assessed", "risk_assessments", ["user_id", "assessed_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_risk_assessments_user_assessed", table_name="risk_assessments")
    op.drop_table("risk_assessments")
    op.drop_index(op.f("ix_incident_events_incident_id"), table_name="incident_events")
    op.drop_table("incident_events")
    op.drop_index("ix_crisis_incidents_user_status", table_name="crisis_incidents")
    op.drop_table("crisis_incidents")
