"""Encryption at rest, done by the unit of work: sensitive columns (typed `SealedText` /
`SealedJSON`) are sealed under their owner's data key as they are flushed and opened as they
are loaded, so every domain reads and writes plain values and none can forget to encrypt.

A model with sealed columns names the column holding the owner's id in `__sealed_owner__`."""

from __future__ import annotations

import uuid
from itertools import chain
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, QueryContext, Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.unitofwork import UOWTransaction

from mindtrack.kit.db import AppSession
from mindtrack.kit.encryption import Ciphertext, Sealed, field_context, seal, unseal
from mindtrack.models import Base, User
from mindtrack.privacy.keyring import (
    add_key_for_new_account,
    drop_pending_keys,
    keep_committed_keys,
    session_keyring,
    store_new_account_keys,
)

SealedColumn = tuple[str, str, Sealed]  # attribute, column name, type


_sealed_by_model: dict[type, tuple[SealedColumn, ...]] = {}


def sealed_columns(model: type) -> tuple[SealedColumn, ...]:
    found = _sealed_by_model.get(model)
    if found is None:
        mapper: Mapper[Any] = inspect(model)
        found = _sealed_by_model[model] = tuple(
            (attr.key, attr.columns[0].name, attr.columns[0].type)
            for attr in mapper.column_attrs
            if isinstance(attr.columns[0].type, Sealed)
        )
    return found


def _owner(obj: Any) -> uuid.UUID:
    owner: uuid.UUID = getattr(obj, obj.__sealed_owner__)
    return owner


def _place(obj: Any, column: str) -> bytes:
    return field_context(obj.__tablename__, column, _owner(obj), obj.id)


def _seal_changes(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    for obj in session.new:
        if isinstance(obj, User):
            obj.id = obj.id or uuid.uuid4()
            add_key_for_new_account(session, obj.id)
    opened: list[tuple[Any, str, Any]] = session.info.setdefault("sealed_in_flush", [])
    for obj in chain(session.new, session.dirty):
        columns = sealed_columns(type(obj))
        if not columns:
            continue
        is_new = obj in session.new
        state = inspect(obj)
        for attr, column, kind in columns:
            value = getattr(obj, attr)
            if value is None or isinstance(value, Ciphertext):
                continue
            if not is_new and not state.attrs[attr].history.has_changes():
                continue
            obj.id = obj.id or uuid.uuid4()
            key = session_keyring(session).write_key(session, _owner(obj))
            setattr(obj, attr, seal(key, kind.encode(value), _place(obj, column)))
            opened.append((obj, attr, value))


def _show_plaintext_again(session: Session, _context: UOWTransaction) -> None:
    # What was flushed stays readable in the session as the plain value it was given.
    for obj, attr, value in session.info.pop("sealed_in_flush", []):
        set_committed_value(obj, attr, value)


def _open(obj: Any, session: Session, attrs: Any = None) -> None:
    for attr, column, kind in sealed_columns(type(obj)):
        if attrs is not None and attr not in attrs:
            continue
        value = obj.__dict__.get(attr)
        if isinstance(value, Ciphertext):
            key = session_keyring(session).read_key(session, _owner(obj))
            set_committed_value(obj, attr, kind.decode(unseal(key, value, _place(obj, column))))


def _open_loaded(obj: Any, context: QueryContext) -> None:
    if sealed_columns(type(obj)):
        _open(obj, context.session)


def _open_refreshed(obj: Any, context: QueryContext, attrs: Any) -> None:
    if sealed_columns(type(obj)):
        _open(obj, context.session, attrs)


def _after_rollback(session: Session, _previous: Any = None) -> None:
    drop_pending_keys(session)
    session.info.pop("sealed_in_flush", None)


event.listen(AppSession, "before_flush", _seal_changes)
event.listen(AppSession, "after_flush", store_new_account_keys)
event.listen(AppSession, "after_flush_postexec", _show_plaintext_again)
event.listen(AppSession, "after_commit", keep_committed_keys)
event.listen(AppSession, "after_soft_rollback", _after_rollback)
event.listen(Base, "load", _open_loaded, propagate=True)
event.listen(Base, "refresh", _open_refreshed, propagate=True)
