from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from mindtrack.analytics.dependencies import AnalyticsServiceDep
from mindtrack.analytics.schemas import Dashboard
from mindtrack.analytics.service import Window
from mindtrack.assessment.dependencies import AssessmentServiceDep
from mindtrack.assessment.schemas import ResponseRead
from mindtrack.crisis.dependencies import CrisisServiceDep, SafetyPlanServiceDep
from mindtrack.crisis.schemas import IncidentRead, SafetyPlanRead
from mindtrack.crisis.service import plan_read
from mindtrack.kit.problems import problem_responses
from mindtrack.models import MoodEntry, ShareScope
from mindtrack.mood.dependencies import MoodServiceDep
from mindtrack.sharing.dependencies import (
    PatientsReader,
    PatientsWriter,
    SharingReader,
    SharingServiceDep,
    SharingWriter,
)
from mindtrack.sharing.schemas import (
    AccessRead,
    ClinicianNoteCreate,
    ClinicianNoteRead,
    GrantCreate,
    GrantRead,
    SharedCheckin,
    SharedCheckinPage,
)

router = APIRouter(prefix="/api/v1/sharing", tags=["sharing"])
patients_router = APIRouter(prefix="/api/v1/patients", tags=["patients"])
PATIENT = "/{patient_id}"
NOT_SHARED = problem_responses(401, 403, 404, 422)


@router.post(
    "/grants", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 409, 422)
)
async def share(body: GrantCreate, user: SharingWriter, service: SharingServiceDep) -> GrantRead:
    """Let a therapist see chosen parts of your record for a number of days, once they
    accept. You can revoke it at any time."""
    return await service.share(user, body)


@router.get("/grants", responses=problem_responses(401))
async def my_grants(user: SharingReader, service: SharingServiceDep) -> list[GrantRead]:
    """Everyone you share with, or shared with, newest first."""
    return await service.my_grants(user)


@router.delete("/grants/{grant_id}", responses=problem_responses(401, 404, 422))
async def revoke(grant_id: uuid.UUID, user: SharingWriter, service: SharingServiceDep) -> GrantRead:
    """Stop sharing: the therapist loses access at once."""
    return await service.revoke(user, grant_id)


@router.get("/access-log", responses=problem_responses(401))
async def access_log(user: SharingReader, service: SharingServiceDep) -> list[AccessRead]:
    """Who looked at what of yours, and when; newest first."""
    return await service.access_log(user)


@router.get("/notes", responses=problem_responses(401))
async def notes_for_me(user: SharingReader, service: SharingServiceDep) -> list[ClinicianNoteRead]:
    """Notes your therapists chose to share with you, newest first."""
    return await service.notes_for_me(user)


@patients_router.get("", responses=problem_responses(401, 403))
async def patients(therapist: PatientsReader, service: SharingServiceDep) -> list[GrantRead]:
    """The people who share with you now, with what they share and until when."""
    return await service.patients(therapist)


@patients_router.get("/requests", responses=problem_responses(401, 403))
async def requests(therapist: PatientsReader, service: SharingServiceDep) -> list[GrantRead]:
    """Sharing offers waiting for your answer."""
    return await service.requests(therapist)


@patients_router.post(
    "/requests/{grant_id}/accept", responses=problem_responses(401, 403, 404, 409, 422)
)
async def accept(
    grant_id: uuid.UUID, therapist: PatientsWriter, service: SharingServiceDep
) -> GrantRead:
    """Accept a sharing offer: the person's shared data becomes visible to you."""
    return await service.answer(therapist, grant_id, accept=True)


@patients_router.post(
    "/requests/{grant_id}/decline", responses=problem_responses(401, 403, 404, 409, 422)
)
async def decline(
    grant_id: uuid.UUID, therapist: PatientsWriter, service: SharingServiceDep
) -> GrantRead:
    """Decline a sharing offer."""
    return await service.answer(therapist, grant_id, accept=False)


@patients_router.get(f"{PATIENT}/dashboard", responses=NOT_SHARED)
async def patient_dashboard(
    patient_id: uuid.UUID,
    therapist: PatientsReader,
    service: SharingServiceDep,
    analytics: AnalyticsServiceDep,
    days: Annotated[int, Query(ge=7, le=365, description="Days, ending today.")] = 30,
) -> Dashboard:
    """A patient's dashboard (needs `mood_scores`; emotions with `emotions`, those read from
    notes and the sentiment with `ai_analysis`)."""
    patient, grant = await service.open(therapist, patient_id, ShareScope.MOOD_SCORES, "dashboard")
    board = await analytics.dashboard(patient, Window(patient, days, None))
    hidden: dict[str, list[object]] = {}
    if ShareScope.EMOTIONS not in grant.scopes:
        hidden["chosen_emotions"] = []
    if ShareScope.AI_ANALYSIS not in grant.scopes:
        hidden |= {"detected_emotions": [], "sentiment": []}
    return board.model_copy(update=hidden)


def _shared(entry: MoodEntry, scopes: list[str]) -> SharedCheckin:
    notes = ShareScope.NOTES in scopes
    return SharedCheckin(
        id=entry.id,
        recorded_at=entry.recorded_at,
        score=entry.score,
        sleep_hours=entry.sleep_hours,
        energy=entry.energy,
        emotions=list(entry.emotions) if ShareScope.EMOTIONS in scopes else None,
        notes=entry.notes if notes else None,
        activity=entry.activity if notes else None,
        location=entry.location if notes else None,
        weather=entry.weather if notes else None,
    )


@patients_router.get(f"{PATIENT}/checkins", responses=NOT_SHARED)
async def patient_checkins(
    patient_id: uuid.UUID,
    therapist: PatientsReader,
    service: SharingServiceDep,
    mood: MoodServiceDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
) -> SharedCheckinPage:
    """A patient's check-ins, newest first, with the fields their grant covers."""
    patient, grant = await service.open(therapist, patient_id, ShareScope.MOOD_SCORES, "checkins")
    page = await mood.list(patient, limit=limit, cursor=cursor)
    return SharedCheckinPage(
        items=[_shared(e, grant.scopes) for e in page.entries], next_cursor=page.next_cursor
    )


@patients_router.get(f"{PATIENT}/assessments", responses=NOT_SHARED)
async def patient_assessments(
    patient_id: uuid.UUID,
    therapist: PatientsReader,
    service: SharingServiceDep,
    assessments: AssessmentServiceDep,
) -> list[ResponseRead]:
    """A patient's latest questionnaires (needs `assessments`)."""
    patient, _ = await service.open(therapist, patient_id, ShareScope.ASSESSMENTS, "assessments")
    page = await assessments.list(patient, limit=50, instrument=None, cursor=None)
    return [ResponseRead.model_validate(r) for r in page.responses]


@patients_router.get(f"{PATIENT}/incidents", responses=NOT_SHARED)
async def patient_incidents(
    patient_id: uuid.UUID,
    therapist: PatientsReader,
    service: SharingServiceDep,
    crisis: CrisisServiceDep,
) -> list[IncidentRead]:
    """A patient's crisis incidents, newest first (needs `crisis_incidents`)."""
    patient, _ = await service.open(therapist, patient_id, ShareScope.CRISIS_INCIDENTS, "incidents")
    return [await crisis.incident_read(i) for i in await crisis.recent_incidents(patient, 20)]


@patients_router.get(f"{PATIENT}/safety-plan", responses=NOT_SHARED)
async def patient_safety_plan(
    patient_id: uuid.UUID,
    therapist: PatientsReader,
    service: SharingServiceDep,
    plans: SafetyPlanServiceDep,
) -> SafetyPlanRead:
    """A patient's current safety plan (needs `safety_plan`)."""
    patient, _ = await service.open(therapist, patient_id, ShareScope.SAFETY_PLAN, "safety_plan")
    return plan_read(await plans.current(patient))


@patients_router.post(f"{PATIENT}/notes", status_code=status.HTTP_201_CREATED, responses=NOT_SHARED)
async def write_note(
    patient_id: uuid.UUID,
    body: ClinicianNoteCreate,
    therapist: PatientsWriter,
    service: SharingServiceDep,
) -> ClinicianNoteRead:
    """A note about a patient who shares with you: private, or shown to them."""
    return await service.write_note(therapist, patient_id, body)


@patients_router.get(f"{PATIENT}/notes", responses=NOT_SHARED)
async def my_notes(
    patient_id: uuid.UUID, therapist: PatientsReader, service: SharingServiceDep
) -> list[ClinicianNoteRead]:
    """Your notes about a patient who shares with you, newest first."""
    return await service.my_notes_about(therapist, patient_id)
