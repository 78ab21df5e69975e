"""Grants, their answers and revocation; therapists' reads of shared data, each recorded."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.time import utcnow
from mindtrack.models import (
    ClinicianNote,
    GrantStatus,
    PatientDataAccess,
    Role,
    ShareScope,
    SharingGrant,
    User,
)
from mindtrack.notification.outbox import email_to, enqueue
from mindtrack.privacy import audit
from mindtrack.sharing.exceptions import (
    AlreadySharedError,
    GrantAnsweredError,
    GrantNotFoundError,
    NotATherapistError,
    NotSharedError,
)
from mindtrack.sharing.repository import AccessRepository, GrantRepository, NoteRepository
from mindtrack.sharing.schemas import (
    AccessRead,
    ClinicianNoteCreate,
    ClinicianNoteRead,
    GrantCreate,
    GrantRead,
    GrantState,
)

ACCESS_LOG_LIMIT = 500


def name_of(user: User) -> str:
    return user.full_name or user.username


def _state(grant: SharingGrant) -> GrantState:
    if grant.status in (GrantStatus.PENDING, GrantStatus.ACTIVE) and grant.expires_at <= utcnow():
        return "expired"
    return grant.status  # type: ignore[return-value]


def grant_read(grant: SharingGrant, patient: User, therapist: User) -> GrantRead:
    return GrantRead(
        id=grant.id,
        patient_id=patient.id,
        patient_name=name_of(patient),
        therapist_id=therapist.id,
        therapist_name=name_of(therapist),
        scopes=[ShareScope(s) for s in grant.scopes],
        status=_state(grant),
        created_at=grant.created_at,
        expires_at=grant.expires_at,
        answered_at=grant.answered_at,
        revoked_at=grant.revoked_at,
    )


def _note_read(note: ClinicianNote, therapist: User) -> ClinicianNoteRead:
    return ClinicianNoteRead(
        id=note.id,
        therapist_id=therapist.id,
        therapist_name=name_of(therapist),
        patient_id=note.patient_id,
        body=note.body,
        visible_to_patient=note.visible_to_patient,
        created_at=note.created_at,
    )


class SharingService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.grants = GrantRepository(session)
        self.access = AccessRepository(session)
        self.notes = NoteRepository(session)

    # The person who shares.

    async def share(self, user: User, data: GrantCreate) -> GrantRead:
        therapist = await self.session.get(User, data.therapist_id)
        if therapist is None or therapist.role != Role.THERAPIST or not therapist.is_active:
            raise NotATherapistError()
        now = utcnow()
        if await self.grants.live_between(user.id, therapist.id, now=now):
            raise AlreadySharedError()
        grant = await self.grants.add(
            SharingGrant(
                user_id=user.id,
                therapist_id=therapist.id,
                scopes=[s.value for s in data.scopes],
                status=GrantStatus.PENDING,
                created_at=now,
                expires_at=now + timedelta(days=data.days),
            )
        )
        await audit.record(
            self.session,
            "sharing_granted",
            actor=user.id,
            subject=therapist.id,
            scopes=grant.scopes,
            days=data.days,
        )
        return grant_read(grant, user, therapist)

    async def my_grants(self, user: User) -> list[GrantRead]:
        return [grant_read(g, user, t) for g, t in await self.grants.of_user(user.id)]

    async def revoke(self, user: User, grant_id: uuid.UUID) -> GrantRead:
        """Ends the access at once: the therapist's next request finds nothing."""
        grant = await self.grants.require_owned(user.id, grant_id, GrantNotFoundError)
        if grant.status in (GrantStatus.PENDING, GrantStatus.ACTIVE):
            grant.status = GrantStatus.REVOKED
            grant.revoked_at = utcnow()
            await audit.record(
                self.session, "sharing_revoked", actor=user.id, subject=grant.therapist_id
            )
        therapist = await self.session.get(User, grant.therapist_id)
        assert therapist is not None, "grants cascade with their therapist"
        return grant_read(grant, user, therapist)

    async def access_log(self, user: User) -> list[AccessRead]:
        return [
            AccessRead(therapist_id=t.id, therapist_name=name_of(t), what=a.what, at=a.at)
            for a, t in await self.access.of_patient(user.id, ACCESS_LOG_LIMIT)
        ]

    async def notes_for_me(self, user: User) -> list[ClinicianNoteRead]:
        return [_note_read(n, t) for n, t in await self.notes.about(user.id, therapist_id=None)]

    # The therapist.

    async def requests(self, therapist: User) -> list[GrantRead]:
        pending = await self.grants.addressed_to(therapist.id, GrantStatus.PENDING, now=utcnow())
        return [grant_read(g, patient, therapist) for g, patient in pending]

    async def answer(self, therapist: User, grant_id: uuid.UUID, *, accept: bool) -> GrantRead:
        grant = await self.grants.for_therapist(therapist.id, grant_id)
        if grant is None:
            raise GrantNotFoundError()
        if grant.status != GrantStatus.PENDING or grant.expires_at <= utcnow():
            raise GrantAnsweredError()
        grant.status = GrantStatus.ACTIVE if accept else GrantStatus.DECLINED
        grant.answered_at = utcnow()
        action = "sharing_accepted" if accept else "sharing_declined"
        await audit.record(self.session, action, actor=therapist.id, subject=grant.user_id)
        patient = await self.session.get(User, grant.user_id)
        assert patient is not None, "grants cascade with their patient"
        return grant_read(grant, patient, therapist)

    async def patients(self, therapist: User) -> list[GrantRead]:
        active = await self.grants.addressed_to(therapist.id, GrantStatus.ACTIVE, now=utcnow())
        return [grant_read(g, patient, therapist) for g, patient in active]

    async def open(
        self, therapist: User, patient_id: uuid.UUID, scope: ShareScope, what: str
    ) -> tuple[User, SharingGrant]:
        """The patient, when an active grant to this therapist covers `scope`; the read is
        recorded in the same transaction as the answer."""
        found = await self.grants.active(therapist.id, patient_id, now=utcnow())
        if found is None or scope not in found[0].scopes:
            raise NotSharedError()
        grant, patient = found
        self.session.add(
            PatientDataAccess(
                patient_id=patient.id, therapist_id=therapist.id, grant_id=grant.id, what=what
            )
        )
        await audit.record(
            self.session, "patient_data_read", actor=therapist.id, subject=patient.id, what=what
        )
        return patient, grant

    async def write_note(
        self, therapist: User, patient_id: uuid.UUID, data: ClinicianNoteCreate
    ) -> ClinicianNoteRead:
        if await self.grants.active(therapist.id, patient_id, now=utcnow()) is None:
            raise NotSharedError()
        note = await self.notes.add(
            ClinicianNote(
                therapist_id=therapist.id,
                patient_id=patient_id,
                body=data.body,
                visible_to_patient=data.visible_to_patient,
            )
        )
        return _note_read(note, therapist)

    async def my_notes_about(
        self, therapist: User, patient_id: uuid.UUID
    ) -> list[ClinicianNoteRead]:
        if await self.grants.active(therapist.id, patient_id, now=utcnow()) is None:
            raise NotSharedError()
        found = await self.notes.about(patient_id, therapist_id=therapist.id)
        return [_note_read(n, t) for n, t in found]


async def tell_therapists_of_incident(session: AsyncSession, patient: User, level: str) -> int:
    """Emails each therapist with whom the person shares crisis incidents; returns how many.
    Names no note or journal text."""
    therapists = await GrantRepository(session).therapists_told_of_incidents(
        patient.id, ShareScope.CRISIS_INCIDENTS.value, now=utcnow()
    )
    for therapist in therapists:
        body = (
            f"Hello {name_of(therapist)},\n\n"
            f"{name_of(patient)}, who shares crisis alerts with you on MindTrack, may be in "
            f"crisis: their latest check-in was read as {level} risk. They have been shown "
            "crisis lines and their safety plan.\n\n"
            "Please sign in to MindTrack to see the incident, and reach out as you agreed with "
            "them.\n"
        )
        subject = f"MindTrack: {name_of(patient)} may be in crisis"
        message = email_to(therapist, "therapist_incident_alert", subject, body)
        await enqueue(session, patient.id, message)
    return len(therapists)
