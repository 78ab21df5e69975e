"""Analysis of check-in notes: run the models, store the result, read it back."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import asdict

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.analysis.engine import AnalysisEngine, read_each
from mindtrack.analysis.exceptions import TextModelsFailedError
from mindtrack.analysis.repository import CheckinAnalysisRepository
from mindtrack.analysis.schemas import CheckinAnalysisRead, TextAnalysisRead
from mindtrack.kit.db import transaction
from mindtrack.kit.errors import NotFoundError, UnavailableError
from mindtrack.kit.time import utcnow
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.emotions import check_chosen
from mindtrack.ml.pipeline import TextAnalysis, TextAnalyzer
from mindtrack.ml.text import has_words
from mindtrack.models import CheckinAnalysis, MoodEntry, User
from mindtrack.mood.service import CreatedCheckin

ANALYSIS_OFF = "Text analysis is switched off on this server."

log = structlog.get_logger("mindtrack.analysis")


def intervention_required(level: str) -> bool:
    return RiskLevel.parse(level) >= RiskLevel.MODERATE


def to_read(result: TextAnalysis, chosen: list[str], versions: dict[str, str]) -> TextAnalysisRead:
    crisis = result.crisis
    return TextAnalysisRead.model_validate(
        {
            "sentiment": {**asdict(result.sentiment), "confidence": result.sentiment.confidence},
            "emotions": {"detected": result.emotions.labels, "scores": result.emotions.scores},
            "chosen_emotions": asdict(check_chosen(chosen, result.emotions)),
            "crisis": {
                **asdict(crisis),
                "intervention_required": intervention_required(crisis.level),
            },
            "themes": result.insights.themes,
            "key_phrases": result.insights.key_phrases,
            "energy": result.insights.energy,
            "has_text": result.has_text,
            "reliable": result.reliable,
            "models": versions,
        }
    )


def row_to_read(row: CheckinAnalysis) -> CheckinAnalysisRead:
    scores = row.sentiment_scores
    return CheckinAnalysisRead.model_validate(
        {
            "entry_id": row.entry_id,
            "analysed_at": row.analysed_at,
            "sentiment": {
                "label": row.sentiment,
                "scores": scores,
                "valence": row.valence,
                "confidence": scores[row.sentiment],
            },
            "emotions": {"detected": row.emotions, "scores": row.emotion_scores},
            "chosen_emotions": row.chosen_emotions,
            "crisis": {
                "level": row.risk_level,
                "score": row.risk_score,
                "model_probability": row.risk_model_probability,
                "evidence": row.risk_evidence,
                "intervention_required": intervention_required(row.risk_level),
            },
            "themes": row.themes,
            "key_phrases": row.key_phrases,
            "energy": row.energy,
            "has_text": True,
            "reliable": row.reliable,
            "models": row.model_versions,
        }
    )


class AnalysisService:
    def __init__(self, session: AsyncSession, engine: AnalysisEngine | None) -> None:
        self.session = session
        self.engine = engine
        self.analyses = CheckinAnalysisRepository(session)

    @property
    def enabled(self) -> bool:
        return self.engine is not None

    def _engine(self) -> AnalysisEngine:
        if self.engine is None:
            raise UnavailableError(ANALYSIS_OFF)
        return self.engine

    async def analyze_text(
        self, text: str, *, score: int | None = None, chosen: list[str] | None = None
    ) -> TextAnalysisRead:
        engine = self._engine()
        result = await engine.analyze(text, score)
        return to_read(result, chosen or [], engine.analyzer.versions.as_dict())

    async def analyze_checkin(
        self, entry: MoodEntry, *, new: bool = False
    ) -> CheckinAnalysis | None:
        """Analyses the entry's note and stores the result (replacing an earlier one, unless the
        check-in is `new`, created in this transaction). None when the note has no words (empty,
        emoji or punctuation only), analysis is switched off, or the models failed on the note:
        the check-in is kept all the same (its crisis patterns are still read, see
        `CrisisService.after_checkin`), and `mindtrack ml reanalyze` fills the analysis in."""
        if self.engine is None or not has_words(entry.notes or ""):
            if not new:
                await self._forget(entry)
            return None
        try:
            result = await self.engine.analyze(entry.notes or "", entry.score)
        except TextModelsFailedError:
            log.error("check-in kept without its analysis", entry_id=str(entry.id))
            if not new:
                await self._forget(entry)
            return None
        versions = self.engine.analyzer.versions.as_dict()
        return await self.store(entry, result, versions, new=new)

    async def store(
        self, entry: MoodEntry, result: TextAnalysis, versions: dict[str, str], *, new: bool = False
    ) -> CheckinAnalysis:
        # A check-in created in this transaction cannot have an analysis yet: no look-up.
        row = None if new else await self.analyses.for_entry(entry.user_id, entry.id)
        if row is None:
            row = CheckinAnalysis(id=uuid.uuid4(), entry_id=entry.id, user_id=entry.user_id)
            self.session.add(row)
        row.sentiment = result.sentiment.label
        row.sentiment_scores = result.sentiment.scores
        row.valence = result.sentiment.valence
        row.emotions = result.emotions.labels
        row.emotion_scores = result.emotions.scores
        row.risk_level = result.crisis.level
        row.risk_score = result.crisis.score
        row.risk_model_probability = result.crisis.model_probability
        row.risk_evidence = [asdict(e) for e in result.crisis.evidence]
        row.themes = result.insights.themes
        row.key_phrases = result.insights.key_phrases
        row.energy = result.insights.energy
        row.chosen_emotions = asdict(check_chosen(entry.emotions, result.emotions))
        row.reliable = result.reliable
        row.model_versions = versions
        row.analysed_at = utcnow()
        # Written with the transaction's next flush (the risk assessment's, or the commit):
        # every value the caller reads is set here.
        return row

    async def _forget(self, entry: MoodEntry) -> None:
        row = await self.analyses.for_entry(entry.user_id, entry.id)
        if row is not None:
            await self.analyses.delete(row)

    async def for_created(self, created: CreatedCheckin) -> CheckinAnalysisRead | None:
        """A new check-in's analysis, or, for a replayed one, the analysis stored the first
        time."""
        if not created.created:
            return await self.stored(created.entry)
        row = await self.analyze_checkin(created.entry, new=True)
        return None if row is None else row_to_read(row)

    async def stored(self, entry: MoodEntry) -> CheckinAnalysisRead | None:
        row = await self.analyses.for_entry(entry.user_id, entry.id)
        return None if row is None else row_to_read(row)

    async def for_checkin(self, user: User, entry_id: uuid.UUID) -> CheckinAnalysisRead:
        row = await self.analyses.for_entry(user.id, entry_id)
        if row is None:
            raise NotFoundError("This check-in has no analysis: it has no note, or does not exist.")
        return row_to_read(row)


async def reanalyze(
    factory: async_sessionmaker[AsyncSession],
    analyzer: TextAnalyzer,
    *,
    everything: bool = False,
    batch_size: int = 64,
) -> int:
    """Analyses every check-in note whose analysis is missing or was made by other model
    versions (all of them with `everything`), one committed batch at a time, so an interrupted
    run keeps its progress. A note the models fail on is logged (by id) and left for a later
    run. Returns how many were analysed."""
    versions = analyzer.versions.as_dict()
    done, after = 0, None
    while True:
        async with transaction(factory) as session:
            service = AnalysisService(session, None)
            page = await service.analyses.page_of_entries(after=after, limit=batch_size)
            if not page:
                return done
            after = page[-1][0].id
            todo = [
                entry
                for entry, analysis in page
                if entry.notes
                and (everything or analysis is None or analysis.model_versions != versions)
            ]
            notes = [entry.notes or "" for entry in todo]
            results = await asyncio.to_thread(
                read_each, analyzer, notes, [entry.score for entry in todo]
            )
            for entry, result in zip(todo, results, strict=True):
                if isinstance(result, TextModelsFailedError):
                    log.error("check-in left without its analysis", entry_id=str(entry.id))
                    continue
                await service.store(entry, result, versions)
                done += 1
