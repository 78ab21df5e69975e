"""The therapist directory and referral requests: a person asks, the therapist answers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.crisis.contacts import display_name
from mindtrack.crisis.exceptions import (
    NotAcceptingClientsError,
    ReferralAlreadyAnsweredError,
    ReferralNotFoundError,
    ReferralPendingError,
    TherapistNotFoundError,
)
from mindtrack.crisis.schemas import ReferralCreate, TherapistProfileSave
from mindtrack.kit.time import utcnow
from mindtrack.models import Referral, ReferralStatus, Role, TherapistProfile, User


@dataclass(frozen=True, slots=True)
class DirectoryQuery:
    specialty: str | None = None
    language: str | None = None
    country: str | None = None
    accepting_only: bool = True
    limit: int = 20


class ReferralService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def save_profile(self, therapist: User, data: TherapistProfileSave) -> TherapistProfile:
        profile = await self.session.get(TherapistProfile, therapist.id)
        now = utcnow()
        if profile is None:
            profile = TherapistProfile(user_id=therapist.id, created_at=now)
            self.session.add(profile)
        for field, value in data.model_dump().items():
            setattr(profile, field, value)
        profile.updated_at = now
        await self.session.flush()
        return profile

    async def therapist(self, therapist_id: uuid.UUID) -> TherapistProfile:
        profile = await self.session.get(TherapistProfile, therapist_id)
        if profile is None:
            raise TherapistNotFoundError()
        return profile

    async def search(self, query: DirectoryQuery) -> list[TherapistProfile]:
        statement = select(TherapistProfile).join(User, User.id == TherapistProfile.user_id)
        statement = statement.where(User.is_active, User.role == Role.THERAPIST)
        if query.country:
            statement = statement.where(TherapistProfile.country == query.country.upper())
        if query.accepting_only:
            statement = statement.where(TherapistProfile.accepting_new_clients)
        profiles = list(
            (
                await self.session.execute(statement.order_by(TherapistProfile.display_name))
            ).scalars()
        )
        # Specialties and languages are JSON lists: filtered here, the same way on both
        # databases (a directory holds hundreds of profiles, not millions).
        if query.specialty:
            profiles = [p for p in profiles if query.specialty.lower() in p.specialties]
        if query.language:
            profiles = [p for p in profiles if query.language.lower() in p.languages]
        return profiles[: query.limit]

    async def request(self, user: User, data: ReferralCreate) -> Referral:
        profile = await self.therapist(data.therapist_id)
        if profile.user_id == user.id:
            raise TherapistNotFoundError()
        if not profile.accepting_new_clients:
            raise NotAcceptingClientsError()
        pending = select(Referral).where(
            Referral.user_id == user.id,
            Referral.therapist_id == profile.user_id,
            Referral.status == ReferralStatus.PENDING,
        )
        if (await self.session.execute(pending.limit(1))).scalars().first() is not None:
            raise ReferralPendingError()
        now = utcnow()
        referral = Referral(
            user_id=user.id,
            therapist_id=profile.user_id,
            status=ReferralStatus.PENDING,
            message=data.message,
            created_at=now,
            updated_at=now,
        )
        self.session.add(referral)
        await self.session.flush()
        return referral

    async def visible(self, user: User) -> list[Referral]:
        """Referrals the person asked for, and, for a therapist, those asked of them."""
        statement = select(Referral).where(
            or_(Referral.user_id == user.id, Referral.therapist_id == user.id)
        )
        return list(
            (await self.session.execute(statement.order_by(Referral.created_at.desc()))).scalars()
        )

    async def get(self, user: User, referral_id: uuid.UUID) -> Referral:
        referral = await self.session.get(Referral, referral_id)
        if referral is None or user.id not in (referral.user_id, referral.therapist_id):
            raise ReferralNotFoundError()
        return referral

    async def answer(self, therapist: User, referral_id: uuid.UUID, *, accept: bool) -> Referral:
        referral = await self.get(therapist, referral_id)
        if referral.therapist_id != therapist.id:
            raise ReferralNotFoundError()
        status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
        return await self._close(referral, status)

    async def cancel(self, user: User, referral_id: uuid.UUID) -> Referral:
        referral = await self.get(user, referral_id)
        if referral.user_id != user.id:
            raise ReferralNotFoundError()
        return await self._close(referral, ReferralStatus.CANCELLED)

    async def names(self, referral: Referral) -> tuple[str, str]:
        """The therapist's directory name and the person's name, for both to see."""
        profile = await self.session.get(TherapistProfile, referral.therapist_id)
        client = await self.session.get(User, referral.user_id)
        return (profile.display_name if profile else ""), (display_name(client) if client else "")

    async def _close(self, referral: Referral, status: ReferralStatus) -> Referral:
        if referral.status != ReferralStatus.PENDING:
            raise ReferralAlreadyAnsweredError(referral.status)
        referral.status = status
        referral.answered_at = referral.updated_at = utcnow()
        await self.session.flush()
        return referral
