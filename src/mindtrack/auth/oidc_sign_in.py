"""Signing in through a provider: starting, finishing, and finding or creating the account.

An identity already linked signs in to its account. Otherwise an account with the same
email is linked only when the provider says it verified that email (else anyone who can
register that address at some provider could take the account over); with no such account
a new one is made."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.auth.exceptions import InactiveAccountError
from mindtrack.auth.oidc import Identity, OidcProvider, SignInRejectedError, new_secret
from mindtrack.auth.service import AuthService, IssuedTokens, normalize_email
from mindtrack.kit.security import hash_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.models import OidcIdentity, OidcLogin, User
from mindtrack.privacy import audit
from mindtrack.privacy.consents import ConsentService

START_LIFETIME = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Started:
    url: str
    state: str


class OidcSignIn:
    def __init__(self, session: AsyncSession, auth: AuthService) -> None:
        self.session = session
        self.auth = auth

    async def start(self, provider: OidcProvider) -> Started:
        state, nonce, verifier = new_secret(), new_secret(), new_secret()
        url = await provider.authorization_url(state=state, nonce=nonce, code_verifier=verifier)
        now = utcnow()
        self.session.add(
            OidcLogin(
                provider=provider.name,
                state_hash=hash_opaque_token(state),
                nonce=nonce,
                code_verifier=verifier,
                created_at=now,
                expires_at=now + START_LIFETIME,
            )
        )
        return Started(url=url, state=state)

    async def finish(
        self,
        provider: OidcProvider,
        *,
        code: str,
        state: str,
        browser_state: str | None,
        user_agent: str | None,
    ) -> IssuedTokens:
        # The state must come back to the browser that started, once, within minutes.
        if not browser_state or not secrets.compare_digest(browser_state, state):
            raise SignInRejectedError("it did not start in this browser.")
        started = await self._claim(provider.name, state)
        identity = await provider.sign_in(
            code=code, code_verifier=started.code_verifier, nonce=started.nonce
        )
        user = await self._account_for(provider.name, identity)
        if not user.is_active:
            raise InactiveAccountError()
        if user.has_two_step_sign_in:
            raise SignInRejectedError(
                "this account uses two-step sign-in; sign in with your password and code."
            )
        await audit.record(self.session, "sign_in", actor=user.id, method=provider.name)
        return await self.auth.start_session(user, user_agent=user_agent)

    async def _claim(self, provider: str, state: str) -> OidcLogin:
        now = utcnow()
        claimed = await self.session.execute(
            update(OidcLogin)
            .where(
                OidcLogin.state_hash == hash_opaque_token(state),
                OidcLogin.provider == provider,
                OidcLogin.used_at.is_(None),
                OidcLogin.expires_at > now,
            )
            .values(used_at=now)
            .returning(OidcLogin)
        )
        started = claimed.scalar_one_or_none()
        if started is None:
            raise SignInRejectedError("it expired or was already used.")
        return started

    async def _account_for(self, provider: str, identity: Identity) -> User:
        linked = await self.session.execute(
            select(User)
            .join(OidcIdentity, OidcIdentity.user_id == User.id)
            .where(OidcIdentity.provider == provider, OidcIdentity.subject == identity.subject)
        )
        user = linked.scalar_one_or_none()
        if user is not None:
            return user
        if not identity.email:
            raise SignInRejectedError("the provider did not share an email address.")
        email = normalize_email(identity.email)
        user = await self.auth.users.get_by_email(email)
        if user is not None and not identity.email_verified:
            raise SignInRejectedError(
                "an account with this email exists; sign in with your password first."
            )
        if user is None:
            user = await self._new_account(email, identity)
        if identity.email_verified and user.email_verified_at is None:
            user.email_verified_at = utcnow()
        self.session.add(OidcIdentity(user_id=user.id, provider=provider, subject=identity.subject))
        await self.session.flush()
        return user

    async def _new_account(self, email: str, identity: Identity) -> User:
        base = re.sub(r"[^a-z0-9_.-]", "", email.split("@", 1)[0].lower())[:40] or "member"
        username = base if len(base) >= 3 else f"{base}-member"
        while await self.auth.users.get_by_username(username):
            username = f"{base}-{secrets.randbelow(10_000):04d}"
        # No password: the person signs in through the provider, or sets one by reset.
        unusable = self.auth.credentials.passwords.hash(secrets.token_urlsafe(32))
        user = User(
            username=username,
            username_normalized=username,
            email=email,
            password_hash=unusable,
            full_name=identity.name[:100] if identity.name else None,
        )
        await self.auth.users.add(user)
        await ConsentService(self.auth.session).record_sign_up(user)
        return user
