"""Pure ASGI middleware: request ids, access logs, headers and a last-resort error guard."""

from __future__ import annotations

import re
import time
import traceback
import uuid
from typing import Any

import structlog
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mindtrack.kit.logging import get_logger
from mindtrack.kit.problems import problem_response

REQUEST_ID_HEADER = "X-Request-ID"
# The interactive API docs load their script and styles from a CDN; everything else the
# service serves (JSON, the plain contact pages) needs no script, frame or remote resource.
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HSTS = "max-age=63072000; includeSubDomains"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
logger = get_logger("mindtrack.request")


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _VALID_REQUEST_ID.match(candidate) else None
    return None


def _has_authorization(scope: Scope) -> bool:
    return any(name == b"authorization" for name, _ in scope.get("headers", []))


class RequestContextMiddleware:
    """Binds a request id to every log line, logs one line per request, and turns any
    unhandled exception into a 500 problem+json response.

    It sits inside the CORS middleware on purpose: Starlette's own error middleware is the
    outermost layer, so a 500 produced there would lack CORS headers and a browser would
    report a network failure instead of the error.
    """

    def __init__(self, app: ASGIApp, *, strict_transport: bool = False) -> None:
        self.app = app
        self.strict_transport = strict_transport

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        security_headers = dict(SECURITY_HEADERS)
        if scope["path"] not in DOCS_PATHS:
            security_headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        if self.strict_transport:
            security_headers["Strict-Transport-Security"] = HSTS
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500, "sent": False}
        is_get = scope["method"] in ("GET", "HEAD")
        authorized = _has_authorization(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["sent"] = True
                headers = MutableHeaders(scope=message)
                headers[REQUEST_ID_HEADER] = request_id
                headers.update(security_headers)
                if is_get:
                    # Browsers and service workers cache GETs by URL; without Vary one user's
                    # cached data could answer another user's request on a shared browser.
                    headers.add_vary_header("Authorization")
                if authorized:
                    headers.setdefault("Cache-Control", "private, no-cache")
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Only the exception's type and where it was raised: its message can carry the
            # data being processed (a note, an email), which must never reach the logs.
            logger.error(
                "unhandled error",
                path=scope["path"],
                error_type=type(exc).__name__,
                stack=traceback.format_list(traceback.extract_tb(exc.__traceback__)[-8:]),
            )
            if status["sent"]:
                raise
            response = problem_response(
                500,
                "Internal server error",
                "Something went wrong on our side. Please try again later.",
                type_slug="internal-error",
                instance=request_id,
            )
            await response(scope, receive, send_with_headers)
        finally:
            logger.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status["code"],
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )


class BodySizeLimitMiddleware:
    """Refuses request bodies over `max_bytes` with a 413, whether the size is declared up
    front (Content-Length) or only found while reading a streamed body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._too_large(scope)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException passes FastAPI's body parsing unchanged and is
                    # rendered as problem+json by the application's handler.
                    raise HTTPException(413, detail=self._detail())
            return message

        await self.app(scope, limited_receive, send)

    def _detail(self) -> str:
        return f"The request body is larger than the {self.max_bytes // 1024} KiB allowed."

    def _too_large(self, scope: Scope) -> ASGIApp:
        return problem_response(
            413,
            "Content too large",
            self._detail(),
            type_slug="content-too-large",
            instance=scope.get("state", {}).get("request_id"),
        )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
