"""Data exports (GDPR articles 15 and 20): requested through the API, made by a job, kept
sealed under the person's key until they expire, every download audited.

The archive holds `data.json` (every table about the person), one CSV per table, the PDF
report and an HL7 FHIR bundle."""

from __future__ import annotations

import asyncio
import io
import uuid
import zipfile
from collections.abc import Sequence
from datetime import timedelta

import structlog
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.config import PrivacySettings
from mindtrack.kit.db import transaction
from mindtrack.kit.errors import ConflictError, GoneError, NotFoundError
from mindtrack.kit.time import utcnow
from mindtrack.models import DataExport, ExportStatus, User
from mindtrack.privacy import audit
from mindtrack.privacy.fhir import fhir_bundle
from mindtrack.privacy.portability import Record, as_csv, as_json, collect
from mindtrack.privacy.report import render_report

log = structlog.get_logger("mindtrack.privacy")

README = """Your MindTrack data
===================

data.json          everything MindTrack holds about you, table by table
csv/               the same, one spreadsheet-friendly file per table
report.pdf         your mood, emotions, questionnaire scores and safety plan, for your doctor
fhir-bundle.json   your mood scores and questionnaires as an HL7 FHIR (R4) bundle, for health
                   record systems

Times are in UTC (ISO 8601) except in the report, which uses your timezone.
"""


def build_archive(held: dict[str, list[Record]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("data.json", as_json(held))
        for table, records in held.items():
            archive.writestr(f"csv/{table}.csv", as_csv(records))
        archive.writestr("report.pdf", render_report(held))
        archive.writestr("fhir-bundle.json", fhir_bundle(held).model_dump_json(indent=2))
    return buffer.getvalue()


class ExportService:
    def __init__(self, session: AsyncSession, settings: PrivacySettings) -> None:
        self.session = session
        self.settings = settings

    async def request(self, user: User) -> DataExport:
        """A new export, or the one already being made."""
        pending = await self.session.scalar(
            select(DataExport).where(
                DataExport.user_id == user.id, DataExport.status == ExportStatus.PENDING
            )
        )
        if pending is not None:
            return pending
        export = DataExport(
            id=uuid.uuid4(),
            user_id=user.id,
            status=ExportStatus.PENDING,
            requested_at=utcnow(),
            downloads=0,
        )
        self.session.add(export)
        await audit.record(
            self.session, "export_requested", actor=user.id, export_id=str(export.id)
        )
        await self.session.flush()
        return export

    async def mine(self, user: User) -> Sequence[DataExport]:
        return (
            await self.session.scalars(
                select(DataExport)
                .where(DataExport.user_id == user.id)
                .order_by(DataExport.requested_at.desc())
            )
        ).all()

    async def get(self, user: User, export_id: uuid.UUID) -> DataExport:
        export = await self.session.get(DataExport, export_id)
        if export is None or export.user_id != user.id:
            raise NotFoundError("No such export.")
        return export

    async def download(self, user: User, export_id: uuid.UUID) -> bytes:
        export = await self.get(user, export_id)
        expired = export.expires_at is not None and export.expires_at <= utcnow()
        if export.status == ExportStatus.EXPIRED or expired:
            raise GoneError("This export has expired and was deleted; request a new one.")
        if export.status != ExportStatus.READY or export.archive is None:
            raise ConflictError("This export is still being made; try again in a moment.")
        export.downloads += 1
        await audit.record(
            self.session, "export_downloaded", actor=user.id, export_id=str(export.id)
        )
        return export.archive


async def make_pending_exports(
    sessions: async_sessionmaker[AsyncSession], settings: PrivacySettings
) -> int:
    """Makes every requested export, one at a time; deletes the expired. Returns how many
    were made."""
    made = 0
    while True:
        async with transaction(sessions) as session:
            export = await session.scalar(
                select(DataExport)
                .where(DataExport.status == ExportStatus.PENDING)
                .order_by(DataExport.requested_at)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if export is None:
                break
            # The export goes with its account (cascade), so its owner is always there.
            user = await session.get_one(User, export.user_id)
            try:
                archive = await asyncio.to_thread(build_archive, await collect(session, user))
            except Exception:  # a failed export must not be retried forever
                log.exception("data export failed", export_id=str(export.id))
                export.status = ExportStatus.FAILED
                continue
            now = utcnow()
            export.archive, export.size = archive, len(archive)
            export.status, export.ready_at = ExportStatus.READY, now
            export.expires_at = now + timedelta(hours=settings.export_hours)
        made += 1
    expired = (DataExport.status == ExportStatus.READY) & (DataExport.expires_at <= utcnow())
    async with transaction(sessions) as session:
        # Looked for first: an UPDATE takes SQLite's one write lock even when nothing matches,
        # and this runs every few seconds beside people's check-ins.
        if await session.scalar(select(DataExport.id).where(expired).limit(1)) is not None:
            await session.execute(
                update(DataExport).where(expired).values(status=ExportStatus.EXPIRED, archive=None)
            )
    return made
