from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Literal

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from mindtrack.user.schemas import refuse_null


class CrisisResource(BaseModel):
    name: str = Field(examples=["988 Suicide & Crisis Lifeline"])
    phone: str = Field(description="What to dial or text, as shown.", examples=["988"])
    available: str = Field(examples=["24/7"])
    description: str
    languages: list[str] = Field(default_factory=list)
    website: str | None = None
    source: str | None = Field(default=None, description="Where the details were checked.")


class SafetyPlanning(BaseModel):
    steps: list[str]


class CrisisResources(BaseModel):
    """Help lines to reach now, and the steps of a safety plan."""

    immediate_help: list[CrisisResource]
    specialized_support: list[CrisisResource]
    safety_planning: SafetyPlanning


class HelplineDirectory(BaseModel):
    name: str
    website: str
    description: str


class CountryLines(BaseModel):
    name: str
    emergency: str = Field(description="The number for the police, ambulance and fire service.")
    checked_on: str = Field(description="When the details were last checked (YYYY-MM-DD).")
    immediate_help: list[CrisisResource]
    specialized_support: list[CrisisResource]


class CrisisCatalogue(BaseModel):
    """The curated data file: lines per country (ISO 3166-1 alpha-2 code) and directories
    for the rest of the world."""

    safety_planning: SafetyPlanning
    directories: list[HelplineDirectory]
    countries: dict[str, CountryLines]


class CountryCrisisResources(CrisisResources):
    """Where to find help now in one country. For a country without curated lines, the
    international directories are the place to look, and `emergency_number` is null."""

    country: str = Field(examples=["GB"])
    country_name: str | None = Field(examples=["United Kingdom"])
    covered: bool = Field(description="Whether MindTrack lists this country's lines itself.")
    emergency_number: str | None = Field(examples=["999"])
    checked_on: str | None = Field(description="When the lines were last checked (YYYY-MM-DD).")
    language: str | None = Field(
        description="The language asked for; lines offering it come first in each section."
    )
    directories: list[HelplineDirectory]


MAX_PLAN_ITEMS = 20
MAX_PLAN_TEXT = 300
_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()./-]+")


def _phone_number(value: str) -> str:
    digits = sum(c.isdigit() for c in value)
    if not _PHONE_CHARACTERS.fullmatch(value) or not 3 <= digits <= 15:
        raise ValueError(
            "must be a phone number: 3 to 15 digits, optionally starting with +, with spaces, "
            "dashes, dots or brackets between them (e.g. +44 20 7946 0000 or 988)"
        )
    return value


PlanText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PLAN_TEXT)
]
PhoneNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=32), AfterValidator(_phone_number)
]
PlanItems = Annotated[
    list[PlanText], Field(max_length=MAX_PLAN_ITEMS, description="Short entries, in your words.")
]


class PlanPerson(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: PlanText = Field(examples=["Sam (sister)"])
    phone: PhoneNumber | None = Field(default=None, examples=["+44 7700 900123"])


class PlanProfessional(PlanPerson):
    note: PlanText | None = Field(default=None, examples=["Tuesdays, or leave a message"])


class SafetyPlanSections(BaseModel):
    """The six steps of a Stanley–Brown safety plan, and reasons for living."""

    model_config = ConfigDict(extra="forbid")

    warning_signs: PlanItems = Field(
        default_factory=list,
        description="1. Thoughts, moods, situations or behaviours that a crisis may be near.",
    )
    internal_coping_strategies: PlanItems = Field(
        default_factory=list,
        description="2. Things to do alone to take the mind off problems.",
    )
    social_distractions: PlanItems = Field(
        default_factory=list,
        description="3. People and social settings that provide distraction.",
    )
    people_to_ask_for_help: list[PlanPerson] = Field(
        default_factory=list,
        max_length=MAX_PLAN_ITEMS,
        description="4. People to ask for help.",
    )
    professionals_and_agencies: list[PlanProfessional] = Field(
        default_factory=list,
        max_length=MAX_PLAN_ITEMS,
        description="5. Professionals or agencies to contact in a crisis, local crisis lines "
        "included.",
    )
    making_the_environment_safe: PlanItems = Field(
        default_factory=list,
        description="6. Ways to make the surroundings safe, such as keeping means away.",
    )
    reasons_for_living: PlanItems = Field(
        default_factory=list, description="What matters most, worth living for."
    )


class SafetyPlanSave(SafetyPlanSections):
    """A whole plan: saving adds a new version, earlier versions stay readable."""

    based_on_version: int | None = Field(
        default=None,
        ge=1,
        description="The version you edited. If the plan has been saved since (on another "
        "device), the save is refused with 409 instead of overwriting that change.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> SafetyPlanSave:
        if not any(getattr(self, name) for name in SafetyPlanSections.model_fields):
            raise ValueError(
                "a safety plan needs at least one entry; to remove your plan, delete it"
            )
        return self


class SafetyPlanRead(SafetyPlanSections):
    version: int
    saved_at: datetime


class SafetyPlanVersionSummary(BaseModel):
    version: int
    saved_at: datetime


# Levels a trusted contact may be told about; lower levels never alert anyone.
AlertLevel = Literal["moderate", "high", "imminent"]
ContactChannel = Literal["email", "sms"]
ContactStatus = Literal["awaiting_confirmation", "confirmed", "declined", "expired"]
_PHONE_HELP = "must be a phone number in international format, e.g. +44 7700 900123"


def _international_phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(_PHONE_HELP) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(_PHONE_HELP)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


ContactName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Relationship = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
ContactPhone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=32),
    AfterValidator(_international_phone),
]
AlertLevels = Annotated[
    list[AlertLevel],
    Field(
        max_length=3,
        description="The risk levels this contact may be told about: your explicit consent. "
        "Empty (the default) means they are never alerted.",
    ),
    AfterValidator(lambda levels: sorted(set(levels), key=["moderate", "high", "imminent"].index)),
]


class ContactCreate(BaseModel):
    """Someone to tell when you may be in crisis. They are asked to confirm by email first;
    until they do, nothing is sent to them but that request."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Sam",
                    "relationship": "sister",
                    "email": "sam@example.com",
                    "alert_levels": ["high", "imminent"],
                }
            ]
        },
    )

    name: ContactName
    relationship: Relationship | None = None
    email: EmailStr | None = None
    phone: ContactPhone | None = None
    preferred_channel: ContactChannel = Field(
        default="email",
        description="How the confirmation request and alerts reach them: `email`, or `sms` "
        "where this server sends text messages.",
    )
    alert_levels: AlertLevels = Field(default_factory=list)

    @model_validator(mode="after")
    def _reachable(self) -> ContactCreate:
        check_reachable(self.preferred_channel, self.email, self.phone)
        return self


def check_reachable(channel: str, email: str | None, phone: str | None) -> None:
    """The address the preferred channel needs is there."""
    if channel == "email" and not email:
        raise ValueError("an email address is needed to reach this contact by email")
    if channel == "sms" and not phone:
        raise ValueError("a phone number is needed to reach this contact by text message")


class ContactUpdate(BaseModel):
    """Changes to a contact. A new address on the preferred channel is asked to confirm
    again."""

    model_config = ConfigDict(extra="forbid")

    _required_fields_stay = field_validator(
        "name", "preferred_channel", "alert_levels", mode="before"
    )(refuse_null)

    name: ContactName | None = None
    relationship: Relationship | None = None
    email: EmailStr | None = None
    phone: ContactPhone | None = None
    preferred_channel: ContactChannel | None = None
    alert_levels: AlertLevels | None = None


class ContactRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    relationship: str | None
    email: str | None
    phone: str | None
    preferred_channel: ContactChannel
    alert_levels: list[AlertLevel]
    status: ContactStatus = Field(description="Alerts go only to `confirmed` contacts.")
    confirmation_sent_at: datetime | None
    confirmed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class FactorRead(BaseModel):
    name: str = Field(examples=["text", "phq9_item9", "several_very_low_days"])
    level: str = Field(description="The level this factor alone calls for.")
    weight: float
    detail: str


class RiskRead(BaseModel):
    level: str = Field(examples=["moderate"])
    score: float = Field(ge=0, le=1)
    source: str = Field(description="What was assessed: `checkin` or `questionnaire`.")
    factors: list[FactorRead]
    assessed_at: datetime


class IncidentEventRead(BaseModel):
    kind: str = Field(
        examples=["detected"],
        description="detected, updated, resources_shown, contact_notified, "
        "contact_not_notified, therapists_notified, acknowledged or resolved.",
    )
    actor: str = Field(description="`system` or `user`.")
    contact_id: uuid.UUID | None
    detail: dict[str, object]
    at: datetime


class IncidentRead(BaseModel):
    id: uuid.UUID
    status: str = Field(examples=["open"], description="open, acknowledged or resolved.")
    level: str = Field(description="The highest level seen while open.")
    opened_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    timeline: list[IncidentEventRead]


class ReachOutOption(BaseModel):
    """Someone the person can call or write to now, themselves."""

    name: str
    relationship: str | None = None
    phone: str | None = None
    email: str | None = None
    source: Literal["trusted_contact", "safety_plan"]


class CrisisSupport(BaseModel):
    """Help to show at once: sent whenever the risk reaches the incident level."""

    level: str
    incident_id: uuid.UUID
    resources: CountryCrisisResources
    safety_plan: SafetyPlanRead | None = Field(description="Yours, if you have written one.")
    reach_out: list[ReachOutOption] = Field(
        description="The 'reach out now' action: your trusted contacts and the people and "
        "professionals in your safety plan, with their numbers, to call or write to yourself."
    )


class CrisisStatus(BaseModel):
    risk: RiskRead | None = Field(description="The latest assessment; null before any.")
    incident: IncidentRead | None = Field(description="The incident not yet resolved, if any.")
    support: CrisisSupport | None = Field(description="Present while an incident is open.")


Specialty = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2, max_length=50)
]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class TherapistProfileSave(BaseModel):
    """Your entry in the therapist directory."""

    model_config = ConfigDict(extra="forbid")

    display_name: ContactName
    credentials: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)
    ] = Field(examples=["Clinical psychologist, HCPC registered"])
    specialties: list[Specialty] = Field(max_length=20, examples=[["anxiety", "depression"]])
    languages: list[LanguageCode] = Field(min_length=1, max_length=10, examples=[["en", "es"]])
    country: Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")] = Field(
        examples=["GB"]
    )
    accepting_new_clients: bool = True
    bio: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = None


class TherapistRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: uuid.UUID = Field(description="Use as `therapist_id` in a referral request.")
    display_name: str
    credentials: str
    specialties: list[str]
    languages: list[str]
    country: str
    accepting_new_clients: bool
    bio: str | None
    updated_at: datetime


class ReferralCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    therapist_id: uuid.UUID
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = (
        Field(
            default=None, description="A few words for the therapist. Your journal is not shared."
        )
    )


class ReferralRead(BaseModel):
    id: uuid.UUID
    status: str = Field(description="pending, accepted, declined or cancelled.")
    therapist_id: uuid.UUID
    therapist_name: str
    client_id: uuid.UUID
    client_name: str
    message: str | None
    created_at: datetime
    answered_at: datetime | None
