"""Encrypted, verifiable database backups, and restoring them.

A backup is a consistent online copy of the database (SQLite's backup API, or `pg_dump` for
PostgreSQL) without the data keys, gzip-compressed and sealed in 1 MiB AES-256-GCM chunks
under a key derived from the key-encryption key. The last chunk is marked, so a truncated
file is found; a manifest beside it records the SHA-256 of the whole file, the row count of
every table and the audit trail's head. The data keys go to the key escrow (privacy.escrow)."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.config import BackupSettings, DatabaseSettings
from mindtrack.kit.db import create_engine
from mindtrack.kit.encryption import KeyEncryptionKeys, SealingError
from mindtrack.kit.filelock import file_lock
from mindtrack.kit.time import utcnow
from mindtrack.models import Base, DataKey, User
from mindtrack.privacy import audit
from mindtrack.privacy.escrow import KeyEscrow, WrappedKey

MAGIC = b"MINDTRACK-BACKUP\x01"
CHUNK = 1 << 20
SUFFIX = ".backup"
SCHEDULE_LOCK = "schedule.lock"


class BackupError(Exception):
    """A backup that cannot be made, trusted or restored; the message says why."""


@dataclass
class BackupInfo:
    name: str
    created_at: str
    database: str
    size: int
    sha256: str
    kek_id: str
    rows: dict[str, int] = field(default_factory=dict)
    audit_head: dict[str, Any] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True)
class RestoreReport:
    info: BackupInfo
    erased_since: int  # accounts in the backup whose keys were destroyed since: erased again


# ---------------------------------------------------------------- sealing the archive file


def _backup_key(kek: bytes, salt: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, b"mindtrack-backup|v1").derive(kek)


def _chunk_context(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">I?", index, final)


def _seal_file(plain: Path, sealed: Path, keks: KeyEncryptionKeys) -> None:
    salt, prefix = os.urandom(16), os.urandom(8)
    header = MAGIC + keks.current_id.encode() + salt + prefix
    aead = AESGCM(_backup_key(keks.current, salt))
    with open(plain, "rb") as source, open(sealed, "wb") as target:
        target.write(header)
        index, chunk = 0, source.read(CHUNK)
        while True:
            following = source.read(CHUNK)
            final = not following
            nonce = prefix + struct.pack(">I", index)
            body = aead.encrypt(nonce, chunk, _chunk_context(header, index, final))
            target.write(struct.pack(">I", len(body)) + body)
            if final:
                return
            index, chunk = index + 1, following


def _open_file(sealed: Path, plain: Path, keks: KeyEncryptionKeys) -> None:
    with open(sealed, "rb") as source, open(plain, "wb") as target:
        header = source.read(len(MAGIC) + 16 + 16 + 8)
        if not header.startswith(MAGIC) or len(header) < len(MAGIC) + 40:
            raise BackupError("not a MindTrack backup (its header is wrong)")
        kek_id = header[len(MAGIC) : len(MAGIC) + 16].decode(errors="replace")
        salt, prefix = header[-24:-8], header[-8:]
        try:
            kek = keks.by_id(kek_id)
        except SealingError as exc:
            raise BackupError(f"the backup cannot be opened: {exc}") from exc
        _open_chunks(source, target, AESGCM(_backup_key(kek, salt)), header, prefix)


def _open_chunks(
    source: BinaryIO, target: BinaryIO, aead: AESGCM, header: bytes, prefix: bytes
) -> None:
    index = 0
    while True:
        length = source.read(4)
        if len(length) < 4:
            raise BackupError("the backup is truncated: it ends before its last part")
        body = source.read(struct.unpack(">I", length)[0])
        nonce = prefix + struct.pack(">I", index)
        for final in (False, True):
            try:
                target.write(aead.decrypt(nonce, body, _chunk_context(header, index, final)))
            except InvalidTag:
                continue
            if final:
                if source.read(1):
                    raise BackupError("the backup has data after its last part")
                return
            break
        else:
            raise BackupError(f"part {index + 1} of the backup is damaged or was altered")
        index += 1


def _gzip(source: Path, target: Path) -> None:
    with open(source, "rb") as plain, gzip.open(target, "wb", compresslevel=6) as packed:
        shutil.copyfileobj(plain, packed, CHUNK)


def _gunzip(source: Path, target: Path) -> None:
    try:
        with gzip.open(source, "rb") as packed, open(target, "wb") as plain:
            shutil.copyfileobj(packed, plain, CHUNK)
    except (OSError, EOFError) as exc:
        raise BackupError(f"the backup's contents do not decompress: {exc}") from exc


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------- consistent snapshots


@dataclass
class Snapshot:
    keys: dict[uuid.UUID, WrappedKey]
    rows: dict[str, int]
    audit_head: dict[str, Any]


def _tables() -> list[str]:
    return [table.name for table in Base.metadata.sorted_tables]


def _sqlite_snapshot(source: Path, payload: Path) -> Snapshot:
    """An online copy through SQLite's backup API, then the data keys taken out of it."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(payload)
    try:
        with copy:
            origin.backup(copy)
        keys = {
            uuid.UUID(owner): WrappedKey(kek_id, bytes(wrapped))
            for owner, kek_id, wrapped in copy.execute(
                "SELECT user_id, kek_id, wrapped_key FROM data_keys"
            )
        }
        count = 'SELECT count(*) FROM "{}"'  # our own table names, from the models
        rows = {t: copy.execute(count.format(t)).fetchone()[0] for t in _tables()}
        seq, digest = copy.execute("SELECT seq, hash FROM audit_head").fetchone()
        # Overwritten on delete and rewritten by VACUUM: no key bytes stay in free pages.
        copy.execute("PRAGMA secure_delete = ON")
        copy.execute("DELETE FROM data_keys")
        copy.commit()
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("VACUUM")
    finally:
        origin.close()
        copy.close()
    return Snapshot(keys, rows, {"seq": seq, "hash": digest})


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed; PostgreSQL backups need the client tools")
    return path


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _postgres_snapshot(url: str, payload: Path) -> Snapshot:
    """`pg_dump` of an exported snapshot, counted and keyed within that same snapshot."""
    import asyncpg  # type: ignore[import-untyped]

    connection = await asyncpg.connect(_libpq_url(url))
    try:
        async with connection.transaction(isolation="repeatable_read", readonly=True):
            snapshot_id = await connection.fetchval("SELECT pg_export_snapshot()")
            dump = await asyncio.create_subprocess_exec(
                _program("pg_dump"), "--format=custom", "--compress=0", "--no-owner", "--no-privileges",
                "--exclude-table-data=data_keys", f"--snapshot={snapshot_id}",
                f"--file={payload}", _libpq_url(url),
                stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip
            _, errors = await dump.communicate()
            if dump.returncode != 0:
                raise BackupError(f"pg_dump failed: {errors.decode(errors='replace').strip()}")
            keys = {
                row["user_id"]: WrappedKey(row["kek_id"], bytes(row["wrapped_key"]))
                for row in await connection.fetch(
                    "SELECT user_id, kek_id, wrapped_key FROM data_keys"
                )
            }
            count = 'SELECT count(*) FROM "{}"'  # our own table names, from the models
            rows = {t: await connection.fetchval(count.format(t)) for t in _tables()}
            head = await connection.fetchrow("SELECT seq, hash FROM audit_head")
    finally:
        await connection.close()
    return Snapshot(keys, rows, {"seq": head["seq"], "hash": head["hash"]})


# ---------------------------------------------------------------- the commands


def _manifest_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.json"


@contextmanager
def _scratch(directory: Path) -> Iterator[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".work-") as work:
        yield Path(work)


async def create_backup(
    database: DatabaseSettings, settings: BackupSettings, keks: KeyEncryptionKeys
) -> BackupInfo:
    """Backs up the database into `settings.directory`, refreshes the key escrow, and keeps
    the newest `settings.keep` backups."""
    directory = settings.directory
    now = utcnow()
    name = f"mindtrack-{now:%Y%m%dT%H%M%S%fZ}"
    escrow = KeyEscrow(directory, keks)
    with _scratch(directory) as work, escrow.replacing() as write_escrow:
        payload = work / "payload"
        if database.is_sqlite:
            if database.sqlite_path is None:
                raise BackupError("an in-memory database cannot be backed up")
            snapshot = await asyncio.to_thread(_sqlite_snapshot, database.sqlite_path, payload)
        else:
            snapshot = await _postgres_snapshot(database.url, payload)
        archive = directory / f"{name}{SUFFIX}"
        await asyncio.to_thread(_gzip, payload, work / "payload.gz")
        await asyncio.to_thread(_seal_file, work / "payload.gz", archive, keks)
        write_escrow(snapshot.keys)
    info = BackupInfo(
        name=name,
        created_at=now.isoformat(),
        database="sqlite" if database.is_sqlite else "postgresql",
        size=archive.stat().st_size,
        sha256=await asyncio.to_thread(_sha256, archive),
        kek_id=keks.current_id,
        rows=snapshot.rows,
        audit_head=snapshot.audit_head,
    )
    _manifest_path(directory, name).write_text(json.dumps(asdict(info), indent=2) + "\n")
    prune(directory, settings.keep)
    return info


def list_backups(directory: Path) -> list[BackupInfo]:
    """Newest first (none when the directory does not exist yet)."""
    infos = [BackupInfo(**json.loads(m.read_text())) for m in directory.glob("mindtrack-*.json")]
    return sorted(infos, key=lambda info: info.name, reverse=True)


def prune(directory: Path, keep: int) -> list[str]:
    removed = []
    for info in list_backups(directory)[keep:]:
        (directory / f"{info.name}{SUFFIX}").unlink(missing_ok=True)
        _manifest_path(directory, info.name).unlink()
        removed.append(info.name)
    return removed


def _load(directory: Path, name: str) -> BackupInfo:
    manifest = _manifest_path(directory, name)
    if not manifest.exists():
        raise BackupError(f"there is no backup named {name} in {directory}")
    return BackupInfo(**json.loads(manifest.read_text()))


def _check_contents(info: BackupInfo, payload: Path) -> None:
    if info.database == "sqlite":
        connection = sqlite3.connect(payload)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            verdict = str(exc)
        finally:
            connection.close()
        if verdict != "ok":
            raise BackupError(f"the database inside the backup is damaged: {verdict}")
        return
    listing = subprocess.run(  # noqa: S603 - a fixed program and our own file
        [_program("pg_restore"), "--list", str(payload)], capture_output=True, check=False
    )
    if listing.returncode != 0:
        raise BackupError(
            f"the dump inside the backup is damaged: {listing.stderr.decode().strip()}"
        )


def _unpack(directory: Path, info: BackupInfo, keks: KeyEncryptionKeys, work: Path) -> Path:
    archive = directory / f"{info.name}{SUFFIX}"
    if not archive.exists():
        raise BackupError(f"the backup file {archive.name} is missing")
    if archive.stat().st_size != info.size or _sha256(archive) != info.sha256:
        raise BackupError(
            f"{archive.name} does not match its recorded checksum: it was truncated or changed"
        )
    _open_file(archive, work / "payload.gz", keks)
    _gunzip(work / "payload.gz", work / "payload")
    _check_contents(info, work / "payload")
    return work / "payload"


def verify_backup(directory: Path, name: str, keks: KeyEncryptionKeys) -> BackupInfo:
    """Checks the checksum, opens every sealed part and checks the database inside."""
    info = _load(directory, name)
    with _scratch(directory) as work:
        _unpack(directory, info, keks, work)
    return info


async def _put_keys_back(
    url: str, keys: dict[uuid.UUID, WrappedKey], pseudonym: Callable[[uuid.UUID], str], name: str
) -> int:
    """Gives the restored accounts their keys from the escrow; accounts whose key is gone
    were erased after the backup was made, and are erased again. Returns how many."""
    engine = create_engine(DatabaseSettings(url=url))
    try:
        async with AsyncSession(engine) as session, session.begin():
            owners = set((await session.execute(select(User.id))).scalars())
            erased = owners - keys.keys()
            if erased:
                await session.execute(delete(User).where(User.id.in_(erased)))
                for owner in sorted(erased):
                    await audit.record(
                        session, "account_erased", pseudonym=pseudonym(owner), restored_from=name
                    )
            kept = [
                {"user_id": o, "kek_id": keys[o].kek_id, "wrapped_key": keys[o].wrapped_key,
                 "created_at": utcnow()}
                for o in owners - erased
            ]  # fmt: skip
            if kept:
                await session.execute(insert(DataKey), kept)
    finally:
        await engine.dispose()
    return len(erased)


def _pg_restore(url: str, payload: Path) -> None:
    restored = subprocess.run(  # noqa: S603 - a fixed program and our own file
        [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", f"--dbname={_libpq_url(url)}", str(payload)],
        capture_output=True, check=False,
    )  # fmt: skip
    if restored.returncode != 0:
        raise BackupError(f"pg_restore failed: {restored.stderr.decode(errors='replace').strip()}")


async def restore_backup(
    database: DatabaseSettings,
    directory: Path,
    name: str,
    keks: KeyEncryptionKeys,
    pseudonym: Callable[[uuid.UUID], str],
) -> RestoreReport:
    """Replaces the configured database with the backup (stop the service first), once the
    backup has verified; then returns the escrowed keys to their accounts."""
    info = _load(directory, name)
    kind = "sqlite" if database.is_sqlite else "postgresql"
    if info.database != kind:
        raise BackupError(f"{name} is a {info.database} backup; the database configured is {kind}")
    keys = KeyEscrow(directory, keks).read()
    with _scratch(directory) as work:
        payload = await asyncio.to_thread(_unpack, directory, info, keks, work)
        if not database.is_sqlite:
            await asyncio.to_thread(_pg_restore, database.url, payload)
            erased = await _put_keys_back(database.url, keys, pseudonym, name)
            return RestoreReport(info, erased)
        target = database.sqlite_path
        if target is None:
            raise BackupError("an in-memory database cannot be restored into")
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f"{target.name}.restoring")
        shutil.copyfile(payload, staged)
        erased = await _put_keys_back(f"sqlite+aiosqlite:///{staged}", keys, pseudonym, name)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(staged, target)
    return RestoreReport(info, erased)


async def back_up_when_due(
    database: DatabaseSettings, settings: BackupSettings, keks: KeyEncryptionKeys
) -> BackupInfo | None:
    """Makes a backup when the newest is `settings.every_hours` old (or there is none).
    Every worker of a server runs this job; the one that finds the lock free makes it."""
    with file_lock(settings.directory / SCHEDULE_LOCK, wait=False) as ours:
        if not ours:
            return None
        newest = next(iter(list_backups(settings.directory)), None)
        if newest is not None:
            age = utcnow() - datetime.fromisoformat(newest.created_at)
            if age.total_seconds() < settings.every_hours * 3600:
                return None
        return await create_backup(database, settings, keks)
