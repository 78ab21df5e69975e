"""Everything held about a person, gathered from every table that refers to them, as
machine-readable JSON and CSV (GDPR articles 15 and 20).

Tables are found from the models, so a table added later is exported without anyone having
to remember it. Secrets are left out: password and token hashes, two-step secrets, data keys."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, inspect, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.models import (
    AuditEvent,
    AuditHead,
    Base,
    ClinicianNote,
    CrisisIncident,
    DataExport,
    DataKey,
    DeliveryAttempt,
    IncidentEvent,
    OidcLogin,
    OutboxMessage,
    User,
)

# Not the person's data but what protects it, or a half-finished sign-in.
SKIPPED_TABLES = {DataKey, AuditHead, OidcLogin, DataExport}
SECRET_COLUMNS = {"password_hash", "totp_secret", "totp_last_step", "wrapped_key"}

Record = dict[str, Any]


def _exportable(column: str) -> bool:
    return column not in SECRET_COLUMNS and not column.endswith("_hash")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def as_record(row: Any) -> Record:
    return {
        attr.key: _plain(getattr(row, attr.key))
        for attr in inspect(type(row)).column_attrs
        if _exportable(attr.key) and not isinstance(getattr(row, attr.key), bytes)
    }


def _about(model: type[Any], user_id: uuid.UUID) -> ColumnElement[bool] | None:
    """Which of the model's rows are about this person, if any can be."""
    if model is ClinicianNote:  # a therapist's private notes are theirs until shared
        return (ClinicianNote.patient_id == user_id) & ClinicianNote.visible_to_patient
    if model is AuditEvent:
        return or_(AuditEvent.actor_id == user_id, AuditEvent.subject_id == user_id)
    if model is IncidentEvent:
        incidents = select(CrisisIncident.id).where(CrisisIncident.user_id == user_id)
        return IncidentEvent.incident_id.in_(incidents)
    if model is DeliveryAttempt:
        messages = select(OutboxMessage.id).where(OutboxMessage.user_id == user_id)
        return DeliveryAttempt.message_id.in_(messages)
    for column in ("user_id", "patient_id"):
        if column in model.__table__.columns:
            owned: ColumnElement[bool] = getattr(model, column) == user_id
            return owned
    return None


async def collect(session: AsyncSession, user: User) -> dict[str, list[Record]]:
    """Every table's rows about the person, by table name; `account` first."""
    held: dict[str, list[Record]] = {"account": [as_record(user)]}
    for mapper in sorted(Base.registry.mappers, key=lambda m: m.class_.__tablename__):
        model = mapper.class_
        if model is User or model in SKIPPED_TABLES:
            continue
        condition = _about(model, user.id)
        if condition is None:
            continue
        rows = (await session.scalars(select(model).where(condition))).all()
        if rows:
            held[model.__tablename__] = [as_record(row) for row in rows]
    return held


def as_json(held: dict[str, list[Record]]) -> bytes:
    return json.dumps(held, indent=2, ensure_ascii=False, sort_keys=True).encode()


def as_csv(records: list[Record]) -> bytes:
    """One row per record; lists and objects as JSON in their cell."""
    columns = sorted({key for record in records for key in record})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in record.items()
            }
        )
    return out.getvalue().encode()
