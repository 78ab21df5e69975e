"""Plain HTML pages behind the links the service emails: no sign-in, no script, not cached."""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import HTMLResponse

from mindtrack.kit.errors import AppError

MAX_FORM_BYTES = 1024

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>MindTrack: {title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
{content}
</body></html>"""


def html_page(title: str, content: str, status_code: int = 200) -> HTMLResponse:
    # The link's token is in the URL: keep the page out of caches.
    headers = {"Cache-Control": "no-store"}
    page = _PAGE.format(title=escape(title), content=content)
    return HTMLResponse(page, status_code, headers=headers)


def problem_page(title: str, error: AppError) -> HTMLResponse:
    content = f"<h1>{escape(error.title)}</h1><p>{escape(error.detail)}</p>"
    return html_page(title, content, error.status_code)


async def small_form(request: Request) -> dict[str, str]:
    """A small urlencoded form (the pages' own), without a multipart parser."""
    body = (await request.body())[:MAX_FORM_BYTES].decode("utf-8", "replace")
    return {key: values[0] for key, values in parse_qs(body).items()}
