from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Header, Query, Request, Response
from fastapi.responses import RedirectResponse

from mindtrack.auth.dependencies import AuthServiceDep
from mindtrack.auth.oidc import OidcProvider, OidcProviders, SignInRejectedError
from mindtrack.auth.oidc_sign_in import START_LIFETIME, OidcSignIn
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.auth.router import token_response
from mindtrack.auth.schemas import TokenResponse
from mindtrack.auth.throttle import sign_in_budget
from mindtrack.config import Environment
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses

router = APIRouter(
    prefix="/api/v1/auth/oidc",
    tags=["auth"],
    dependencies=[Depends(public(Resource.SIGN_IN, Action.WRITE)), Depends(sign_in_budget)],
)
STATE_COOKIE = "mindtrack_oidc_state"


def _providers(request: Request) -> OidcProviders:
    providers: OidcProviders = request.app.state.oidc_providers
    return providers


async def get_provider(provider: str, request: Request) -> OidcProvider:
    return _providers(request).get(provider)


async def get_oidc_sign_in(session: DbSession, auth: AuthServiceDep) -> OidcSignIn:
    return OidcSignIn(session, auth)


ProviderDep = Annotated[OidcProvider, Depends(get_provider)]
OidcSignInDep = Annotated[OidcSignIn, Depends(get_oidc_sign_in)]


@router.get("")
async def providers(request: Request) -> list[str]:
    """The sign-in providers set up on this server (for example google, apple, facebook)."""
    return _providers(request).names


@router.get(
    "/{provider}/start",
    status_code=302,
    response_class=RedirectResponse,
    responses=problem_responses(404, 429, 503),
)
async def start(provider: ProviderDep, flow: OidcSignInDep, request: Request) -> RedirectResponse:
    """Open this in the browser to sign in with the provider. It sends you there, and the
    provider sends you back to `/callback`."""
    started = await flow.start(provider)
    response = RedirectResponse(started.url, status_code=302)
    production = request.app.state.settings.environment is Environment.PRODUCTION
    response.set_cookie(
        STATE_COOKIE,
        started.state,
        max_age=int(START_LIFETIME.total_seconds()),
        path="/api/v1/auth/oidc",
        httponly=True,
        secure=production,
        samesite="lax",
    )
    return response


@router.get("/{provider}/callback", responses=problem_responses(401, 403, 404, 422, 429, 503))
async def callback(
    provider: ProviderDep,
    flow: OidcSignInDep,
    response: Response,
    state: Annotated[str, Query(max_length=256)] = "",
    code: Annotated[str, Query(max_length=2048)] = "",
    error: Annotated[str | None, Query(max_length=256)] = None,
    browser_state: Annotated[str | None, Cookie(alias=STATE_COOKIE)] = None,
    user_agent: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TokenResponse:
    """Where the provider sends you back: signs you in (creating your account the first
    time, or linking an existing one when the provider verified its email)."""
    response.delete_cookie(STATE_COOKIE, path="/api/v1/auth/oidc")
    if error is not None or not code:
        raise SignInRejectedError("the provider did not sign you in.")
    issued = await flow.finish(
        provider, code=code, state=state, browser_state=browser_state, user_agent=user_agent
    )
    return token_response(issued, response)
