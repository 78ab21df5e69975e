"""Erasing an account (GDPR article 17): everything about the person goes, their data key
with it, and the audit trail keeps only a pseudonymous record."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from mindtrack.models import AuditEvent, Base, DataKey, MoodEntry, Role
from mindtrack.privacy import audit
from mindtrack.privacy.erasure import erasure_pseudonym
from tests.conftest import DEFAULT_PASSWORD, Account
from tests.privacy.test_backups import write_a_life
from tests.sharing.test_sharing import shared_and_accepted

ERASE = "/api/v1/privacy/erasure"


async def rows_about(app: Any, user_id: Any) -> dict[str, int]:
    """Rows in every table that has a column naming this person."""
    counts = {}
    async with app.state.session_factory() as session:
        for table in Base.metadata.sorted_tables:
            columns = [
                c for c in table.columns if c.name in {"user_id", "patient_id", "therapist_id"}
            ]
            for column in columns:
                count = select(func.count()).select_from(table).where(column == user_id)
                counts[f"{table.name}.{column.name}"] = (await session.execute(count)).scalar_one()
    return counts


async def test_erasing_removes_every_row_and_the_data_key(
    app: Any, client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    bob: Account = await make_account()
    drlee: Account = await make_account(role=Role.THERAPIST)
    for person in (account, bob):
        await write_a_life(client, person, "words")
    await shared_and_accepted(client, account, drlee, ["mood_scores"])
    talked = await client.post(
        "/api/v1/conversations", json={"message": "hello"}, headers=account.headers
    )
    assert talked.status_code == 201
    assert sum((await rows_about(app, account.user.id)).values()) > 8

    erased = await client.post(ERASE, json={"password": DEFAULT_PASSWORD}, headers=account.headers)

    assert erased.status_code == 204, erased.text
    assert set((await rows_about(app, account.user.id)).values()) == {0}
    assert sum((await rows_about(app, bob.user.id)).values()) > 0  # nobody else's
    async with app.state.session_factory() as session:
        keys = set((await session.execute(select(DataKey.user_id))).scalars())
        [event] = (
            await session.execute(select(AuditEvent).where(AuditEvent.action == "account_erased"))
        ).scalars()
        chain = await audit.verify(session)
        bob_entries = (await session.execute(select(MoodEntry))).scalars().all()
    assert account.user.id not in keys
    assert bob.user.id in keys
    secret = app.state.settings.auth.secret_key.get_secret_value()
    assert event.detail == {
        "pseudonym": erasure_pseudonym(secret, account.user.id),
        "by": "the person",
    }
    assert (event.actor_id, event.subject_id) == (None, None)
    assert chain.intact
    assert {e.notes for e in bob_entries} == {"words on a 3 day", "words on a 6 day"}
    assert app.state.keyring.cached(account.user.id) is None
    gone = await client.get("/api/v1/checkins", headers=account.headers)
    assert gone.status_code == 401
    login = await client.post(
        "/api/v1/auth/login",
        json={"username": account.user.username, "password": DEFAULT_PASSWORD},
    )
    assert login.status_code == 401


async def test_erasing_needs_the_current_password_and_changes_nothing_without_it(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    await write_a_life(client, account, "words")
    before = await rows_about(app, account.user.id)

    wrong = await client.post(ERASE, json={"password": "not it at all"}, headers=account.headers)
    missing = await client.post(ERASE, json={}, headers=account.headers)
    anonymous = await client.post(ERASE, json={"password": DEFAULT_PASSWORD})

    assert wrong.status_code == 403
    assert wrong.headers["content-type"] == "application/problem+json"
    assert "password" in wrong.json()["detail"]
    assert missing.status_code == 422
    assert anonymous.status_code == 401
    assert await rows_about(app, account.user.id) == before
