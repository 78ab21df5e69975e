"""Request budgets: moving-window counters in Redis (shared by every process) or memory.

A budget is one or more rates (`10/minute;50/hour`); a request spends one unit of each, and
is refused when any is spent. The answer carries what the client needs to behave well:
`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` on every counted response,
`Retry-After` on a refusal.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import redis.asyncio as redis
from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mindtrack.config import RateLimitSettings
from mindtrack.kit.errors import AppError
from mindtrack.kit.logging import get_logger
from mindtrack.kit.problems import problem_response
from mindtrack.kit.security import AccessTokens, InvalidTokenError

logger = get_logger(__name__)
# Probes from load balancers and orchestrators are not clients.
UNCOUNTED_PATHS = frozenset({"/health", "/ready"})


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until a unit of the tightest rate is free again

    @property
    def headers(self) -> dict[str, str]:
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_after),
        }
        if not self.allowed:
            headers["Retry-After"] = str(max(1, self.reset_after))
        return headers


class TooManyRequestsError(AppError):
    status_code = 429
    title = "Too many requests"
    type_slug = "too-many-requests"

    def __init__(self, decision: Decision) -> None:
        wait = max(1, decision.reset_after)
        super().__init__(
            f"Too many requests. Please wait {wait} second{'s' if wait != 1 else ''} "
            "and try again.",
            headers=decision.headers,
        )


class Budget:
    """A named set of rates, counted separately for each identifier (an address, a user)."""

    def __init__(self, name: str, rates: str) -> None:
        self.name = name
        self.items: list[RateLimitItem] = parse_many(rates)


class RateLimiter:
    def __init__(self, settings: RateLimitSettings, redis_url: str | None) -> None:
        self.settings = settings
        self._pool: redis.ConnectionPool | None = None
        self.storage: Storage = MemoryStorage()
        if redis_url:
            # Our own pool, so that shutting down closes its connections.
            self._pool = redis.ConnectionPool.from_url(redis_url)
            options: dict[str, Any] = {"connection_pool": self._pool}
            self.storage = RedisStorage(
                f"async+{redis_url}",
                key_prefix=settings.key_prefix,
                implementation="redispy",
                **options,
            )
        self._strategy = MovingWindowRateLimiter(self.storage)
        self.per_ip = Budget("ip", settings.per_ip)
        self.per_user = Budget("user", settings.per_user)
        self.sign_in = Budget("sign-in", settings.sign_in)
        self.registration = Budget("registration", settings.registration)
        self.password_reset = Budget("password-reset", settings.password_reset)
        self.ai_analysis = Budget("ai-analysis", settings.ai_analysis)

    async def spend(self, budget: Budget, identifier: str) -> Decision | None:
        """Spends one unit of each of the budget's rates for `identifier`. None when the
        counters cannot be reached: the request goes ahead (a person who needs their safety
        plan is never turned away because a cache is down), and the failure is logged."""
        if not self.settings.enabled:
            return None
        try:
            return await self._spend(budget, identifier)
        except Exception as exc:  # any storage failure means "not counted"
            logger.warning("rate limit not counted", budget=budget.name, error=type(exc).__name__)
            return None

    async def _spend(self, budget: Budget, identifier: str) -> Decision:
        tightest: Decision | None = None
        now = time.time()
        for item in budget.items:
            allowed = await self._strategy.hit(item, budget.name, identifier)
            stats = await self._strategy.get_window_stats(item, budget.name, identifier)
            decision = Decision(
                allowed=allowed,
                limit=item.amount,
                remaining=stats.remaining,
                reset_after=max(0, math.ceil(stats.reset_time - now)),
            )
            if not allowed:
                return decision
            if tightest is None or decision.remaining < tightest.remaining:
                tightest = decision
        assert tightest is not None, "a budget has at least one rate"
        return tightest

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.aclose()


def client_address(scope: Scope) -> str:
    """The caller's address (behind a proxy, as the server resolved it from the trusted
    forwarding headers)."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    return None


class RateLimitMiddleware:
    """The budgets every request spends: one per client address, and one per user for
    requests with a valid access token. Stricter budgets of particular routes (sign-in,
    registration, AI analysis) are their own dependencies and set the headers themselves."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, access_tokens: AccessTokens) -> None:
        self.app = app
        self.limiter = limiter
        self.access_tokens = access_tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not self.limiter.settings.enabled
            or scope["path"] in UNCOUNTED_PATHS
        ):
            await self.app(scope, receive, send)
            return
        decisions = [await self.limiter.spend(self.limiter.per_ip, client_address(scope))]
        user_id = self._user_id(scope)
        if user_id is not None:
            decisions.append(await self.limiter.spend(self.limiter.per_user, user_id))
        counted = [d for d in decisions if d is not None]
        refused = next((d for d in counted if not d.allowed), None)
        if refused is not None:
            await self._refuse(refused, scope, receive, send)
            return
        tightest = min(counted, key=lambda d: d.remaining, default=None)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # A route's own budget (sign-in, AI analysis) is the stricter one to report.
                shown = scope.get("state", {}).get("route_rate_limit") or tightest
                if shown is not None:
                    MutableHeaders(scope=message).update(shown.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _user_id(self, scope: Scope) -> str | None:
        token = _bearer(scope)
        if not token:
            return None
        try:
            return str(self.access_tokens.decode(token).user_id)
        except InvalidTokenError:
            return None  # the route answers 401; the address budget still counted it

    @staticmethod
    async def _refuse(decision: Decision, scope: Scope, receive: Receive, send: Send) -> None:
        error = TooManyRequestsError(decision)
        response = problem_response(
            error.status_code,
            error.title,
            error.detail,
            type_slug=error.type_slug,
            instance=scope.get("state", {}).get("request_id"),
            headers=error.headers,
        )
        await response(scope, receive, send)
