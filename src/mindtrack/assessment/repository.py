from __future__ import annotations

import uuid

from mindtrack.assessment.instruments import InstrumentId
from mindtrack.kit.pagination import Cursor
from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import QuestionnaireResponse

Row = QuestionnaireResponse


class ResponseRepository(OwnedRepository[QuestionnaireResponse]):
    model = QuestionnaireResponse

    async def page(
        self,
        user_id: uuid.UUID,
        *,
        limit: int,
        instrument: InstrumentId | None = None,
        after: Cursor | None = None,
    ) -> list[QuestionnaireResponse]:
        """Newest first; up to `limit` responses after the cursor."""
        statement = self.owned(user_id)
        if instrument is not None:
            statement = statement.where(Row.instrument == instrument.value)
        return await self.newest_first(statement, Row.completed_at, limit=limit, after=after)

    async def latest(
        self, user_id: uuid.UUID, instrument: InstrumentId, count: int
    ) -> list[QuestionnaireResponse]:
        """The `count` most recent responses to one instrument, oldest first."""
        newest = await self.page(user_id, limit=count, instrument=instrument)
        return newest[::-1]
