"""Sealing columns of existing rows in a migration, and opening them again on the way
down: each value is written to a staged column, sealed or opened with its owner's data key
and its place, then the staged column takes the original's place.

Migrations use the key-encryption key of the settings they run with."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mindtrack.config import get_settings
from mindtrack.kit.encryption import KeyEncryptionKeys, field_context, new_key, seal, unseal

Moment = sa.DateTime(timezone=True)
JSONDocument = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
PAGE = 500
# table -> (the column naming the owner, the columns sealed under the owner's key)
SealedTables = dict[str, tuple[str, list["Column"]]]


@dataclass(frozen=True)
class Column:
    name: str
    plain_type: Any
    nullable: bool

    @property
    def is_json(self) -> bool:
        return self.plain_type is JSONDocument


class DataKeys:
    """The people's data keys; sealing makes one as it first meets each person."""

    def __init__(self, connection: sa.Connection, keks: KeyEncryptionKeys, *, create: bool) -> None:
        self.connection, self.keks, self.create = connection, keks, create
        self.known: dict[uuid.UUID, bytes] = {}
        self.table = sa.table(
            "data_keys",
            sa.column("user_id", sa.Uuid()),
            sa.column("kek_id", sa.String()),
            sa.column("wrapped_key", sa.LargeBinary()),
            sa.column("created_at", Moment),
        )

    def key(self, owner: uuid.UUID) -> bytes:
        if owner in self.known:
            return self.known[owner]
        row = self.connection.execute(
            sa.select(self.table.c.kek_id, self.table.c.wrapped_key).where(
                self.table.c.user_id == owner
            )
        ).one_or_none()
        if row is not None:
            key = self.keks.unwrap(owner, row.kek_id, row.wrapped_key)
        elif self.create:
            key = new_key()
            kek_id, wrapped = self.keks.wrap(owner, key)
            self.connection.execute(
                sa.insert(self.table).values(
                    user_id=owner, kek_id=kek_id, wrapped_key=wrapped, created_at=sa.func.now()
                )
            )
        else:
            raise RuntimeError(f"no data key for {owner}: its sealed values cannot be opened")
        self.known[owner] = key
        return key


def _seal_value(key: bytes, column: Column, place: bytes, value: Any) -> bytes:
    data = json.dumps(value, separators=(",", ":"), ensure_ascii=False) if column.is_json else value
    return seal(key, str(data).encode(), place)


def _open_value(key: bytes, column: Column, place: bytes, value: bytes) -> Any:
    text = unseal(key, value, place).decode()
    return json.loads(text) if column.is_json else text


def _staged(column: Column) -> str:
    return f"{column.name}__staged"


def _stage(table_name: str, owner: str, columns: list[Column], keys: DataKeys) -> None:
    """Writes each column's value, sealed (`keys.create`) or opened, to its staged column."""
    connection = op.get_bind()
    sealing = keys.create
    change = _seal_value if sealing else _open_value
    sealed = sa.LargeBinary()
    table = sa.table(
        table_name,
        *(sa.column(name, sa.Uuid()) for name in dict.fromkeys(["id", owner])),
        *(sa.column(c.name, c.plain_type if sealing else sealed) for c in columns),
        *(sa.column(_staged(c), sealed if sealing else c.plain_type) for c in columns),
    )
    after = None
    while True:
        query = sa.select(table).order_by(table.c.id).limit(PAGE)
        if after is not None:
            query = query.where(table.c.id > after)
        rows = connection.execute(query).mappings().all()
        if not rows:
            return
        for row in rows:
            values = {
                _staged(c): change(
                    keys.key(row[owner]),
                    c,
                    field_context(table_name, c.name, row[owner], row["id"]),
                    row[c.name],
                )
                for c in columns
                if row[c.name] is not None
            }
            if values:
                connection.execute(sa.update(table).where(table.c.id == row["id"]).values(values))
        after = rows[-1]["id"]


def _swap(table: str, columns: list[Column], staged_type: Callable[[Column], Any]) -> None:
    """Puts the staged columns in place of the columns of the same name."""
    with op.batch_alter_table(table) as batch:
        for column in columns:
            batch.drop_column(column.name)
            batch.alter_column(
                _staged(column),
                new_column_name=column.name,
                existing_type=staged_type(column),
                nullable=column.nullable,
            )


def seal_columns(tables: SealedTables) -> None:
    keys = DataKeys(op.get_bind(), get_settings().privacy.key_encryption_keys(), create=True)
    for table, (owner, columns) in tables.items():
        for column in columns:
            op.add_column(table, sa.Column(_staged(column), sa.LargeBinary(), nullable=True))
        _stage(table, owner, columns, keys)
        _swap(table, columns, lambda _column: sa.LargeBinary())


def open_columns(tables: SealedTables) -> None:
    keys = DataKeys(op.get_bind(), get_settings().privacy.key_encryption_keys(), create=False)
    for table, (owner, columns) in tables.items():
        for column in columns:
            op.add_column(table, sa.Column(_staged(column), column.plain_type, nullable=True))
        _stage(table, owner, columns, keys)
        _swap(table, columns, lambda column: column.plain_type)
