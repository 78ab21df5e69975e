from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from mindtrack.assessment.dependencies import (
    AssessmentServiceDep,
    AssessmentsReader,
    AssessmentsWriter,
)
from mindtrack.assessment.instruments import INSTRUMENTS, InstrumentId
from mindtrack.assessment.schemas import (
    InstrumentRead,
    ResponseCreate,
    ResponseCreated,
    ResponsePage,
    ResponseRead,
    Trend,
)
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.crisis.dependencies import CrisisServiceDep
from mindtrack.kit.problems import problem_responses
from mindtrack.privacy.dependencies import RECORDING_HEALTH_DATA

router = APIRouter(prefix="/api/v1/assessments", tags=["questionnaires"])


@router.get("/instruments", dependencies=[Depends(public(Resource.REFERENCE, Action.READ))])
async def list_instruments() -> list[InstrumentRead]:
    """PHQ-9 (depression) and GAD-7 (anxiety): items, answer scale, severity bands."""
    return [InstrumentRead.of(instrument) for instrument in INSTRUMENTS.values()]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
    dependencies=[RECORDING_HEALTH_DATA],
)
async def submit_response(
    body: ResponseCreate,
    user: AssessmentsWriter,
    service: AssessmentServiceDep,
    crisis: CrisisServiceDep,
) -> ResponseCreated:
    """Record a completed questionnaire; the total and its severity band come back.
    `safety_check` is true when PHQ-9 item 9 was answered above 0: the answer then counts in
    your crisis risk at once, and `crisis` carries crisis lines and your safety plan."""
    response = await service.submit(user, body)
    support = None
    if response.self_harm_answer:
        outcome = await crisis.assess_questionnaire(user)
        support = await crisis.support(user, outcome.incident) if outcome.incident else None
    return ResponseCreated(
        **ResponseRead.model_validate(response).model_dump(),
        safety_check=bool(response.self_harm_answer),
        crisis=support,
    )


@router.get("", responses=problem_responses(401, 422))
async def list_responses(
    user: AssessmentsReader,
    service: AssessmentServiceDep,
    instrument: Annotated[
        InstrumentId | None, Query(description="Only this questionnaire.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size.")] = 20,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
) -> ResponsePage:
    """Your completed questionnaires, newest first."""
    page = await service.list(user, limit=limit, instrument=instrument, cursor=cursor)
    return ResponsePage(
        items=[ResponseRead.model_validate(r) for r in page.responses],
        next_cursor=page.next_cursor,
    )


@router.get("/trend", responses=problem_responses(401, 422))
async def trend(
    user: AssessmentsReader,
    service: AssessmentServiceDep,
    instrument: Annotated[InstrumentId, Query(description="Which questionnaire.")],
) -> Trend:
    """How your totals on one questionnaire moved, and whether the latest change is large
    enough to count as better or worse."""
    return await service.trend(user, instrument)


@router.get("/{response_id}", responses=problem_responses(401, 404, 422))
async def read_response(
    response_id: uuid.UUID, user: AssessmentsReader, service: AssessmentServiceDep
) -> ResponseRead:
    """One of your questionnaire responses."""
    return ResponseRead.model_validate(await service.get(user, response_id))


@router.delete(
    "/{response_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def delete_response(
    response_id: uuid.UUID, user: AssessmentsWriter, service: AssessmentServiceDep
) -> None:
    """Delete a questionnaire response for good."""
    await service.delete(user, response_id)
