"""The dashboard: counts, averages, trend, streaks, emotions and sentiment over a period."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from statistics import fmean, median
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.analytics.repository import AnalyticsRepository
from mindtrack.analytics.schemas import CountedWord, Dashboard, DayScore, DaySentiment, TrendRead
from mindtrack.analytics.stats import streaks, trend
from mindtrack.kit.time import utcnow
from mindtrack.models import User

TOP_EMOTIONS = 10


class AnalyticsService:
    def __init__(self, session: AsyncSession) -> None:
        self.repository = AnalyticsRepository(session)

    async def dashboard(self, user: User, days: int, end: date | None = None) -> Dashboard:
        zone = ZoneInfo(user.timezone)
        today = utcnow().astimezone(zone).date()
        last = min(end or today, today)
        first = last - timedelta(days=days - 1)
        rows = await self.repository.entries(
            user.id, _midnight(first, zone), _midnight(last + timedelta(days=1), zone)
        )
        by_day: dict[date, list[int]] = defaultdict(list)
        valence: dict[date, list[float]] = defaultdict(list)
        chosen: Counter[str] = Counter()
        detected: Counter[str] = Counter()
        for recorded_at, score, emotions, day_valence, read in rows:
            day = recorded_at.astimezone(zone).date()
            by_day[day].append(score)
            chosen.update(emotions)
            if day_valence is not None:
                valence[day].append(day_valence)
                detected.update(read or [])
        daily = [
            DayScore(date=d, average=round(fmean(s), 2), entries=len(s))
            for d, s in sorted(by_day.items())
        ]
        scores = [s for day_scores in by_day.values() for s in day_scores]
        fitted = trend([(d.date, d.average) for d in daily])
        current, longest = streaks(set(by_day), last)
        return Dashboard(
            start=first,
            end=last,
            entries=len(scores),
            days_with_entries=len(by_day),
            average=round(fmean(scores), 2) if scores else None,
            median=float(median(scores)) if scores else None,
            trend=TrendRead(direction=fitted.direction, slope_per_week=fitted.slope_per_week, ci95=fitted.ci95, days=fitted.days) if fitted else None,
            current_streak=current,
            longest_streak=longest,
            best_day=max(daily, key=lambda d: (d.average, d.date), default=None),
            worst_day=min(daily, key=lambda d: (d.average, d.date), default=None),
            daily=daily,
            chosen_emotions=[CountedWord(word=w, count=c) for w, c in chosen.most_common(TOP_EMOTIONS)],
            detected_emotions=[CountedWord(word=w, count=c) for w, c in detected.most_common(TOP_EMOTIONS)],
            sentiment=[DaySentiment(date=d, valence=round(fmean(v), 3), notes=len(v)) for d, v in sorted(valence.items())],
        )  # fmt: skip


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)
