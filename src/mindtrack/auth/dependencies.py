from __future__ import annotations

from typing import Annotated

import structlog
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mindtrack.auth.service import AuthService, Credentials, Principal
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.errors import UnauthorizedError

bearer_scheme = HTTPBearer(
    auto_error=False,
    description="The `access_token` from sign-in, sent as `Authorization: Bearer <token>`.",
)


async def get_credentials(request: Request) -> Credentials:
    credentials: Credentials = request.app.state.credentials
    return credentials


async def get_auth_service(
    request: Request,
    session: DbSession,
    credentials: Annotated[Credentials, Depends(get_credentials)],
) -> AuthService:
    return AuthService(session, credentials, request.app.state.sign_in_guard)


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]


async def get_principal(
    service: AuthServiceDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    if bearer is None:
        raise UnauthorizedError("Not authenticated")
    principal = await service.authenticate(bearer.credentials)
    structlog.contextvars.bind_contextvars(user_id=str(principal.user.id))
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
