"""Links sent by email to confirm an address or choose a new password: single-use, expiring
secrets stored only as hashes, and the messages that carry them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.config import Settings
from mindtrack.kit.errors import GoneError
from mindtrack.kit.security import hash_opaque_token, new_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.models import AccountToken, TokenPurpose, User
from mindtrack.notification.outbox import email_to, enqueue

VERIFY_PATH = "/account/verify-email"
RESET_PATH = "/account/reset-password"
LIFETIME = {
    TokenPurpose.VERIFY_EMAIL: timedelta(days=3),
    TokenPurpose.RESET_PASSWORD: timedelta(minutes=30),
}


class InvalidLinkError(GoneError):
    def __init__(self) -> None:
        super().__init__("This link has expired or was already used. Ask for a new one.")


class EmailLinks:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings

    async def send_verification(self, user: User) -> None:
        link = await self._link(user, TokenPurpose.VERIFY_EMAIL, VERIFY_PATH)
        body = (
            f"Hello {user.full_name or user.username},\n\n"
            "Welcome to MindTrack. Please confirm that this is your email address, so that "
            f"we can reach you if you ever need to reset your password:\n{link}\n\n"
            "The link works once, for three days. If you did not create an account, ignore "
            "this email.\n"
        )
        await self._send(user, "verify_email", "Confirm your email for MindTrack", body)

    async def send_already_registered(self, user: User) -> None:
        body = (
            f"Hello {user.full_name or user.username},\n\n"
            "Someone just tried to create a MindTrack account with this email address, which "
            "already has one. If it was you, sign in instead, or reset your password if you "
            "have forgotten it. If it was not you, you need do nothing: your account is "
            "unchanged.\n"
        )
        await self._send(user, "already_registered", "Your MindTrack account", body)

    async def send_password_reset(self, user: User) -> None:
        link = await self._link(user, TokenPurpose.RESET_PASSWORD, RESET_PATH)
        body = (
            f"Hello {user.full_name or user.username},\n\n"
            f"To choose a new password for MindTrack, open this link:\n{link}\n\n"
            "It works once, for 30 minutes. If you did not ask for this, ignore this email: "
            "your password stays as it is.\n"
        )
        await self._send(user, "password_reset", "Reset your MindTrack password", body)

    async def redeem(self, token: str, purpose: TokenPurpose) -> User:
        """The token's account, once: a second use, an expired or an unknown token fails."""
        now = utcnow()
        claimed = await self.session.execute(
            update(AccountToken)
            .where(
                AccountToken.token_hash == hash_opaque_token(token),
                AccountToken.purpose == purpose,
                AccountToken.used_at.is_(None),
                AccountToken.expires_at > now,
            )
            .values(used_at=now)
            .returning(AccountToken.user_id)
        )
        user_id = claimed.scalar_one_or_none()
        user = await self.session.get(User, user_id) if user_id else None
        if user is None or not user.is_active:
            raise InvalidLinkError()
        return user

    async def retire(self, user: User, purpose: TokenPurpose) -> None:
        """Every unused token of this kind stops working (after a password reset)."""
        await self.session.execute(
            update(AccountToken)
            .where(
                AccountToken.user_id == user.id,
                AccountToken.purpose == purpose,
                AccountToken.used_at.is_(None),
            )
            .values(used_at=utcnow())
        )

    async def _link(self, user: User, purpose: TokenPurpose, path: str) -> str:
        secret = new_opaque_token()
        now = utcnow()
        self.session.add(
            AccountToken(
                user_id=user.id,
                purpose=purpose,
                token_hash=hash_opaque_token(secret),
                created_at=now,
                expires_at=now + LIFETIME[purpose],
            )
        )
        return f"{self.settings.notify.public_url.rstrip('/')}{path}?token={secret}"

    async def _send(self, user: User, kind: str, subject: str, body: str) -> None:
        await enqueue(self.session, user.id, email_to(user, kind, subject, body))
