"""Routes of the existing web frontend (see docs/frontend.md). Where the frontend's shape is
the canonical one, the /api/v1 endpoint function itself is mounted here again."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mindtrack.auth import router as auth_routes
from mindtrack.auth.dependencies import CurrentUser
from mindtrack.compat.schemas import HistoryEntry, MoodHistory, TrackedMood
from mindtrack.crisis.resources import crisis_resources
from mindtrack.crisis.schemas import CrisisResources
from mindtrack.kit.problems import problem_responses
from mindtrack.kit.time import utcnow
from mindtrack.mood.dependencies import MoodServiceDep
from mindtrack.mood.schemas import CheckinCreate, CheckinRead
from mindtrack.user import router as user_routes

router = APIRouter(prefix="/api", tags=["frontend"])

router.add_api_route(
    "/auth/register",
    auth_routes.register,
    methods=["POST"],
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
    summary="Register (frontend)",
)
router.add_api_route(
    "/auth/login",
    auth_routes.login,
    methods=["POST"],
    responses=problem_responses(401, 403, 422),
    summary="Login (frontend)",
)
router.add_api_route(
    "/auth/me",
    user_routes.read_me,
    methods=["GET"],
    responses=problem_responses(401),
    summary="Who am I (frontend)",
)


@router.post(
    "/mood/track",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 409, 410, 422),
)
async def track_mood(
    body: CheckinCreate, user: CurrentUser, service: MoodServiceDep, response: Response
) -> TrackedMood:
    """Record a check-in from the web frontend's mood form."""
    result = await service.create(user, body)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return TrackedMood(mood_entry=CheckinRead.model_validate(result.entry))


@router.get("/mood/history", responses=problem_responses(401, 422))
async def mood_history(
    user: CurrentUser,
    service: MoodServiceDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> MoodHistory:
    """Your latest check-ins, newest first, for the dashboard."""
    page = await service.list(user, limit=limit)
    return MoodHistory(
        entries=[
            HistoryEntry(
                id=entry.id,
                score=entry.score,
                emotions=entry.emotions,
                created_at=entry.recorded_at,
                recorded_at=entry.recorded_at,
                notes=entry.notes,
                activity=entry.activity,
                location=entry.location,
                weather=entry.weather,
            )
            for entry in page.entries
        ],
        fetched_at=utcnow(),
    )


@router.get("/crisis/resources", tags=["crisis"])
async def crisis_resources_for_frontend() -> CrisisResources:
    """Crisis lines to call or text now, and the steps of a safety plan. No sign-in needed."""
    return crisis_resources()
