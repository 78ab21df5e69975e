"""Scoring, history and trend of a person's questionnaires."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.assessment.exceptions import ResponseNotFoundError
from mindtrack.assessment.instruments import INSTRUMENTS, InstrumentId, self_harm_answer
from mindtrack.assessment.repository import ResponseRepository
from mindtrack.assessment.schemas import ResponseCreate, Trend, TrendPoint
from mindtrack.kit.pagination import Cursor, page_of
from mindtrack.kit.time import utcnow
from mindtrack.models import QuestionnaireResponse, User

TREND_POINTS = 52  # a year of weekly questionnaires


@dataclass(frozen=True, slots=True)
class ResponseSlice:
    responses: list[QuestionnaireResponse]
    next_cursor: str | None


class AssessmentService:
    def __init__(self, session: AsyncSession) -> None:
        self.responses = ResponseRepository(session)

    async def submit(self, user: User, data: ResponseCreate) -> QuestionnaireResponse:
        instrument = INSTRUMENTS[data.instrument]
        total = instrument.total(data.answers)
        now = utcnow()
        response = QuestionnaireResponse(
            id=uuid.uuid4(),
            user_id=user.id,
            instrument=instrument.id.value,
            answers=list(data.answers),
            total=total,
            severity=instrument.severity(total),
            self_harm_answer=self_harm_answer(instrument.id, data.answers),
            completed_at=data.completed_at or now,
            created_at=now,
            updated_at=now,
        )
        return await self.responses.add(response)

    async def get(self, user: User, response_id: uuid.UUID) -> QuestionnaireResponse:
        return await self.responses.require_owned(user.id, response_id, ResponseNotFoundError)

    async def list(
        self, user: User, *, limit: int, instrument: InstrumentId | None, cursor: str | None
    ) -> ResponseSlice:
        after = Cursor.decode(cursor) if cursor else None
        rows = await self.responses.page(
            user.id, limit=limit + 1, instrument=instrument, after=after
        )
        return ResponseSlice(*page_of(rows, limit, lambda r: Cursor(r.completed_at, r.id)))

    async def delete(self, user: User, response_id: uuid.UUID) -> None:
        await self.responses.delete(await self.get(user, response_id))

    async def trend(self, user: User, instrument_id: InstrumentId) -> Trend:
        instrument = INSTRUMENTS[instrument_id]
        rows = await self.responses.latest(user.id, instrument_id, TREND_POINTS)
        totals = [r.total for r in rows]
        previous = totals[-1] - totals[-2] if len(totals) > 1 else None
        return Trend(
            instrument=instrument_id,
            points=[TrendPoint(completed_at=r.completed_at, total=r.total, severity=r.severity) for r in rows],
            change_from_previous=previous,
            change_from_first=totals[-1] - totals[0] if len(totals) > 1 else None,
            direction=None if previous is None else _direction(previous, instrument.meaningful_change),
            meaningful_change=instrument.meaningful_change,
        )  # fmt: skip


def _direction(change: int, meaningful: int) -> str:
    # Higher totals mean more symptoms.
    if change <= -meaningful:
        return "better"
    if change >= meaningful:
        return "worse"
    return "no clear change"
