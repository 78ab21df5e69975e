from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from pydantic import AwareDatetime

from mindtrack.analysis.dependencies import AnalysisServiceDep
from mindtrack.analysis.schemas import CreatedCheckinRead
from mindtrack.analysis.service import row_to_read
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.crisis.dependencies import CrisisServiceDep
from mindtrack.kit.problems import problem_responses
from mindtrack.mood.dependencies import CheckinsReader, CheckinsWriter, MoodServiceDep
from mindtrack.mood.schemas import (
    CheckinChanges,
    CheckinCreate,
    CheckinPage,
    CheckinRead,
    CheckinUpdate,
    DeletedCheckin,
    EmotionVocabulary,
)
from mindtrack.mood.vocabulary import EMOTION_VOCABULARY, MAX_EMOTION_LENGTH, MAX_EMOTIONS
from mindtrack.privacy.dependencies import RECORDING_HEALTH_DATA

router = APIRouter(prefix="/api/v1", tags=["check-ins"])


@router.post(
    "/checkins",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {
            "model": CreatedCheckinRead,
            "description": "The same `id` was posted before: that check-in",
        },
        **problem_responses(401, 403, 409, 410, 422),
    },
    dependencies=[RECORDING_HEALTH_DATA],
)
async def create_checkin(
    body: CheckinCreate,
    user: CheckinsWriter,
    service: MoodServiceDep,
    analysis: AnalysisServiceDep,
    crisis: CrisisServiceDep,
    response: Response,
) -> CreatedCheckinRead:
    """Record how you feel. A note is analysed at once (`analysis`), and the check-in is
    assessed for crisis risk: when it signals a crisis, `crisis` carries crisis lines and your
    safety plan, and your trusted contacts may be alerted (see the crisis docs). Retrying with
    the same `id` returns the first check-in."""
    result = await service.create(user, body)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    analysed = await analysis.for_created(result)
    if result.created:
        support = await crisis.after_checkin(user, result.entry, analysed)
    else:
        support = await crisis.support_for_replay(user, result.entry)
    return CreatedCheckinRead(
        **CheckinRead.model_validate(result.entry).model_dump(), analysis=analysed, crisis=support
    )


@router.get("/checkins", responses=problem_responses(401, 422))
async def list_checkins(
    user: CheckinsReader,
    service: MoodServiceDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size.")] = 20,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
    start: Annotated[
        AwareDatetime | None, Query(alias="from", description="Recorded at or after (ISO-8601).")
    ] = None,
    end: Annotated[
        AwareDatetime | None, Query(alias="to", description="Recorded before (ISO-8601).")
    ] = None,
) -> CheckinPage:
    """Your check-ins, newest first, a page at a time."""
    page = await service.list(user, limit=limit, cursor=cursor, start=start, end=end)
    return CheckinPage(
        items=[CheckinRead.model_validate(entry) for entry in page.entries],
        next_cursor=page.next_cursor,
    )


@router.get("/checkins/changes", responses=problem_responses(401, 422))
async def checkin_changes(
    user: CheckinsReader,
    service: MoodServiceDep,
    since: Annotated[AwareDatetime, Query(description="`server_time` of your last sync.")],
) -> CheckinChanges:
    """Check-ins created, edited or deleted since a moment, for syncing a device."""
    delta = await service.changes_since(user, since)
    return CheckinChanges(
        changed=[CheckinRead.model_validate(entry) for entry in delta.changed],
        deleted=[DeletedCheckin(id=t.entry_id, deleted_at=t.deleted_at) for t in delta.deleted],
        server_time=delta.server_time,
    )


@router.get("/checkins/{checkin_id}", responses=problem_responses(401, 404, 422))
async def read_checkin(
    checkin_id: uuid.UUID, user: CheckinsReader, service: MoodServiceDep
) -> CheckinRead:
    """One of your check-ins."""
    return CheckinRead.model_validate(await service.get(user, checkin_id))


@router.patch(
    "/checkins/{checkin_id}",
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[RECORDING_HEALTH_DATA],
)
async def update_checkin(
    checkin_id: uuid.UUID,
    body: CheckinUpdate,
    user: CheckinsWriter,
    service: MoodServiceDep,
    analysis: AnalysisServiceDep,
    crisis: CrisisServiceDep,
) -> CheckinRead:
    """Change a check-in; fields you leave out stay as they are. A changed note is analysed
    again."""
    entry = await service.update(user, checkin_id, body)
    if body.model_fields_set & {"notes", "emotions", "score"}:
        row = await analysis.analyze_checkin(entry)
        await crisis.after_checkin(user, entry, row_to_read(row) if row else None)
    return CheckinRead.model_validate(entry)


@router.delete(
    "/checkins/{checkin_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def delete_checkin(
    checkin_id: uuid.UUID, user: CheckinsWriter, service: MoodServiceDep
) -> None:
    """Delete a check-in for good. Other devices learn of it through `/checkins/changes`."""
    await service.delete(user, checkin_id)


@router.get("/emotions", dependencies=[Depends(public(Resource.REFERENCE, Action.READ))])
async def emotion_vocabulary() -> EmotionVocabulary:
    """The emotion words MindTrack knows. Other words are kept as your own."""
    return EmotionVocabulary(
        emotions=list(EMOTION_VOCABULARY),
        max_per_checkin=MAX_EMOTIONS,
        max_length=MAX_EMOTION_LENGTH,
    )
