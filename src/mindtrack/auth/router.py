from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response, status

from mindtrack.auth.dependencies import AuthServiceDep, CurrentPrincipal
from mindtrack.auth.email_links import EmailLinks
from mindtrack.auth.mfa import ROLES_REQUIRING_TWO_STEP, TwoStepService
from mindtrack.auth.permissions import (
    AccountReader,
    AccountWriter,
    Action,
    Resource,
    permit,
    public,
)
from mindtrack.auth.schemas import (
    EmailLinkToken,
    LoginRequest,
    Notice,
    PasswordChange,
    PasswordResetConfirm,
    PasswordResetRequest,
    RecoveryCodes,
    RefreshRequest,
    RegistrationReceived,
    SessionRead,
    TokenResponse,
    TwoStepCode,
    TwoStepDisable,
    TwoStepSetup,
    TwoStepStatus,
    UserRegister,
)
from mindtrack.auth.service import IssuedTokens, normalize_email
from mindtrack.auth.throttle import password_reset_budget, registration_budget, sign_in_budget
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.kit.ratelimit import client_address
from mindtrack.user.schemas import UserRead

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
_PUBLIC_SIGN_IN = Depends(public(Resource.SIGN_IN, Action.WRITE))
REGISTRATION = [_PUBLIC_SIGN_IN, Depends(registration_budget)]
SIGN_IN = [_PUBLIC_SIGN_IN, Depends(sign_in_budget)]
ACCOUNT_WRITE = [Depends(permit(Resource.ACCOUNT, Action.WRITE))]


def token_response(issued: IssuedTokens, response: Response) -> TokenResponse:
    # Token responses must never be cached (RFC 6749 §5.1).
    response.headers["Cache-Control"] = "no-store"
    return TokenResponse(
        access_token=issued.access_token,
        expires_in=issued.access_expires_in,
        refresh_token=issued.refresh_token,
        refresh_expires_in=issued.refresh_expires_in,
        user=UserRead.model_validate(issued.user),
    )


async def get_email_links(session: DbSession, request: Request) -> EmailLinks:
    return EmailLinks(session, request.app.state.settings)


EmailLinksDep = Annotated[EmailLinks, Depends(get_email_links)]
RESET_REQUESTED = (
    "If an account uses this address, we have emailed it a link to choose a new password. "
    "The link works for 30 minutes."
)


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422, 429),
    dependencies=REGISTRATION,
)
async def register(
    body: UserRegister, service: AuthServiceDep, links: EmailLinksDep
) -> RegistrationReceived:
    """Create an account, then sign in. An email asks to confirm the address. A username
    already taken is refused; an email address already registered gets the same answer as a
    new one (its owner is told by email), so nobody can use this to find who has an account."""
    await service.sign_up(body, links)
    return RegistrationReceived(
        username=body.username, email=normalize_email(body.email), full_name=body.full_name
    )


@router.post("/verify-email", responses=problem_responses(410, 422, 429), dependencies=SIGN_IN)
async def verify_email(
    body: EmailLinkToken, service: AuthServiceDep, links: EmailLinksDep
) -> Notice:
    """Confirm your email address with the token from the emailed link."""
    await service.verify_email(body.token, links)
    return Notice(detail="Thank you: your email address is confirmed.")


@router.post(
    "/verify-email/resend",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(401, 429),
    dependencies=[Depends(password_reset_budget)],
)
async def resend_verification(user: AccountWriter, links: EmailLinksDep) -> Notice:
    """Email a new confirmation link to your address."""
    if user.email_verified_at is not None:
        return Notice(detail="Your email address is already confirmed.")
    await links.send_verification(user)
    return Notice(detail="We have emailed you a new link.")


@router.post(
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(422, 429),
    dependencies=[_PUBLIC_SIGN_IN, Depends(password_reset_budget)],
)
async def request_password_reset(
    body: PasswordResetRequest, service: AuthServiceDep, links: EmailLinksDep
) -> Notice:
    """Forgotten your password? A link to choose a new one is emailed to the address if it
    has an account; the answer is the same either way."""
    await service.request_password_reset(body.email, links)
    return Notice(detail=RESET_REQUESTED)


@router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(410, 422, 429),
    dependencies=SIGN_IN,
)
async def reset_password(
    body: PasswordResetConfirm, service: AuthServiceDep, links: EmailLinksDep
) -> None:
    """Choose a new password with the token from the emailed link. Every session of the
    account is signed out."""
    await service.reset_password(body.token, body.new_password, links)


@router.post("/login", responses=problem_responses(401, 403, 422, 429), dependencies=SIGN_IN)
async def login(
    body: LoginRequest,
    service: AuthServiceDep,
    request: Request,
    response: Response,
    user_agent: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TokenResponse:
    """Sign in with a username or email and a password; starts a session on this device.
    Repeated failures slow the answers down, and too many pause sign-in for that name (or
    from that address) for a while; the account's owner is told by email."""
    issued = await service.login(
        body.username,
        body.password,
        user_agent=user_agent,
        address=client_address(request.scope),
        otp=body.otp,
    )
    return token_response(issued, response)


@router.post("/refresh", responses=problem_responses(401, 403, 422, 429), dependencies=SIGN_IN)
async def refresh(
    body: RefreshRequest, service: AuthServiceDep, response: Response
) -> TokenResponse:
    """Exchange a refresh token for new tokens. Each refresh token works once; reusing one
    signs the whole session out."""
    return token_response(await service.refresh(body.refresh_token), response)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401),
    dependencies=ACCOUNT_WRITE,
)
async def logout(principal: CurrentPrincipal, service: AuthServiceDep) -> None:
    """Sign out this session: its access and refresh tokens stop working at once."""
    await service.logout(principal)


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 422),
    dependencies=ACCOUNT_WRITE,
)
async def change_password(
    body: PasswordChange, principal: CurrentPrincipal, service: AuthServiceDep
) -> None:
    """Change your password. Every other session is signed out."""
    await service.change_password(principal, body.current_password, body.new_password)


async def get_two_step_service(session: DbSession, request: Request) -> TwoStepService:
    return TwoStepService(session, request.app.state.credentials.passwords)


TwoStepServiceDep = Annotated[TwoStepService, Depends(get_two_step_service)]
TWO_STEP = "/two-step"


@router.get(TWO_STEP, responses=problem_responses(401))
async def two_step_status(user: AccountReader, service: TwoStepServiceDep) -> TwoStepStatus:
    """Whether two-step sign-in is on, and how many recovery codes are left."""
    return TwoStepStatus(
        enabled=user.has_two_step_sign_in,
        enabled_at=user.totp_enabled_at,
        required=user.role in ROLES_REQUIRING_TWO_STEP,
        recovery_codes_left=await service.unused_recovery_codes(user),
    )


@router.post(f"{TWO_STEP}/setup", responses=problem_responses(401, 409))
async def set_up_two_step(
    user: AccountWriter, service: TwoStepServiceDep, response: Response
) -> TwoStepSetup:
    """Start turning on two-step sign-in: add the secret to an authenticator app, then
    confirm a code from it at `/enable`. Calling this again starts over with a new secret."""
    response.headers["Cache-Control"] = "no-store"
    setup = service.setup(user)
    return TwoStepSetup(secret=setup.secret, otpauth_uri=setup.uri)


@router.post(f"{TWO_STEP}/enable", responses=problem_responses(401, 409, 422))
async def enable_two_step(
    body: TwoStepCode,
    principal: CurrentPrincipal,
    service: TwoStepServiceDep,
    auth: AuthServiceDep,
    response: Response,
    _: AccountWriter,
) -> RecoveryCodes:
    """Turn two-step sign-in on with a code from the app. Every other session is signed
    out. The answer holds ten recovery codes, shown this once."""
    response.headers["Cache-Control"] = "no-store"
    codes = await service.enable(principal.user, body.code)
    await auth.sign_out_elsewhere(principal, reason="two_step_enabled")
    return RecoveryCodes(recovery_codes=codes)


@router.post(
    f"{TWO_STEP}/disable",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 409, 422),
)
async def disable_two_step(
    body: TwoStepDisable, user: AccountWriter, service: TwoStepServiceDep
) -> None:
    """Turn two-step sign-in off (not possible for therapist and administrator accounts)."""
    await service.disable(user, body.password, body.code)


@router.post(f"{TWO_STEP}/recovery-codes", responses=problem_responses(401, 409, 422))
async def new_recovery_codes(
    body: TwoStepCode, user: AccountWriter, service: TwoStepServiceDep, response: Response
) -> RecoveryCodes:
    """Replace your recovery codes (the old ones stop working)."""
    response.headers["Cache-Control"] = "no-store"
    return RecoveryCodes(recovery_codes=await service.regenerate(user, body.code))


@router.get("/sessions", responses=problem_responses(401))
async def list_sessions(
    principal: CurrentPrincipal, service: AuthServiceDep, _: AccountReader
) -> list[SessionRead]:
    """The devices and browsers signed in to your account, most recently used first."""
    return [
        SessionRead.model_validate(s).model_copy(update={"current": s.id == principal.session_id})
        for s in await service.active_sessions(principal)
    ]


@router.delete(
    "/sessions/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def sign_out_session(
    session_id: uuid.UUID, principal: CurrentPrincipal, service: AuthServiceDep, _: AccountWriter
) -> None:
    """Sign out one device: its tokens stop working at once."""
    await service.sign_out_session(principal, session_id)


@router.delete(
    "/sessions", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401)
)
async def sign_out_other_sessions(
    principal: CurrentPrincipal, service: AuthServiceDep, _: AccountWriter
) -> None:
    """Sign out every device but this one."""
    await service.sign_out_elsewhere(principal, reason="signed_out_remotely")
