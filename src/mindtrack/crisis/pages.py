"""The pages a trusted contact opens from a message: to confirm they agree to be a contact,
and to say they are reaching out after an alert. Plain HTML, no sign-in, no script."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.crisis.contacts import CONFIRM_PATH, Invitation, display_name
from mindtrack.crisis.dependencies import ContactServiceDep, CrisisServiceDep
from mindtrack.crisis.incidents import ACK_PATH
from mindtrack.kit.errors import AppError
from mindtrack.kit.pages import html_page, problem_page, small_form

router = APIRouter(
    tags=["crisis"], dependencies=[Depends(public(Resource.CONTACT_CONSENT, Action.WRITE))]
)
TITLE = "trusted contact"


def _page(content: str, status_code: int = 200) -> HTMLResponse:
    return html_page(TITLE, content, status_code)


def _request_page(invitation: Invitation, token: str) -> str:
    name = escape(invitation.requested_by)
    return f"""<h1>{name} would like you as a trusted contact</h1>
<p>If MindTrack sees signs that {name} may be in crisis, it may email you so that you can
reach out. You will never see their journal or notes. You can ask {name} to remove you at any
time.</p>
<form method="post" action="{CONFIRM_PATH}">
<input type="hidden" name="token" value="{escape(token)}">
<button name="answer" value="yes">Yes, I agree</button>
<button name="answer" value="no">No, thank you</button>
</form>"""


@router.get(CONFIRM_PATH, response_class=HTMLResponse)
async def confirmation_page(
    token: Annotated[str, Query(max_length=100)], service: ContactServiceDep
) -> HTMLResponse:
    """The page behind the link in a trusted contact's email. Opening it changes nothing, so
    link scanners cannot answer for the contact."""
    try:
        invitation = await service.invitation(token)
    except AppError as error:
        return problem_page(TITLE, error)
    return _page(_request_page(invitation, token))


@router.post(CONFIRM_PATH, response_class=HTMLResponse)
async def answer_confirmation(request: Request, service: ContactServiceDep) -> HTMLResponse:
    """The contact's answer, from the form on the page."""
    form = await small_form(request)
    answer = form.get("answer")
    if answer not in ("yes", "no") or not form.get("token"):
        return _page("<h1>Something is missing</h1><p>Open the link from the email again.</p>", 422)
    try:
        invitation = await service.answer(form["token"], accept=answer == "yes")
    except AppError as error:
        return problem_page(TITLE, error)
    name = escape(invitation.requested_by)
    if answer == "yes":
        return _page(f"<h1>Thank you</h1><p>You are now one of {name}'s trusted contacts.</p>")
    return _page(f"<h1>Thank you for answering</h1><p>You will not be contacted for {name}.</p>")


@router.get(ACK_PATH, response_class=HTMLResponse)
async def reaching_out_page(
    token: Annotated[str, Query(max_length=100)], service: CrisisServiceDep
) -> HTMLResponse:
    """The page behind the link in an alert: a contact says they are reaching out."""
    try:
        _, _, user = await service.alert_behind(token)
    except AppError as error:
        return problem_page(TITLE, error)
    name = escape(display_name(user))
    return _page(f"""<h1>{name} may need you now</h1>
<p>Please reach out to {name}: a call, a message or a visit. When you are, tell MindTrack, so
that it does not raise the alarm again.</p>
<form method="post" action="{ACK_PATH}">
<input type="hidden" name="token" value="{escape(token)}">
<button name="answer" value="yes">I am reaching out to {name}</button>
</form>""")


@router.post(ACK_PATH, response_class=HTMLResponse)
async def reaching_out(request: Request, service: CrisisServiceDep) -> HTMLResponse:
    """The contact's "I am reaching out", from the form on the page."""
    form = await small_form(request)
    if form.get("answer") != "yes" or not form.get("token"):
        return _page(
            "<h1>Something is missing</h1><p>Open the link from the message again.</p>", 422
        )
    try:
        user = await service.acknowledge_by_contact(form["token"])
    except AppError as error:
        return problem_page(TITLE, error)
    name = escape(display_name(user))
    return _page(f"<h1>Thank you</h1><p>Thank you for being there for {name}.</p>")
