"""A real SMTP server (aiosmtpd) on a free local port, and what it received: the `mailbox`
fixture, for every test that sends email."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from mindtrack.config import NotifySettings

TRY_AGAIN = "451 4.3.0 Try again later"


@dataclass
class Mailbox:
    """Accepts mail, or refuses the next `refuse` messages, or holds one DATA until released."""

    messages: list[Message] = field(default_factory=list)
    refuse: int = 0
    hold: threading.Event | None = None
    holding: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return TRY_AGAIN
        if self.hold is not None and not self.hold.is_set():
            self.holding.set()
            await asyncio.to_thread(self.hold.wait)
            return TRY_AGAIN  # the sender is gone by now; nothing was accepted
        self.messages.append(message_from_bytes(envelope.content))
        return "250 2.0.0 OK"

    def settings(self, **overrides: Any) -> NotifySettings:
        values: dict[str, Any] = {
            "smtp_port": self.port,
            "deliver_in_process": False,
            "retry_base_seconds": 0.05,
            "smtp_timeout_seconds": 5,
        }
        return NotifySettings(**{**values, **overrides})


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox(port=_free_port())
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        if box.hold is not None:
            box.hold.set()
        controller.stop()
