"""One error hierarchy for the whole service, rendered as RFC 9457 problem+json."""

from __future__ import annotations

from typing import Any, ClassVar


class AppError(Exception):
    """An expected outcome that the client should see: status, short title, human detail."""

    status_code: ClassVar[int] = 400
    title: ClassVar[str] = "Bad request"
    type_slug: ClassVar[str] = "bad-request"
    # Some refusals must still be recorded (a revoked session after refresh-token reuse):
    # the unit of work commits instead of rolling back when such an error ends the request.
    keeps_changes: ClassVar[bool] = False

    def __init__(
        self,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra or {}


class NotFoundError(AppError):
    status_code = 404
    title = "Not found"
    type_slug = "not-found"


class UnauthorizedError(AppError):
    status_code = 401
    title = "Unauthorized"
    type_slug = "unauthorized"

    def __init__(self, detail: str = "Not authenticated", **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kwargs)


class ForbiddenError(AppError):
    status_code = 403
    title = "Forbidden"
    type_slug = "forbidden"


class ConflictError(AppError):
    status_code = 409
    title = "Conflict"
    type_slug = "conflict"


class GoneError(AppError):
    status_code = 410
    title = "Gone"
    type_slug = "gone"


class ValidationFailedError(AppError):
    """A rule that a schema cannot express (checked in a service), reported like a 422."""

    status_code = 422
    title = "Validation failed"
    type_slug = "validation-failed"


class UnavailableError(AppError):
    """A part of the service is switched off or not ready."""

    status_code = 503
    title = "Service unavailable"
    type_slug = "unavailable"


class DatabaseBusyError(UnavailableError):
    """SQLite's one write lock stayed taken for longer than the configured wait."""

    title = "Busy"
    type_slug = "busy"

    def __init__(self) -> None:
        super().__init__(
            "MindTrack is busy saving other changes, and nothing from this request was saved. "
            "Please try again in a moment.",
            headers={"Retry-After": "1"},
        )
