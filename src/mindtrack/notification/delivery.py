"""The delivery worker: sends due outbox messages after commit, with retries and backoff.

A message is reserved before it is sent (status `sending` until `leased_until`), so two
workers never send it at once; a worker that dies mid-delivery leaves a reservation that
expires, and the message is tried again. Every attempt is recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Protocol

import structlog
from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.config import NotifySettings, Settings
from mindtrack.kit.db import create_engine, create_session_factory, transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import DeliveryAttempt, DeliveryStatus, OutboxMessage
from mindtrack.notification.email import EmailSender
from mindtrack.notification.outbox import Channel, DeliveryError
from mindtrack.notification.sms import WebhookSmsSender
from mindtrack.privacy.keyring import Keyring

log = structlog.get_logger("mindtrack.notification")
BATCH = 20


class Sender(Protocol):
    async def send(self, message: OutboxMessage) -> None: ...


def _due(now: datetime) -> ColumnElement[bool]:
    """Pending and due, or reserved by a worker whose reservation ran out (it died)."""
    return or_(
        and_(OutboxMessage.status == DeliveryStatus.PENDING, OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.status == DeliveryStatus.SENDING, OutboxMessage.leased_until < now),
    )


class DeliveryWorker:
    def __init__(
        self,
        factory: async_sessionmaker[AsyncSession],
        senders: Mapping[str, Sender],
        settings: NotifySettings,
    ) -> None:
        self.factory = factory
        self.senders = senders
        self.settings = settings
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.run_forever(), name="outbox-delivery")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def wake(self) -> None:
        """Look at the outbox now rather than at the next poll (a message was just written)."""
        self._wake.set()

    async def run_forever(self) -> None:
        while True:
            try:
                await self.deliver_due()
            except Exception:  # a database outage must not end delivery for good
                log.exception("outbox delivery round failed")
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for returns the result when a
            # cancel arrives just as the wake-up does, so stop() would wait for ever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.poll_seconds):
                    await self._wake.wait()
            self._wake.clear()

    async def deliver_due(self) -> int:
        """Delivers every message due now; returns how many were delivered."""
        delivered = 0
        while ids := await self._due_ids():
            for message_id in ids:
                message = await self._reserve(message_id)
                if message is not None:
                    delivered += await self._deliver(message)
        return delivered

    async def _due_ids(self) -> list[object]:
        now = utcnow()
        statement = (
            select(OutboxMessage.id)
            .where(_due(now))
            .order_by(OutboxMessage.next_attempt_at)
            .limit(BATCH)
        )
        async with self.factory() as session:
            return list((await session.execute(statement)).scalars())

    async def _reserve(self, message_id: object) -> OutboxMessage | None:
        """The message, reserved for this worker; None if another worker took it first."""
        now = utcnow()
        claim = (
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                _due(now),
            )
            .values(
                status=DeliveryStatus.SENDING,
                leased_until=now + timedelta(seconds=self.settings.lease_seconds),
                attempts=OutboxMessage.attempts + 1,
                updated_at=now,
            )
        )
        async with transaction(self.factory) as session:
            claimed = (await session.execute(claim)).rowcount  # type: ignore[attr-defined]
            if claimed != 1:
                return None
            return await session.get(OutboxMessage, message_id)

    async def _deliver(self, message: OutboxMessage) -> int:
        error: str | None = None
        try:
            await self.senders[message.channel].send(message)
        except DeliveryError as exc:
            error = str(exc)[:500]
        except KeyError:
            error = f"no sender for channel {message.channel!r}"
        await self._record(message, error)
        return int(error is None)

    async def _record(self, message: OutboxMessage, error: str | None) -> None:
        now = utcnow()
        async with transaction(self.factory) as session:
            row = await session.get(OutboxMessage, message.id)
            if row is None:  # the person deleted their account meanwhile
                return
            session.add(
                DeliveryAttempt(
                    message_id=row.id, attempted_at=now, delivered=error is None, error=error
                )
            )
            row.leased_until = None
            row.updated_at = now
            if error is None:
                row.status, row.delivered_at, row.last_error = DeliveryStatus.DELIVERED, now, None
            elif row.attempts >= self.settings.max_attempts:
                row.status, row.last_error = DeliveryStatus.FAILED, error
                log.error("outbox message given up", message_id=str(row.id), attempts=row.attempts)
            else:
                row.status, row.last_error = DeliveryStatus.PENDING, error
                row.next_attempt_at = now + self.retry_delay(row.attempts)
        if error is not None:
            log.warning("outbox delivery failed", message_id=str(message.id), error=error)

    def retry_delay(self, attempts: int) -> timedelta:
        seconds = self.settings.retry_base_seconds * 2 ** (attempts - 1)
        return timedelta(seconds=min(seconds, self.settings.retry_max_seconds))


def senders(settings: NotifySettings) -> dict[str, Sender]:
    """A sender for each outbox channel this server is set up for."""
    configured: dict[str, Sender] = {Channel.EMAIL: EmailSender(settings)}
    if settings.sms_webhook_url:
        configured[Channel.SMS] = WebhookSmsSender(settings, settings.sms_webhook_url)
    return configured


async def deliver_outbox(settings: Settings, *, once: bool) -> int:
    """Delivers the outbox from this process: what is due now (`once`), or until stopped."""
    engine = create_engine(settings.database)
    worker = DeliveryWorker(
        create_session_factory(engine, Keyring.from_settings(settings.privacy)),
        senders(settings.notify),
        settings.notify,
    )
    try:
        if once:
            return await worker.deliver_due()
        await worker.run_forever()
        return 0  # pragma: no cover - run_forever ends only by cancellation
    finally:
        await engine.dispose()
