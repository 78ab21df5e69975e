from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from mindtrack.auth.dependencies import get_credentials
from mindtrack.auth.exceptions import WrongPasswordError
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.auth.service import Credentials
from mindtrack.kit.dependencies import DbSession
from mindtrack.kit.problems import problem_responses
from mindtrack.models import ConsentPurpose, DataExport, ExportStatus, User
from mindtrack.privacy.consents import PURPOSES, ConsentService, ConsentState
from mindtrack.privacy.erasure import Eraser
from mindtrack.privacy.exports import ExportService
from mindtrack.privacy.schemas import (
    AccessEvent,
    ConsentChange,
    ConsentEventRead,
    ConsentRead,
    DataExportRead,
    ErasureRequest,
)
from mindtrack.privacy.service import PrivacyService

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])
PrivacyReader = Annotated[User, Depends(permit(Resource.PRIVACY, Action.READ))]
PrivacyWriter = Annotated[User, Depends(permit(Resource.PRIVACY, Action.WRITE))]


@router.get("/access-log", responses=problem_responses(401, 422))
async def access_log(
    user: PrivacyReader,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AccessEvent]:
    """Who did what with your account and your data, and when, newest first: your sign-ins,
    each look by a therapist you share with, changes an administrator made, alerts sent to
    your trusted contacts. Taken from the tamper-evident audit trail."""
    return await PrivacyService(session).access_history(user, limit)


async def _eraser(request: Request) -> Eraser:
    return Eraser(request.app.state.settings, request.app.state.keyring)


@router.post(
    "/erasure",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 422),
)
async def erase_account(
    user: PrivacyWriter,
    body: ErasureRequest,
    session: DbSession,
    credentials: Annotated[Credentials, Depends(get_credentials)],
    eraser: Annotated[Eraser, Depends(_eraser)],
) -> None:
    """Erase your account and everything held about you, now (GDPR article 17). Signs you
    out everywhere. The audit trail keeps only a pseudonymous record that an erasure
    happened."""
    if not credentials.passwords.verify(user.password_hash, body.password):
        raise WrongPasswordError()
    await eraser.erase(session, user.id, by="the person")


def _consent_read(state: ConsentState) -> ConsentRead:
    terms = PURPOSES[state.purpose]
    return ConsentRead(
        purpose=state.purpose,
        granted=state.granted,
        wording=terms.wording,
        current_version=terms.version,
        version=state.version,
        outdated=state.granted and state.version != terms.version,
        updated_at=state.updated_at,
    )


@router.get("/consents", responses=problem_responses(401))
async def consents(user: PrivacyReader, session: DbSession) -> list[ConsentRead]:
    """Each use of your data that needs your consent, and where you stand on it."""
    return [_consent_read(state) for state in await ConsentService(session).states(user.id)]


@router.get("/consents/history", responses=problem_responses(401))
async def consent_history(user: PrivacyReader, session: DbSession) -> list[ConsentEventRead]:
    """Every time you gave or withdrew a consent, newest first."""
    events = await ConsentService(session).history(user.id)
    return [ConsentEventRead.model_validate(event) for event in events]


@router.put("/consents/{purpose}", responses=problem_responses(401, 422))
async def change_consent(
    purpose: ConsentPurpose, body: ConsentChange, user: PrivacyWriter, session: DbSession
) -> ConsentRead:
    """Give or withdraw one consent. A withdrawal takes effect with your next request:
    withdrawing `ai_analysis` means nothing you write from then on is analysed; withdrawing
    `health_data` restricts your account (GDPR article 18) to reading, exporting and erasing
    what you stored; `contact_alerts`, that no trusted contact is told of a crisis."""
    return _consent_read(await ConsentService(session).record(user, purpose, body.granted))


def _export_read(export: DataExport) -> DataExportRead:
    ready = export.status == ExportStatus.READY
    return DataExportRead(
        id=export.id,
        status=ExportStatus(export.status),
        requested_at=export.requested_at,
        ready_at=export.ready_at,
        expires_at=export.expires_at,
        size=export.size,
        downloads=export.downloads,
        download_url=f"{router.prefix}/exports/{export.id}/download" if ready else None,
    )


async def _exports(request: Request, session: DbSession) -> ExportService:
    return ExportService(session, request.app.state.settings.privacy)


Exports = Annotated[ExportService, Depends(_exports)]


@router.post("/exports", status_code=status.HTTP_202_ACCEPTED, responses=problem_responses(401))
async def request_export(user: PrivacyWriter, exports: Exports) -> DataExportRead:
    """Ask for a copy of everything held about you (GDPR articles 15 and 20). It is made
    in the background, usually within a minute: follow its `status`. One is made at a time."""
    return _export_read(await exports.request(user))


@router.get("/exports", responses=problem_responses(401))
async def list_exports(user: PrivacyReader, exports: Exports) -> list[DataExportRead]:
    """Your exports, newest first."""
    return [_export_read(export) for export in await exports.mine(user)]


@router.get("/exports/{export_id}", responses=problem_responses(401, 404, 422))
async def read_export(
    export_id: uuid.UUID, user: PrivacyReader, exports: Exports
) -> DataExportRead:
    """One export and whether it is ready."""
    return _export_read(await exports.get(user, export_id))


@router.get(
    "/exports/{export_id}/download",
    response_class=Response,
    responses={
        200: {"content": {"application/zip": {}}, "description": "The ZIP file."},
        **problem_responses(401, 404, 409, 410, 422),
    },
)
async def download_export(export_id: uuid.UUID, user: PrivacyReader, exports: Exports) -> Response:
    """The export's ZIP file, while it has not expired. Each download is recorded in your
    access history."""
    archive = await exports.download(user, export_id)
    filename = f"mindtrack-export-{export_id}.zip"
    return Response(
        archive,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
