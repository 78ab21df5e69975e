"""Encryption at rest: sensitive fields are stored only sealed under their owner's data key,
bound to their place, readable through the service, and data keys re-wrap under a new
key-encryption key while the service is in use."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.config import PrivacySettings, Settings
from mindtrack.kit.db import create_session_factory, transaction
from mindtrack.kit.encryption import (
    KeyEncryptionKeys,
    SealingError,
    encode_key,
    new_key,
)
from mindtrack.models import Base, DataKey, MoodEntry, Role, TrustedContact, User
from mindtrack.privacy.keyring import DataKeyMissingError, Keyring, rewrap_data_keys
from tests.conftest import Account, make_settings, serving
from tests.crisis.test_referrals import therapist as listed_therapist
from tests.crisis.test_safety_plan import plan
from tests.sharing.test_sharing import shared_and_accepted

# Words that appear nowhere but in what these tests write.
NOTE = "Zanzibarquokka"
CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE = "Quillonmere", "quill.onmere@example.com", "2079460456"
PLAN_TEXT = "Periwinklehaven"
COMPANION_TEXT = "Thistledownvale"
REFERRAL_TEXT = "Marrowgleam"
CLINICIAN_TEXT = "Fennimorecrest"
SECRETS = (
    NOTE,
    CONTACT_NAME,
    CONTACT_EMAIL,
    CONTACT_PHONE,
    PLAN_TEXT,
    COMPANION_TEXT,
    REFERRAL_TEXT,
    CLINICIAN_TEXT,
)


async def checkin(client: httpx.AsyncClient, account: Account, notes: str) -> dict[str, Any]:
    body = {"score": 2, "emotions": ["sad"], "notes": notes}
    response = await client.post("/api/v1/checkins", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def write_everything_sensitive(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    """One of each kind of sensitive value, through the API as the frontend writes them."""
    await checkin(
        client, account, f"I want to end my life tonight, I have the pills. {NOTE} knows nothing."
    )
    contact = {
        "name": CONTACT_NAME,
        "relationship": "friend",
        "email": CONTACT_EMAIL,
        "phone": "+44 20 7946 0456",  # stored as +442079460456
        "alert_levels": ["imminent", "high"],
    }
    added = await client.post("/api/v1/crisis/contacts", json=contact, headers=account.headers)
    assert added.status_code == 201, added.text
    saved = await client.put(
        "/api/v1/crisis/safety-plan",
        json=plan(reasons_for_living=[f"Walks at {PLAN_TEXT}"]),
        headers=account.headers,
    )
    assert saved.status_code == 201, saved.text
    talked = await client.post(
        "/api/v1/conversations",
        json={"message": f"I miss {COMPANION_TEXT} so much"},
        headers=account.headers,
    )
    assert talked.status_code == 201, talked.text
    ama = await listed_therapist(make_account, client)
    referral = {"therapist_id": str(ama.user.id), "message": f"{REFERRAL_TEXT} panic attacks"}
    referred = await client.post("/api/v1/referrals", json=referral, headers=account.headers)
    assert referred.status_code == 201, referred.text
    drlee: Account = await make_account(role=Role.THERAPIST, username="drlee")
    await shared_and_accepted(client, account, drlee, ["mood_scores", "notes"])
    noted = await client.post(
        f"/api/v1/patients/{account.user.id}/notes",
        json={"body": f"{CLINICIAN_TEXT} discussed", "visible_to_patient": True},
        headers=drlee.headers,
    )
    assert noted.status_code == 201, noted.text


async def raw_contents(engine: AsyncEngine, database_url: str) -> bytes:
    """Everything the database holds, as stored: the file and its write-ahead log (SQLite),
    or every row of every table as text (PostgreSQL, where bytes show as hex)."""
    if engine.dialect.name == "sqlite":
        path = Path(database_url.removeprefix("sqlite+aiosqlite:///"))
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    rows = []
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            every_row = text(f"SELECT CAST(t AS text) FROM {table.name} t")  # noqa: S608
            result = await connection.execute(every_row)
            rows.extend(result.scalars())
    return "\n".join(rows).encode()


def is_present(secret: str, contents: bytes) -> bool:
    for form in (secret.encode(), secret.encode().hex().encode()):
        if form.lower() in contents.lower():
            return True
    return False


async def test_no_sensitive_plaintext_is_stored_anywhere_in_the_database(
    client: httpx.AsyncClient,
    account: Account,
    make_account: Any,
    engine: AsyncEngine,
    database_url: str,
) -> None:
    await write_everything_sensitive(client, account, make_account)

    two_step: Account = await make_account(role=Role.ADMIN)  # two-step sign-in is on for them
    assert two_step.totp_secret

    contents = await raw_contents(engine, database_url)
    assert len(contents) > 10_000  # the database was read, not an empty file
    assert [s for s in (*SECRETS, two_step.totp_secret) if is_present(s, contents)] == []
    assert is_present(account.user.username, contents)  # what is not sealed is found

    # …and the person reads it all back through the service.
    history = (await client.get("/api/v1/checkins", headers=account.headers)).json()
    assert NOTE in history["items"][0]["notes"]
    [contact] = (await client.get("/api/v1/crisis/contacts", headers=account.headers)).json()
    assert (contact["name"], contact["email"]) == (CONTACT_NAME, CONTACT_EMAIL)
    current_plan = await client.get("/api/v1/crisis/safety-plan", headers=account.headers)
    assert f"Walks at {PLAN_TEXT}" in current_plan.json()["reasons_for_living"]
    notes = (await client.get("/api/v1/sharing/notes", headers=account.headers)).json()
    assert notes[0]["body"] == f"{CLINICIAN_TEXT} discussed"


async def test_analytics_work_from_derived_numbers(
    client: httpx.AsyncClient, account: Account
) -> None:
    for words in ("Work was awful again", "Slept badly, work stress", "Nice walk with my dog"):
        await checkin(client, account, words)
    summary = await client.get("/api/v1/analytics/dashboard", headers=account.headers)
    assert summary.status_code == 200, summary.text
    assert summary.json()["entries"] == 3


async def stored_notes(engine: AsyncEngine, entry_id: str) -> Any:
    async with engine.connect() as connection:
        result = await connection.execute(
            text("SELECT notes FROM mood_entries WHERE id = :id"),
            {"id": uuid.UUID(entry_id) if engine.dialect.name == "postgresql" else entry_id},
        )
        return result.scalar_one()


async def put_notes(engine: AsyncEngine, entry_id: str, sealed: bytes) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE mood_entries SET notes = :notes WHERE id = :id"),
            {
                "notes": sealed,
                "id": uuid.UUID(entry_id) if engine.dialect.name == "postgresql" else entry_id,
            },
        )


@pytest.mark.parametrize("into", ["another entry of theirs", "another person's entry"])
async def test_a_sealed_value_moved_to_another_row_does_not_open(
    app: Any, client: httpx.AsyncClient, account: Account, make_account: Any, into: str
) -> None:
    owner = account if into == "another entry of theirs" else await make_account()
    source = await checkin(client, account, "What I wrote on Monday")
    target = await checkin(client, owner, "What was written on Tuesday")
    engine = app.state.engine
    if engine.dialect.name == "sqlite":
        source["id"], target["id"] = source["id"].replace("-", ""), target["id"].replace("-", "")
    await put_notes(engine, target["id"], bytes(await stored_notes(engine, source["id"])))

    fresh = create_session_factory(engine, Keyring.from_settings(PrivacySettings()))
    async with fresh() as session:
        with pytest.raises(SealingError, match="does not open"):
            await session.execute(select(MoodEntry))


async def test_plaintext_cannot_reach_a_sealed_column_around_the_orm(app: Any) -> None:
    async with transaction(app.state.session_factory) as session:
        with pytest.raises(Exception, match="plaintext offered to a sealed column"):
            await session.execute(update(MoodEntry).values(notes="written around the ORM"))


async def test_a_key_made_in_a_rolled_back_transaction_is_not_kept(app: Any) -> None:
    keyring: Keyring = app.state.keyring
    owner = uuid.uuid4()
    made_then_dropped = []

    async def make_then_fail() -> None:
        async with transaction(app.state.session_factory) as session:
            session.add(
                User(
                    id=owner,
                    username="x",
                    username_normalized="x",
                    email="x@e.org",
                    password_hash="-",
                )
            )
            await session.flush()
            made_then_dropped.append(await session.get(DataKey, owner))
            raise RuntimeError("changed our mind")

    with pytest.raises(RuntimeError):
        await make_then_fail()
    assert made_then_dropped[0] is not None
    assert keyring.cached(owner) is None
    async with app.state.session_factory() as session:
        assert (await session.get(DataKey, owner)) is None


async def test_each_person_gets_their_own_data_key_wrapped_under_the_kek(
    app: Any, account: Account, make_account: Any
) -> None:
    other: Account = await make_account()
    async with app.state.session_factory() as session:
        rows = (await session.execute(select(DataKey))).scalars().all()
    assert {row.user_id for row in rows} == {account.user.id, other.user.id}
    keks = PrivacySettings().key_encryption_keys()
    assert {row.kek_id for row in rows} == {keks.current_id}
    unwrapped = {keks.unwrap(row.user_id, row.kek_id, row.wrapped_key) for row in rows}
    assert len(unwrapped) == 2
    assert all(len(key) == 32 for key in unwrapped)
    assert all(key not in row.wrapped_key for key in unwrapped for row in rows)


async def test_data_of_a_person_without_a_data_key_cannot_be_read(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    await checkin(client, account, "Something private")
    async with transaction(app.state.session_factory) as session:
        await session.execute(delete(DataKey))
    fresh = create_session_factory(app.state.engine, Keyring.from_settings(PrivacySettings()))
    async with fresh() as session:
        with pytest.raises(DataKeyMissingError):
            await session.execute(select(MoodEntry))


def with_keys(database_url: str, current: bytes, *retired: bytes) -> Settings:
    return make_settings(
        database_url,
        privacy=PrivacySettings(
            key_encryption_key=SecretStr(encode_key(current)),
            retired_keys=[SecretStr(encode_key(key)) for key in retired],
        ),
    )


async def test_rotating_the_kek_while_in_use_keeps_everything_readable(
    client: httpx.AsyncClient, make_account: Any, database_url: str
) -> None:
    people: list[Account] = [await make_account() for _ in range(8)]
    for n, person in enumerate(people):
        await checkin(client, person, f"before rotation {n}")
        contact = {"name": f"Friend {n}", "email": f"f{n}@example.com", "alert_levels": ["high"]}
        await client.post("/api/v1/crisis/contacts", json=contact, headers=person.headers)
    old = PrivacySettings().key_encryption_keys().current
    new = new_key()

    async with serving(with_keys(database_url, new, old)) as (rotating_app, http):

        async def traffic() -> None:
            for round_ in range(3):
                for n, person in enumerate(people):
                    await checkin(http, person, f"during rotation {round_}-{n}")
                    read = await http.get("/api/v1/checkins", headers=person.headers)
                    assert read.status_code == 200, read.text
                    assert f"before rotation {n}" in {e["notes"] for e in read.json()["items"]}

        rotation = rewrap_data_keys(
            rotating_app.state.session_factory, KeyEncryptionKeys(new, (old,)), batch_size=3
        )
        rewrapped, _ = await asyncio.gather(rotation, traffic())
        registered = await http.post(
            "/api/v1/auth/register",
            json={"username": "newcomer", "email": "n@example.com", "password": "x" * 14},
        )
        assert registered.status_code == 201, registered.text
    assert rewrapped == len(people)

    async with serving(with_keys(database_url, new)) as (new_app, http):
        async with new_app.state.session_factory() as session:
            kek_ids = set((await session.execute(select(DataKey.kek_id))).scalars())
            contacts = (await session.execute(select(TrustedContact))).scalars().all()
        assert kek_ids == {KeyEncryptionKeys(new).current_id}
        assert sorted(c.name for c in contacts) == [f"Friend {n}" for n in range(8)]
        for n, person in enumerate(people):
            read = await http.get("/api/v1/checkins?limit=100", headers=person.headers)
            notes = {e["notes"] for e in read.json()["items"]}
            assert notes == {f"before rotation {n}"} | {
                f"during rotation {r}-{n}" for r in range(3)
            }

    async with serving(with_keys(database_url, old)) as (old_only, _):
        with pytest.raises(SealingError, match="not configured"):
            async with old_only.state.session_factory() as session:
                await session.execute(select(MoodEntry))


def test_keys_generate_prints_a_usable_key() -> None:
    from typer.testing import CliRunner

    from mindtrack.cli import app as cli
    from mindtrack.kit.encryption import decode_key

    result = CliRunner().invoke(cli, ["keys", "generate"])
    assert result.exit_code == 0
    assert len(decode_key(result.output.strip())) == 32


def test_keys_rotate_re_wraps_from_the_command_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from mindtrack.cli import app as cli
    from mindtrack.config import get_settings
    from mindtrack.kit.encryption import decode_key

    async def two_people() -> None:
        async with serving(make_settings(database_url)) as (_, http):
            for name in ("ann", "bob"):
                body = {"username": name, "email": f"{name}@example.com", "password": "x" * 14}
                assert (await http.post("/api/v1/auth/register", json=body)).status_code == 201

    asyncio.run(two_people())
    old, new = PrivacySettings().key_encryption_key.get_secret_value(), encode_key(new_key())
    monkeypatch.setenv("MINDTRACK_DATABASE__URL", database_url)
    monkeypatch.setenv("MINDTRACK_BACKUP__DIRECTORY", str(tmp_path / "backups"))
    monkeypatch.setenv("MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY", new)
    monkeypatch.setenv("MINDTRACK_PRIVACY__RETIRED_KEYS", old)
    get_settings.cache_clear()
    try:
        first = CliRunner().invoke(cli, ["keys", "rotate"])
        again = CliRunner().invoke(cli, ["keys", "rotate"])
    finally:
        get_settings.cache_clear()
    assert first.exit_code == 0, first.output
    new_id = KeyEncryptionKeys(decode_key(new)).current_id
    assert first.output.startswith(f"Re-wrapped 2 data keys under key-encryption key {new_id}")
    assert again.output.startswith("Re-wrapped 0 data keys")


def test_keys_rotate_says_when_the_escrow_cannot_be_re_wrapped(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from mindtrack.cli import app as cli
    from mindtrack.config import get_settings

    (tmp_path / "keys.escrow").write_bytes(b"0123456789abcdef\nsealed under a lost key")
    monkeypatch.setenv("MINDTRACK_DATABASE__URL", database_url)
    monkeypatch.setenv("MINDTRACK_BACKUP__DIRECTORY", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["keys", "rotate"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "but not the key escrow" in result.output
    assert "0123456789abcdef" in result.output  # names the key it would need


async def test_the_migration_seals_values_stored_in_clear_and_downgrading_opens_them(
    client: httpx.AsyncClient, account: Account, engine: AsyncEngine, make_account: Any
) -> None:
    from mindtrack.kit import migrations

    admin: Account = await make_account(role=Role.ADMIN)
    written = await checkin(client, account, "Written before encryption at rest")
    entry_id = uuid.UUID(written["id"])
    if engine.dialect.name == "sqlite":
        written["id"] = written["id"].replace("-", "")

    await migrations.downgrade(engine, "0017")
    assert (await stored_notes(engine, written["id"])) == "Written before encryption at rest"
    async with engine.connect() as connection:
        secrets = text("SELECT totp_secret FROM users WHERE totp_secret IS NOT NULL")
        assert (await connection.execute(secrets)).scalars().all() == [admin.totp_secret]

    await migrations.upgrade(engine)
    assert b"encryption at rest" not in bytes(await stored_notes(engine, written["id"]))
    async with engine.connect() as connection:
        analyses = text("SELECT count(*) FROM checkin_analyses")
        assert (await connection.execute(analyses)).scalar_one() == 1  # rebuilt tables kept rows
    fresh = create_session_factory(engine, Keyring.from_settings(PrivacySettings()))
    async with fresh() as session:
        entry = await session.get(MoodEntry, entry_id)
        restored_admin = await session.get(User, admin.user.id)
    assert entry is not None
    assert entry.notes == "Written before encryption at rest"
    assert restored_admin is not None
    assert restored_admin.totp_secret == admin.totp_secret
