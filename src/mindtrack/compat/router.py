"""Routes of the existing web frontend (see docs/frontend.md). Where the frontend's shape is
the canonical one, the /api/v1 endpoint function itself is mounted here again."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from mindtrack.analysis.dependencies import AnalysisServiceDep
from mindtrack.analysis.frontend import (
    FRONTEND_RISK,
    Sentiment,
    energy_from,
    risk_indicators,
    risk_level,
    sentiment_from_score,
)
from mindtrack.analysis.recommendations import crisis_lines, recommendations
from mindtrack.analysis.schemas import CheckinAnalysisRead
from mindtrack.analytics.dependencies import AnalyticsReader, AnalyticsServiceDep
from mindtrack.analytics.insights import summary_insights
from mindtrack.analytics.schemas import Dashboard
from mindtrack.analytics.service import Window
from mindtrack.auth import router as auth_routes
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.auth.throttle import ai_analysis_budget
from mindtrack.companion.dependencies import CompanionServiceDep, ConversationsWriter
from mindtrack.companion.exceptions import ConversationNotFoundError
from mindtrack.compat.schemas import (
    AnalyticsSummary,
    ChatContent,
    ChatRequest,
    ChatResponse,
    CountedEmotion,
    CrisisAssessment,
    FrontendAnalysis,
    FrontendRecommendations,
    HistoryEntry,
    MoodAnalysis,
    MoodHistory,
    MoodInsightCount,
    MoodInsights,
    TrackedMood,
    VoiceChatRequest,
    VoiceChatResponse,
    VoiceResponse,
    VoiceText,
)
from mindtrack.crisis.dependencies import CrisisServiceDep
from mindtrack.crisis.incidents import country_of
from mindtrack.crisis.resources import FRONTEND_COUNTRY, crisis_resources
from mindtrack.crisis.schemas import CrisisResources, CrisisSupport
from mindtrack.kit.problems import problem_responses
from mindtrack.kit.time import utcnow
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.mood.dependencies import CheckinsReader, CheckinsWriter, MoodServiceDep
from mindtrack.mood.schemas import CheckinCreate, CheckinRead
from mindtrack.privacy.dependencies import AI_READS_WHAT_YOU_WRITE, RECORDING_HEALTH_DATA
from mindtrack.user import router as user_routes

router = APIRouter(prefix="/api", tags=["frontend"])
# The old backend's window for the dashboard summary.
SUMMARY_DAYS = 30

router.add_api_route(
    "/auth/register",
    auth_routes.register,
    methods=["POST"],
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422, 429),
    dependencies=auth_routes.REGISTRATION,
    summary="Register (frontend)",
)
router.add_api_route(
    "/auth/login",
    auth_routes.login,
    methods=["POST"],
    responses=problem_responses(401, 403, 422, 429),
    dependencies=auth_routes.SIGN_IN,
    summary="Login (frontend)",
)
router.add_api_route(
    "/auth/me",
    user_routes.read_me,
    methods=["GET"],
    responses=problem_responses(401),
    summary="Who am I (frontend)",
)


async def track_mood(
    body: CheckinCreate,
    user: CheckinsWriter,
    service: MoodServiceDep,
    analysis: AnalysisServiceDep,
    crisis: CrisisServiceDep,
    response: Response,
) -> TrackedMood:
    """Record a check-in from the web frontend's mood form and return its analysis. The
    check-in is assessed for crisis risk as any other (incident, trusted contacts)."""
    result = await service.create(user, body)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    analysed = await analysis.for_created(result)
    if result.created:
        support = await crisis.after_checkin(user, result.entry, analysed)
    else:
        support = await crisis.support_for_replay(user, result.entry)
    entry = result.entry
    level = shown_risk(analysed, support)
    flat = frontend_analysis(analysed, entry.score, entry.energy, level)
    return TrackedMood(
        mood_entry=CheckinRead.model_validate(entry),
        complete_ai_analysis=flat,
        analysis=flat,
        recommendations=recommendations(
            analysed, entry.score, flat.energy_level, level, country_of(user) or FRONTEND_COUNTRY
        ),
        intervention_triggered=flat.intervention_required,
        ai_powered=analysis.enabled,
    )


for _path in ("/mood/track-complete", "/mood/track"):
    router.add_api_route(
        _path,
        track_mood,
        methods=["POST"],
        status_code=status.HTTP_201_CREATED,
        responses=problem_responses(401, 403, 409, 410, 422),
        dependencies=[RECORDING_HEALTH_DATA],
        summary="Record a check-in with its analysis (frontend)",
    )


def shown_risk(analysed: CheckinAnalysisRead | None, support: CrisisSupport | None) -> RiskLevel:
    """The note's risk, raised to the assessment's when the check-in opened or updated a
    crisis incident: the frontend shows its crisis banner whenever the service reached out
    (several very low days, a PHQ-9 answer, or a note only the crisis patterns could read)."""
    level = risk_level(analysed)
    return max(level, RiskLevel.parse(support.level)) if support else level


def frontend_analysis(
    analysed: CheckinAnalysisRead | None, score: int, energy: int | None, level: RiskLevel
) -> FrontendAnalysis:
    sentiment: Sentiment
    if analysed is not None:
        sentiment, confidence = analysed.sentiment.label, analysed.sentiment.confidence
    else:
        sentiment, confidence = sentiment_from_score(score)
    return FrontendAnalysis(
        sentiment=sentiment,
        sentiment_confidence=round(confidence, 2),
        energy_level=energy_from(analysed, energy, score),
        risk_level=FRONTEND_RISK[level.label],
        risk_indicators=risk_indicators(analysed, score),
        intervention_required=level >= RiskLevel.MODERATE,
        emotions_detected=analysed.emotions.detected if analysed else [],
        themes=analysed.themes if analysed else [],
        models_used=analysed.models if analysed else {},
    )


@router.get("/mood/history", responses=problem_responses(401, 422))
async def mood_history(
    user: CheckinsReader,
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


@router.get("/analytics/summary", responses=problem_responses(401, 422))
async def analytics_summary(
    user: AnalyticsReader,
    analytics: AnalyticsServiceDep,
    crisis: CrisisServiceDep,
    days: Annotated[int, Query(ge=1, le=365)] = SUMMARY_DAYS,
) -> AnalyticsSummary:
    """The dashboard's summary: entries, average, trend, crisis incidents and insights."""
    dashboard = await analytics.dashboard(user, Window(user, days, None))
    return AnalyticsSummary(
        total_entries=dashboard.entries,
        average_score=round(dashboard.average or 0.0, 1),
        mood_trend=frontend_trend(dashboard),
        crisis_incidents=await crisis.incidents_since(user, utcnow() - timedelta(days=days)),
        ai_insights=summary_insights(dashboard),
        date_range=f"Last {days} days",
        most_common_emotions=[
            CountedEmotion(emotion=e.word, count=e.count) for e in dashboard.chosen_emotions[:5]
        ],
        generated_at=utcnow(),
    )


def frontend_trend(dashboard: Dashboard) -> str:
    if dashboard.trend is not None:
        return dashboard.trend.direction
    return "no_data" if dashboard.entries == 0 else "insufficient_data"


NO_HISTORY_INSIGHT = "Start tracking your mood to unlock AI-powered insights!"
NO_HISTORY_RECOMMENDATION = (
    "Check in once a day for a week: suggestions that fit your own patterns will appear here."
)


@router.get("/ai/mood-insights", responses=problem_responses(401), response_model_exclude_none=True)
async def mood_insights(
    user: AnalyticsReader, analytics: AnalyticsServiceDep, crisis: CrisisServiceDep
) -> MoodInsights:
    """The "AI Insights" widget: statements your figures support, and the last 30 days."""
    dashboard = await analytics.dashboard(user, Window(user, SUMMARY_DAYS, None))
    in_crisis = await crisis.has_open_incident(user)
    found = await analytics.insights(user, in_crisis, dashboard)
    has_history = dashboard.entries > 0
    return MoodInsights(
        insights=[i.text for i in found.insights] if found.entries else [NO_HISTORY_INSIGHT],
        mood_analysis=MoodAnalysis(
            average_score=round(dashboard.average or 0.0, 1),
            trend=frontend_trend(dashboard),
            data_points=dashboard.entries,
        )
        if has_history
        else None,
        data_points=found.entries,
        data_available=found.entries > 0,
        generated_at=utcnow(),
    )


@router.get("/ai/recommendations", responses=problem_responses(401))
async def ai_recommendations(
    user: AnalyticsReader, analytics: AnalyticsServiceDep, crisis: CrisisServiceDep
) -> FrontendRecommendations:
    """The "AI Recommendations" list: crisis lines first during a crisis, then coping
    strategies chosen from your patterns and how you have been lately."""
    in_crisis = await crisis.has_open_incident(user)
    found = await analytics.insights(user, in_crisis=in_crisis)
    lines = [r.text for r in found.recommendations]
    if in_crisis:
        lines.insert(0, crisis_lines(country_of(user) or FRONTEND_COUNTRY))
    return FrontendRecommendations(
        recommendations=lines or ([] if found.entries else [NO_HISTORY_RECOMMENDATION]),
        data_points=found.entries,
        generated_at=utcnow(),
    )


def _conversation_id(value: str | None) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ConversationNotFoundError() from None


@router.post(
    "/ai/chat",
    responses=problem_responses(401, 403, 404, 422, 429, 503),
    dependencies=[Depends(ai_analysis_budget), AI_READS_WHAT_YOU_WRITE],
)
async def ai_chat(
    body: ChatRequest, user: ConversationsWriter, companion: CompanionServiceDep
) -> ChatResponse:
    """The dashboard's chat drawer: the companion's reply to a typed message (see
    /api/v1/conversations)."""
    turn = await companion.chat(user, body.message, _conversation_id(body.conversation_id))
    return ChatResponse(
        response=ChatContent(
            content=turn.reply.content, mood_aware=turn.reply.mood_aware,
            tone=turn.reply.tone, source=turn.engine,
        ),
        conversation_id=str(turn.conversation.id),
        recommendations=turn.reply.recommendations,
        mood_insights=MoodInsightCount(data_points=turn.moods_known),
        crisis_assessment=CrisisAssessment(
            intervention_required=turn.reply.intervention_required, risk_level=turn.risk_level
        ),
        timestamp=utcnow(),
    )  # fmt: skip


@router.post(
    "/ai/voice-chat",
    responses=problem_responses(401, 403, 404, 422, 429, 503),
    dependencies=[Depends(ai_analysis_budget), AI_READS_WHAT_YOU_WRITE],
)
async def ai_voice_chat(
    body: VoiceChatRequest, user: ConversationsWriter, companion: CompanionServiceDep
) -> VoiceChatResponse:
    """The chat drawer's spoken messages: the same companion, the reply as text to speak."""
    turn = await companion.chat(
        user, body.transcript, _conversation_id(body.conversation_id), channel="voice"
    )
    return VoiceChatResponse(
        text_response=VoiceText(content=turn.reply.content, tone=turn.reply.tone),
        voice_response=VoiceResponse(speech_text=turn.reply.content, voice_available=False),
        conversation_id=str(turn.conversation.id),
        recommendations=turn.reply.recommendations,
        mood_insights=MoodInsightCount(data_points=turn.moods_known),
        crisis_assessment=CrisisAssessment(
            intervention_required=turn.reply.intervention_required, risk_level=turn.risk_level
        ),
        timestamp=utcnow(),
    )


@router.get(
    "/crisis/resources",
    tags=["crisis"],
    dependencies=[Depends(public(Resource.CRISIS_LINES, Action.READ))],
)
async def crisis_resources_for_frontend() -> CrisisResources:
    """Crisis lines to call or text now, and the steps of a safety plan. No sign-in needed."""
    return crisis_resources()
