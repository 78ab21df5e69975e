"""One typed settings object, read from ``MINDTRACK_*`` environment variables and ``.env``.

Nested groups use a double underscore: ``MINDTRACK_AUTH__ACCESS_TTL_MINUTES=90``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from limits import parse_many
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    SecretStr,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from mindtrack.kit.encryption import KeyEncryptionKeys, decode_key
from mindtrack.ml.encoder import DEFAULT_RUNTIME, Runtime

DEFAULT_SECRET_KEY = "change-me-development-only-secret-key-0123456789"  # noqa: S105
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/mindtrack.db"
# Base64 of "mindtrack-development-only-kek!!": readable on purpose, refused in production.
DEFAULT_KEY_ENCRYPTION_KEY = "bWluZHRyYWNrLWRldmVsb3BtZW50LW9ubHkta2VrISE"
T = TypeVar("T")
FRONTEND_DEV_ORIGINS = (
    "http://localhost:3000",
    "http://127.0.0.1:3000",
    "http://localhost:3001",
    "http://127.0.0.1:3001",
)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class DatabaseSettings(BaseModel):
    url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    auto_migrate: bool = Field(
        default=True, description="Apply pending migrations when `mindtrack serve` starts."
    )
    pool_size: int = Field(default=20, ge=1, description="Connections per process (PostgreSQL).")
    sqlite_busy_timeout_ms: int = Field(
        default=5000,
        ge=0,
        le=60_000,
        description="How long a write waits for SQLite's one write lock before the request is "
        "answered 503 (try again) with nothing saved.",
    )
    echo: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of a SQLite URL (None for in-memory or other databases)."""
        if not self.is_sqlite:
            return None
        path = self.url.split(":///", 1)[-1].split("?", 1)[0]
        return None if path in ("", ":memory:") else Path(path)


class AuthSettings(BaseModel):
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET_KEY)
    algorithm: str = "HS256"
    issuer: str = "mindtrack"
    # The existing web frontend has no refresh flow: an access token that expires mid-session
    # silently loses the check-in being written, so the default outlives a typical session.
    access_ttl_minutes: int = Field(default=60, ge=1, le=24 * 60)
    refresh_ttl_days: int = Field(default=30, ge=1, le=365)
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65536, ge=8)
    argon2_parallelism: int = Field(default=2, ge=1)
    lockout_failures: int = Field(
        default=5, ge=2, description="Failed sign-ins to one account name that pause it."
    )
    lockout_address_failures: int = Field(
        default=30, ge=2, description="Failed sign-ins from one address that pause it."
    )
    lockout_minutes: int = Field(default=15, ge=1, le=24 * 60)
    failure_delay_seconds: float = Field(
        default=0.5, ge=0, le=8, description="First slow-down after repeated failures; doubles."
    )


def _split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


# A list given in one environment variable as comma-separated values.
CommaSeparated = Annotated[list[T], NoDecode, BeforeValidator(_split_commas)]


class CorsSettings(BaseModel):
    origins: CommaSeparated[str] = Field(default_factory=lambda: [*FRONTEND_DEV_ORIGINS])


def _rate(value: str) -> str:
    try:
        parse_many(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a rate such as '10/minute' or '5/hour'") from exc
    return value


Rate = Annotated[str, AfterValidator(_rate)]


KNOWN_OIDC_METADATA = {
    "google": "https://accounts.google.com/.well-known/openid-configuration",
    "apple": "https://appleid.apple.com/.well-known/openid-configuration",
    "facebook": "https://www.facebook.com/.well-known/openid-configuration/",
}


class OidcProviderSettings(BaseModel):
    """One sign-in provider, as registered with it. Apple's client secret is not a fixed
    string but a short-lived token signed with the team's key (`apple_*`)."""

    client_id: str
    client_secret: SecretStr | None = None
    metadata_url: str | None = Field(
        default=None, description="Its discovery document; known for google, apple, facebook."
    )
    scopes: str = "openid email profile"
    apple_team_id: str | None = None
    apple_key_id: str | None = None
    apple_private_key: SecretStr | None = Field(default=None, description="PEM (ES256).")


class OidcSettings(BaseModel):
    providers: dict[str, OidcProviderSettings] = Field(
        default_factory=dict,
        description="By name (google, apple, facebook, or any OpenID provider); none is needed.",
    )
    redirect_base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="This service as people's browsers reach it; providers send them back to "
        "`{redirect_base_url}/api/v1/auth/oidc/{provider}/callback`.",
    )
    timeout_seconds: float = Field(default=10.0, gt=0, le=60)

    def metadata_url(self, name: str) -> str | None:
        provider = self.providers[name]
        return provider.metadata_url or KNOWN_OIDC_METADATA.get(name)


class RateLimitSettings(BaseModel):
    """Request budgets, in the `limits` notation (`N/second|minute|hour|day`, several joined
    by `;`). Counted in Redis when MINDTRACK_REDIS_URL is set (shared by every process),
    in this process's memory otherwise."""

    enabled: bool = True
    per_ip: Rate = Field(default="300/minute", description="Every request, per client address.")
    per_user: Rate = Field(default="600/minute", description="Every signed-in request, per user.")
    sign_in: Rate = Field(
        default="10/minute;50/hour", description="Sign-in and token refresh, per address."
    )
    registration: Rate = Field(default="5/hour", description="New accounts, per address.")
    password_reset: Rate = Field(
        default="5/hour", description="Reset and verification emails, per address."
    )
    ai_analysis: Rate = Field(
        default="30/minute;500/day",
        description="Text analysis and companion messages, per user.",
    )
    key_prefix: str = Field(default="mindtrack:rate", description="Prefix of the Redis keys.")


class LogSettings(BaseModel):
    level: str = "INFO"
    json_format: bool = Field(default=True, description="JSON lines (true) or console text.")


class MLSettings(BaseModel):
    encoder: str = Field(
        default="all-MiniLM-L6-v2",
        description="Sentence encoder: all-MiniLM-L6-v2 (shipped), a model folder, or a hub id.",
    )
    models_dir: Path = Field(
        default=Path("models"), description="Folder with the trained heads and encoder adapter."
    )
    enabled: bool = Field(
        default=True,
        description="Load the text models at startup and analyse check-in notes; off, notes are "
        "read by the crisis patterns alone, for the risk assessment.",
    )
    runtime: Runtime = Field(
        default=DEFAULT_RUNTIME,
        description="What runs the encoder: ONNX Runtime on a graph exported from the model at "
        "startup with int8 weights, one note per call (the default, and what the shipped heads "
        "are calibrated on); the same graph in full precision; or PyTorch itself.",
    )
    batch_size: int = Field(default=32, ge=1, le=256, description="Most notes per encoder pass.")
    batch_wait_ms: float = Field(
        default=2.0, ge=0, le=100, description="How long a note may wait for others to batch with."
    )


class NotifySettings(BaseModel):
    """Outgoing messages (email now): written to the outbox with the change that caused them
    and delivered after commit, with retries."""

    smtp_host: str = Field(default="127.0.0.1", description="SMTP server for outgoing email.")
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = Field(default=False, description="Upgrade the connection with STARTTLS.")
    smtp_timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    sender: str = Field(
        default="MindTrack <no-reply@mindtrack.invalid>", description="From: of every email."
    )
    sms_webhook_url: str | None = Field(
        default=None,
        description="Text messages are POSTed here as JSON ({to, body, message_id}) for an SMS "
        "provider or gateway to send; unset, contacts can only be reached by email.",
    )
    sms_webhook_secret: SecretStr | None = Field(
        default=None,
        description="Signs each SMS request: header X-MindTrack-Signature, sha256=HMAC of the body.",
    )
    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Where this service is reached from outside: links in emails start here.",
    )
    deliver_in_process: bool = Field(
        default=True,
        description="Deliver the outbox from the serving process. Turn off where "
        "`mindtrack deliver` runs as its own process.",
    )
    poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How often the outbox is checked for due messages."
    )
    max_attempts: int = Field(default=8, ge=1, le=50, description="Tries before giving up.")
    retry_base_seconds: float = Field(
        default=10.0, gt=0, description="Wait after the first failure; doubles each time."
    )
    retry_max_seconds: float = Field(
        default=1800.0, gt=0, description="Longest wait between tries."
    )
    lease_seconds: float = Field(
        default=120.0,
        gt=0,
        description="How long a message being sent is reserved; after a crash it is tried again "
        "once this has passed.",
    )


class CrisisSettings(BaseModel):
    """When a risk opens an incident, and how often trusted contacts may be alerted."""

    incident_level: Literal["moderate", "high", "imminent"] = Field(
        default="moderate", description="The lowest risk level that opens an incident."
    )
    contact_cooldown_hours: float = Field(
        default=12.0,
        ge=0,
        le=168,
        description="A contact alerted within this time is not alerted again unless the risk "
        "level rises.",
    )
    max_alerts_per_contact_per_day: int = Field(
        default=3, ge=1, le=24, description="Alerts to one contact in any 24 hours, at most."
    )
    unacknowledged_minutes: float = Field(
        default=60.0,
        gt=0,
        le=24 * 60,
        description="A high or imminent incident nobody acknowledged by then is escalated once: "
        "the person is emailed crisis lines and contacts are told again.",
    )
    sweep_seconds: float = Field(
        default=60.0, gt=0, le=3600, description="How often unacknowledged incidents are checked."
    )
    escalate_in_process: bool = Field(
        default=True, description="Check for unacknowledged incidents from the serving process."
    )


class CompanionSettings(BaseModel):
    """The optional language-model engine of the companion (any OpenAI-compatible server)."""

    llm_url: str | None = Field(
        default=None,
        description="Base URL of an OpenAI-compatible chat-completions API, e.g. "
        "http://127.0.0.1:11434/v1 for a local Ollama; unset: the offline engine only.",
    )
    llm_model: str = Field(default="llama3.1", description="The model name the server knows.")
    llm_api_key: SecretStr | None = Field(default=None, description="Sent as a Bearer token.")
    llm_timeout_seconds: float = Field(
        default=8.0, gt=0, le=60, description="After this the offline engine answers instead."
    )
    llm_max_tokens: int = Field(default=300, ge=32, le=2000)


class AnalyticsSettings(BaseModel):
    """Population comparisons: who is released, with how much privacy loss, and how often."""

    population_epsilon: float = Field(
        default=1.0,
        gt=0,
        le=10,
        description="Privacy loss ε of one cohort's daily release (differential privacy).",
    )
    population_min_cohort: int = Field(
        default=20, ge=20, description="A cohort smaller than this (noisy) is never released."
    )
    population_refresh_in_process: bool = Field(
        default=True,
        description="Run the daily analytics jobs in the serving process: today's population "
        "release and the refresh of recently changed day summaries (off when a scheduler runs "
        "`mindtrack analytics release-population` instead).",
    )
    population_refresh_seconds: float = Field(
        default=3600.0, gt=0, le=86400, description="How often the serving process checks."
    )


class PrivacySettings(BaseModel):
    """Encryption at rest. Sensitive fields are sealed under a data key per person; data keys
    are wrapped under the key-encryption key (KEK), which is never stored in the database."""

    key_encryption_key: SecretStr = Field(
        default=SecretStr(DEFAULT_KEY_ENCRYPTION_KEY),
        description="The KEK: 32 random bytes, URL-safe base64 (`mindtrack keys generate`).",
    )
    key_file: Path | None = Field(
        default=None,
        description="A file holding the KEK instead (for example a mounted secret); wins over "
        "MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY.",
    )
    retired_keys: CommaSeparated[SecretStr] = Field(
        default_factory=list,
        description="Earlier KEKs, comma-separated, still accepted while `mindtrack keys "
        "rotate` re-wraps the data keys they protect.",
    )

    export_hours: int = Field(
        default=72, ge=1, le=24 * 30, description="How long a data export can be downloaded."
    )
    exports_in_process: bool = Field(
        default=True, description="Make requested data exports in the serving process."
    )

    @model_validator(mode="after")
    def keys_are_readable(self) -> PrivacySettings:
        try:
            self.key_encryption_keys()
        except OSError as exc:
            raise ValueError(f"MINDTRACK_PRIVACY__KEY_FILE cannot be read: {exc}") from exc
        return self

    @property
    def uses_default_key(self) -> bool:
        return (
            self.key_file is None
            and self.key_encryption_key.get_secret_value() == DEFAULT_KEY_ENCRYPTION_KEY
        )

    def key_encryption_keys(self) -> KeyEncryptionKeys:
        current = (
            self.key_file.read_text()
            if self.key_file
            else self.key_encryption_key.get_secret_value()
        )
        retired = tuple(decode_key(key.get_secret_value()) for key in self.retired_keys)
        return KeyEncryptionKeys(decode_key(current), retired)


class BackupSettings(BaseModel):
    """Encrypted database backups, and the key escrow that lets them be restored."""

    directory: Path = Field(
        default=Path("var/backups"),
        description="Where backups and the key escrow are kept; mount it off the database's "
        "disk, and copy it off the machine.",
    )
    keep: int = Field(default=14, ge=1, le=1000, description="Newest backups kept; older go.")
    in_process: bool = Field(
        default=True,
        description="Make the daily backup from the serving process (off where a scheduler "
        "runs `mindtrack backup create` instead).",
    )
    every_hours: float = Field(default=24.0, gt=0, le=24 * 7, description="Time between backups.")


class RetentionSettings(BaseModel):
    """How long data is kept when nobody uses it (GDPR article 5(1)(e))."""

    inactive_days: int | None = Field(
        default=3 * 365,
        ge=30,
        description="An account nobody has signed in to or used for this long is erased "
        "(after a warning); unset to keep inactive accounts.",
    )
    warning_days: int = Field(
        default=30, ge=1, le=365, description="Notice given by email before that erasure."
    )
    note_days: int | None = Field(
        default=None,
        ge=1,
        description="Raw words older than this are removed (check-in notes and what quotes "
        "them, companion messages) while scores and analysis figures stay; unset to keep.",
    )
    in_process: bool = Field(
        default=True,
        description="Apply retention daily from the serving process (off where a scheduler "
        "runs `mindtrack retention apply` instead).",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MINDTRACK_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    environment: Environment = Environment.DEVELOPMENT
    allow_sqlite_in_production: bool = False
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    cors: CorsSettings = Field(default_factory=CorsSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    ml: MLSettings = Field(default_factory=MLSettings)
    notify: NotifySettings = Field(default_factory=NotifySettings)
    crisis: CrisisSettings = Field(default_factory=CrisisSettings)
    analytics: AnalyticsSettings = Field(default_factory=AnalyticsSettings)
    companion: CompanionSettings = Field(default_factory=CompanionSettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    oidc: OidcSettings = Field(default_factory=OidcSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    backup: BackupSettings = Field(default_factory=BackupSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    max_request_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (bytes)."
    )
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db. Rate-limit budgets are shared through it by every "
        "process of the service.",
    )

    @model_validator(mode="after")
    def refuse_unsafe_production(self) -> Settings:
        if self.environment is not Environment.PRODUCTION:
            return self
        if self.auth.secret_key.get_secret_value() == DEFAULT_SECRET_KEY:
            raise ValueError(
                "MINDTRACK_AUTH__SECRET_KEY still has its development default; "
                "set a long random secret before running in production"
            )
        if len(self.auth.secret_key.get_secret_value()) < 32:
            raise ValueError("MINDTRACK_AUTH__SECRET_KEY must be at least 32 characters")
        if self.privacy.uses_default_key:
            raise ValueError(
                "MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY still has its development default; "
                "create one with `mindtrack keys generate` and keep it outside the database"
            )
        if self.database.is_sqlite and not self.allow_sqlite_in_production:
            raise ValueError(
                "production needs PostgreSQL (MINDTRACK_DATABASE__URL); "
                "set MINDTRACK_ALLOW_SQLITE_IN_PRODUCTION=true to run on SQLite anyway"
            )
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
