from pathlib import Path

import pytest
from pydantic import ValidationError

from mindtrack.config import (
    DEFAULT_KEY_ENCRYPTION_KEY,
    DEFAULT_SECRET_KEY,
    FRONTEND_DEV_ORIGINS,
    Environment,
    Settings,
)
from mindtrack.kit.encryption import decode_key

STRONG_SECRET = "x" * 48
# 32 bytes, URL-safe base64: a key-encryption key of the right shape.
KEK = "S0VLLWZvci10aGUtY29uZmlndXJhdGlvbi10ZXN0cyE"
PRODUCTION = {
    "MINDTRACK_ENVIRONMENT": "production",
    "MINDTRACK_AUTH__SECRET_KEY": STRONG_SECRET,
    "MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY": KEK,
}
POSTGRES = "postgresql+asyncpg://app@db/mindtrack"


def settings_from_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_defaults_are_for_development_on_sqlite() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.environment is Environment.DEVELOPMENT
    assert settings.database.is_sqlite
    assert settings.auth.access_ttl_minutes == 60
    assert settings.cors.origins == list(FRONTEND_DEV_ORIGINS)


def test_nested_settings_come_from_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_from_env(
        monkeypatch,
        MINDTRACK_AUTH__ACCESS_TTL_MINUTES="90",
        MINDTRACK_DATABASE__URL=POSTGRES,
        MINDTRACK_CORS__ORIGINS="https://app.example, https://admin.example",
    )
    assert settings.auth.access_ttl_minutes == 90
    assert not settings.database.is_sqlite
    assert settings.database.sqlite_path is None
    assert settings.cors.origins == ["https://app.example", "https://admin.example"]


def test_production_refuses_the_default_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError, match="development default"):
        settings_from_env(
            monkeypatch, MINDTRACK_ENVIRONMENT="production", MINDTRACK_DATABASE__URL=POSTGRES
        )


def test_production_refuses_a_short_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        settings_from_env(
            monkeypatch,
            MINDTRACK_ENVIRONMENT="production",
            MINDTRACK_AUTH__SECRET_KEY="short",
            MINDTRACK_DATABASE__URL=POSTGRES,
        )


def test_production_refuses_sqlite_unless_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match="PostgreSQL"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("MINDTRACK_ALLOW_SQLITE_IN_PRODUCTION", "true")
    assert Settings(_env_file=None).database.is_sqlite  # type: ignore[call-arg]


def test_production_starts_with_a_real_secret_and_postgresql(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings_from_env(monkeypatch, MINDTRACK_DATABASE__URL=POSTGRES, **PRODUCTION)
    assert settings.auth.secret_key.get_secret_value() == STRONG_SECRET
    assert STRONG_SECRET not in repr(settings)
    assert KEK not in repr(settings)
    assert repr(decode_key(KEK)) not in repr(settings.privacy.key_encryption_keys())


def test_production_refuses_the_default_key_encryption_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValidationError, match="KEY_ENCRYPTION_KEY still has its development"):
        settings_from_env(
            monkeypatch,
            MINDTRACK_ENVIRONMENT="production",
            MINDTRACK_AUTH__SECRET_KEY=STRONG_SECRET,
            MINDTRACK_DATABASE__URL=POSTGRES,
        )


def test_the_key_encryption_key_can_come_from_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key_file = tmp_path / "kek"
    key_file.write_text(KEK + "\n")
    settings = settings_from_env(
        monkeypatch,
        MINDTRACK_DATABASE__URL=POSTGRES,
        MINDTRACK_PRIVACY__KEY_FILE=str(key_file),
        MINDTRACK_PRIVACY__RETIRED_KEYS=f"{DEFAULT_KEY_ENCRYPTION_KEY}, {KEK}",
        **{**PRODUCTION, "MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY": DEFAULT_KEY_ENCRYPTION_KEY},
    )
    keys = settings.privacy.key_encryption_keys()
    assert keys.current == decode_key(KEK)
    assert keys.retired == (decode_key(DEFAULT_KEY_ENCRYPTION_KEY), decode_key(KEK))


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY", "c2hvcnQ", "must be 32 bytes"),
        ("MINDTRACK_PRIVACY__RETIRED_KEYS", "not base64!", "URL-safe base64"),
        ("MINDTRACK_PRIVACY__KEY_FILE", "/nonexistent/kek", "cannot be read"),
    ],
)
def test_unusable_keys_are_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        settings_from_env(monkeypatch, **{variable: value})


def test_development_tolerates_the_default_secret() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.auth.secret_key.get_secret_value() == DEFAULT_SECRET_KEY


def test_sqlite_path_is_read_from_the_url() -> None:
    settings = Settings(_env_file=None, database={"url": "sqlite+aiosqlite:///var/data/m.db"})  # type: ignore[call-arg]
    assert str(settings.database.sqlite_path) == "var/data/m.db"
    memory = Settings(_env_file=None, database={"url": "sqlite+aiosqlite:///:memory:"})  # type: ignore[call-arg]
    assert memory.database.sqlite_path is None


def test_dotenv_file_is_read(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / ".env"  # type: ignore[operator]
    env_file.write_text("MINDTRACK_AUTH__REFRESH_TTL_DAYS=7\n")
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    assert Settings().auth.refresh_ttl_days == 7
