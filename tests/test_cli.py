from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mindtrack.cli import app
from mindtrack.config import get_settings
from mindtrack.kit.migrations import head_revision
from tests.conftest import MODELS_DIR

runner = CliRunner()


@pytest.fixture
def sqlite_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MINDTRACK_DATABASE__URL", f"sqlite+aiosqlite:///{path}")
    monkeypatch.setenv("MINDTRACK_AUTH__ARGON2_MEMORY_KIB", "1024")
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_help_explains_every_command() -> None:
    code, output = invoke("--help")
    assert code == 0
    for command in ("serve", "db", "users"):
        assert command in output
    code, output = invoke("db", "--help")
    assert code == 0
    assert "upgrade" in output
    assert "downgrade" in output
    assert "current" in output


def test_db_upgrade_current_and_downgrade(sqlite_env: Path) -> None:
    code, output = invoke("db", "current")
    assert code == 0
    assert "base (empty)" in output

    code, output = invoke("db", "upgrade")
    assert code == 0, output
    assert head_revision() in output
    assert sqlite_env.exists()

    code, output = invoke("db", "current")
    assert output.strip() == f"{head_revision()}: up to date"

    code, output = invoke("db", "downgrade", "base")
    assert code == 0, output
    assert "base (empty)" in output


def test_users_create_persists_an_admin(sqlite_env: Path) -> None:
    invoke("db", "upgrade")
    code, output = invoke(
        "users",
        "create",
        "--email",
        "Boss@Example.com",
        "--role",
        "admin",
        "--password",
        "long enough pass",
    )
    assert code == 0, output
    assert "Created admin boss" in output

    code, output = invoke(
        "users",
        "create",
        "--email",
        "boss@example.com",
        "--username",
        "other",
        "--password",
        "long enough pass",
    )
    assert code == 1
    assert "Email already registered" in output


def test_users_create_explains_bad_input(sqlite_env: Path) -> None:
    invoke("db", "upgrade")
    code, output = invoke(
        "users",
        "create",
        "--email",
        "a@example.com",
        "--role",
        "king",
        "--password",
        "long enough pass",
    )
    assert code == 1
    assert "Unknown role" in output
    code, output = invoke("users", "create", "--email", "a@example.com", "--password", "short")
    assert code == 1
    assert "password" in output


def test_users_create_reads_the_password_from_the_environment(
    sqlite_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke("db", "upgrade")
    monkeypatch.setenv("MINDTRACK_NEW_PASSWORD", "from the environment")
    code, output = invoke("users", "create", "--email", "env@example.com")
    assert code == 0, output


def test_bad_configuration_is_reported_without_a_traceback(
    sqlite_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINDTRACK_ENVIRONMENT", "production")
    get_settings.cache_clear()
    code, output = invoke("db", "current")
    assert code == 2
    assert "Configuration error" in output
    assert "Traceback" not in output


def test_reanalyze_reports_what_it_did(sqlite_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINDTRACK_ML__MODELS_DIR", str(MODELS_DIR))
    get_settings.cache_clear()
    assert invoke("db", "upgrade")[0] == 0
    code, output = invoke("ml", "reanalyze")
    assert code == 0, output
    assert "Analysed 0 check-in notes." in output


def test_serve_refuses_to_start_without_its_models(
    sqlite_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINDTRACK_ML__MODELS_DIR", str(sqlite_env.parent / "no-models"))
    get_settings.cache_clear()
    code, output = invoke("serve")
    assert code == 1
    assert "Cannot start: model folder" in output
    assert "no-models does not exist" in output
