"""Encryption at rest: a data key per person, and their sensitive columns sealed under it.

Existing values are sealed here, with the key-encryption key of the settings the migration
runs with (MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY or __KEY_FILE); downgrading opens them again.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mindtrack.migrations.sealed_columns import Column as Column
from mindtrack.migrations.sealed_columns import (
    JSONDocument,
    Moment,
    SealedTables,
    open_columns,
    seal_columns,
)

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT, JSON = sa.Text(), JSONDocument
SEALED: SealedTables = {
    "mood_entries": ("user_id", [Column("notes", TEXT, True)]),
    "checkin_analyses": (
        "user_id",
        [Column("risk_evidence", JSON, False), Column("key_phrases", JSON, False)],
    ),
    "risk_assessments": ("user_id", [Column("evidence", JSON, False)]),
    "safety_plan_versions": ("user_id", [Column("sections", JSON, False)]),
    "trusted_contacts": (
        "user_id",
        [
            Column("name", sa.String(100), False),
            Column("relationship", sa.String(50), True),
            Column("email", sa.String(320), True),
            Column("phone", sa.String(20), True),
        ],
    ),
    "clinician_notes": ("patient_id", [Column("body", TEXT, False)]),
    "referrals": ("user_id", [Column("message", TEXT, True)]),
    "outbox_messages": (
        "user_id",
        [
            Column("recipient", sa.String(320), False),
            Column("subject", sa.String(200), False),
            Column("body", TEXT, False),
        ],
    ),
    "conversation_messages": ("user_id", [Column("content", TEXT, False)]),
}


def _add_owner_to_conversation_messages() -> None:
    op.add_column("conversation_messages", sa.Column("user_id", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE conversation_messages SET user_id = (SELECT conversations.user_id FROM "
        "conversations WHERE conversations.id = conversation_messages.conversation_id)"
    )
    with op.batch_alter_table("conversation_messages") as batch:
        batch.alter_column("user_id", existing_type=sa.Uuid(), nullable=False)
        batch.create_foreign_key(
            "fk_conversation_messages_user_id_users",
            "users",
            ["user_id"],
            ["id"],
            ondelete="CASCADE",
        )


def upgrade() -> None:
    op.create_table(
        "data_keys",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kek_id", sa.String(length=16), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("rewrapped_at", Moment, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_data_keys_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_data_keys")),
    )
    op.create_index(op.f("ix_data_keys_kek_id"), "data_keys", ["kek_id"])
    _add_owner_to_conversation_messages()
    seal_columns(SEALED)


def downgrade() -> None:
    open_columns(SEALED)
    with op.batch_alter_table("conversation_messages") as batch:
        batch.drop_constraint("fk_conversation_messages_user_id_users", type_="foreignkey")
        batch.drop_column("user_id")
    op.drop_index(op.f("ix_data_keys_kek_id"), table_name="data_keys")
    op.drop_table("data_keys")
