from __future__ import annotations

import uuid

from sqlalchemy import select

from mindtrack.kit.repository import OwnedRepository
from mindtrack.models import CheckinAnalysis, Consent, ConsentPurpose, MoodEntry


class CheckinAnalysisRepository(OwnedRepository[CheckinAnalysis]):
    model = CheckinAnalysis

    async def for_entry(self, user_id: uuid.UUID, entry_id: uuid.UUID) -> CheckinAnalysis | None:
        return await self.first(self.owned(user_id).where(CheckinAnalysis.entry_id == entry_id))

    async def page_of_entries(
        self, *, after: uuid.UUID | None, limit: int
    ) -> list[tuple[MoodEntry, CheckinAnalysis | None]]:
        """Check-ins with a note (sealed, so possibly empty) by people who consent to AI
        analysis, in id order from `after`, each with its analysis if any."""
        consenting = select(Consent.user_id).where(
            Consent.purpose == ConsentPurpose.AI_ANALYSIS, Consent.granted.is_(True)
        )
        statement = (
            select(MoodEntry, CheckinAnalysis)
            .outerjoin(CheckinAnalysis, CheckinAnalysis.entry_id == MoodEntry.id)
            .where(MoodEntry.notes.is_not(None), MoodEntry.user_id.in_(consenting))
            .order_by(MoodEntry.id)
            .limit(limit)
        )
        if after is not None:
            statement = statement.where(MoodEntry.id > after)
        return [
            (entry, analysis) for entry, analysis in (await self.session.execute(statement)).all()
        ]
