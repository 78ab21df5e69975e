"""Conversations with the companion: every message read by the text models, risk handled
by the crisis domain as for a check-in, and replies from the offline dialogue policy."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.analysis.engine import AnalysisEngine
from mindtrack.analysis.exceptions import TextModelsFailedError
from mindtrack.analysis.recommendations import crisis_lines
from mindtrack.analytics.service import AnalyticsService, Window
from mindtrack.companion.dialogue import (
    Message,
    MoodContext,
    Reply,
    SafetyContext,
    feeling_of,
    reply_to,
)
from mindtrack.companion.exceptions import CompanionUnavailableError, ConversationNotFoundError
from mindtrack.companion.llm import ChatCompletionsClient, LLMError, mood_summary, rejection
from mindtrack.companion.llm import Turn as ModelTurn
from mindtrack.companion.repository import ConversationRepository
from mindtrack.config import Settings
from mindtrack.crisis.incidents import CrisisService, TextSignal, country_of
from mindtrack.crisis.repository import SafetyPlanRepository
from mindtrack.crisis.resources import FRONTEND_COUNTRY, catalogue
from mindtrack.crisis.schemas import CrisisSupport
from mindtrack.crisis.service import plan_read
from mindtrack.kit.time import utcnow
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import assess_patterns_only
from mindtrack.ml.pipeline import TextAnalysis, patterns_only
from mindtrack.models import Conversation, ConversationMessage, User

# The check-ins a reply knows of: the last two weeks.
MOOD_DAYS = 14
OFFLINE, LLM = "offline", "llm"


@dataclass(frozen=True, slots=True)
class Turn:
    conversation: Conversation
    reply: Reply
    message: ConversationMessage
    moods_known: int
    risk_level: str
    crisis: CrisisSupport | None
    engine: str


@dataclass(frozen=True, slots=True)
class Answer:
    reply: Reply
    engine: str
    fallback: str | None = None  # why the language model's answer was not used


class CompanionService:
    def __init__(
        self,
        session: AsyncSession,
        engine: AnalysisEngine | None,
        settings: Settings,
        llm: ChatCompletionsClient | None = None,
    ) -> None:
        self.session = session
        self.engine = engine
        self.llm = llm
        self.conversations = ConversationRepository(session)
        self.crisis = CrisisService(session, settings)
        self.analytics = AnalyticsService(session)

    async def conversation(self, user: User, conversation_id: uuid.UUID) -> Conversation:
        found = await self.conversations.owned(user.id, conversation_id)
        if found is None:
            raise ConversationNotFoundError()
        return found

    async def messages(self, conversation: Conversation) -> list[ConversationMessage]:
        return list(await self.conversations.messages(conversation.id))

    async def delete(self, user: User, conversation_id: uuid.UUID) -> None:
        await self.conversations.delete(await self.conversation(user, conversation_id))

    async def chat(
        self, user: User, text: str, conversation_id: uuid.UUID | None, channel: str = "text"
    ) -> Turn:
        """Answers one message, in a conversation of the person's (a new one without an id)."""
        if self.engine is None:
            raise CompanionUnavailableError()
        conversation = await self.conversation(user, conversation_id) if conversation_id else None
        try:
            analysis = await self.engine.analyze(text)
        except TextModelsFailedError:
            # The crisis patterns still read the message: a risky one still gets help.
            analysis = patterns_only(text, has_text=True)
        if conversation is None:
            conversation = Conversation(user_id=user.id, channel=channel)
            await self.conversations.add(conversation)
        support = await self._crisis(user, analysis)
        mood = await self._mood(user)
        safety = await self._safety(user, analysis)
        answer = await self._answer(conversation, text, analysis, mood, safety)
        reply = answer.reply
        now = utcnow()
        await self.conversations.add(
            ConversationMessage(
                conversation_id=conversation.id, user_id=user.id, role="user", content=text, at=now,
                details={
                    "emotions": analysis.emotions.labels, "sentiment": analysis.sentiment.label,
                    "risk_level": analysis.crisis.level, "themes": analysis.insights.themes,
                },
            )
        )  # fmt: skip
        stored = ConversationMessage(
            conversation_id=conversation.id, user_id=user.id, role="assistant",
            content=reply.content, at=utcnow(),
            details={
                "engine": answer.engine, "fallback": answer.fallback, "tone": reply.tone,
                "technique": reply.technique, "phrases": reply.phrases,
                "intervention_required": reply.intervention_required,
            },
        )  # fmt: skip
        await self.conversations.add(stored)
        conversation.updated_at = stored.at
        return Turn(
            conversation,
            reply,
            stored,
            mood.data_points,
            analysis.crisis.level,
            support,
            answer.engine,
        )

    async def _crisis(self, user: User, analysis: TextAnalysis) -> CrisisSupport | None:
        return await self.crisis.after_message(user, TextSignal.of(analysis.crisis))

    async def _mood(self, user: User) -> MoodContext:
        dashboard = await self.analytics.dashboard(user, Window(user, MOOD_DAYS, None))
        latest = dashboard.daily[-1].average if dashboard.daily else None
        return MoodContext(
            data_points=dashboard.entries,
            average=dashboard.average,
            trend=dashboard.trend.direction if dashboard.trend else None,
            latest=round(latest) if latest is not None else None,
        )

    async def _safety(self, user: User, analysis: TextAnalysis) -> SafetyContext:
        """Whom to call, and — for a risky message, whether or not it opened an incident —
        the first steps of the person's own safety plan."""
        country = country_of(user) or FRONTEND_COUNTRY
        lines = catalogue().countries.get(country)
        steps: list[str] = []
        plan = None
        if analysis.crisis.risk >= RiskLevel.MODERATE:
            plan = await SafetyPlanRepository(self.session).latest(user.id)
        if plan is not None:
            sections = plan_read(plan)
            steps = [
                *sections.internal_coping_strategies,
                *(f"reach out to {p.name}" for p in sections.people_to_ask_for_help),
            ]
        return SafetyContext(
            crisis_lines=crisis_lines(country),
            emergency=lines.emergency if lines else "your local emergency number",
            plan_steps=steps,
        )

    async def _answer(
        self,
        conversation: Conversation,
        text: str,
        analysis: TextAnalysis,
        mood: MoodContext,
        safety: SafetyContext,
    ) -> Answer:
        """The offline engine's reply, or the language model's when one is configured, the
        turn is below the crisis threshold and its answer passes every check."""
        earlier = await self.conversations.recent_replies(conversation.id)
        message = Message(
            emotions=analysis.emotions.labels,
            sentiment=analysis.sentiment.label,
            valence=analysis.sentiment.valence,
            crisis_level=analysis.crisis.level,
            themes=analysis.insights.themes,
        )
        offline = self._offline(conversation, message, mood, safety, earlier)
        if self.llm is None or offline.intervention_required:
            return Answer(offline, OFFLINE)
        history = [
            ModelTurn(m.role, m.content) for m in await self.conversations.messages(conversation.id)
        ]
        try:
            content = await self.llm.reply(
                [*history, ModelTurn("user", text)], mood_summary(mood, feeling_of(message))
            )
        except LLMError as exc:
            return Answer(offline, OFFLINE, f"language model failed: {exc}")
        problem = rejection(content, earlier[0].content if earlier else None)
        # The crisis patterns, not the learned heads: those read first-person journal notes,
        # and a reply is neither.
        if problem is None and assess_patterns_only(content).risk >= RiskLevel.MODERATE:
            problem = "speaks of risk"
        if problem is not None:
            return Answer(offline, OFFLINE, f"language model reply refused: {problem}")
        reply = Reply(
            content, "supportive", None, offline.mood_aware, False, offline.recommendations
        )
        return Answer(reply, LLM)

    def _offline(
        self,
        conversation: Conversation,
        message: Message,
        mood: MoodContext,
        safety: SafetyContext,
        earlier: Sequence[ConversationMessage],
    ) -> Reply:
        used = [key for m in earlier for key in m.details.get("phrases", [])]
        recent = [str(m.details["technique"]) for m in earlier[:2] if m.details.get("technique")]
        previous = earlier[0].content if earlier else None
        for attempt in range(3):  # a reply never repeats the one before it word for word
            seed = f"{conversation.id}|{len(earlier)}|{attempt}"
            reply = reply_to(message, mood, safety, used, recent, seed=seed)
            if reply.content != previous:
                break
        return reply
