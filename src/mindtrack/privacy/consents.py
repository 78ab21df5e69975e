"""Consents (GDPR articles 6, 7 and 9): what each purpose means, where a person stands on
it, and the checks that make a withdrawal take effect at once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.errors import ForbiddenError
from mindtrack.kit.time import utcnow
from mindtrack.models import Consent, ConsentEvent, ConsentPurpose, User
from mindtrack.privacy import audit


@dataclass(frozen=True)
class Purpose:
    version: str
    wording: str
    # Where no choice was recorded: given at sign-up for what the service is, never assumed
    # for anything beyond it.
    given_at_sign_up: bool


PURPOSES: dict[ConsentPurpose, Purpose] = {
    ConsentPurpose.HEALTH_DATA: Purpose(
        "2026-12-01",
        "MindTrack stores and processes what you record about your mood and mental health "
        "to show it back to you. Withdrawing this restricts your account: nothing new is "
        "recorded or analysed; what you stored stays yours to read, export or erase.",
        True,
    ),
    ConsentPurpose.AI_ANALYSIS: Purpose(
        "2026-12-01",
        "MindTrack's own models, running on its servers, read your notes and messages for "
        "sentiment, emotions, themes and signs of crisis. Withdrawing stops this for "
        "everything you write from then on, including the companion.",
        True,
    ),
    ConsentPurpose.POPULATION_COMPARISONS: Purpose(
        "2026-12-01",
        "Your daily averages join anonymous, noise-protected figures for groups of at least "
        "20 people, and you see how you compare.",
        False,
    ),
    ConsentPurpose.RESEARCH: Purpose(
        "2026-12-01",
        "Your data, with names and words removed, may be used in approved mental-health "
        "research. Nothing is shared for research without this.",
        False,
    ),
    ConsentPurpose.CONTACT_ALERTS: Purpose(
        "2026-12-01",
        "When a check-in signals a crisis, the trusted contacts who confirmed may be told "
        "(each only for the levels you chose for them).",
        True,
    ),
}


class ConsentWithdrawnError(ForbiddenError):
    type_slug = "consent-withdrawn"
    title = "Consent withdrawn"

    def __init__(self, purpose: ConsentPurpose) -> None:
        what = {
            ConsentPurpose.HEALTH_DATA: "processing your health data, so nothing new is recorded",
            ConsentPurpose.AI_ANALYSIS: "AI analysis of what you write",
        }.get(purpose, purpose.value.replace("_", " "))
        super().__init__(
            f"You withdrew your consent to {what}. You can give it again under "
            f"/api/v1/privacy/consents/{purpose.value}."
        )


@dataclass(frozen=True)
class ConsentState:
    purpose: ConsentPurpose
    granted: bool
    version: str | None  # the wording agreed to or refused; None: never asked
    updated_at: datetime | None


def granted(user: User, purpose: ConsentPurpose) -> bool:
    """Whether the person consents to `purpose` now (as of loading their account)."""
    return purpose.value in user.consents_given


def require(user: User, *purposes: ConsentPurpose) -> None:
    for purpose in purposes:
        if not granted(user, purpose):
            raise ConsentWithdrawnError(purpose)


class ConsentService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _recorded(self, user_id: uuid.UUID) -> dict[str, Consent]:
        rows = await self.session.execute(select(Consent).where(Consent.user_id == user_id))
        return {row.purpose: row for row in rows.scalars()}

    async def states(self, user_id: uuid.UUID) -> list[ConsentState]:
        recorded = await self._recorded(user_id)
        return [
            ConsentState(p, r.granted, r.version, r.updated_at)
            if (r := recorded.get(p.value))
            else ConsentState(p, False, None, None)
            for p in ConsentPurpose
        ]

    async def record(
        self, user: User, purpose: ConsentPurpose, granted: bool, *, source: str = "person"
    ) -> ConsentState:
        now, version = utcnow(), PURPOSES[purpose].version
        row = await self.session.get(Consent, (user.id, purpose.value))
        if row is None:
            row = Consent(user_id=user.id, purpose=purpose.value)
            self.session.add(row)
        row.granted, row.version, row.updated_at = granted, version, now
        self.session.add(
            ConsentEvent(
                user_id=user.id,
                purpose=purpose.value,
                granted=granted,
                version=version,
                source=source,
                recorded_at=now,
            )
        )
        others = set(user.consents_given) - {purpose.value}
        user.consents_given = sorted((others | {purpose.value}) if granted else others)
        if purpose is ConsentPurpose.POPULATION_COMPARISONS:
            # Kept on the account too: the population figures select their cohorts by it.
            user.population_opt_in_at = now if granted else None
        if source == "person":  # what sign-up implied is in the consent history already
            await audit.record(
                self.session,
                "consent_given" if granted else "consent_withdrawn",
                actor=user.id,
                purpose=purpose.value,
                version=version,
            )
        await self.session.flush()
        return ConsentState(purpose, granted, version, now)

    async def record_sign_up(self, user: User) -> None:
        for purpose, terms in PURPOSES.items():
            if terms.given_at_sign_up:
                await self.record(user, purpose, True, source="registration")

    async def history(self, user_id: uuid.UUID) -> list[ConsentEvent]:
        rows = await self.session.execute(
            select(ConsentEvent)
            .where(ConsentEvent.user_id == user_id)
            .order_by(ConsentEvent.recorded_at.desc(), ConsentEvent.id)
        )
        return list(rows.scalars())
