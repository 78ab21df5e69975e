"""The `mindtrack` command: run the service, manage the database and accounts."""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from pydantic import ValidationError

from mindtrack.config import Settings, get_settings
from mindtrack.ml.training.cli import ml_app

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

    from mindtrack.privacy.audit import Verification

app = typer.Typer(
    help="MindTrack: private mood tracking with offline AI analysis and crisis support.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Create and migrate the database schema.", no_args_is_help=True)
users_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(ml_app, name="ml")
analytics_app = typer.Typer(
    help="Population figures and day summaries for analytics.", no_args_is_help=True
)
app.add_typer(analytics_app, name="analytics")
demo_app = typer.Typer(help="Demonstration data for trying and benchmarking.", no_args_is_help=True)
app.add_typer(demo_app, name="demo")
audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
keys_app = typer.Typer(
    help="Encryption at rest: the key-encryption key and the data keys it wraps.",
    no_args_is_help=True,
)
app.add_typer(keys_app, name="keys")
backup_app = typer.Typer(
    help="Encrypted database backups: make, list, check and restore them.", no_args_is_help=True
)
app.add_typer(backup_app, name="backup")
retention_app = typer.Typer(
    help="How long unused accounts and old words are kept.", no_args_is_help=True
)
app.add_typer(retention_app, name="retention")

T = TypeVar("T")


def _refuse(message: str, status: int = 1) -> typer.Exit:
    """Says on stderr why the command stops; raise what it returns."""
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(status)


def _settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:
        messages = "; ".join(str(err["msg"]).removeprefix("Value error, ") for err in exc.errors())
        raise _refuse(f"Configuration error: {messages}", status=2) from exc


def _with_engine(work: Callable[..., Awaitable[T]], *args: object) -> T:
    from mindtrack.kit.db import create_engine

    async def run() -> T:
        engine = create_engine(_settings().database)
        try:
            return await work(engine, *args)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _with_sessions(work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    """Runs `work` with the service's sessions (which seal and open sensitive columns)."""
    from mindtrack.kit.db import create_session_factory
    from mindtrack.privacy.keyring import Keyring

    async def run(engine: AsyncEngine) -> T:
        keyring = Keyring.from_settings(_settings().privacy)
        return await work(create_session_factory(engine, keyring))

    return _with_engine(run)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (PostgreSQL only).")] = 1,
) -> None:
    """Run the API server. Applies pending database migrations first (unless
    MINDTRACK_DATABASE__AUTO_MIGRATE=false)."""
    import uvicorn

    from mindtrack.kit import migrations
    from mindtrack.kit.logging import configure_logging

    settings = _settings()
    configure_logging(settings.log)
    if settings.ml.enabled:
        _verify_models(settings)
    if settings.database.auto_migrate:
        _with_engine(migrations.upgrade, "head")
    if workers > 1 and settings.database.is_sqlite:
        typer.secho("SQLite supports one worker; starting one.", err=True)
        workers = 1
    uvicorn.run(
        "mindtrack.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=True,
    )


def _verify_models(settings: Settings) -> None:
    from mindtrack.ml.artefacts import ModelFileError
    from mindtrack.ml.pipeline import verify_model_files

    try:
        verify_model_files(settings.ml.models_dir, settings.ml.encoder)
    except ModelFileError as exc:
        raise _refuse(
            f"Cannot start: {exc}. (MINDTRACK_ML__ENABLED=false starts without text analysis.)"
        ) from exc


@app.command()
def deliver(
    once: Annotated[bool, typer.Option(help="Deliver what is due now, then stop.")] = False,
) -> None:
    """Deliver outgoing messages (email) from the outbox, retrying failures. The service does
    this itself unless MINDTRACK_NOTIFY__DELIVER_IN_PROCESS=false."""
    from mindtrack.notification.delivery import deliver_outbox

    delivered = asyncio.run(deliver_outbox(_settings(), once=once))
    typer.echo(f"Delivered {delivered} message(s).")


@analytics_app.command("release-population")
def analytics_release_population() -> None:
    """Make today's differentially private population figures, unless they exist. The service
    does this itself unless MINDTRACK_ANALYTICS__POPULATION_REFRESH_IN_PROCESS=false; run it
    daily from a scheduler otherwise."""
    from mindtrack.analytics.comparisons import release_population

    settings = _settings()
    shown = _with_sessions(lambda sessions: release_population(sessions, settings.analytics))
    typer.echo(f"Released figures for {shown} cohort(s).")


@analytics_app.command("rebuild-days")
def analytics_rebuild_days() -> None:
    """Sum up every person's days again from their check-ins (after check-ins were written
    to the database by other means). The service keeps them current itself otherwise."""
    from mindtrack.analytics.daily import rebuild_all
    from mindtrack.kit.db import transaction

    async def run(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with transaction(sessions) as session:
            return await session.run_sync(rebuild_all)

    typer.echo(f"Rebuilt {_with_sessions(run)} day summaries.")


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    from mindtrack.kit import migrations

    _with_engine(migrations.upgrade, revision)
    typer.echo(f"Database at {_with_engine(migrations.database_revision)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")],
) -> None:
    """Revert migrations down to REVISION. `base` removes every table and all data."""
    from mindtrack.kit import migrations

    _with_engine(migrations.downgrade, revision)
    typer.echo(f"Database at {_with_engine(migrations.database_revision) or 'base (empty)'}")


@db_app.command("current")
def db_current() -> None:
    """Show the database's revision and whether it is up to date."""
    from mindtrack.kit import migrations

    current = _with_engine(migrations.database_revision)
    head = migrations.head_revision()
    state = "up to date" if current == head else f"behind (latest is {head})"
    typer.echo(f"{current or 'base (empty)'}: {state}")


@ml_app.command("reanalyze")
def ml_reanalyze(
    everything: Annotated[
        bool, typer.Option("--all", help="Analyse every note, not only outdated ones.")
    ] = False,
) -> None:
    """Analyse stored check-in notes that have no analysis yet or one from older models
    (after a model upgrade). Safe to interrupt and run again."""
    from mindtrack.analysis.engine import load_analyzer
    from mindtrack.analysis.service import reanalyze

    analyzer = load_analyzer(_settings().ml)
    count = _with_sessions(lambda sessions: reanalyze(sessions, analyzer, everything=everything))
    typer.echo(f"Analysed {count} check-in note{'s' if count != 1 else ''}.")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit trail's hash chain; names the first broken link (exit status 1)."""
    from mindtrack.privacy.audit import verify

    async def run(sessions: async_sessionmaker[AsyncSession]) -> Verification:
        async with sessions() as session:
            return await verify(session)

    result = _with_sessions(run)
    if result.intact:
        typer.echo(f"The audit trail is intact: {result.events} events.")
        return
    raise _refuse(
        f"The audit trail is broken at event {result.broken_at}: {result.reason} "
        f"({result.events} events before it hold)."
    )


@keys_app.command("generate")
def keys_generate() -> None:
    """Print a new random key-encryption key (32 bytes, URL-safe base64). Keep it outside the
    database and its backups, for example in a secrets manager or a mounted key file."""
    from mindtrack.kit.encryption import encode_key, new_key

    typer.echo(encode_key(new_key()))


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Re-wrap every person's data key, and the key escrow beside the backups, under the
    current key-encryption key, while the service runs. Configure the new key as
    MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY and the old one in MINDTRACK_PRIVACY__RETIRED_KEYS
    first; remove the old one once this has finished (backups sealed under it still need it
    to be opened, so keep it with them while they are kept)."""
    from mindtrack.kit.encryption import SealingError
    from mindtrack.privacy.escrow import KeyEscrow
    from mindtrack.privacy.keyring import rewrap_data_keys

    settings = _settings()
    keks = settings.privacy.key_encryption_keys()
    count = _with_sessions(lambda sessions: rewrap_data_keys(sessions, keks))
    try:
        escrowed = KeyEscrow(settings.backup.directory, keks).rewrap()
    except SealingError as exc:
        raise _refuse(f"Re-wrapped {count} data keys, but not the key escrow: {exc}.") from exc
    typer.echo(
        f"Re-wrapped {count} data key{'s' if count != 1 else ''} under key-encryption key "
        f"{keks.current_id}; every data key is now under it, and the {escrowed} in the key "
        "escrow too."
    )


@backup_app.command("create")
def backup_create() -> None:
    """Back up the database now (online: the service keeps running) into
    MINDTRACK_BACKUP__DIRECTORY, refresh the key escrow there, and keep the newest
    MINDTRACK_BACKUP__KEEP backups."""
    from mindtrack.privacy.backups import BackupError, create_backup

    settings = _settings()
    try:
        info = asyncio.run(
            create_backup(
                settings.database, settings.backup, settings.privacy.key_encryption_keys()
            )
        )
    except BackupError as exc:
        raise _refuse(str(exc)) from exc
    typer.echo(f"Created {info.name}: {info.total_rows} rows, {info.size / 1e6:.1f} MB.")


@backup_app.command("list")
def backup_list() -> None:
    """The backups kept, newest first."""
    from mindtrack.privacy.backups import list_backups

    backups = list_backups(_settings().backup.directory)
    if not backups:
        typer.echo("No backups yet.")
    for info in backups:
        typer.echo(
            f"{info.name}  {info.database:<10}  {info.size / 1e6:8.1f} MB  {info.total_rows} rows"
        )


@backup_app.command("verify")
def backup_verify(name: Annotated[str, typer.Argument(help="A name from `backup list`.")]) -> None:
    """Check a backup: its checksum, every encrypted part, and the database inside."""
    from mindtrack.privacy.backups import BackupError, verify_backup

    settings = _settings()
    try:
        info = verify_backup(
            settings.backup.directory, name, settings.privacy.key_encryption_keys()
        )
    except BackupError as exc:
        raise _refuse(str(exc)) from exc
    typer.echo(f"{info.name} is intact: {info.total_rows} rows of {info.database}.")


@backup_app.command("restore")
def backup_restore(
    name: Annotated[str, typer.Argument(help="A name from `backup list`.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the configured database with a backup, once it verifies. Stop the service
    first. Accounts erased since the backup was made are erased again."""
    from mindtrack.privacy.backups import BackupError, restore_backup
    from mindtrack.privacy.erasure import erasure_pseudonym

    settings = _settings()
    if not yes:
        typer.confirm(f"Replace everything in the configured database with {name}?", abort=True)
    secret = settings.auth.secret_key.get_secret_value()
    try:
        report = asyncio.run(
            restore_backup(
                settings.database,
                settings.backup.directory,
                name,
                settings.privacy.key_encryption_keys(),
                lambda user_id: erasure_pseudonym(secret, user_id),
            )
        )
    except BackupError as exc:
        raise _refuse(str(exc)) from exc
    typer.echo(
        f"Restored {report.info.name} ({report.info.total_rows} rows); "
        f"{report.erased_since} account(s) erased since it was made were erased again."
    )


@retention_app.command("apply")
def retention_apply() -> None:
    """Warn, then erase, accounts unused for MINDTRACK_RETENTION__INACTIVE_DAYS, and remove
    words older than MINDTRACK_RETENTION__NOTE_DAYS. The service does this daily itself unless
    MINDTRACK_RETENTION__IN_PROCESS=false."""
    from mindtrack.privacy.keyring import Keyring
    from mindtrack.privacy.retention import apply_retention

    settings = _settings()
    keyring = Keyring.from_settings(settings.privacy)
    report = _with_sessions(lambda sessions: apply_retention(sessions, settings, keyring))
    typer.echo(
        f"Warned {report.warned} and erased {report.erased} unused account(s); removed the "
        f"words of {report.notes_removed} old note(s) and {report.messages_removed} message(s)."
    )


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="Email address.")],
    username: Annotated[
        str | None, typer.Option(help="Username (default: from the email).")
    ] = None,
    role: Annotated[str, typer.Option(help="user, therapist or admin.")] = "user",
    full_name: Annotated[str | None, typer.Option(help="Full name.")] = None,
    password: Annotated[
        str | None,
        typer.Option(
            help="Password (asked for when omitted; or set MINDTRACK_NEW_PASSWORD).",
            envvar="MINDTRACK_NEW_PASSWORD",
        ),
    ] = None,
) -> None:
    """Create an account, for example the first admin."""
    from mindtrack.user.admin import create_account

    secret = password or getpass.getpass("Password: ")
    try:
        user = _with_engine(create_account, _settings(), email, username, role, full_name, secret)
    except ValueError as exc:
        raise _refuse(str(exc)) from exc
    typer.echo(f"Created {user.role} {user.username} ({user.id})")


@demo_app.command("seed")
def demo_seed(
    users: Annotated[int, typer.Option(help="Accounts to create.", min=1)] = 100,
    days: Annotated[int, typer.Option(help="Days of history each, up to yesterday.", min=1)] = 365,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed, the same people.")] = 0,
    password: Annotated[
        str,
        typer.Option(
            help="Password of every demo account (or set MINDTRACK_DEMO_PASSWORD).",
            envvar="MINDTRACK_DEMO_PASSWORD",
        ),
    ] = "",
) -> None:
    """Create a synthetic population (demo-SS-NNNNNN@demo.invalid) with a mood diary each:
    weekly rhythm, lingering moods, life events and missed days. Refused in production."""
    from mindtrack.config import Environment
    from mindtrack.demo.seed import seed_population
    from mindtrack.kit.security import PasswordHashing

    settings = _settings()
    if settings.environment is Environment.PRODUCTION:
        raise _refuse("Demo data is never written to a production database.")
    if len(password) < 12:
        raise _refuse("Give the demo accounts a password of 12+ characters (--password).", status=2)
    password_hash = PasswordHashing(settings.auth).hash(password)

    async def migrate_and_seed(engine: AsyncEngine) -> tuple[int, int]:
        from mindtrack.kit import migrations

        await migrations.upgrade(engine)
        return await seed_population(
            engine, users=users, days=days, password_hash=password_hash, seed=seed
        )

    created, entries = _with_engine(migrate_and_seed)
    typer.echo(f"Created {created} demo accounts with {entries} check-ins.")
