"""The outbox and its delivery over real SMTP (aiosmtpd), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.app import create_app
from mindtrack.config import NotifySettings, Settings
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import DeliveryAttempt, DeliveryStatus, OutboxMessage
from mindtrack.notification.delivery import DeliveryWorker, senders
from mindtrack.notification.outbox import Channel, Message, enqueue
from tests.conftest import Account, service_logs
from tests.mailbox import Mailbox

Factory = async_sessionmaker[AsyncSession]
NOTE = Message(
    kind="test",
    channel=Channel.EMAIL,
    recipient="sam@example.com",
    subject="Hello from MindTrack",
    body="Alex added you as a trusted contact.",
)


@pytest.fixture
def factory(app: Any) -> Factory:
    return app.state.session_factory  # type: ignore[no-any-return]


def worker(factory: Factory, settings: NotifySettings) -> DeliveryWorker:
    return DeliveryWorker(factory, senders(settings), settings)


async def write(factory: Factory, account: Account, message: Message = NOTE) -> OutboxMessage:
    async with transaction(factory) as session:
        return await enqueue(session, account.user.id, message)


async def stored(factory: Factory) -> tuple[list[OutboxMessage], list[DeliveryAttempt]]:
    async with factory() as session:
        messages = list((await session.execute(select(OutboxMessage))).scalars())
        order = DeliveryAttempt.attempted_at
        attempts = list((await session.execute(select(DeliveryAttempt).order_by(order))).scalars())
    return messages, attempts


async def test_a_committed_message_is_delivered_once_with_a_stable_id(
    factory: Factory, account: Account, mailbox: Mailbox
) -> None:
    written = await write(factory, account)
    delivery = worker(factory, mailbox.settings())
    assert await delivery.deliver_due() == 1
    assert await delivery.deliver_due() == 0
    [email] = mailbox.messages
    assert (email["To"], email["Subject"]) == ("sam@example.com", "Hello from MindTrack")
    assert email["Message-ID"] == f"<{written.id}@mindtrack>"
    assert "trusted contact" in email.get_payload()
    [message], [attempt] = await stored(factory)
    assert (message.status, message.attempts, message.delivered_at is not None) == (
        DeliveryStatus.DELIVERED,
        1,
        True,
    )
    assert (attempt.delivered, attempt.error) == (True, None)


async def test_a_rolled_back_change_sends_nothing(
    factory: Factory, account: Account, mailbox: Mailbox
) -> None:
    async def failing_change() -> None:
        async with transaction(factory) as session:
            await enqueue(session, account.user.id, NOTE)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        await failing_change()
    assert await worker(factory, mailbox.settings()).deliver_due() == 0
    assert mailbox.messages == []
    assert await stored(factory) == ([], [])


async def test_a_refused_message_is_retried_with_backoff_and_every_attempt_recorded(
    factory: Factory, account: Account, mailbox: Mailbox
) -> None:
    mailbox.refuse = 2
    await write(factory, account)
    delivery = worker(factory, mailbox.settings(retry_base_seconds=0.2))
    assert await delivery.deliver_due() == 0
    [message], _ = await stored(factory)
    assert (message.status, message.attempts) == (DeliveryStatus.PENDING, 1)
    assert message.last_error == "SMTP server answered 451"
    assert await delivery.deliver_due() == 0  # not due yet: the backoff holds it back
    await asyncio.sleep(0.25)
    assert await delivery.deliver_due() == 0  # second refusal; the wait doubles
    await asyncio.sleep(0.45)
    assert await delivery.deliver_due() == 1
    assert len(mailbox.messages) == 1
    [message], attempts = await stored(factory)
    assert (message.status, message.attempts) == (DeliveryStatus.DELIVERED, 3)
    assert [a.delivered for a in attempts] == [False, False, True]


async def test_after_the_last_attempt_the_message_is_marked_failed_and_logs_name_no_one(
    factory: Factory, account: Account, mailbox: Mailbox, log_output: Any
) -> None:
    mailbox.refuse = 10
    await write(factory, account)
    delivery = worker(factory, mailbox.settings(max_attempts=2, retry_base_seconds=0.01))
    for _ in range(3):
        await delivery.deliver_due()
        await asyncio.sleep(0.05)
    [message], attempts = await stored(factory)
    assert (message.status, message.attempts, len(attempts)) == (DeliveryStatus.FAILED, 2, 2)
    # The test's own SMTP server logs addresses; the service must not.
    logs = service_logs(log_output)
    assert "outbox message given up" in logs
    assert "sam@example.com" not in logs
    assert "trusted contact" not in logs


async def test_an_unreachable_server_is_a_recorded_failure_not_a_crash(
    factory: Factory, account: Account, mailbox: Mailbox
) -> None:
    await write(factory, account)
    closed_port = mailbox.settings(smtp_port=1, smtp_timeout_seconds=1)
    assert await worker(factory, closed_port).deliver_due() == 0
    [message], [attempt] = await stored(factory)
    assert message.status == DeliveryStatus.PENDING
    assert attempt.error is not None
    assert attempt.error.startswith("SMTP server unreachable")


async def test_a_worker_killed_mid_delivery_still_ends_in_exactly_one_email(
    factory: Factory, account: Account, mailbox: Mailbox, settings: Settings
) -> None:
    mailbox.hold = threading.Event()
    await write(factory, account)
    env = {
        **os.environ,
        "MINDTRACK_DATABASE__URL": settings.database.url,
        "MINDTRACK_NOTIFY__SMTP_PORT": str(mailbox.port),
        # Long enough that the dead worker's reservation outlasts the steps below on a busy
        # machine (a one-second lease once ran out before the check that it holds).
        "MINDTRACK_NOTIFY__LEASE_SECONDS": "5",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "mindtrack", "deliver", env=env, stdout=subprocess.DEVNULL
    )
    try:
        # The process is inside the SMTP conversation, the message not yet accepted.
        assert await asyncio.to_thread(mailbox.holding.wait, 60)
        process.send_signal(signal.SIGKILL)
        assert await asyncio.wait_for(process.wait(), 10) == -signal.SIGKILL
    finally:
        if process.returncode is None:
            process.kill()
    mailbox.hold.set()
    [message], _ = await stored(factory)
    assert (message.status, message.attempts) == (DeliveryStatus.SENDING, 1)
    delivery = worker(factory, mailbox.settings())
    assert await delivery.deliver_due() == 0  # still reserved by the dead worker
    assert message.leased_until is not None
    await asyncio.sleep((message.leased_until - utcnow()).total_seconds() + 0.1)
    assert await delivery.deliver_due() == 1
    assert len(mailbox.messages) == 1
    [message], attempts = await stored(factory)
    assert (message.status, message.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert [a.delivered for a in attempts] == [True]


async def test_two_workers_never_send_the_same_message(
    factory: Factory, account: Account, mailbox: Mailbox
) -> None:
    for _ in range(6):
        await write(factory, account)
    settings = mailbox.settings()
    counts = await asyncio.gather(*(worker(factory, settings).deliver_due() for _ in range(2)))
    assert sum(counts) == 6
    assert len(mailbox.messages) == 6
    assert len({m["Message-ID"] for m in mailbox.messages}) == 6


async def test_the_service_delivers_its_outbox_itself_by_default(
    settings: Settings, account: Account, mailbox: Mailbox
) -> None:
    in_process = settings.model_copy(
        update={"notify": mailbox.settings(deliver_in_process=True, poll_seconds=0.05)}
    )
    service = create_app(in_process)
    async with service.router.lifespan_context(service):
        await write(service.state.session_factory, account)
        for _ in range(100):
            if mailbox.messages:
                break
            await asyncio.sleep(0.05)
    assert len(mailbox.messages) == 1


async def test_stopping_ends_the_worker_even_as_it_is_woken() -> None:
    class Idle(DeliveryWorker):
        async def deliver_due(self) -> int:
            return 0

    # Each number of loop steps between the wake-up and the stop meets the worker at another
    # point of its wait; at one of them Python 3.11's wait_for swallowed the cancel.
    for steps in range(6):
        idle = Idle(None, {}, NotifySettings(poll_seconds=5))  # type: ignore[arg-type]
        idle.start()
        await asyncio.sleep(0.001)
        idle.wake()
        for _ in range(steps):
            await asyncio.sleep(0)
        await asyncio.wait_for(idle.stop(), 2)
