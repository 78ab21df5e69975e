"""Trusted contacts over HTTP, and the page a contact answers on; SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import ContactConsent, OutboxMessage, TrustedContact, User
from tests.conftest import Account, service_logs
from tests.mood.test_router import assert_validation_problem

CONTACTS = "/api/v1/crisis/contacts"
CONFIRM = "/contacts/confirm"
Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
def factory(app: Any) -> Factory:
    return app.state.session_factory  # type: ignore[no-any-return]


def contact(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Sam",
        "relationship": "sister",
        "email": "sam@example.com",
        "phone": "+44 20 7946 0958",
        "alert_levels": ["imminent", "high"],
        **fields,
    }


async def add(client: httpx.AsyncClient, account: Account, **fields: Any) -> dict[str, Any]:
    response = await client.post(CONTACTS, json=contact(**fields), headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def outbox(factory: Factory) -> list[OutboxMessage]:
    async with factory() as session:
        statement = select(OutboxMessage).order_by(OutboxMessage.created_at)
        return list((await session.execute(statement)).scalars())


async def latest_token(factory: Factory) -> str:
    body = (await outbox(factory))[-1].body
    match = re.search(r"/contacts/confirm\?token=([\w-]+)", body)
    assert match, body
    return match.group(1)


async def answer(client: httpx.AsyncClient, token: str, reply: str) -> httpx.Response:
    return await client.post(
        CONFIRM,
        content=f"token={token}&answer={reply}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


async def test_a_contact_confirms_once_through_the_emailed_link(
    client: httpx.AsyncClient, account: Account, factory: Factory
) -> None:
    created = await add(client, account)
    assert created["status"] == "awaiting_confirmation"
    assert created["alert_levels"] == ["high", "imminent"]
    assert created["phone"] == "+442079460958"
    [email] = await outbox(factory)
    assert (email.kind, email.recipient) == ("contact_confirmation", "sam@example.com")
    assert account.user.username in email.subject
    token = await latest_token(factory)
    page = await client.get(CONFIRM, params={"token": token})
    assert page.status_code == 200
    assert "would like you as a trusted contact" in page.text
    assert page.headers["cache-control"] == "no-store"
    # Opening the page (as a link scanner would) does not answer for the contact.
    url = f"{CONTACTS}/{created['id']}"
    assert (await client.get(url, headers=account.headers)).json()[
        "status"
    ] == "awaiting_confirmation"
    assert "now one of" in (await answer(client, token, "yes")).text
    confirmed = (await client.get(url, headers=account.headers)).json()
    assert confirmed["status"] == "confirmed"
    assert confirmed["confirmed_at"] is not None
    reused = await answer(client, token, "no")
    assert reused.status_code == 404
    assert (await client.get(url, headers=account.headers)).json()["status"] == "confirmed"


async def test_a_contact_can_decline(
    client: httpx.AsyncClient, account: Account, factory: Factory
) -> None:
    created = await add(client, account)
    reply = await answer(client, await latest_token(factory), "no")
    assert "will not be contacted" in reply.text
    url = f"{CONTACTS}/{created['id']}"
    assert (await client.get(url, headers=account.headers)).json()["status"] == "declined"


async def test_an_expired_or_unknown_link_says_so(
    client: httpx.AsyncClient, account: Account, factory: Factory
) -> None:
    await add(client, account)
    token = await latest_token(factory)
    async with transaction(factory) as session:
        past = utcnow() - timedelta(minutes=1)
        await session.execute(update(TrustedContact).values(confirmation_expires_at=past))
    expired = await client.get(CONFIRM, params={"token": token})
    assert expired.status_code == 410
    assert "expired" in expired.text
    assert (await answer(client, token, "yes")).status_code == 410
    assert (await client.get(CONFIRM, params={"token": "not-a-token"})).status_code == 404
    assert (await answer(client, token, "maybe")).status_code == 422


async def test_consent_changes_are_recorded_and_a_new_address_must_confirm_again(
    client: httpx.AsyncClient, account: Account, factory: Factory
) -> None:
    created = await add(client, account, alert_levels=[])
    url = f"{CONTACTS}/{created['id']}"
    await answer(client, await latest_token(factory), "yes")
    first_token = await latest_token(factory)
    patch = {"alert_levels": ["imminent"]}
    assert (await client.patch(url, json=patch, headers=account.headers)).json()[
        "status"
    ] == "confirmed"
    await client.patch(url, json=patch, headers=account.headers)  # the same consent again
    moved = await client.patch(url, json={"email": "sam@new.example"}, headers=account.headers)
    assert moved.json()["status"] == "awaiting_confirmation"
    messages = await outbox(factory)
    assert [m.recipient for m in messages] == ["sam@example.com", "sam@new.example"]
    assert await latest_token(factory) != first_token
    async with factory() as session:
        consents = (
            await session.execute(select(ContactConsent).order_by(ContactConsent.recorded_at))
        ).scalars()
        assert [c.alert_levels for c in consents] == [[], ["imminent"]]


async def test_a_confirmation_is_resent_only_after_a_pause_and_never_once_confirmed(
    client: httpx.AsyncClient, account: Account, factory: Factory
) -> None:
    created = await add(client, account)
    resend = f"{CONTACTS}/{created['id']}/resend-confirmation"
    assert (await client.post(resend, headers=account.headers)).status_code == 409
    async with transaction(factory) as session:
        earlier = utcnow() - timedelta(minutes=11)
        await session.execute(update(TrustedContact).values(confirmation_sent_at=earlier))
    assert (await client.post(resend, headers=account.headers)).status_code == 200
    assert len(await outbox(factory)) == 2
    await answer(client, await latest_token(factory), "yes")
    already = await client.post(resend, headers=account.headers)
    assert already.status_code == 409
    assert "already confirmed" in already.json()["detail"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"phone": "0207 946 0958"}, "phone"),
        ({"phone": "+44 12"}, "phone"),
        ({"alert_levels": ["low"]}, "alert_levels.0"),
        ({"name": "x" * 101}, "name"),
        ({"name": " "}, "name"),
        ({"preferred_channel": "carrier pigeon"}, "preferred_channel"),
        ({"notes": "extra"}, "notes"),
    ],
)
async def test_bad_contact_details_are_refused_and_nothing_is_stored_or_sent(
    client: httpx.AsyncClient,
    account: Account,
    factory: Factory,
    changes: dict[str, Any],
    field: str,
) -> None:
    response = await client.post(CONTACTS, json=contact(**changes), headers=account.headers)
    assert_validation_problem(response, field)
    assert (await client.get(CONTACTS, headers=account.headers)).json() == []
    assert await outbox(factory) == []


async def test_contacts_are_private_to_their_owner(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other: Account = await make_account()
    created = await add(client, account)
    url = f"{CONTACTS}/{created['id']}"
    assert (await client.get(url, headers=other.headers)).status_code == 404
    assert (await client.patch(url, json={"name": "X"}, headers=other.headers)).status_code == 404
    assert (await client.delete(url, headers=other.headers)).status_code == 404
    assert (
        await client.post(f"{url}/resend-confirmation", headers=other.headers)
    ).status_code == 404
    assert (await client.get(CONTACTS, headers=other.headers)).json() == []
    assert (await client.delete(url, headers=account.headers)).status_code == 204
    assert (await client.get(CONTACTS, headers=account.headers)).json() == []
    assert (await client.get(CONTACTS)).status_code == 401


async def test_the_page_escapes_names_and_logs_name_no_contact(
    client: httpx.AsyncClient, account: Account, factory: Factory, log_output: Any
) -> None:
    async with transaction(factory) as session:
        await session.execute(update(User).values(full_name="<script>x</script> Al"))
    await add(client, account, name="Samira Okafor", email="samira@example.com")
    page = await client.get(CONFIRM, params={"token": await latest_token(factory)})
    assert "<script>x</script>" not in page.text
    assert "&lt;script&gt;" in page.text
    logs = service_logs(log_output)
    assert "/contacts/confirm" in logs
    for detail in ("Samira", "samira@example.com", "7946", "token="):
        assert detail not in logs
