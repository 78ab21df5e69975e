"""Rendering of every error as ``application/problem+json`` (RFC 9457)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from mindtrack.kit.errors import AppError

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://mindtrack.app/problems/"


class FieldError(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. `emotions.0`.")
    message: str
    type: str = Field(description="Machine-readable error code.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details. `detail` is written for people."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["Check-in not found"])
    instance: str | None = Field(default=None, description="The request id, for support.")
    errors: list[FieldError] | None = Field(
        default=None, description="For validation failures: each offending field."
    )


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_CONTENT_TYPE


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    type_slug: str,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + type_slug,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update(extra or {})
    return ProblemResponse(body, status_code=status, headers=headers)


def _request_id(request: Request) -> str | None:
    request_id: str | None = request.scope.get("state", {}).get("request_id")
    return request_id


def _field_path(loc: Sequence[int | str]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _field_errors(errors: Sequence[Any]) -> list[dict[str, str]]:
    # The offending input is deliberately not echoed back: it may be a whole journal entry.
    return [
        {
            "field": "body" if err["type"] == "json_invalid" else _field_path(err["loc"]),
            "message": err["msg"],
            "type": err["type"],
        }
        for err in errors
    ]


def _validation_detail(field_errors: list[dict[str, str]]) -> str:
    if any(err["type"] == "json_invalid" for err in field_errors):
        return "The request body is not valid JSON."
    listed = "; ".join(f"{err['field']}: {err['message']}" for err in field_errors)
    return f"Invalid request. {listed}."


_HTTP_TITLES = {
    404: ("Not found", "not-found", "There is nothing at this address."),
    405: ("Method not allowed", "method-not-allowed", "This method is not allowed here."),
    413: ("Content too large", "content-too-large", "The request body is too large."),
}


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> ProblemResponse:
        return problem_response(
            exc.status_code,
            exc.title,
            exc.detail,
            type_slug=exc.type_slug,
            instance=_request_id(request),
            headers=exc.headers,
            extra=exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        field_errors = _field_errors(exc.errors())
        return problem_response(
            422,
            "Validation failed",
            _validation_detail(field_errors),
            type_slug="validation-failed",
            instance=_request_id(request),
            extra={"errors": field_errors},
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        title, slug, default_detail = _HTTP_TITLES.get(
            exc.status_code, ("Error", "http-error", "The request could not be handled.")
        )
        # Routing's own 404/405 details are terse; ours say what happened.
        terse = exc.status_code in (404, 405)
        detail = default_detail if terse or not isinstance(exc.detail, str) else exc.detail
        return problem_response(
            exc.status_code,
            title,
            detail,
            type_slug=slug,
            instance=_request_id(request),
            headers=getattr(exc, "headers", None),
        )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the problem statuses a route can answer."""
    descriptions = {
        400: "Bad request",
        401: "Missing, expired or invalid credentials",
        403: "Not allowed",
        404: "Not found (also for resources owned by someone else)",
        409: "Conflicts with existing data",
        413: "The request body is too large",
        410: "Deleted",
        422: "Validation failed; `errors` lists each field",
        429: "Too many requests; try again after `Retry-After` seconds",
        503: "Temporarily unavailable or switched off",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions.get(status, "Error"),
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
