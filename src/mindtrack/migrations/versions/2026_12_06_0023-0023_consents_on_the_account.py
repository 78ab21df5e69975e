"""The purposes each person consents to now, kept on their account as well, so that every
request checks them without another query.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.add_column(
        "users", sa.Column("consents_given", JSONDocument, nullable=False, server_default="[]")
    )
    connection = op.get_bind()
    consents = sa.table(
        "consents",
        sa.column("user_id", sa.Uuid()),
        sa.column("purpose", sa.String()),
        sa.column("granted", sa.Boolean()),
    )
    users = sa.table("users", sa.column("id", sa.Uuid()), sa.column("consents_given", JSONDocument))
    given: defaultdict[object, list[str]] = defaultdict(list)
    granted = sa.select(consents.c.user_id, consents.c.purpose).where(consents.c.granted)
    for user_id, purpose in connection.execute(granted.order_by(consents.c.purpose)):
        given[user_id].append(purpose)
    for user_id, purposes in given.items():
        connection.execute(
            sa.update(users).where(users.c.id == user_id).values(consents_given=purposes)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("consents_given")
