"""Brute-force protection for sign-in: failed attempts are counted per account name and per
client address; answers slow down as failures mount, and a name or address that fails too
often is locked for a while. Unknown names are counted and locked exactly like real ones,
so the answers never reveal whether an account exists."""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerMinute
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter

from mindtrack.config import AuthSettings
from mindtrack.kit.errors import AppError
from mindtrack.kit.logging import get_logger
from mindtrack.models import User
from mindtrack.notification.outbox import Message, email_to

logger = get_logger(__name__)


class SignInLockedError(AppError):
    status_code = 429
    title = "Too many failed sign-ins"
    type_slug = "sign-in-locked"
    # The attempt that locks an account queues an email to its owner.
    keeps_changes = True

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            "Too many unsuccessful sign-in attempts. Sign-in is paused for "
            f"{minutes} minute{'s' if minutes != 1 else ''}; you can reset your password "
            "in the meantime.",
            headers={"Retry-After": str(max(1, retry_after))},
        )


@dataclass(frozen=True, slots=True)
class Failure:
    count: int  # failures of this account name within the window, this one included
    name_locked: bool  # this failure used up the account name's allowance
    address_locked: bool  # or the client address's


class SignInGuard:
    def __init__(self, storage: Storage, settings: AuthSettings) -> None:
        self._strategy = MovingWindowRateLimiter(storage)
        window = settings.lockout_minutes
        self._per_name = RateLimitItemPerMinute(settings.lockout_failures, window)
        self._per_address = RateLimitItemPerMinute(settings.lockout_address_failures, window)
        self._delay = settings.failure_delay_seconds

    async def check(self, name: str, address: str) -> None:
        """Raises SignInLockedError while the name or the address is locked."""
        wait = await self.paused_for(name, address)
        if wait > 0:
            raise SignInLockedError(wait)

    async def fail(self, name: str, address: str) -> Failure:
        """Counts a failed attempt, then waits longer the more there have been."""
        try:
            await self._strategy.hit(self._per_name, "sign-in-failures", "name", name)
            await self._strategy.hit(self._per_address, "sign-in-failures", "address", address)
            stats = await self._strategy.get_window_stats(
                self._per_name, "sign-in-failures", "name", name
            )
            count = self._per_name.amount - stats.remaining
            address_locked = not await self._strategy.test(
                self._per_address, "sign-in-failures", "address", address
            )
        except Exception as exc:  # counters unreachable: fall back to the delay alone
            logger.warning("sign-in failures not counted", error=type(exc).__name__)
            count, address_locked = 1, False
        # Doubling from the third failure, so a person mistyping is not slowed at all.
        await asyncio.sleep(min(8.0, self._delay * 2 ** (count - 3)) if count >= 3 else 0)
        return Failure(count, count >= self._per_name.amount, address_locked)

    async def succeed(self, name: str) -> None:
        try:
            await self._strategy.clear(self._per_name, "sign-in-failures", "name", name)
        except Exception as exc:
            logger.warning("sign-in failures not cleared", error=type(exc).__name__)

    async def paused_for(self, name: str, address: str) -> int:
        """Seconds until the name and the address may try again (0: they may now)."""
        return max(
            await self._locked_for(self._per_name, "name", name),
            await self._locked_for(self._per_address, "address", address),
        )

    async def _locked_for(self, item: RateLimitItemPerMinute, kind: str, key: str) -> int:
        try:
            if await self._strategy.test(item, "sign-in-failures", kind, key):
                return 0
            stats = await self._strategy.get_window_stats(item, "sign-in-failures", kind, key)
        except Exception as exc:
            logger.warning("sign-in lock not checked", error=type(exc).__name__)
            return 0
        return max(1, math.ceil(stats.reset_time - time.time()))


def locked_account_email(user: User, failures: int) -> Message:
    body = (
        f"Hello {user.full_name or user.username},\n\n"
        f"Someone tried to sign in to your MindTrack account {failures} times with a wrong "
        "password, so we have paused sign-in to it for a few minutes. Your password was not "
        "guessed and your journal is safe.\n\n"
        "If this was you, wait a little and try again, or reset your password.\n"
        "If it was not you, consider changing your password once you are signed in.\n"
    )
    return email_to(user, "sign_in_locked", "Sign-in to your MindTrack account was paused", body)
