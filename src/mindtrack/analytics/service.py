"""The dashboard: counts, averages, trend, streaks, emotions and sentiment over a period."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.analytics.comparisons import EVERYONE, POPULATION_DAYS
from mindtrack.analytics.daily import SCORES
from mindtrack.analytics.insights import (
    dashboard_insights,
    needs_of,
    pattern_insights,
    recommendations,
)
from mindtrack.analytics.patterns import (
    Observation,
    change_points,
    find_patterns,
    unusual_days,
)
from mindtrack.analytics.repository import AnalyticsRepository
from mindtrack.analytics.schemas import (
    ChangePointRead,
    CountedWord,
    Dashboard,
    DayForecast,
    DayScore,
    DaySentiment,
    EffectRead,
    ForecastFactors,
    InsightRead,
    Insights,
    MoodForecastRead,
    Patterns,
    RecommendationRead,
    SeriesPoint,
    SourceRead,
    TimeSeries,
    TrendRead,
    UnusualDayRead,
)
from mindtrack.analytics.stats import (
    Bucket,
    DayTotals,
    daily_means,
    median_of_counts,
    series_points,
    streaks,
    trend,
)
from mindtrack.kit.time import utcnow
from mindtrack.ml.forecast import Prior, forecast_mood
from mindtrack.models import User

TOP_EMOTIONS = 10
# A forecast learns from at most this much of a person's history.
FORECAST_HISTORY_DAYS = 365
INSIGHT_DASHBOARD_DAYS = 30
INSIGHT_PATTERN_DAYS = 90


class Window:
    """A run of the person's own days, [first, last], and the instants that bound it."""

    def __init__(self, user: User, days: int, end: date | None, start: date | None = None) -> None:
        self.zone = ZoneInfo(user.timezone)
        today = utcnow().astimezone(self.zone).date()
        self.last = min(end or today, today)
        self.first = start if start is not None else self.last - timedelta(days=days - 1)
        self.since = _midnight(self.first, self.zone)
        self.until = _midnight(self.last + timedelta(days=1), self.zone)


class AnalyticsService:
    def __init__(self, session: AsyncSession) -> None:
        self.repository = AnalyticsRepository(session)

    async def dashboard(self, user: User, window: Window) -> Dashboard:
        first, last = window.first, window.last
        days = await self.repository.days(user.id, first, last)
        chosen: Counter[str] = Counter()
        detected: Counter[str] = Counter()
        counts = [0] * SCORES
        for d in days:
            chosen.update(d.chosen_emotions)
            detected.update(d.detected_emotions)
            counts = [a + b for a, b in zip(counts, d.score_counts, strict=True)]
        daily = [
            DayScore(date=d.day, average=round(d.score_sum / d.entries, 2), entries=d.entries)
            for d in days
        ]
        entries = sum(d.entries for d in days)
        fitted = trend([(d.date, d.average) for d in daily])
        current, longest = streaks({d.day for d in days}, last)
        return Dashboard(
            start=first,
            end=last,
            entries=entries,
            days_with_entries=len(days),
            average=round(sum(d.score_sum for d in days) / entries, 2) if entries else None,
            median=median_of_counts(counts),
            trend=TrendRead(direction=fitted.direction, slope_per_week=fitted.slope_per_week, ci95=fitted.ci95, days=fitted.days) if fitted else None,
            current_streak=current,
            longest_streak=longest,
            best_day=max(daily, key=lambda d: (d.average, d.date), default=None),
            worst_day=min(daily, key=lambda d: (d.average, d.date), default=None),
            daily=daily,
            chosen_emotions=_most_common(chosen),
            detected_emotions=_most_common(detected),
            sentiment=[DaySentiment(date=d.day, valence=round(d.valence_sum / d.valence_count, 3), notes=d.valence_count) for d in days if d.valence_count],
        )  # fmt: skip

    async def time_series(self, user: User, window: Window, bucket: Bucket) -> TimeSeries:
        days = await self.repository.days(user.id, window.first, window.last)
        totals = [DayTotals(d.day, d.entries, d.score_sum, d.score_min, d.score_max) for d in days]
        return TimeSeries(
            start=window.first,
            end=window.last,
            bucket=bucket,
            points=[SeriesPoint(**asdict(p)) for p in series_points(totals, bucket)],
        )

    async def patterns(self, user: User, window: Window) -> Patterns:
        rows = await self.repository.circumstances(user.id, window.since, window.until)
        observations = [
            Observation(
                at=row.recorded_at.astimezone(window.zone),
                score=float(row.score),
                activity=row.activity,
                location=row.location,
                weather=row.weather,
                sleep_hours=row.sleep_hours,
                tags=tuple(row.tags),
                themes=tuple(row.themes) if row.themes is not None else None,
            )
            for row in rows
        ]
        daily = daily_means([(o.at.date(), o.score) for o in observations])
        return Patterns(
            start=window.first,
            end=window.last,
            entries=len(observations),
            effects=[EffectRead(**_rounded(asdict(e))) for e in find_patterns(observations)],
            change_points=[ChangePointRead(**asdict(c)) for c in change_points(daily)],
            unusual_days=[UnusualDayRead(**asdict(u)) for u in unusual_days(daily)],
        )

    async def forecast(self, user: User, days: int) -> MoodForecastRead:
        window = Window(user, FORECAST_HISTORY_DAYS, None)
        summaries = await self.repository.days(user.id, window.first, window.last)
        history = [(d.day, d.score_sum / d.entries) for d in summaries]
        if not history:
            return MoodForecastRead(
                origin=window.last,
                days_with_scores=0,
                enough_data=False,
                message="Check in for a few days and a forecast of your mood will appear here.",
                forecasts=[],
            )
        result = forecast_mood(
            history, window.last, await self._prior(), horizons=range(1, days + 1)
        )
        return MoodForecastRead(
            origin=result.origin,
            days_with_scores=result.days_with_scores,
            enough_data=result.enough_data,
            message=None if result.enough_data else (
                f"Only {result.days_with_scores} day(s) of check-ins so far: this forecast leans "
                "on what is usual for most people, so its ranges are wide. It becomes your own "
                "after a week of check-ins."
            ),
            forecasts=[
                DayForecast(
                    date=f.target, horizon=f.horizon, forecast=f.value,
                    lo80=f.lo80, hi80=f.hi80, lo95=f.lo95, hi95=f.hi95,
                    factors=ForecastFactors(usual=f.usual, recent=f.recent, weekday=f.weekday),
                )
                for f in result.forecasts
            ],
        )  # fmt: skip

    async def insights(
        self, user: User, in_crisis: bool = False, dashboard: Dashboard | None = None
    ) -> Insights:
        """From the last 30 days' dashboard (pass it when already built) and the last 90
        days' patterns."""
        dashboard = dashboard or await self.dashboard(
            user, Window(user, INSIGHT_DASHBOARD_DAYS, None)
        )
        patterns = await self.patterns(user, Window(user, INSIGHT_PATTERN_DAYS, None))
        today = dashboard.end
        found = [*dashboard_insights(dashboard), *pattern_insights(patterns, today)]
        chosen = recommendations(needs_of(dashboard, patterns, today, in_crisis), patterns)
        return Insights(
            entries=patterns.entries,
            insights=[InsightRead(**asdict(i)) for i in found],
            recommendations=[
                RecommendationRead(
                    key=r.strategy.key if r.strategy else None,
                    title=r.strategy.title if r.strategy else None,
                    technique=r.strategy.technique if r.strategy else None,
                    text=r.text,
                    reason=r.reason,
                    source=SourceRead(**asdict(r.strategy.source)) if r.strategy else None,
                )
                for r in chosen
            ],
        )

    async def _prior(self) -> Prior:
        """What a new person's mood is expected to be: the latest population release's mean
        (already private, with noise), else a typical figure."""
        released = await self.repository.latest_release(EVERYONE, POPULATION_DAYS)
        if released is None or released.mean_average is None:
            return Prior()
        return Prior(mean=released.mean_average)


def _most_common(counts: Counter[str]) -> list[CountedWord]:
    """The most frequent words, ties in alphabetical order (the same on every database)."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_EMOTIONS]
    return [CountedWord(word=word, count=count) for word, count in ranked]


def _rounded(fields: dict[str, object], digits: int = 3) -> dict[str, object]:
    def rounded(value: object) -> object:
        if isinstance(value, float):
            return round(value, digits)
        if isinstance(value, tuple):
            return tuple(rounded(v) for v in value)
        return value

    return {name: rounded(value) for name, value in fields.items()}


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)
