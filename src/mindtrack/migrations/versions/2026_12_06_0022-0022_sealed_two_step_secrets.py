"""Two-step sign-in secrets sealed under each person's data key, like their other secrets.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa

from mindtrack.migrations.sealed_columns import Column, SealedTables, open_columns, seal_columns

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEALED: SealedTables = {"users": ("id", [Column("totp_secret", sa.String(64), True)])}


def upgrade() -> None:
    seal_columns(SEALED)


def downgrade() -> None:
    open_columns(SEALED)
