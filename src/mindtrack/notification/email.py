"""Email over SMTP."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from mindtrack.config import NotifySettings
from mindtrack.models import OutboxMessage
from mindtrack.notification.outbox import DeliveryError


class EmailSender:
    def __init__(self, settings: NotifySettings) -> None:
        self.settings = settings

    async def send(self, message: OutboxMessage) -> None:
        settings = self.settings
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
        try:
            await aiosmtplib.send(
                _email(message, settings.sender),
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                username=settings.smtp_username,
                password=password,
                start_tls=settings.smtp_starttls,
                timeout=settings.smtp_timeout_seconds,
            )
        except aiosmtplib.SMTPResponseException as exc:
            # The server's text may quote the address: keep only its code.
            raise DeliveryError(f"SMTP server answered {exc.code}") from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise DeliveryError(f"SMTP server unreachable ({type(exc).__name__})") from exc


def _email(message: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Date"] = formatdate(usegmt=True)
    # The same id on every try, so a mail client shows a retried message once.
    email["Message-ID"] = f"<{message.id}@mindtrack>"
    email.set_content(message.body)
    return email
