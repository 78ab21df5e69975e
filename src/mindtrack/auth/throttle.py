"""The stricter budgets of particular routes, as dependencies: sign-in, registration and
password reset per client address; AI analysis per user."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request

from mindtrack.auth.dependencies import CurrentPrincipal
from mindtrack.kit.ratelimit import (
    Budget,
    Decision,
    RateLimiter,
    TooManyRequestsError,
    client_address,
)

Dependency = Callable[..., Coroutine[Any, Any, None]]


def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


def _apply(decision: Decision | None, request: Request) -> None:
    if decision is None:
        return
    # The middleware reports it, on error answers too (a failed sign-in is a 401).
    request.state.route_rate_limit = decision
    if not decision.allowed:
        raise TooManyRequestsError(decision)


def per_address(budget: Callable[[RateLimiter], Budget]) -> Dependency:
    async def spend(request: Request) -> None:
        limiter = _limiter(request)
        _apply(await limiter.spend(budget(limiter), client_address(request.scope)), request)

    return spend


def per_user(budget: Callable[[RateLimiter], Budget]) -> Dependency:
    async def spend(principal: CurrentPrincipal, request: Request) -> None:
        limiter = _limiter(request)
        _apply(await limiter.spend(budget(limiter), str(principal.user.id)), request)

    return spend


sign_in_budget = per_address(lambda limiter: limiter.sign_in)
registration_budget = per_address(lambda limiter: limiter.registration)
password_reset_budget = per_address(lambda limiter: limiter.password_reset)
ai_analysis_budget = per_user(lambda limiter: limiter.ai_analysis)
