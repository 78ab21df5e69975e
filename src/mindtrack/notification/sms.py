"""Text messages through a provider's HTTP webhook: one signed JSON POST per message."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx

from mindtrack.config import NotifySettings
from mindtrack.models import OutboxMessage
from mindtrack.notification.outbox import DeliveryError

SIGNATURE_HEADER = "X-MindTrack-Signature"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookSmsSender:
    def __init__(self, settings: NotifySettings, url: str) -> None:
        self.settings = settings
        self.url = url

    async def send(self, message: OutboxMessage) -> None:
        body = json.dumps(
            {"to": message.recipient, "body": message.body, "message_id": str(message.id)}
        ).encode()
        # The provider can drop a retried message it has already sent.
        headers = {"Content-Type": "application/json", "Idempotency-Key": str(message.id)}
        if self.settings.sms_webhook_secret is not None:
            headers[SIGNATURE_HEADER] = signature(
                self.settings.sms_webhook_secret.get_secret_value(), body
            )
        try:
            async with httpx.AsyncClient(timeout=self.settings.smtp_timeout_seconds) as client:
                response = await client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"SMS webhook unreachable ({type(exc).__name__})") from exc
        if not response.is_success:
            raise DeliveryError(f"SMS webhook answered {response.status_code}")
