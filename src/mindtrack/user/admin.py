"""Account administration outside HTTP (the CLI)."""

from __future__ import annotations

import re

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.auth.schemas import UserRegister
from mindtrack.auth.service import AuthService, Credentials
from mindtrack.config import Settings
from mindtrack.kit.db import create_session_factory, transaction
from mindtrack.kit.errors import AppError
from mindtrack.models import Role, User
from mindtrack.privacy.keyring import Keyring


def _username_from_email(email: str) -> str:
    return re.sub(r"[^a-z0-9_.-]", "", email.split("@", 1)[0].lower())[:50] or "user"


async def create_account(
    engine: AsyncEngine,
    settings: Settings,
    email: str,
    username: str | None,
    role: str,
    full_name: str | None,
    password: str,
) -> User:
    """Creates an account with any role; raises ValueError with a readable reason."""
    try:
        account_role = Role(role)
    except ValueError as exc:
        raise ValueError(f"Unknown role '{role}'; use user, therapist or admin.") from exc
    try:
        data = UserRegister(
            username=username or _username_from_email(email),
            email=email,
            password=password,
            full_name=full_name,
        )
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ValueError(reasons) from exc
    credentials = Credentials(settings.auth)
    try:
        async with transaction(
            create_session_factory(engine, Keyring.from_settings(settings.privacy))
        ) as session:
            return await AuthService(session, credentials).register(data, role=account_role)
    except AppError as exc:
        raise ValueError(exc.detail) from exc
