"""Registration, sign-in, token rotation, sign-out and password changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.auth.email_links import EmailLinks
from mindtrack.auth.exceptions import (
    EmailTakenError,
    InactiveAccountError,
    InvalidCredentialsError,
    InvalidRefreshTokenError,
    RefreshTokenReusedError,
    SessionNotFoundError,
    UsernameTakenError,
    WrongPasswordError,
)
from mindtrack.auth.lockout import SignInGuard, SignInLockedError, locked_account_email
from mindtrack.auth.mfa import CodeRequiredError, TwoStepService, WrongCodeError
from mindtrack.auth.repository import AuthSessionRepository, RefreshTokenRepository, UserRepository
from mindtrack.auth.schemas import UserRegister
from mindtrack.config import AuthSettings
from mindtrack.kit.errors import UnauthorizedError
from mindtrack.kit.security import (
    AccessTokens,
    InvalidTokenError,
    PasswordHashing,
    hash_opaque_token,
    new_opaque_token,
)
from mindtrack.kit.time import utcnow
from mindtrack.models import AuthSession, RefreshToken, Role, TokenPurpose, User
from mindtrack.notification.outbox import enqueue
from mindtrack.privacy import audit
from mindtrack.privacy.consents import ConsentService


def normalize_email(email: str) -> str:
    """Canonical form used for uniqueness and sign-in: IDNA domain, lower case."""
    try:
        normalized = validate_email(email, check_deliverability=False).normalized
    except EmailNotValidError:
        normalized = email.strip()
    return normalized.lower()


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    access_expires_in: int
    refresh_token: str
    refresh_expires_in: int
    user: User


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the account and the sign-in session their token belongs to."""

    user: User
    session_id: uuid.UUID


class Credentials:
    """The signing and hashing machinery, built once per application."""

    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        self.passwords = PasswordHashing(settings)
        self.access_tokens = AccessTokens(settings)
        self.refresh_ttl = timedelta(days=settings.refresh_ttl_days)


class AuthService:
    def __init__(
        self,
        session: AsyncSession,
        credentials: Credentials,
        guard: SignInGuard | None = None,
    ) -> None:
        self.session = session
        self.credentials = credentials
        self.guard = guard
        self.two_step = TwoStepService(session, credentials.passwords)
        self.users = UserRepository(session)
        self.sessions = AuthSessionRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)

    async def register(self, data: UserRegister, *, role: Role = Role.USER) -> User:
        username_key = data.username.lower()
        email = normalize_email(data.email)
        if await self.users.get_by_username(username_key):
            raise UsernameTakenError()
        if await self.users.get_by_email(email):
            raise EmailTakenError()
        user = User(
            username=data.username,
            username_normalized=username_key,
            email=email,
            password_hash=self.credentials.passwords.hash(data.password),
            full_name=data.full_name,
            role=role,
            timezone=data.timezone,
            locale=data.locale,
        )
        try:
            await self.users.add(user)
        except IntegrityError as exc:  # a concurrent registration won the race
            raise (
                UsernameTakenError() if "username" in str(exc.orig) else EmailTakenError()
            ) from exc
        await ConsentService(self.session).record_sign_up(user)
        return user

    async def sign_up(self, data: UserRegister, links: EmailLinks) -> None:
        """Registration as the public sees it: the same answer, in about the same time,
        whether or not the email already has an account. A new account is asked to confirm
        its address; the owner of an existing one is told someone tried."""
        try:
            user = await self.register(data)
        except EmailTakenError:
            # Registering is the first thing this unit of work does, so nothing is lost by
            # undoing it, and a concurrent registration that won the race (a failed insert)
            # leaves the session usable again for the email below.
            await self.session.rollback()
            existing = await self.users.get_by_email(normalize_email(data.email))
            self.credentials.passwords.hash(data.password)  # as long as creating one takes
            if existing is not None:
                await links.send_already_registered(existing)
            return
        await links.send_verification(user)

    async def verify_email(self, token: str, links: EmailLinks) -> User:
        user = await links.redeem(token, TokenPurpose.VERIFY_EMAIL)
        user.email_verified_at = user.email_verified_at or utcnow()
        return user

    async def request_password_reset(self, email: str, links: EmailLinks) -> None:
        """Emails a reset link when the address has an account; says nothing either way."""
        user = await self.users.get_by_email(normalize_email(email))
        if user is not None and user.is_active:
            await links.send_password_reset(user)

    async def reset_password(self, token: str, new_password: str, links: EmailLinks) -> User:
        """Sets the new password and signs out every session: whoever knew the old one is
        out. Other reset links stop working; following the link also confirms the address."""
        user = await links.redeem(token, TokenPurpose.RESET_PASSWORD)
        user.password_hash = self.credentials.passwords.hash(new_password)
        user.email_verified_at = user.email_verified_at or utcnow()
        await links.retire(user, TokenPurpose.RESET_PASSWORD)
        await self.sessions.revoke_all_for_user(user.id, at=utcnow(), reason="password_reset")
        await audit.record(self.session, "password_reset", actor=user.id)
        return user

    async def login(
        self,
        login: str,
        password: str,
        *,
        user_agent: str | None,
        address: str = "local",
        otp: str | None = None,
    ) -> IssuedTokens:
        login = login.strip()
        name = normalize_email(login) if "@" in login else login.lower()
        if self.guard is not None:
            await self.guard.check(name, address)
        user = (
            await self.users.get_by_email(name)
            if "@" in login
            else await self.users.get_by_username(name)
        )
        passwords = self.credentials.passwords
        if not passwords.verify(user.password_hash if user else None, password) or user is None:
            await self._failed(name, address, user, reason="password")
            raise InvalidCredentialsError()
        if user.has_two_step_sign_in:
            if not otp:
                raise CodeRequiredError()
            if not await self.two_step.verify(user, otp):
                await self._failed(name, address, user, reason="two_step_code")
                raise WrongCodeError()
        if self.guard is not None:
            await self.guard.succeed(name)
        if not user.is_active:
            raise InactiveAccountError()
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = passwords.hash(password)
        await audit.record(self.session, "sign_in", actor=user.id, method="password")
        return await self.start_session(user, user_agent=user_agent)

    async def start_session(self, user: User, *, user_agent: str | None) -> IssuedTokens:
        """A new signed-in session for an account whose owner has proved who they are."""
        now = utcnow()
        user.last_login_at = now
        auth_session = await self.sessions.add(
            AuthSession(
                user_id=user.id,
                created_at=now,
                last_used_at=now,
                expires_at=now + self.credentials.refresh_ttl,
                user_agent=(user_agent or "")[:255] or None,
            )
        )
        return await self._issue(user, auth_session, now)

    async def _failed(self, name: str, address: str, user: User | None, *, reason: str) -> None:
        """Records and counts the failure; when it locks sign-in, says so (the same for every
        name) and tells the owner of a real account by email."""
        subject = user.id if user else None
        await audit.record(self.session, "sign_in_failed", subject=subject, reason=reason)
        if self.guard is None:
            return
        failure = await self.guard.fail(name, address)
        if not (failure.name_locked or failure.address_locked):
            return
        if failure.name_locked and user is not None:
            await enqueue(self.session, user.id, locked_account_email(user, failure.count))
        await audit.record(self.session, "sign_in_paused", subject=subject)
        raise SignInLockedError(await self.guard.paused_for(name, address))

    async def refresh(self, refresh_token: str) -> IssuedTokens:
        stored = await self.refresh_tokens.get_by_hash(hash_opaque_token(refresh_token))
        if stored is None:
            raise InvalidRefreshTokenError()
        found = await self.sessions.get_with_user(stored.session_id)
        assert found is not None, "refresh tokens cascade with their session"
        auth_session, user = found
        now = utcnow()
        if not await self.refresh_tokens.claim(stored.id, at=now):
            # A rotated token came back: someone holds a copy. End the whole family.
            await self.sessions.revoke(auth_session.id, at=now, reason="refresh_token_reuse")
            await audit.record(self.session, "refresh_token_reused", subject=user.id)
            raise RefreshTokenReusedError()
        if auth_session.revoked_at is not None or auth_session.expires_at <= now:
            raise InvalidRefreshTokenError()
        if stored.expires_at <= now:
            raise InvalidRefreshTokenError()
        if not user.is_active:
            raise InactiveAccountError()
        auth_session.last_used_at = now
        return await self._issue(user, auth_session, now)

    async def _issue(self, user: User, auth_session: AuthSession, now: datetime) -> IssuedTokens:
        secret = new_opaque_token()
        expires_at = min(auth_session.expires_at, now + self.credentials.refresh_ttl)
        await self.refresh_tokens.add(
            RefreshToken(
                session_id=auth_session.id,
                token_hash=hash_opaque_token(secret),
                created_at=now,
                expires_at=expires_at,
            )
        )
        access, access_expires_at = self.credentials.access_tokens.issue(user.id, auth_session.id)
        return IssuedTokens(
            access_token=access,
            access_expires_in=int((access_expires_at - now).total_seconds()),
            refresh_token=secret,
            refresh_expires_in=int((expires_at - now).total_seconds()),
            user=user,
        )

    async def authenticate(self, access_token: str) -> Principal:
        try:
            claims = self.credentials.access_tokens.decode(access_token)
        except InvalidTokenError as exc:
            raise UnauthorizedError(str(exc)) from exc
        found = await self.sessions.get_with_user(claims.session_id)
        if found is None or found[1].id != claims.user_id:
            raise UnauthorizedError("User not found or inactive")
        auth_session, user = found
        if auth_session.revoked_at is not None or auth_session.expires_at <= utcnow():
            raise UnauthorizedError("This session has been signed out. Please sign in again.")
        if not user.is_active:
            raise UnauthorizedError("User not found or inactive")
        return Principal(user=user, session_id=auth_session.id)

    async def logout(self, principal: Principal) -> None:
        await self.sessions.revoke(principal.session_id, at=utcnow(), reason="logout")

    async def active_sessions(self, principal: Principal) -> list[AuthSession]:
        return await self.sessions.active_for_user(principal.user.id, now=utcnow())

    async def sign_out_session(self, principal: Principal, session_id: uuid.UUID) -> None:
        """Signs out one of your own sessions (another person's is simply not found)."""
        found = await self.sessions.get(session_id)
        if found is None or found.user_id != principal.user.id or found.revoked_at is not None:
            raise SessionNotFoundError()
        await self.sessions.revoke(session_id, at=utcnow(), reason="signed_out_remotely")
        await audit.record(
            self.session, "session_signed_out", actor=principal.user.id, session_id=str(session_id)
        )

    async def sign_out_elsewhere(self, principal: Principal, *, reason: str) -> None:
        await self.sessions.revoke_all_for_user(
            principal.user.id, at=utcnow(), reason=reason, keep=principal.session_id
        )

    async def change_password(self, principal: Principal, current: str, new: str) -> None:
        passwords = self.credentials.passwords
        if not passwords.verify(principal.user.password_hash, current):
            raise WrongPasswordError()
        principal.user.password_hash = passwords.hash(new)
        # Anyone who learned the old password is signed out everywhere but here.
        await self.sign_out_elsewhere(principal, reason="password_changed")
        await audit.record(self.session, "password_changed", actor=principal.user.id)
