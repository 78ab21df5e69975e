"""The ASGI application: routers, middleware, error rendering and lifespan resources."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from mindtrack import __version__
from mindtrack.admin.router import router as admin_router
from mindtrack.analysis.engine import AnalysisEngine, load_analyzer
from mindtrack.analysis.router import router as analysis_router
from mindtrack.analytics.comparisons import DailyJobs
from mindtrack.analytics.router import router as analytics_router
from mindtrack.assessment.router import router as assessment_router
from mindtrack.auth.lockout import SignInGuard
from mindtrack.auth.oidc import OidcProviders
from mindtrack.auth.oidc_router import router as oidc_router
from mindtrack.auth.pages import router as account_pages
from mindtrack.auth.permissions import require_declared_permissions
from mindtrack.auth.router import router as auth_router
from mindtrack.auth.service import Credentials
from mindtrack.companion.llm import ChatCompletionsClient
from mindtrack.companion.router import router as companion_router
from mindtrack.compat.router import router as compat_router
from mindtrack.config import Environment, Settings, get_settings
from mindtrack.crisis.incidents import escalate_unacknowledged
from mindtrack.crisis.pages import router as contact_pages
from mindtrack.crisis.router import directory_router
from mindtrack.crisis.router import router as crisis_router
from mindtrack.kit.db import create_engine, create_session_factory
from mindtrack.kit.logging import configure_logging
from mindtrack.kit.middleware import (
    REQUEST_ID_HEADER,
    BodySizeLimitMiddleware,
    RequestContextMiddleware,
)
from mindtrack.kit.periodic import Periodic
from mindtrack.kit.problems import install_problem_handlers
from mindtrack.kit.ratelimit import RateLimiter, RateLimitMiddleware
from mindtrack.kit.security import AccessTokens
from mindtrack.mood.router import router as mood_router
from mindtrack.notification.delivery import DeliveryWorker, senders
from mindtrack.privacy.backups import back_up_when_due
from mindtrack.privacy.exports import make_pending_exports
from mindtrack.privacy.keyring import Keyring
from mindtrack.privacy.retention import apply_retention
from mindtrack.privacy.router import router as privacy_router
from mindtrack.sharing.router import patients_router
from mindtrack.sharing.router import router as sharing_router
from mindtrack.system.router import router as system_router
from mindtrack.user.router import router as user_router

DESCRIPTION = """
MindTrack keeps a private record of how you feel — a 0–10 score, emotions, notes and
context — and helps you understand it.

**Authentication.** Register, then sign in at `/api/v1/auth/login` and send the
`access_token` as `Authorization: Bearer <token>`. Use the single-use `refresh_token` at
`/api/v1/auth/refresh` for new tokens.

**Errors** are `application/problem+json` with a `detail` written for people; validation
errors list each field in `errors`. Another person's resources are reported as not found.

**Frontend paths** (`/api/auth/*`, `/api/mood/*`, `/api/crisis/resources`) serve the web
frontend; new clients should use `/api/v1`.
"""

TAGS = [
    {"name": "auth", "description": "Accounts, sign-in, tokens and sessions."},
    {
        "name": "sharing",
        "description": "Share chosen parts of your record with a therapist for a while, revoke "
        "it, and see who looked at what.",
    },
    {
        "name": "patients",
        "description": "For therapists: the people who share with you, and what they share.",
    },
    {
        "name": "privacy",
        "description": "Your access history, from the tamper-evident audit trail.",
    },
    {
        "name": "administration",
        "description": "Accounts, roles and service-wide counts, for administrators. No "
        "administrator can read a person's notes, journals, conversations or safety plan.",
    },
    {"name": "users", "description": "Your profile: name, timezone, locale."},
    {"name": "check-ins", "description": "Record, read, edit and delete mood check-ins."},
    {
        "name": "analysis",
        "description": "What the text models read in a note: sentiment, emotions, crisis-risk "
        "signals with their evidence, themes. The models run on this server; no text leaves it.",
    },
    {
        "name": "analytics",
        "description": "Your check-ins over time: dashboard, time series, patterns, forecasts, "
        "insights and population comparisons.",
    },
    {
        "name": "companion",
        "description": "Conversations with the supportive companion (a dialogue policy, not a "
        "language model), which leads with safety when a message signals risk.",
    },
    {
        "name": "questionnaires",
        "description": "PHQ-9 and GAD-7: record, score, history and trend.",
    },
    {
        "name": "crisis",
        "description": "Help lines to reach now (public), and your own safety plan.",
    },
    {
        "name": "therapists",
        "description": "The therapist directory, and referral requests from a person to a "
        "therapist.",
    },
    {"name": "frontend", "description": "Paths used by the MindTrack web frontend."},
    {"name": "system", "description": "Health and readiness probes."},
]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    engine = create_engine(settings.database)
    app.state.engine = engine
    app.state.keyring = Keyring.from_settings(settings.privacy)
    app.state.session_factory = create_session_factory(engine, app.state.keyring)
    app.state.credentials = Credentials(settings.auth)
    app.state.analysis_engine = None
    app.state.delivery = None
    app.state.companion_llm = (
        ChatCompletionsClient(settings.companion) if settings.companion.llm_url else None
    )
    escalation = Periodic(
        "crisis-escalation",
        settings.crisis.sweep_seconds,
        partial(escalate_unacknowledged, app.state.session_factory, settings),
    )
    if settings.crisis.escalate_in_process:
        escalation.start()
    population = Periodic(
        "analytics-daily",
        settings.analytics.population_refresh_seconds,
        DailyJobs(app.state.session_factory, settings.analytics),
    )
    if settings.analytics.population_refresh_in_process:
        population.start()
    backups = Periodic(
        "backups",
        min(3600.0, settings.backup.every_hours * 3600),
        partial(
            back_up_when_due,
            settings.database,
            settings.backup,
            settings.privacy.key_encryption_keys(),
        ),
    )
    if settings.backup.in_process:
        backups.start()
    retention = Periodic(
        "retention",
        24 * 3600,
        partial(apply_retention, app.state.session_factory, settings, app.state.keyring),
    )
    if settings.retention.in_process:
        retention.start()
    exports = Periodic(
        "data-exports",
        2.0,
        partial(make_pending_exports, app.state.session_factory, settings.privacy),
    )
    if settings.privacy.exports_in_process:
        exports.start()
    if settings.notify.deliver_in_process:
        delivery = DeliveryWorker(
            app.state.session_factory, senders(settings.notify), settings.notify
        )
        delivery.start()
        app.state.delivery = delivery
    if settings.ml.enabled:
        # A missing or corrupt model file stops startup here with a message that names it:
        # the service never quietly runs without its crisis signal.
        analyzer = load_analyzer(settings.ml)
        analysis_engine = AnalysisEngine(
            analyzer, settings.ml.batch_size, settings.ml.batch_wait_ms
        )
        await analysis_engine.start()
        app.state.analysis_engine = analysis_engine
    try:
        yield
    finally:
        await escalation.stop()
        await population.stop()
        await backups.stop()
        await retention.stop()
        await exports.stop()
        if app.state.companion_llm is not None:
            await app.state.companion_llm.close()
        if app.state.delivery is not None:
            await app.state.delivery.stop()
        if app.state.analysis_engine is not None:
            await app.state.analysis_engine.stop()
        await engine.dispose()
        await app.state.rate_limiter.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log)
    app = FastAPI(
        title="MindTrack API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    app.state.rate_limiter = RateLimiter(settings.rate_limit, settings.redis_url)
    app.state.sign_in_guard = SignInGuard(app.state.rate_limiter.storage, settings.auth)
    app.state.oidc_providers = OidcProviders(settings.oidc)
    # Inside the request context (ids, access log) and CORS, so a 429 has both.
    app.add_middleware(
        RateLimitMiddleware,
        limiter=app.state.rate_limiter,
        access_tokens=AccessTokens(settings.auth),
    )
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(
        RequestContextMiddleware,
        strict_transport=settings.environment is Environment.PRODUCTION,
    )
    # Added last, so outermost: CORS headers reach every response, errors included.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors.origins,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["authorization", "content-type", "x-request-id"],
        expose_headers=[REQUEST_ID_HEADER],
        max_age=600,
    )
    routers = (
        system_router,
        auth_router,
        account_pages,
        oidc_router,
        user_router,
        mood_router,
        analysis_router,
        analytics_router,
        companion_router,
        assessment_router,
        crisis_router,
        contact_pages,
        directory_router,
        sharing_router,
        patients_router,
        privacy_router,
        admin_router,
        compat_router,
    )
    require_declared_permissions(*(router.routes for router in routers))
    for router in routers:
        app.include_router(router)
    return app
