from __future__ import annotations

import re
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status
from pydantic import AfterValidator

from mindtrack.auth.permissions import Action, Resource, permit, public
from mindtrack.crisis.contacts import contact_status
from mindtrack.crisis.dependencies import (
    ContactServiceDep,
    CrisisServiceDep,
    IncidentsReader,
    IncidentsWriter,
    ReferralsAnswerer,
    ReferralServiceDep,
    ReferralsReader,
    ReferralsWriter,
    SafetyPlanReader,
    SafetyPlanServiceDep,
    SafetyPlanWriter,
    TherapistProfileWriter,
    TrustedContactsReader,
    TrustedContactsWriter,
)
from mindtrack.crisis.referrals import DirectoryQuery, ReferralService
from mindtrack.crisis.resources import is_country_code, resources_for
from mindtrack.crisis.schemas import (
    ContactCreate,
    ContactRead,
    ContactUpdate,
    CountryCrisisResources,
    CrisisStatus,
    IncidentRead,
    ReferralCreate,
    ReferralRead,
    SafetyPlanRead,
    SafetyPlanSave,
    SafetyPlanVersionSummary,
    TherapistProfileSave,
    TherapistRead,
)
from mindtrack.crisis.service import plan_read
from mindtrack.kit.problems import problem_responses
from mindtrack.models import Referral, TrustedContact, User

router = APIRouter(prefix="/api/v1/crisis", tags=["crisis"])
TherapistDirectoryReader = Annotated[
    User, Depends(permit(Resource.THERAPIST_DIRECTORY, Action.READ))
]
SAFETY_PLAN = "/safety-plan"


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if not is_country_code(code):
        raise ValueError(
            f"{value!r} is not a country code; use a two-letter ISO 3166-1 code such as GB or US"
        )
    return code


def _language_tag(value: str) -> str:
    if not _LANGUAGE_TAG.fullmatch(value):
        raise ValueError(f"{value!r} is not a language code; use one such as en, es or pt-BR")
    return value


Country = Annotated[
    str,
    Query(description="Two-letter ISO 3166-1 country code.", examples=["GB"]),
    AfterValidator(_country_code),
]
Language = Annotated[
    str | None,
    Query(description="Preferred language (ISO 639-1, e.g. `en`).", examples=["en"]),
    AfterValidator(lambda v: None if v is None else _language_tag(v)),
]


@router.get(
    "/resources",
    responses=problem_responses(422),
    dependencies=[Depends(public(Resource.CRISIS_LINES, Action.READ))],
)
async def crisis_resources_for_country(
    country: Country, language: Language = None
) -> CountryCrisisResources:
    """Crisis lines to call or text now in a country, its emergency number, and directories
    of helplines worldwide. No sign-in needed. For a country MindTrack does not list, the
    directories point to local help."""
    return resources_for(country, language)


@router.get(SAFETY_PLAN, responses=problem_responses(401, 404))
async def read_safety_plan(user: SafetyPlanReader, service: SafetyPlanServiceDep) -> SafetyPlanRead:
    """Your safety plan, latest version."""
    return plan_read(await service.current(user))


@router.put(
    SAFETY_PLAN,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 409, 422),
)
async def save_safety_plan(
    body: SafetyPlanSave, user: SafetyPlanWriter, service: SafetyPlanServiceDep
) -> SafetyPlanRead:
    """Save your whole safety plan as its next version. Earlier versions stay readable."""
    return plan_read(await service.save(user, body))


@router.get(f"{SAFETY_PLAN}/versions", responses=problem_responses(401))
async def list_safety_plan_versions(
    user: SafetyPlanReader, service: SafetyPlanServiceDep
) -> list[SafetyPlanVersionSummary]:
    """Every saved version of your safety plan, newest first."""
    return [
        SafetyPlanVersionSummary(version=p.version, saved_at=p.created_at)
        for p in await service.history(user)
    ]


@router.get(f"{SAFETY_PLAN}/versions/{{version}}", responses=problem_responses(401, 404, 422))
async def read_safety_plan_version(
    version: Annotated[int, Path(ge=1)], user: SafetyPlanReader, service: SafetyPlanServiceDep
) -> SafetyPlanRead:
    """One earlier version of your safety plan, as it was saved."""
    return plan_read(await service.version(user, version))


@router.delete(
    SAFETY_PLAN, status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 404)
)
async def delete_safety_plan(user: SafetyPlanWriter, service: SafetyPlanServiceDep) -> None:
    """Delete your safety plan and all its versions."""
    await service.delete(user)


CONTACTS = "/contacts"


def _contact(contact: TrustedContact) -> ContactRead:
    fields = {name: getattr(contact, name) for name in ContactRead.model_fields if name != "status"}
    return ContactRead(**fields, status=contact_status(contact))


@router.post(CONTACTS, status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 422))
async def add_contact(
    body: ContactCreate, user: TrustedContactsWriter, service: ContactServiceDep
) -> ContactRead:
    """Add a trusted contact. They get an email asking them to confirm; only after they do,
    and only for the levels in `alert_levels`, can they be alerted."""
    return _contact(await service.create(user, body))


@router.get(CONTACTS, responses=problem_responses(401))
async def list_contacts(
    user: TrustedContactsReader, service: ContactServiceDep
) -> list[ContactRead]:
    """Your trusted contacts, oldest first."""
    return [_contact(c) for c in await service.list(user)]


@router.get(f"{CONTACTS}/{{contact_id}}", responses=problem_responses(401, 404, 422))
async def read_contact(
    contact_id: uuid.UUID, user: TrustedContactsReader, service: ContactServiceDep
) -> ContactRead:
    """One of your trusted contacts."""
    return _contact(await service.get(user, contact_id))


@router.patch(f"{CONTACTS}/{{contact_id}}", responses=problem_responses(401, 404, 422))
async def update_contact(
    contact_id: uuid.UUID,
    body: ContactUpdate,
    user: TrustedContactsWriter,
    service: ContactServiceDep,
) -> ContactRead:
    """Change a contact; omitted fields stay. A new email address is asked to confirm again;
    a change of `alert_levels` is recorded as your new consent."""
    return _contact(await service.update(user, contact_id, body))


@router.delete(
    f"{CONTACTS}/{{contact_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def remove_contact(
    contact_id: uuid.UUID, user: TrustedContactsWriter, service: ContactServiceDep
) -> None:
    """Remove a trusted contact; they are not told."""
    await service.delete(user, contact_id)


@router.post(
    f"{CONTACTS}/{{contact_id}}/resend-confirmation",
    responses=problem_responses(401, 404, 409, 422),
)
async def resend_confirmation(
    contact_id: uuid.UUID, user: TrustedContactsWriter, service: ContactServiceDep
) -> ContactRead:
    """Send the confirmation request again (at most every 10 minutes), with a new link."""
    return _contact(await service.resend(user, contact_id))


@router.get("/status", responses=problem_responses(401))
async def crisis_status(user: IncidentsReader, service: CrisisServiceDep) -> CrisisStatus:
    """Your latest risk assessment, the incident still open if any, and while one is open the
    crisis lines and safety plan to show."""
    return await service.status(user)


@router.get("/incidents", responses=problem_responses(401, 422))
async def list_incidents(
    user: IncidentsReader,
    service: CrisisServiceDep,
    limit: Annotated[int, Query(ge=1, le=50, description="How many, newest first.")] = 10,
) -> list[IncidentRead]:
    """Your crisis incidents, newest first, each with its timeline."""
    return [await service.incident_read(i) for i in await service.recent_incidents(user, limit)]


@router.get("/incidents/{incident_id}", responses=problem_responses(401, 404, 422))
async def read_incident(
    incident_id: uuid.UUID, user: IncidentsReader, service: CrisisServiceDep
) -> IncidentRead:
    """One incident and its timeline."""
    return await service.incident_read(await service.incident(user, incident_id))


@router.post("/incidents/{incident_id}/acknowledge", responses=problem_responses(401, 404, 422))
async def acknowledge_incident(
    incident_id: uuid.UUID, user: IncidentsWriter, service: CrisisServiceDep
) -> IncidentRead:
    """Say you have seen the help offered. The incident stays open until resolved."""
    return await service.incident_read(await service.acknowledge(user, incident_id))


@router.post("/incidents/{incident_id}/resolve", responses=problem_responses(401, 404, 422))
async def resolve_incident(
    incident_id: uuid.UUID, user: IncidentsWriter, service: CrisisServiceDep
) -> IncidentRead:
    """Close the incident: the crisis has passed. A later risky check-in opens a new one."""
    return await service.incident_read(await service.resolve(user, incident_id))


directory_router = APIRouter(prefix="/api/v1", tags=["therapists"])


async def _referral(referral: Referral, service: ReferralService) -> ReferralRead:
    therapist_name, client_name = await service.names(referral)
    return ReferralRead(
        id=referral.id,
        status=referral.status,
        therapist_id=referral.therapist_id,
        therapist_name=therapist_name,
        client_id=referral.user_id,
        client_name=client_name,
        message=referral.message,
        created_at=referral.created_at,
        answered_at=referral.answered_at,
    )


@directory_router.put("/therapists/me", responses=problem_responses(401, 403, 422))
async def save_therapist_profile(
    body: TherapistProfileSave, therapist: TherapistProfileWriter, service: ReferralServiceDep
) -> TherapistRead:
    """Create or update your directory entry (therapist accounts)."""
    return TherapistRead.model_validate(await service.save_profile(therapist, body))


@directory_router.get("/therapists", responses=problem_responses(401, 422))
async def search_therapists(
    user: TherapistDirectoryReader,
    service: ReferralServiceDep,
    specialty: Annotated[str | None, Query(max_length=50, examples=["anxiety"])] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", examples=["en"])] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", examples=["GB"])] = None,
    accepting: Annotated[bool, Query(description="Only those taking new clients.")] = True,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[TherapistRead]:
    """The therapist directory, by specialty, language and country."""
    query = DirectoryQuery(specialty, language, country, accepting, limit)
    return [TherapistRead.model_validate(p) for p in await service.search(query)]


@directory_router.get("/therapists/{therapist_id}", responses=problem_responses(401, 404, 422))
async def read_therapist(
    therapist_id: uuid.UUID, user: TherapistDirectoryReader, service: ReferralServiceDep
) -> TherapistRead:
    """One therapist's directory entry."""
    return TherapistRead.model_validate(await service.therapist(therapist_id))


@directory_router.post(
    "/referrals",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 404, 409, 422),
)
async def request_referral(
    body: ReferralCreate, user: ReferralsWriter, service: ReferralServiceDep
) -> ReferralRead:
    """Ask a therapist to take you on. They see your name and message, nothing else."""
    return await _referral(await service.request(user, body), service)


@directory_router.get("/referrals", responses=problem_responses(401))
async def list_referrals(user: ReferralsReader, service: ReferralServiceDep) -> list[ReferralRead]:
    """Your referral requests and, for a therapist, the requests made to you; newest first."""
    return [await _referral(r, service) for r in await service.visible(user)]


@directory_router.post(
    "/referrals/{referral_id}/accept", responses=problem_responses(401, 403, 404, 409, 422)
)
async def accept_referral(
    referral_id: uuid.UUID, therapist: ReferralsAnswerer, service: ReferralServiceDep
) -> ReferralRead:
    """Accept a request made to you (therapist accounts)."""
    return await _referral(await service.answer(therapist, referral_id, accept=True), service)


@directory_router.post(
    "/referrals/{referral_id}/decline", responses=problem_responses(401, 403, 404, 409, 422)
)
async def decline_referral(
    referral_id: uuid.UUID, therapist: ReferralsAnswerer, service: ReferralServiceDep
) -> ReferralRead:
    """Decline a request made to you (therapist accounts)."""
    return await _referral(await service.answer(therapist, referral_id, accept=False), service)


@directory_router.post(
    "/referrals/{referral_id}/cancel", responses=problem_responses(401, 404, 409, 422)
)
async def cancel_referral(
    referral_id: uuid.UUID, user: ReferralsWriter, service: ReferralServiceDep
) -> ReferralRead:
    """Withdraw a request you made that is still waiting."""
    return await _referral(await service.cancel(user, referral_id), service)
