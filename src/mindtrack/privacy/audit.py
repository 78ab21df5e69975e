"""The audit trail: security-relevant events, appended in the transaction of the change
they record and chained by SHA-256, so that editing or deleting any of them is detected.

Events name people only by id and never carry what a person wrote: no notes, emails,
contact details or tokens, only what happened, who did it and to whom."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.time import as_utc, utcnow
from mindtrack.models import AuditEvent, AuditHead

GENESIS = "0" * 64
HEAD_ID = 1
VERIFY_PAGE = 5_000


def link_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    action: str,
    actor_id: uuid.UUID | None,
    subject_id: uuid.UUID | None,
    detail: dict[str, Any],
) -> str:
    content = json.dumps(
        [
            prev_hash,
            seq,
            as_utc(at).isoformat(timespec="microseconds"),
            action,
            str(actor_id) if actor_id else None,
            str(subject_id) if subject_id else None,
            detail,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode()).hexdigest()


async def record(
    session: AsyncSession,
    action: str,
    /,
    *,
    actor: uuid.UUID | None = None,
    subject: uuid.UUID | None = None,
    **detail: Any,
) -> AuditEvent:
    """Appends an event in the caller's transaction: it is kept only if that commits.
    Taking the head row's lock puts concurrent appends in one line."""
    claimed = await session.execute(
        update(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .values(seq=AuditHead.seq + 1)
        .returning(AuditHead.seq, AuditHead.hash)
    )
    seq, prev_hash = claimed.one()
    at = utcnow()
    digest = link_hash(prev_hash, seq, at, action, actor, subject, detail)
    event = AuditEvent(
        seq=seq,
        at=at,
        action=action,
        actor_id=actor,
        subject_id=subject,
        detail=detail,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(event)
    await session.execute(update(AuditHead).where(AuditHead.id == HEAD_ID).values(hash=digest))
    await session.flush()
    return event


@dataclass(frozen=True, slots=True)
class Verification:
    events: int  # how many were checked
    broken_at: int | None  # the sequence number of the first broken link
    reason: str | None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


async def _in_order(session: AsyncSession) -> AsyncIterator[AuditEvent]:
    after = 0
    while True:
        page = list(
            (
                await session.execute(
                    select(AuditEvent)
                    .where(AuditEvent.seq > after)
                    .order_by(AuditEvent.seq)
                    .limit(VERIFY_PAGE)
                )
            ).scalars()
        )
        for event in page:
            yield event
        if len(page) < VERIFY_PAGE:
            return
        after = page[-1].seq


async def verify(session: AsyncSession) -> Verification:
    """Walks the chain from the first event; names the first link that does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    async for event in _in_order(session):
        if event.seq != expected_seq:
            return Verification(checked, expected_seq, f"event {expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return Verification(checked, event.seq, "it does not follow the event before it")
        recomputed = link_hash(
            event.prev_hash,
            event.seq,
            event.at,
            event.action,
            event.actor_id,
            event.subject_id,
            event.detail,
        )
        if recomputed != event.hash:
            return Verification(checked, event.seq, "it was changed after it was written")
        prev_hash, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    head = await session.get(AuditHead, HEAD_ID)
    if head is None or head.seq != checked or head.hash != prev_hash:
        return Verification(checked, checked + 1, "the newest events were removed")
    return Verification(checked, None, None)
