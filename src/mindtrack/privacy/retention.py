"""Retention: unused accounts are warned, then erased; raw words can be removed after a
while, keeping the scores and analysis figures that analytics use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.config import Settings
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import (
    AuthSession,
    CheckinAnalysis,
    ConversationMessage,
    MoodEntry,
    RiskAssessmentRecord,
    User,
)
from mindtrack.notification.outbox import email_to, enqueue
from mindtrack.privacy import audit
from mindtrack.privacy.erasure import Eraser
from mindtrack.privacy.keyring import Keyring

BATCH = 500


@dataclass(frozen=True)
class RetentionReport:
    warned: int = 0
    erased: int = 0
    notes_removed: int = 0
    messages_removed: int = 0


def _last_used() -> ColumnElement[datetime]:
    last_session = (
        select(func.max(AuthSession.last_used_at))
        .where(AuthSession.user_id == User.id)
        .scalar_subquery()
    )
    return func.coalesce(last_session, User.last_login_at, User.created_at)


def _warning(user: User, erase_on: datetime, settings: Settings) -> tuple[str, str]:
    subject = "Your MindTrack account will be erased unless you sign in"
    body = (
        f"Hello {user.full_name or user.username},\n\n"
        f"Nobody has used your MindTrack account for a long time. To keep no more than we need, "
        f"it will be erased, with everything in it, on {erase_on:%d %B %Y}.\n\n"
        f"To keep it, simply sign in before then. To take your data with you first, export it "
        f"from your privacy settings.\n\n{settings.notify.public_url}\n"
    )
    return subject, body


async def _warn(sessions: async_sessionmaker[AsyncSession], settings: Settings, days: int) -> int:
    now = utcnow()
    erase_on = now + timedelta(days=settings.retention.warning_days)
    quiet_since = now - timedelta(days=days - settings.retention.warning_days)
    async with transaction(sessions) as session:
        # Used again since the warning: the clock starts over.
        await session.execute(
            update(User)
            .where(User.retention_warned_at.is_not(None), _last_used() > User.retention_warned_at)
            .values(retention_warned_at=None)
        )
        # Every worker of a server runs this job; a person being warned by one is skipped
        # by the others (on PostgreSQL; SQLite has one writer at a time).
        due = await session.scalars(
            select(User)
            .where(User.retention_warned_at.is_(None), _last_used() < quiet_since)
            .limit(BATCH)
            .with_for_update(of=User, skip_locked=True)
        )
        warned = 0
        for user in due:
            subject, body = _warning(user, erase_on, settings)
            await enqueue(session, user.id, email_to(user, "retention_warning", subject, body))
            user.retention_warned_at = now
            await audit.record(session, "retention_warning_sent", subject=user.id)
            warned += 1
    return warned


async def _erase(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, keyring: Keyring, days: int
) -> int:
    now = utcnow()
    warned_before = now - timedelta(days=settings.retention.warning_days)
    quiet_since = now - timedelta(days=days)
    eraser = Eraser(settings, keyring)
    erased = 0
    while True:
        # One account per transaction: erasing commits, which would free the others' locks.
        async with transaction(sessions) as session:
            user_id = await session.scalar(
                select(User.id)
                .where(
                    User.retention_warned_at < warned_before,
                    _last_used() < quiet_since,
                    _last_used() <= User.retention_warned_at,
                )
                .limit(1)
                .with_for_update(of=User, skip_locked=True)
            )
            if user_id is None:
                return erased
            await eraser.erase(session, user_id, by="retention")
        erased += 1


async def _remove_old_words(
    sessions: async_sessionmaker[AsyncSession], note_days: int
) -> tuple[int, int]:
    before = utcnow() - timedelta(days=note_days)
    notes = 0
    while True:
        async with transaction(sessions) as session:
            entries = (
                await session.scalars(
                    select(MoodEntry)
                    .where(MoodEntry.recorded_at < before, MoodEntry.notes.is_not(None))
                    .limit(BATCH)
                )
            ).all()
            await _forget_words_of(session, entries)
        if not entries:
            break
        notes += len(entries)
    async with transaction(sessions) as session:
        removed = await session.execute(
            delete(ConversationMessage).where(ConversationMessage.at < before)
        )
    return notes, int(removed.rowcount or 0)  # type: ignore[attr-defined]


async def _forget_words_of(session: AsyncSession, entries: Sequence[MoodEntry]) -> None:
    """Notes go, and the quotes of them in analyses; scores, emotions, figures stay."""
    ids = [entry.id for entry in entries]
    for entry in entries:
        entry.notes = None
    for analysis in await session.scalars(
        select(CheckinAnalysis).where(CheckinAnalysis.entry_id.in_(ids))
    ):
        analysis.risk_evidence, analysis.key_phrases = [], []
    for assessment in await session.scalars(
        select(RiskAssessmentRecord).where(RiskAssessmentRecord.entry_id.in_(ids))
    ):
        assessment.evidence = []


async def apply_retention(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, keyring: Keyring
) -> RetentionReport:
    """One pass of every retention rule that is configured."""
    warned = erased = notes = messages = 0
    if (days := settings.retention.inactive_days) is not None:
        erased = await _erase(sessions, settings, keyring, days)
        warned = await _warn(sessions, settings, days)
    if settings.retention.note_days is not None:
        notes, messages = await _remove_old_words(sessions, settings.retention.note_days)
    return RetentionReport(warned, erased, notes, messages)
