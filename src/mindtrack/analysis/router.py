from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends

from mindtrack.analysis.dependencies import AnalysisServiceDep, TextAnalysisWriter
from mindtrack.analysis.schemas import CheckinAnalysisRead, TextAnalysisRead, TextAnalysisRequest
from mindtrack.auth.throttle import ai_analysis_budget
from mindtrack.kit.problems import problem_responses
from mindtrack.mood.dependencies import CheckinsReader
from mindtrack.privacy.dependencies import AI_READS_WHAT_YOU_WRITE

router = APIRouter(prefix="/api/v1", tags=["analysis"])


@router.post(
    "/analysis/text",
    responses=problem_responses(401, 403, 422, 429, 503),
    dependencies=[Depends(ai_analysis_budget), AI_READS_WHAT_YOU_WRITE],
)
async def analyze_text(
    body: TextAnalysisRequest, user: TextAnalysisWriter, service: AnalysisServiceDep
) -> TextAnalysisRead:
    """Analyse a text without storing it: sentiment, emotions, crisis-risk signals with the
    words behind them, life-area themes and key phrases."""
    return await service.analyze_text(body.text, score=body.score, chosen=body.emotions)


@router.get("/checkins/{checkin_id}/analysis", responses=problem_responses(401, 404, 422))
async def checkin_analysis(
    checkin_id: uuid.UUID, user: CheckinsReader, service: AnalysisServiceDep
) -> CheckinAnalysisRead:
    """What the text models found in one of your check-in notes."""
    return await service.for_checkin(user, checkin_id)
