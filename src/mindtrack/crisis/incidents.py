"""Risk monitoring and escalation: assess each check-in, open or update an incident, and
alert the trusted contacts who agreed, within limits. Everything here is written in the
caller's transaction; alerts leave through the outbox after it commits."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.analysis.schemas import CheckinAnalysisRead
from mindtrack.config import Settings
from mindtrack.crisis.contacts import contact_message, contact_status, display_name
from mindtrack.crisis.exceptions import (
    AlertLinkExpiredError,
    AlertLinkNotFoundError,
    IncidentNotFoundError,
)
from mindtrack.crisis.repository import (
    AssessmentRepository,
    ContactRepository,
    IncidentRepository,
    SafetyPlanRepository,
    risk_context,
)
from mindtrack.crisis.resources import catalogue, resources_for
from mindtrack.crisis.risk import RiskAssessment, RiskInputs, ScoredDay, assess, reads_history
from mindtrack.crisis.schemas import (
    CrisisStatus,
    CrisisSupport,
    FactorRead,
    IncidentEventRead,
    IncidentRead,
    ReachOutOption,
    RiskRead,
)
from mindtrack.crisis.service import plan_read
from mindtrack.kit.db import transaction
from mindtrack.kit.locale import country_of_locale
from mindtrack.kit.security import hash_opaque_token, new_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import CrisisSignal, assess_patterns_only
from mindtrack.ml.text import has_words
from mindtrack.models import (
    ConsentPurpose,
    CrisisIncident,
    IncidentEvent,
    IncidentStatus,
    MoodEntry,
    RiskAssessmentRecord,
    TrustedContact,
    User,
)
from mindtrack.mood.repository import MoodEntryRepository
from mindtrack.notification.outbox import Message, email_to, enqueue
from mindtrack.privacy import audit
from mindtrack.privacy.consents import granted
from mindtrack.sharing.service import tell_therapists_of_incident

HISTORY = timedelta(days=30)
ACK_PATH = "/contacts/acknowledge"


@dataclass(frozen=True, slots=True)
class TextSignal:
    level: str
    score: float
    evidence: list[dict[str, Any]]

    @classmethod
    def of(cls, signal: CrisisSignal) -> TextSignal:
        """The text models' crisis reading, as the assessment takes it."""
        return cls(signal.level, signal.score, [asdict(e) for e in signal.evidence])


def pattern_signal(note: str) -> TextSignal:
    """What the crisis patterns alone find in a note."""
    return TextSignal.of(assess_patterns_only(note))


@dataclass(frozen=True, slots=True)
class CrisisOutcome:
    assessment: RiskAssessmentRecord
    incident: CrisisIncident | None  # set when the risk reached the incident level


def country_of(user: User) -> str | None:
    """The country of the person's locale (en-GB: GB), for their crisis lines."""
    return country_of_locale(user.locale)


class CrisisService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings
        self.assessments = AssessmentRepository(session)
        self.incidents = IncidentRepository(session)
        self.contacts = ContactRepository(session)

    async def assess_checkin(
        self, user: User, entry: MoodEntry, text: TextSignal | None
    ) -> CrisisOutcome:
        inputs = await self._inputs(user, entry, text)
        evidence = text.evidence if text else []
        return await self._record(user, assess(inputs), "checkin", entry.id, evidence)

    async def after_checkin(
        self, user: User, entry: MoodEntry, analysis: CheckinAnalysisRead | None
    ) -> CrisisSupport | None:
        """Assesses a new or changed check-in; the help to show when it opened or updated an
        incident. A note the text models did not read (switched off, or failed on it) is still
        read by the crisis patterns."""
        text = None
        if analysis is not None:
            crisis = analysis.crisis
            evidence = [e.model_dump() for e in crisis.evidence]
            text = TextSignal(crisis.level, crisis.score, evidence)
        elif has_words(entry.notes or ""):
            text = await asyncio.to_thread(pattern_signal, entry.notes or "")
        outcome = await self.assess_checkin(user, entry, text)
        return await self.support(user, outcome.incident) if outcome.incident else None

    async def support_for_replay(self, user: User, entry: MoodEntry) -> CrisisSupport | None:
        """A retried check-in gets the help its first answer carried, while the incident it
        raised is still open: the first answer may never have reached the device."""
        record = await self.assessments.for_entry(user.id, entry.id)
        incident = await self.incidents.open_for(user.id)
        threshold = RiskLevel.parse(self.settings.crisis.incident_level)
        if record is None or incident is None or RiskLevel.parse(record.level) < threshold:
            return None
        return await self.support(user, incident)

    async def after_message(self, user: User, text: TextSignal) -> CrisisSupport | None:
        """Assesses a message to the companion like a note; the help to show when it opened
        or updated an incident."""
        inputs = await self._inputs(user, None, text)
        outcome = await self._record(user, assess(inputs), "conversation", None, text.evidence)
        return await self.support(user, outcome.incident) if outcome.incident else None

    async def assess_questionnaire(self, user: User) -> CrisisOutcome:
        """After a PHQ-9 whose item 9 was above 0: the answer counts at once."""
        inputs = await self._inputs(user, None, None)
        return await self._record(user, assess(inputs), "questionnaire", None, [])

    async def status(self, user: User) -> CrisisStatus:
        latest = await self.assessments.latest(user.id)
        incident = await self.incidents.open_for(user.id)
        return CrisisStatus(
            risk=_risk(latest) if latest else None,
            incident=await self.incident_read(incident) if incident else None,
            support=await self.support(user, incident) if incident else None,
        )

    async def support(self, user: User, incident: CrisisIncident) -> CrisisSupport:
        """Crisis lines for the person's country, their safety plan, and whom they can reach
        out to now."""
        plan = await SafetyPlanRepository(self.session).latest(user.id)
        language = user.locale.replace("_", "-").split("-")[0]
        contacts = [
            ReachOutOption(name=c.name, relationship=c.relationship, phone=c.phone, email=c.email, source="trusted_contact")
            for c in await self.contacts.list_for(user.id)
        ]  # fmt: skip
        read = plan_read(plan) if plan else None
        planned = [
            ReachOutOption(name=p.name, phone=p.phone, source="safety_plan")
            for p in ([*read.people_to_ask_for_help, *read.professionals_and_agencies] if read else [])
        ]  # fmt: skip
        return CrisisSupport(
            level=incident.level,
            incident_id=incident.id,
            resources=resources_for(country_of(user) or "", language),
            safety_plan=read,
            reach_out=contacts + planned,
        )

    async def incident_read(self, incident: CrisisIncident) -> IncidentRead:
        events = await self.incidents.timeline(incident.id)
        return IncidentRead(
            id=incident.id,
            status=incident.status,
            level=incident.level,
            opened_at=incident.opened_at,
            updated_at=incident.updated_at,
            acknowledged_at=incident.acknowledged_at,
            resolved_at=incident.resolved_at,
            timeline=[
                IncidentEventRead(kind=e.kind, actor=e.actor, contact_id=e.contact_id, detail=e.detail, at=e.at)
                for e in events
            ],
        )  # fmt: skip

    async def incident(self, user: User, incident_id: uuid.UUID) -> CrisisIncident:
        return await self.incidents.require_owned(user.id, incident_id, IncidentNotFoundError)

    async def has_open_incident(self, user: User) -> bool:
        return await self.incidents.open_for(user.id) is not None

    async def incidents_since(self, user: User, since: datetime) -> int:
        return await self.incidents.opened_since(user.id, since)

    async def recent_incidents(self, user: User, limit: int) -> list[CrisisIncident]:
        return await self.incidents.recent(user.id, limit)

    async def acknowledge(self, user: User, incident_id: uuid.UUID) -> CrisisIncident:
        incident = await self.incident(user, incident_id)
        if incident.status == IncidentStatus.OPEN:
            incident.status = IncidentStatus.ACKNOWLEDGED
            incident.acknowledged_at = incident.updated_at = utcnow()
            self._event(incident, "acknowledged", "user", {})
            await self.session.flush()
        return incident

    async def alert_behind(self, token: str) -> tuple[IncidentEvent, CrisisIncident, User]:
        """The alert a contact's "I'm reaching out" link belongs to, while its incident is
        unresolved."""
        event = await self.incidents.alert_by_token_hash(hash_opaque_token(token))
        incident = await self.session.get(CrisisIncident, event.incident_id) if event else None
        user = await self.session.get(User, incident.user_id) if incident else None
        if event is None or incident is None or user is None:
            raise AlertLinkNotFoundError()
        if incident.status == IncidentStatus.RESOLVED:
            raise AlertLinkExpiredError()
        return event, incident, user

    async def acknowledge_by_contact(self, token: str) -> User:
        """The contact says they are reaching out: the incident is acknowledged (and so not
        escalated). The link works once; returns the person they are reaching out to."""
        event, incident, user = await self.alert_behind(token)
        event.ack_token_hash = None
        now = utcnow()
        if incident.status == IncidentStatus.OPEN:
            incident.status = IncidentStatus.ACKNOWLEDGED
            incident.acknowledged_at = now
        incident.updated_at = now
        actor = f"contact:{event.contact_id}"
        self._event(
            incident, "acknowledged", actor, {"reaching_out": True}
        ).contact_id = event.contact_id
        await self.session.flush()
        return user

    async def resolve(self, user: User, incident_id: uuid.UUID) -> CrisisIncident:
        incident = await self.incident(user, incident_id)
        if incident.status != IncidentStatus.RESOLVED:
            incident.status = IncidentStatus.RESOLVED
            incident.resolved_at = incident.updated_at = utcnow()
            self._event(incident, "resolved", "user", {})
            await self.session.flush()
        return incident

    async def escalate(self, incident: CrisisIncident) -> None:
        """Nobody acknowledged a high or imminent incident in time: email the person crisis
        lines and their plan's first steps, and tell consenting contacts again (the daily
        limit still holds, the cool-down does not)."""
        user = await self.session.get(User, incident.user_id)
        if user is None or not user.is_active:
            return
        await enqueue(self.session, user.id, _reminder(user, self.settings))
        told = await self._alert_contacts(
            user, incident, RiskLevel.parse(incident.level), escalation=True
        )
        minutes = self.settings.crisis.unacknowledged_minutes
        self._event(
            incident,
            "escalated",
            "system",
            {"unacknowledged_minutes": minutes, "contacts_told": told},
        )
        incident.updated_at = utcnow()
        await self.session.flush()

    async def _inputs(
        self, user: User, entry: MoodEntry | None, text: TextSignal | None
    ) -> RiskInputs:
        now = utcnow()
        history = []
        if entry is not None and reads_history(entry.score):
            # The check-in being assessed is the present, not part of its own history.
            scores = await MoodEntryRepository(self.session).scores_since(
                user.id, now - HISTORY, excluding=entry.id
            )
            history = [ScoredDay(at, score) for at, score in scores]
        context = await risk_context(self.session, user.id)
        level = context.open_incident_level
        return RiskInputs(
            now=now,
            text_level=RiskLevel.parse(text.level) if text else None,
            text_score=text.score if text else 0.0,
            mood_score=entry.score if entry else None,
            history=history,
            item9=context.item9,
            timezone=ZoneInfo(user.timezone),
            open_incident=RiskLevel.parse(level) if level else None,
        )  # fmt: skip

    async def _record(
        self,
        user: User,
        result: RiskAssessment,
        source: str,
        entry_id: uuid.UUID | None,
        evidence: list[dict[str, Any]],
    ) -> CrisisOutcome:
        record = RiskAssessmentRecord(
            user_id=user.id,
            entry_id=entry_id,
            source=source,
            level=result.level.label,
            score=result.score,
            factors=[asdict(f) for f in result.factors],
            evidence=evidence,
            assessed_at=utcnow(),
        )
        await self.assessments.add(record)
        threshold = RiskLevel.parse(self.settings.crisis.incident_level)
        if result.level < threshold:
            return CrisisOutcome(record, None)
        incident = await self._open_or_update(user, record)
        await self._alert_contacts(user, incident, result.level)
        return CrisisOutcome(record, incident)

    async def _open_or_update(self, user: User, record: RiskAssessmentRecord) -> CrisisIncident:
        # One person's concurrent risky check-ins queue here (PostgreSQL row lock), so they
        # update one incident instead of opening two. FOR NO KEY UPDATE: the KEY SHARE locks
        # that inserting their rows took on the person do not block it, so no deadlock.
        lock = select(User.id).where(User.id == user.id).with_for_update(key_share=True)
        await self.session.execute(lock)
        now = utcnow()
        incident = await self.incidents.open_for(user.id)
        detail = {"assessment_id": str(record.id), "level": record.level, "score": record.score}
        if incident is None:
            incident = CrisisIncident(
                user_id=user.id,
                status=IncidentStatus.OPEN,
                level=record.level,
                opened_at=now,
                updated_at=now,
            )
            await self.incidents.add(incident)
            self._event(incident, "detected", "system", detail)
            told = await tell_therapists_of_incident(self.session, user, record.level)
            if told:
                self._event(incident, "therapists_notified", "system", {"count": told})
        else:
            if RiskLevel.parse(record.level) > RiskLevel.parse(incident.level):
                incident.level = record.level
            incident.updated_at = now
            self._event(incident, "updated", "system", detail)
        # The check-in's answer carries crisis lines and the safety plan (see the router).
        self._event(incident, "resources_shown", "system", {"country": country_of(user)})
        await self.session.flush()
        return incident

    async def _alert_contacts(
        self, user: User, incident: CrisisIncident, level: RiskLevel, *, escalation: bool = False
    ) -> int:
        """Queues an alert to each confirmed contact who may be told of `level`; returns how
        many. An escalation skips the cool-down, never the daily limit."""
        told = 0
        if not granted(user, ConsentPurpose.CONTACT_ALERTS):
            self._event(incident, "contacts_not_notified", "system", {"reason": "no_consent"})
            await self.session.flush()
            return told
        for contact in await self.contacts.list_for(user.id):
            if contact_status(contact) != "confirmed" or level.label not in contact.alert_levels:
                continue
            held_back = await self._held_back(contact, level, cooldown=not escalation)
            if held_back is not None:
                detail: dict[str, Any] = {"reason": held_back}
                self._event(incident, "contact_not_notified", "system", detail, contact)
                continue
            token = new_opaque_token()
            alert = _alert(
                user, contact, level, self.settings, _link(self.settings, ACK_PATH, token)
            )
            message = await enqueue(self.session, user.id, alert)
            detail = {"level": level.label, "message_id": str(message.id), "escalation": escalation}
            event = self._event(incident, "contact_notified", "system", detail, contact)
            event.ack_token_hash = hash_opaque_token(token)
            await audit.record(
                self.session,
                "contact_alerted",
                subject=user.id,
                contact_id=str(contact.id),
                level=level.label,
            )
            told += 1
        await self.session.flush()
        return told

    async def _held_back(
        self, contact: TrustedContact, level: RiskLevel, *, cooldown: bool
    ) -> str | None:
        """Why this contact is not alerted now, or None: a daily limit, and a cool-down."""
        crisis = self.settings.crisis
        now = utcnow()
        today = await self.incidents.alerts_to(contact.id, now - timedelta(hours=24))
        if len(today) >= crisis.max_alerts_per_contact_per_day:
            return "daily limit reached"
        cooling = [e for e in today if now - e.at < timedelta(hours=crisis.contact_cooldown_hours)]
        if cooldown and cooling and level <= RiskLevel.parse(cooling[0].detail["level"]):
            return "alerted recently at this level or higher"
        return None

    def _event(
        self,
        incident: CrisisIncident,
        kind: str,
        actor: str,
        detail: dict[str, Any],
        contact: TrustedContact | None = None,
    ) -> IncidentEvent:
        event = IncidentEvent(
            incident_id=incident.id,
            kind=kind,
            actor=actor,
            detail=detail,
            contact_id=contact.id if contact else None,
            at=utcnow(),
        )
        self.session.add(event)
        return event


def _link(settings: Settings, path: str, token: str) -> str:
    return f"{settings.notify.public_url.rstrip('/')}{path}?token={token}"


def _lines_link(settings: Settings, country: str | None) -> str:
    """Where crisis lines for the person's country are listed; without a known country, a
    worldwide directory (a country's own list would be a guess)."""
    if country is None or country not in catalogue().countries:
        return catalogue().directories[0].website
    return f"{settings.notify.public_url.rstrip('/')}/api/v1/crisis/resources?country={country}"


def _alert(
    user: User, contact: TrustedContact, level: RiskLevel, settings: Settings, ack_link: str
) -> Message:
    """The alert to a contact: who and what to do, never what the person wrote."""
    name = display_name(user)
    country = country_of(user)
    lines = catalogue().countries.get(country or "")
    emergency = f"call {lines.emergency}" if lines else "call your local emergency number"
    link = _lines_link(settings, country)
    urgency = (
        f"If you think {name} is in immediate danger, {emergency} now.\n\n"
        if level >= RiskLevel.HIGH
        else ""
    )
    body = (
        f"Hello {contact.name},\n\n"
        f"{name} chose you as a trusted contact on MindTrack. Something they recorded suggests "
        "they may be going through a very hard time right now.\n\n"
        f"Please reach out to them: a call, a message or a visit can help.\n\n{urgency}"
        f"Crisis lines you can call together: {link}\n\n"
        f"When you are reaching out, let MindTrack know (this link works once): {ack_link}\n\n"
        "MindTrack does not share what they wrote. You get this email because they asked us to "
        "tell you, and you agreed.\n"
    )
    text = (
        f"MindTrack: {name} may be going through a very hard time. Please reach out to them now. "
        + (f"If they are in immediate danger, {emergency}. " if level >= RiskLevel.HIGH else "")
        + f"Crisis lines: {link} Reaching out? Tell us: {ack_link}"
    )
    return contact_message(contact, "crisis_alert", f"{name} may need you now", body, text)


def _risk(record: RiskAssessmentRecord) -> RiskRead:
    return RiskRead(
        level=record.level,
        score=record.score,
        source=record.source,
        factors=[FactorRead(**f) for f in record.factors],
        assessed_at=record.assessed_at,
    )


async def escalate_unacknowledged(
    factory: async_sessionmaker[AsyncSession], settings: Settings
) -> int:
    """Escalates every high or imminent incident left unacknowledged past the window, each in
    its own transaction; returns how many."""
    before = utcnow() - timedelta(minutes=settings.crisis.unacknowledged_minutes)
    levels = [RiskLevel.HIGH.label, RiskLevel.IMMINENT.label]
    async with factory() as session:
        due = [i.id for i in await IncidentRepository(session).unacknowledged(levels, before)]
    escalated = 0
    for incident_id in due:
        async with transaction(factory) as session:
            # Locked and looked at again: another serving process may have escalated it or
            # someone acknowledged it since the list was read.
            incident = await session.get(
                CrisisIncident, incident_id, with_for_update={"key_share": True}
            )
            still_due = await IncidentRepository(session).unacknowledged(levels, before)
            if incident is not None and incident in still_due:
                await CrisisService(session, settings).escalate(incident)
                escalated += 1
    return escalated


def _reminder(user: User, settings: Settings) -> Message:
    """To the person themselves: help, once more, outside the app."""
    link = _lines_link(settings, country_of(user))
    body = (
        f"Hello {display_name(user)},\n\n"
        "Earlier, something you recorded in MindTrack suggested you might be going through a "
        "very hard time. We wanted to check in.\n\n"
        "If you are in danger now, please call your local emergency number. Crisis lines you "
        f"can call or text, free and at any hour: {link}\n\n"
        "Your safety plan is in the app. When you feel ready, you can mark the moment as "
        "passed there.\n"
    )
    return email_to(user, "crisis_reminder", "Checking in on you", body)
