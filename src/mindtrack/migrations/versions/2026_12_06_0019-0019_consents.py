"""Consents: where each person stands on each purpose, and every change.

Accounts made before consents were recorded get the consents their sign-up implied
(processing of health data, AI analysis of notes, alerts to confirmed trusted contacts),
and population comparisons as they had chosen them, recorded at sign-up time.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = sa.DateTime(timezone=True)
FIRST_VERSION = "2026-12-01"
IMPLIED = ("health_data", "ai_analysis", "contact_alerts")


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_consents_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "purpose", name=op.f("pk_consents")),
    )
    op.create_table(
        "consent_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", Moment, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_consent_events_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_events")),
    )
    op.create_index("ix_consent_events_user_recorded", "consent_events", ["user_id", "recorded_at"])
    _record_what_sign_up_implied()


def _record_what_sign_up_implied() -> None:
    connection = op.get_bind()
    users = sa.table(
        "users",
        sa.column("id", sa.Uuid()),
        sa.column("created_at", Moment),
        sa.column("population_opt_in_at", Moment),
    )
    common = (
        sa.column("user_id", sa.Uuid()),
        sa.column("purpose", sa.String()),
        sa.column("granted", sa.Boolean()),
        sa.column("version", sa.String()),
    )
    consents = sa.table("consents", *common, sa.column("updated_at", Moment))
    events = sa.table(
        "consent_events",
        *(sa.column(c.name, c.type) for c in common),
        sa.column("id", sa.Uuid()),
        sa.column("source", sa.String()),
        sa.column("recorded_at", Moment),
    )
    for user in connection.execute(sa.select(users)).all():
        states = dict.fromkeys(IMPLIED, True)
        if user.population_opt_in_at is not None:
            states["population_comparisons"] = True
        for purpose, granted in states.items():
            at = (
                user.population_opt_in_at
                if purpose == "population_comparisons" and granted
                else user.created_at
            )
            values = {"user_id": user.id, "purpose": purpose, "granted": granted,
                      "version": FIRST_VERSION}  # fmt: skip
            connection.execute(sa.insert(consents).values(**values, updated_at=at))
            connection.execute(
                sa.insert(events).values(
                    **values, id=uuid.uuid4(), source="migration", recorded_at=at
                )
            )


def downgrade() -> None:
    op.drop_index("ix_consent_events_user_recorded", table_name="consent_events")
    op.drop_table("consent_events")
    op.drop_table("consents")
