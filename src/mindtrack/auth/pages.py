"""The pages behind the links in account emails: confirming an address, choosing a new
password. Plain HTML, no script; the token is the credential."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from mindtrack.auth.dependencies import AuthServiceDep
from mindtrack.auth.email_links import RESET_PATH, VERIFY_PATH
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.auth.router import EmailLinksDep
from mindtrack.auth.throttle import sign_in_budget
from mindtrack.kit.errors import AppError
from mindtrack.kit.pages import html_page, problem_page, small_form

router = APIRouter(
    tags=["auth"],
    dependencies=[Depends(public(Resource.SIGN_IN, Action.WRITE)), Depends(sign_in_budget)],
)
TITLE = "your account"
MIN_PASSWORD = 8


def _reset_form(token: str, problem: str = "") -> str:
    note = f"<p><strong>{escape(problem)}</strong></p>" if problem else ""
    return f"""<h1>Choose a new password</h1>{note}
<form method="post" action="{RESET_PATH}">
<input type="hidden" name="token" value="{escape(token)}">
<p><label>New password (at least {MIN_PASSWORD} characters)<br>
<input type="password" name="password" minlength="{MIN_PASSWORD}" maxlength="128" required
autocomplete="new-password"></label></p>
<p><label>The same again<br>
<input type="password" name="again" minlength="{MIN_PASSWORD}" maxlength="128" required
autocomplete="new-password"></label></p>
<button>Save the new password</button>
</form>"""


@router.get(VERIFY_PATH, response_class=HTMLResponse)
async def verify_email_page(
    token: Annotated[str, Query(max_length=256)], service: AuthServiceDep, links: EmailLinksDep
) -> HTMLResponse:
    """The link in the welcome email: confirms the address."""
    try:
        await service.verify_email(token, links)
    except AppError as error:
        return problem_page(TITLE, error)
    return html_page(TITLE, "<h1>Thank you</h1><p>Your email address is confirmed.</p>")


@router.get(RESET_PATH, response_class=HTMLResponse)
async def reset_password_page(token: Annotated[str, Query(max_length=256)]) -> HTMLResponse:
    """The link in a password-reset email: a form for the new password. Opening it changes
    nothing, so link scanners cannot use the link up."""
    return html_page(TITLE, _reset_form(token))


@router.post(RESET_PATH, response_class=HTMLResponse)
async def reset_password_form(
    request: Request, service: AuthServiceDep, links: EmailLinksDep
) -> HTMLResponse:
    """The new password, from the form on the page."""
    form = await small_form(request)
    token, password = form.get("token", ""), form.get("password", "")
    if not token:
        return html_page(TITLE, "<h1>Something is missing</h1><p>Open the link again.</p>", 422)
    if len(password) < MIN_PASSWORD or len(password) > 128 or password != form.get("again"):
        problem = f"The two passwords must match and be {MIN_PASSWORD} to 128 characters."
        return html_page(TITLE, _reset_form(token, problem), 422)
    try:
        await service.reset_password(token, password, links)
    except AppError as error:
        return problem_page(TITLE, error)
    return html_page(
        TITLE, "<h1>Your password is changed</h1><p>Sign in with it on each of your devices.</p>"
    )
