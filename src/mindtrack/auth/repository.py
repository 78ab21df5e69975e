from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, select, update

from mindtrack.kit.repository import Repository
from mindtrack.models import AuthSession, RefreshToken, User


class UserRepository(Repository[User]):
    model = User

    async def get_by_email(self, email: str) -> User | None:
        return await self.first(self.select().where(User.email == email))

    async def get_by_username(self, username_normalized: str) -> User | None:
        return await self.first(
            self.select().where(User.username_normalized == username_normalized)
        )


# Built once: every authenticated request runs it, and making it anew costs about as much CPU
# as running it.
_SESSION_WITH_USER = (
    select(AuthSession, User)
    .join(User, User.id == AuthSession.user_id)
    .where(AuthSession.id == bindparam("session_id"))
)


class AuthSessionRepository(Repository[AuthSession]):
    model = AuthSession

    async def get_with_user(self, session_id: uuid.UUID) -> tuple[AuthSession, User] | None:
        values = {"session_id": session_id}
        row = (await self.session.execute(_SESSION_WITH_USER, values)).first()
        return None if row is None else (row[0], row[1])

    async def active_for_user(self, user_id: uuid.UUID, *, now: datetime) -> list[AuthSession]:
        return await self.all(
            self.select()
            .where(
                AuthSession.user_id == user_id,
                AuthSession.revoked_at.is_(None),
                AuthSession.expires_at > now,
            )
            .order_by(AuthSession.last_used_at.desc(), AuthSession.id)
        )

    async def revoke(self, session_id: uuid.UUID, *, at: datetime, reason: str) -> None:
        await self.session.execute(
            update(AuthSession)
            .where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
            .values(revoked_at=at, revoked_reason=reason)
        )

    async def revoke_all_for_user(
        self, user_id: uuid.UUID, *, at: datetime, reason: str, keep: uuid.UUID | None = None
    ) -> None:
        statement = update(AuthSession).where(
            AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)
        )
        if keep is not None:
            statement = statement.where(AuthSession.id != keep)
        await self.session.execute(statement.values(revoked_at=at, revoked_reason=reason))


class RefreshTokenRepository(Repository[RefreshToken]):
    model = RefreshToken

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        return await self.first(self.select().where(RefreshToken.token_hash == token_hash))

    async def claim(self, token_id: uuid.UUID, *, at: datetime) -> bool:
        """Marks the token used if nobody has yet; False means it was already used. The check
        and the write are one statement so two concurrent refreshes cannot both succeed."""
        result = await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None))
            .values(used_at=at)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
