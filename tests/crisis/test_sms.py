"""Contacts reached by text message, through an SMS webhook served locally over real HTTP."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.config import Settings
from mindtrack.models import DeliveryAttempt
from mindtrack.notification.delivery import DeliveryWorker, senders
from mindtrack.notification.sms import SIGNATURE_HEADER, signature
from tests.conftest import Account, make_settings
from tests.crisis.test_contacts import answer
from tests.crisis.test_escalation import IMMINENT, checkin
from tests.mailbox import Mailbox
from tests.sms_gateway import SmsGateway

CONTACTS = "/api/v1/crisis/contacts"
SECRET = "webhook-secret-for-tests"
Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
def settings(database_url: str, mailbox: Mailbox, sms_gateway: SmsGateway) -> Settings:
    notify = mailbox.settings(sms_webhook_url=sms_gateway.url, sms_webhook_secret=SECRET)
    return make_settings(database_url, notify=notify)


@pytest.fixture
def factory(app: Any) -> Factory:
    return app.state.session_factory  # type: ignore[no-any-return]


async def deliver(factory: Factory, settings: Settings) -> int:
    return await DeliveryWorker(factory, senders(settings.notify), settings.notify).deliver_due()


def sms_contact(**fields: Any) -> dict[str, Any]:
    body = {"name": "Ravi", "phone": "+1 415 555 2671", "preferred_channel": "sms"}
    return {**body, "alert_levels": ["imminent"], **fields}


async def test_a_text_message_contact_confirms_and_is_alerted_by_signed_webhook_posts(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    settings: Settings,
    sms_gateway: SmsGateway,
) -> None:
    created = await client.post(CONTACTS, json=sms_contact(), headers=account.headers)
    assert created.status_code == 201, created.text
    assert created.json()["email"] is None
    assert await deliver(factory, settings) == 1
    [request] = sms_gateway.received
    assert request["json"]["to"] == "+14155552671"
    assert request["headers"]["Idempotency-Key"] == request["json"]["message_id"]
    assert request["headers"][SIGNATURE_HEADER] == signature(SECRET, request["raw"])
    token = request["json"]["body"].rsplit("token=", 1)[1]
    assert "now one of" in (await answer(client, token, "yes")).text

    await checkin(client, account, IMMINENT, 1)
    assert await deliver(factory, settings) == 1
    alert = sms_gateway.received[-1]["json"]
    assert alert["to"] == "+14155552671"
    assert "may be going through a very hard time" in alert["body"]
    for private in ("pills", "goodbye"):
        assert private not in json.dumps(alert)


async def test_a_refusing_gateway_is_retried_and_each_attempt_recorded(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    settings: Settings,
    sms_gateway: SmsGateway,
) -> None:
    sms_gateway.refuse = 1
    await client.post(CONTACTS, json=sms_contact(), headers=account.headers)
    assert await deliver(factory, settings) == 0
    async with factory() as session:
        [attempt] = (await session.execute(select(DeliveryAttempt))).scalars()
    assert (attempt.delivered, attempt.error) == (False, "SMS webhook answered 503")
    await asyncio.sleep(0.1)
    assert await deliver(factory, settings) == 1
    assert len(sms_gateway.received) == 1


@pytest.mark.parametrize(
    "body",
    [
        sms_contact(phone=None),
        {"name": "Sam", "preferred_channel": "email", "phone": "+14155552671"},
    ],
)
async def test_the_preferred_channel_needs_its_address(
    client: httpx.AsyncClient, account: Account, body: dict[str, Any]
) -> None:
    response = await client.post(CONTACTS, json=body, headers=account.headers)
    assert response.status_code == 422
    assert "is needed to reach this contact" in response.json()["detail"]


async def test_text_messages_are_refused_where_the_server_has_no_sms_gateway(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    app.state.settings.notify.sms_webhook_url = None
    response = await client.post(CONTACTS, json=sms_contact(), headers=account.headers)
    assert response.status_code == 422
    assert "does not send text messages" in response.json()["detail"]
    assert (await client.get(CONTACTS, headers=account.headers)).json() == []
