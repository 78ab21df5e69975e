"""Backups: made online, encrypted and checksummed, refused when damaged, restored whole
(the recovery drill), and unable to bring back what an erased person wrote (crypto-shredding).
Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from mindtrack.cli import app as cli
from mindtrack.config import BackupSettings, PrivacySettings, Settings, get_settings
from mindtrack.kit.db import create_engine
from mindtrack.models import AuditEvent, Base, MoodEntry, User
from mindtrack.privacy import audit
from mindtrack.privacy.backups import (
    BackupError,
    BackupInfo,
    _scratch,
    _unpack,
    back_up_when_due,
    create_backup,
    list_backups,
    restore_backup,
    verify_backup,
)
from mindtrack.privacy.erasure import erasure_pseudonym
from mindtrack.privacy.escrow import KeyEscrow
from mindtrack.privacy.keyring import DataKeyMissingError
from tests.conftest import (
    DEFAULT_PASSWORD,
    Account,
    _drop_postgres_database,
    _recreate_postgres_database,
    _with_database,
    serving,
)
from tests.crisis.test_safety_plan import plan
from tests.sharing.test_sharing import shared_and_accepted

KEKS = PrivacySettings().key_encryption_keys()


@pytest.fixture
def backup_settings(tmp_path: Path) -> BackupSettings:
    return BackupSettings(directory=tmp_path / "backups", in_process=False, keep=5)


def with_backups(settings: Settings, backups: BackupSettings) -> Settings:
    return settings.model_copy(update={"backup": backups})


async def write_a_life(client: httpx.AsyncClient, account: Account, words: str) -> None:
    for score in (3, 6):
        body = {"score": score, "emotions": ["sad"], "notes": f"{words} on a {score} day"}
        created = await client.post("/api/v1/checkins", json=body, headers=account.headers)
        assert created.status_code == 201, created.text
    contact = {"name": f"{words} friend", "email": "f@example.com", "alert_levels": ["high"]}
    added = await client.post("/api/v1/crisis/contacts", json=contact, headers=account.headers)
    assert added.status_code == 201, added.text
    saved = await client.put("/api/v1/crisis/safety-plan", json=plan(), headers=account.headers)
    assert saved.status_code == 201, saved.text


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        return {
            table.name: (
                await connection.execute(select(func.count()).select_from(table))
            ).scalar_one()
            for table in Base.metadata.sorted_tables
        }


async def destroy_database(engine: AsyncEngine, settings: Settings) -> None:
    await engine.dispose()
    path = settings.database.sqlite_path
    if path is not None:
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            file.unlink(missing_ok=True)
        return
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))


@asynccontextmanager
async def opened_as_database(settings: Settings, payload: Path) -> AsyncIterator[str]:
    """The database inside a backup, as it is, without the escrowed keys."""
    if settings.database.is_sqlite:
        yield f"sqlite+aiosqlite:///{payload}"
        return
    name = f"mindtrack_backup_copy_{os.getpid()}"
    await _recreate_postgres_database(name)
    url = _with_database(settings.database.url, name)
    await asyncio.to_thread(
        subprocess.run,
        ["pg_restore", "--no-owner", f"--dbname={url.replace('+asyncpg', '')}", str(payload)],
        check=True,
    )
    try:
        yield url
    finally:
        await _drop_postgres_database(name)


def pseudonym(user_id: Any) -> str:
    return erasure_pseudonym("test-secret", user_id)


async def test_recovery_drill_restores_every_row_and_the_audit_chain(
    settings: Settings,
    backup_settings: BackupSettings,
    make_account: Any,
    client: httpx.AsyncClient,
    engine: AsyncEngine,
) -> None:
    ann: Account = await make_account()
    drlee: Account = await make_account(role="therapist")
    await write_a_life(client, ann, "Ann")
    await shared_and_accepted(client, ann, drlee, ["mood_scores", "notes"])
    seen = await client.get(f"/api/v1/patients/{ann.user.id}/checkins", headers=drlee.headers)
    assert seen.status_code == 200, seen.text
    before = await row_counts(engine)
    assert before["mood_entries"] == 2
    assert before["audit_events"] >= 4

    made = await create_backup(settings.database, backup_settings, KEKS)
    assert made.rows == before
    await destroy_database(engine, settings)
    report = await restore_backup(
        settings.database, backup_settings.directory, made.name, KEKS, pseudonym
    )

    assert report.erased_since == 0
    restored_engine = create_engine(settings.database)
    try:
        assert await row_counts(restored_engine) == before
    finally:
        await restored_engine.dispose()
    async with serving(settings) as (restored, http):
        async with restored.state.session_factory() as session:
            chain = await audit.verify(session)
        assert (chain.intact, chain.events) == (True, before["audit_events"])
        signed_in = await http.post(
            "/api/v1/auth/login", json={"username": ann.user.username, "password": DEFAULT_PASSWORD}
        )
        headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
        notes = (await http.get("/api/v1/checkins", headers=headers)).json()["items"]
        assert sorted(n["notes"] for n in notes) == ["Ann on a 3 day", "Ann on a 6 day"]
        [contact] = (await http.get("/api/v1/crisis/contacts", headers=headers)).json()
        assert contact["name"] == "Ann friend"


async def test_a_backup_holds_no_data_keys_and_nothing_in_clear(
    settings: Settings,
    backup_settings: BackupSettings,
    account: Account,
    client: httpx.AsyncClient,
) -> None:
    await write_a_life(client, account, "Quorlanthe")
    made = await create_backup(settings.database, backup_settings, KEKS)

    archive = (backup_settings.directory / f"{made.name}.backup").read_bytes()
    assert b"Quorlanthe" not in archive
    assert account.user.username.encode() not in archive  # the whole file is encrypted
    with _scratch(backup_settings.directory) as work:
        payload = _unpack(backup_settings.directory, made, KEKS, work)
        opened = payload.read_bytes()
        if made.database == "sqlite":
            with sqlite3.connect(payload) as copy:
                assert copy.execute("SELECT count(*) FROM data_keys").fetchone() == (0,)
        else:
            listing = data_rows_of_data_keys(payload)
            assert b"COPY public.data_keys" not in listing
    assert account.user.username.encode() in opened  # the contents are really there…
    assert b"Quorlanthe" not in opened  # …and notes in them are sealed
    escrowed = KeyEscrow(backup_settings.directory, KEKS).read()
    assert set(escrowed) == {account.user.id}


def data_rows_of_data_keys(dump: Path) -> bytes:
    return subprocess.run(
        ["pg_restore", "--data-only", "--table=data_keys", "-f", "-", str(dump)],
        capture_output=True,
        check=True,
    ).stdout


def damage(directory: Path, info: BackupInfo, how: str) -> None:
    archive = directory / f"{info.name}.backup"
    data = bytearray(archive.read_bytes())
    if how.startswith("truncated"):
        data = data[: len(data) - 40]
    else:
        data[len(data) // 2] ^= 0x01
    archive.write_bytes(bytes(data))
    if how.endswith("manifest updated"):  # a careful forger keeps the checksum in step
        manifest = directory / f"{info.name}.json"
        recorded = json.loads(manifest.read_text())
        recorded |= {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        manifest.write_text(json.dumps(recorded))


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("truncated", "does not match its recorded checksum"),
        ("altered", "does not match its recorded checksum"),
        ("truncated, manifest updated", "damaged or was altered|truncated"),
        ("altered, manifest updated", "damaged or was altered"),
    ],
)
async def test_a_damaged_backup_is_found_by_verify_and_refused_by_restore(
    settings: Settings,
    backup_settings: BackupSettings,
    account: Account,
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    how: str,
    message: str,
) -> None:
    await write_a_life(client, account, "Ann")
    made = await create_backup(settings.database, backup_settings, KEKS)
    verify_backup(backup_settings.directory, made.name, KEKS)  # intact before
    await client.post(
        "/api/v1/checkins", json={"score": 9, "emotions": ["happy"]}, headers=account.headers
    )
    before = await row_counts(engine)

    damage(backup_settings.directory, made, how)

    with pytest.raises(BackupError, match=message):
        verify_backup(backup_settings.directory, made.name, KEKS)
    with pytest.raises(BackupError, match=message):
        await restore_backup(
            settings.database, backup_settings.directory, made.name, KEKS, pseudonym
        )
    assert await row_counts(engine) == before  # the database was left as it was


async def test_older_backups_beyond_the_number_kept_are_removed(
    settings: Settings, tmp_path: Path, account: Account
) -> None:
    keep_two = BackupSettings(directory=tmp_path / "b", in_process=False, keep=2)
    names = [(await create_backup(settings.database, keep_two, KEKS)).name for _ in range(3)]
    assert [info.name for info in list_backups(keep_two.directory)] == names[:0:-1]
    assert sorted(
        p.name for p in keep_two.directory.iterdir() if not p.name.startswith(".")
    ) == sorted(
        [
            f"{names[1]}.backup",
            f"{names[1]}.json",
            f"{names[2]}.backup",
            f"{names[2]}.json",
            "keys.escrow",
            "keys.lock",
        ]
    )


async def test_the_workers_of_one_server_make_one_scheduled_backup_between_them(
    settings: Settings, tmp_path: Path, account: Account
) -> None:
    daily = BackupSettings(directory=tmp_path / "b", in_process=False, every_hours=24)
    made = await asyncio.gather(
        *(back_up_when_due(settings.database, daily, KEKS) for _ in range(3))
    )
    assert sum(info is not None for info in made) == 1
    assert len(list_backups(daily.directory)) == 1
    # Within the day, no worker makes another.
    assert await back_up_when_due(settings.database, daily, KEKS) is None
    assert len(list_backups(daily.directory)) == 1


async def test_crypto_shredding_an_erased_persons_notes_stay_unreadable_in_earlier_backups(
    settings: Settings,
    backup_settings: BackupSettings,
    make_account: Any,
    engine: AsyncEngine,
) -> None:
    async with serving(with_backups(settings, backup_settings)) as (_, http):
        ann: Account = await make_account()
        bob: Account = await make_account()
        await write_a_life(http, ann, "Ann")
        await write_a_life(http, bob, "Bob")
        made = await create_backup(settings.database, backup_settings, KEKS)

        erased = await http.post(
            "/api/v1/privacy/erasure", json={"password": DEFAULT_PASSWORD}, headers=ann.headers
        )
        assert erased.status_code == 204, erased.text
    escrow = KeyEscrow(backup_settings.directory, KEKS).read()
    assert set(escrow) == {bob.user.id}

    # The backup still holds Ann's sealed notes, and nothing left can open them.
    await destroy_database(engine, settings)
    report = await restore_backup(
        settings.database, backup_settings.directory, made.name, KEKS, pseudonym
    )
    assert report.erased_since == 1
    restored_engine = create_engine(settings.database)
    try:
        async with restored_engine.connect() as connection:
            people = set((await connection.execute(select(User.id))).scalars())
            entries = (await connection.execute(select(MoodEntry.user_id))).scalars().all()
            events = (await connection.execute(select(AuditEvent.action, AuditEvent.detail))).all()
    finally:
        await restored_engine.dispose()
    assert people == {bob.user.id}
    assert set(entries) == {bob.user.id}
    assert (
        "account_erased",
        {"pseudonym": pseudonym(ann.user.id), "restored_from": made.name},
    ) in [tuple(e) for e in events]


async def test_the_backup_itself_cannot_open_an_erased_persons_notes(
    settings: Settings,
    backup_settings: BackupSettings,
    make_account: Any,
) -> None:
    """Ann's sealed notes are inside the pre-erasure backup, and neither the backup nor the
    escrow holds the key that opens them."""
    from mindtrack.kit.db import create_session_factory
    from mindtrack.privacy.keyring import Keyring

    async with serving(with_backups(settings, backup_settings)) as (_, http):
        ann: Account = await make_account()
        await write_a_life(http, ann, "Ann")
        made = await create_backup(settings.database, backup_settings, KEKS)
        erased = await http.post(
            "/api/v1/privacy/erasure", json={"password": DEFAULT_PASSWORD}, headers=ann.headers
        )
        assert erased.status_code == 204
    with _scratch(backup_settings.directory) as work:
        payload = _unpack(backup_settings.directory, made, KEKS, work)
        async with opened_as_database(settings, payload) as url:
            copy = create_engine(settings.database.model_copy(update={"url": url}))
            sessions = create_session_factory(copy, Keyring(KEKS))
            try:
                async with sessions() as session:
                    count = text("SELECT count(*) FROM mood_entries")
                    assert (await session.execute(count)).scalar_one() == 2
                    with pytest.raises(DataKeyMissingError):
                        await session.execute(select(MoodEntry))
            finally:
                await copy.dispose()
    assert ann.user.id not in KeyEscrow(backup_settings.directory, KEKS).read()


def test_the_backup_commands(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINDTRACK_DATABASE__URL", database_url)
    monkeypatch.setenv("MINDTRACK_BACKUP__DIRECTORY", str(tmp_path / "cli-backups"))
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        assert runner.invoke(cli, ["backup", "list"]).output == "No backups yet.\n"
        created = runner.invoke(cli, ["backup", "create"])
        assert created.exit_code == 0, created.output
        name = created.output.split()[1].rstrip(":")
        assert name in runner.invoke(cli, ["backup", "list"]).output
        verified = runner.invoke(cli, ["backup", "verify", name])
        assert verified.output.startswith(f"{name} is intact")
        archive = tmp_path / "cli-backups" / f"{name}.backup"
        archive.write_bytes(archive.read_bytes()[:-10])
        broken = runner.invoke(cli, ["backup", "verify", name])
        refused = runner.invoke(cli, ["backup", "restore", name, "--yes"])
        missing = runner.invoke(cli, ["backup", "verify", "mindtrack-19990101T000000000000Z"])
    finally:
        get_settings.cache_clear()
    assert broken.exit_code == 1
    assert "truncated or changed" in broken.output
    assert refused.exit_code == 1
    assert "truncated or changed" in refused.output
    assert "there is no backup named" in missing.output


async def test_rotating_the_kek_re_wraps_the_escrow(
    settings: Settings, backup_settings: BackupSettings, account: Account
) -> None:
    from mindtrack.kit.encryption import KeyEncryptionKeys, new_key

    await create_backup(settings.database, backup_settings, KEKS)
    rotated = KeyEncryptionKeys(new_key(), (KEKS.current,))

    assert KeyEscrow(backup_settings.directory, rotated).rewrap() == 1

    only_new = KeyEscrow(backup_settings.directory, KeyEncryptionKeys(rotated.current)).read()
    [escrowed] = only_new.values()
    assert escrowed.kek_id == rotated.current_id
    assert len(rotated.unwrap(account.user.id, escrowed.kek_id, escrowed.wrapped_key)) == 32


async def test_a_backup_does_not_open_without_the_key_it_was_made_with(
    settings: Settings, backup_settings: BackupSettings, account: Account
) -> None:
    from mindtrack.kit.encryption import KeyEncryptionKeys, new_key

    made = await create_backup(settings.database, backup_settings, KEKS)
    with pytest.raises(BackupError, match=f"key-encryption key {KEKS.current_id} is not"):
        verify_backup(backup_settings.directory, made.name, KeyEncryptionKeys(new_key()))
    retired = KeyEncryptionKeys(new_key(), (KEKS.current,))
    assert verify_backup(backup_settings.directory, made.name, retired).name == made.name
