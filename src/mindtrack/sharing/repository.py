from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from mindtrack.kit.repository import OwnedRepository, Repository
from mindtrack.models import (
    ClinicianNote,
    GrantStatus,
    PatientDataAccess,
    SharingGrant,
    User,
)

LIVE = (GrantStatus.PENDING, GrantStatus.ACTIVE)


class GrantRepository(OwnedRepository[SharingGrant]):
    model = SharingGrant

    async def of_user(self, user_id: uuid.UUID) -> list[tuple[SharingGrant, User]]:
        rows = await self.session.execute(
            select(SharingGrant, User)
            .join(User, User.id == SharingGrant.therapist_id)
            .where(SharingGrant.user_id == user_id)
            .order_by(SharingGrant.created_at.desc(), SharingGrant.id)
        )
        return [(grant, user) for grant, user in rows.all()]

    async def live_between(
        self, user_id: uuid.UUID, therapist_id: uuid.UUID, *, now: datetime
    ) -> SharingGrant | None:
        return await self.first(
            self.owned(user_id).where(
                SharingGrant.therapist_id == therapist_id,
                SharingGrant.status.in_(LIVE),
                SharingGrant.expires_at > now,
            )
        )

    async def addressed_to(
        self, therapist_id: uuid.UUID, status: GrantStatus, *, now: datetime
    ) -> list[tuple[SharingGrant, User]]:
        rows = await self.session.execute(
            select(SharingGrant, User)
            .join(User, User.id == SharingGrant.user_id)
            .where(
                SharingGrant.therapist_id == therapist_id,
                SharingGrant.status == status,
                SharingGrant.expires_at > now,
            )
            .order_by(SharingGrant.created_at.desc(), SharingGrant.id)
        )
        return [(grant, user) for grant, user in rows.all()]

    async def for_therapist(
        self, therapist_id: uuid.UUID, grant_id: uuid.UUID
    ) -> SharingGrant | None:
        return await self.first(
            self.select().where(
                SharingGrant.id == grant_id, SharingGrant.therapist_id == therapist_id
            )
        )

    async def active(
        self, therapist_id: uuid.UUID, patient_id: uuid.UUID, *, now: datetime
    ) -> tuple[SharingGrant, User] | None:
        row = await self.session.execute(
            select(SharingGrant, User)
            .join(User, User.id == SharingGrant.user_id)
            .where(
                SharingGrant.therapist_id == therapist_id,
                SharingGrant.user_id == patient_id,
                SharingGrant.status == GrantStatus.ACTIVE,
                SharingGrant.expires_at > now,
            )
            .limit(1)
        )
        found = row.first()
        return (found[0], found[1]) if found else None

    async def therapists_told_of_incidents(
        self, patient_id: uuid.UUID, scope: str, *, now: datetime
    ) -> list[User]:
        rows = await self.session.execute(
            select(SharingGrant, User)
            .join(User, User.id == SharingGrant.therapist_id)
            .where(
                SharingGrant.user_id == patient_id,
                SharingGrant.status == GrantStatus.ACTIVE,
                SharingGrant.expires_at > now,
            )
        )
        return [user for grant, user in rows.all() if scope in grant.scopes]


class AccessRepository(Repository[PatientDataAccess]):
    model = PatientDataAccess

    async def of_patient(
        self, patient_id: uuid.UUID, limit: int
    ) -> list[tuple[PatientDataAccess, User]]:
        rows = await self.session.execute(
            select(PatientDataAccess, User)
            .join(User, User.id == PatientDataAccess.therapist_id)
            .where(PatientDataAccess.patient_id == patient_id)
            .order_by(PatientDataAccess.at.desc(), PatientDataAccess.id)
            .limit(limit)
        )
        return [(access, user) for access, user in rows.all()]


class NoteRepository(Repository[ClinicianNote]):
    model = ClinicianNote

    async def about(
        self, patient_id: uuid.UUID, *, therapist_id: uuid.UUID | None
    ) -> list[tuple[ClinicianNote, User]]:
        """A therapist's own notes about a patient (`therapist_id`), or every note shown
        to the patient (None)."""
        statement = (
            select(ClinicianNote, User)
            .join(User, User.id == ClinicianNote.therapist_id)
            .where(ClinicianNote.patient_id == patient_id)
        )
        statement = statement.where(
            ClinicianNote.therapist_id == therapist_id
            if therapist_id is not None
            else ClinicianNote.visible_to_patient.is_(True)
        )
        rows = await self.session.execute(
            statement.order_by(ClinicianNote.created_at.desc(), ClinicianNote.id)
        )
        return [(note, user) for note, user in rows.all()]
