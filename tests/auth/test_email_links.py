"""Email verification and password reset over a real local SMTP server: single-use,
expiring links, and answers that never reveal whether an address has an account."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from mindtrack.config import Settings
from mindtrack.kit.time import utcnow
from mindtrack.models import AccountToken, User
from mindtrack.notification.delivery import DeliveryWorker, senders
from tests.conftest import DEFAULT_PASSWORD, Account, make_settings
from tests.mailbox import Mailbox

RESET = "/api/v1/auth/password-reset"


@pytest.fixture
def settings(database_url: str, mailbox: Mailbox) -> Settings:
    return make_settings(database_url, notify=mailbox.settings())


async def delivered(app: Any, settings: Settings, mailbox: Mailbox) -> list[tuple[str, str, str]]:
    """(recipient, subject, body) of what the outbox sent through the SMTP server."""
    await DeliveryWorker(
        app.state.session_factory, senders(settings.notify), settings.notify
    ).deliver_due()
    sent = [(m["To"], m["Subject"], m.get_payload(decode=True).decode()) for m in mailbox.messages]
    mailbox.messages.clear()
    return sent


def link_in(body: str, path: str) -> str:
    match = re.search(rf"http://\S+{path}\?token=[\w-]+", body)
    assert match, body
    return match.group(0).split("http://", 1)[1].split("/", 1)[1]


async def test_a_new_account_confirms_its_address_through_the_emailed_link_once(
    app: Any, client: httpx.AsyncClient, settings: Settings, mailbox: Mailbox
) -> None:
    body = {"username": "ada", "email": "ada@example.com", "password": DEFAULT_PASSWORD}
    assert (await client.post("/api/v1/auth/register", json=body)).status_code == 201
    [(to, subject, text)] = await delivered(app, settings, mailbox)
    assert (to, subject) == ("ada@example.com", "Confirm your email for MindTrack")

    page = await client.get("/" + link_in(text, "/account/verify-email"))
    assert page.status_code == 200
    assert "confirmed" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    async with app.state.session_factory() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert user.email_verified_at is not None
    again = await client.get("/" + link_in(text, "/account/verify-email"))
    assert again.status_code == 410


async def test_registering_a_taken_address_tells_its_owner_not_the_caller(
    app: Any, client: httpx.AsyncClient, settings: Settings, mailbox: Mailbox, account: Account
) -> None:
    body = {"username": "someone", "email": account.user.email, "password": DEFAULT_PASSWORD}
    answer = await client.post("/api/v1/auth/register", json=body)
    assert answer.status_code == 201
    [(to, _, text)] = await delivered(app, settings, mailbox)
    assert to == account.user.email
    assert "already has one" in text


async def test_a_password_reset_link_sets_a_new_password_once_and_signs_everyone_out(
    app: Any, client: httpx.AsyncClient, settings: Settings, mailbox: Mailbox, account: Account
) -> None:
    known = await client.post(RESET, json={"email": account.user.email.upper()})
    unknown = await client.post(RESET, json={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    [(to, _, text)] = await delivered(app, settings, mailbox)  # one email, to the owner
    assert to == account.user.email
    url = "/" + link_in(text, "/account/reset-password")

    form_page = await client.get(url)
    assert 'name="password"' in form_page.text  # opening the link changes nothing
    token = url.split("token=")[1]
    form = {"token": token, "password": "a brand new secret", "again": "not the same"}
    assert (await client.post("/account/reset-password", data=form)).status_code == 422
    form["again"] = form["password"]
    done = await client.post("/account/reset-password", data=form)
    assert done.status_code == 200, done.text

    assert (await client.get("/api/v1/users/me", headers=account.headers)).status_code == 401
    old = {"username": account.user.username, "password": account.password}
    assert (await client.post("/api/v1/auth/login", json=old)).status_code == 401
    new = {**old, "password": "a brand new secret"}
    assert (await client.post("/api/v1/auth/login", json=new)).status_code == 200
    reused = {"token": token, "new_password": "yet another secret"}
    assert (await client.post(f"{RESET}/confirm", json=reused)).status_code == 410


async def test_an_expired_reset_link_does_nothing(
    app: Any, client: httpx.AsyncClient, settings: Settings, mailbox: Mailbox, account: Account
) -> None:
    await client.post(RESET, json={"email": account.user.email})
    [(_, _, text)] = await delivered(app, settings, mailbox)
    token = link_in(text, "/account/reset-password").split("token=")[1]
    async with app.state.session_factory() as session:
        await session.execute(
            update(AccountToken).values(expires_at=utcnow() - timedelta(seconds=1))
        )
        await session.commit()
    body = {"token": token, "new_password": "a brand new secret"}
    expired = await client.post(f"{RESET}/confirm", json=body)
    assert expired.status_code == 410
    assert "expired or was already used" in expired.json()["detail"]
    assert (await client.get("/api/v1/users/me", headers=account.headers)).status_code == 200
