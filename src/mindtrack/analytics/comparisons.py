"""Population comparisons: today's differentially private releases, made once a day, and
one person's figures beside them. Only people who opted in are counted or shown anything."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from statistics import fmean
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mindtrack.analytics.daily import rebuild_recent
from mindtrack.analytics.population import Member, Release, release, share_below
from mindtrack.analytics.repository import AnalyticsRepository
from mindtrack.analytics.schemas import CohortComparison, PopulationComparison, YourFigures
from mindtrack.analytics.stats import TREND_MIN_DAYS, daily_means, trend
from mindtrack.config import AnalyticsSettings
from mindtrack.kit.db import transaction
from mindtrack.kit.errors import ForbiddenError
from mindtrack.kit.locale import country_of_locale
from mindtrack.kit.time import utcnow
from mindtrack.models import PopulationSnapshot, User

log = structlog.get_logger("mindtrack.analytics")

POPULATION_DAYS = 30
# Releases older than this are not shown: a comparison should describe the present.
STALE_AFTER = timedelta(days=7)
# The nightly refresh re-sums the days of everyone whose check-ins changed this recently.
RECENT_CHANGES = timedelta(days=2)
EVERYONE = "everyone"


def window_ending(day: date) -> tuple[datetime, datetime]:
    """The 30 whole days before `day` (UTC midnights), which a release on `day` covers."""
    end = datetime.combine(day, time(), ZoneInfo("UTC"))
    return end - timedelta(days=POPULATION_DAYS), end


def member_of(scores: Sequence[tuple[date, float]]) -> Member | None:
    """A person's record in a release: their average score and weekly trend, once they have
    checked in on enough days for a trend."""
    daily = daily_means(scores)
    fitted = trend(daily)
    if len(daily) < TREND_MIN_DAYS or fitted is None:
        return None
    return Member(average=fmean(s for _, s in scores), slope_per_week=fitted.slope_per_week)


def cohorts_of(
    rows: Iterable[tuple[uuid.UUID, str, str, datetime, int]],
) -> dict[str, list[Member]]:
    """Everyone, and each country (from locales), with the records of their members."""
    scores: dict[uuid.UUID, list[tuple[date, float]]] = defaultdict(list)
    countries: dict[uuid.UUID, str | None] = {}
    for user_id, timezone, locale, recorded_at, score in rows:
        scores[user_id].append((recorded_at.astimezone(ZoneInfo(timezone)).date(), float(score)))
        countries[user_id] = country_of_locale(locale)
    cohorts: dict[str, list[Member]] = defaultdict(list)
    for user_id, own in scores.items():
        member = member_of(own)
        if member is None:
            continue
        cohorts[EVERYONE].append(member)
        if countries[user_id]:
            cohorts[f"country:{countries[user_id]}"].append(member)
    return cohorts


async def release_population(
    factory: async_sessionmaker[AsyncSession], settings: AnalyticsSettings, day: date | None = None
) -> int:
    """Makes today's releases unless they exist; returns how many cohorts were shown. Every
    cohort gets a row even when too small to show, so that no count is drawn twice a day."""
    day = day or utcnow().date()
    async with factory() as session:
        repository = AnalyticsRepository(session)
        if await repository.released_on(day, POPULATION_DAYS):
            return 0
        rows = await repository.opted_in_scores(*window_ending(day))
    cohorts = cohorts_of(rows)
    cohorts.setdefault(EVERYONE, [])
    released = {
        name: release(members, settings.population_epsilon, settings.population_min_cohort)
        for name, members in cohorts.items()
    }
    try:
        async with transaction(factory) as session:
            session.add_all(_snapshot(name, day, r, settings) for name, r in released.items())
    except IntegrityError:  # another process released today's figures first
        return 0
    shown = sum(r is not None for r in released.values())
    log.info("population released", cohorts=len(released), shown=shown)
    return shown


def _snapshot(
    cohort: str, day: date, released: Release | None, settings: AnalyticsSettings
) -> PopulationSnapshot:
    return PopulationSnapshot(
        cohort=cohort,
        period_days=POPULATION_DAYS,
        released_on=day,
        members=released.members if released else 0,
        mean_average=released.mean_average if released else None,
        mean_slope_per_week=released.mean_slope_per_week if released else None,
        histogram=released.histogram if released else None,
        epsilon=settings.population_epsilon,
    )


class ComparisonService:
    def __init__(self, session: AsyncSession) -> None:
        self.repository = AnalyticsRepository(session)

    async def compare(self, user: User) -> PopulationComparison:
        if user.population_opt_in_at is None:
            raise ForbiddenError(
                "Population comparisons are opt-in. Turn them on with "
                'PATCH /api/v1/users/me {"population_comparisons": true}; your figures then '
                "count, anonymously and with privacy noise, from the next daily release."
            )
        country = country_of_locale(user.locale)
        names = [EVERYONE, *([f"country:{country}"] if country else [])]
        fresh = utcnow().date() - STALE_AFTER
        snapshots = [
            await self.repository.latest_release(name, POPULATION_DAYS, fresh) for name in names
        ]
        shown = [s for s in snapshots if s is not None]
        you = None
        if shown:
            since, until = window_ending(shown[0].released_on)
            zone = ZoneInfo(user.timezone)
            rows = await self.repository.scores(user.id, since, until)
            you = member_of([(at.astimezone(zone).date(), float(score)) for at, score in rows])
        return PopulationComparison(
            you=YourFigures(average=round(you.average, 2), slope_per_week=you.slope_per_week)
            if you
            else None,
            cohorts=[_comparison(s, you) for s in shown],
            message=None if shown else (
                "Not enough people have opted in yet for figures that protect everyone's "
                "privacy. Check again in a few days."
            ),
        )  # fmt: skip


def _comparison(snapshot: PopulationSnapshot, you: Member | None) -> CohortComparison:
    histogram = snapshot.histogram or []
    return CohortComparison(
        cohort=snapshot.cohort,
        released_on=snapshot.released_on,
        period_days=snapshot.period_days,
        members=snapshot.members,
        mean_average=snapshot.mean_average or 0.0,
        mean_slope_per_week=snapshot.mean_slope_per_week or 0.0,
        histogram=histogram,
        share_below_you=share_below(histogram, you.average) if you else None,
        epsilon=snapshot.epsilon,
    )


class DailyJobs:
    """Once a day in each serving process: today's population release (made once whichever
    process comes first) and the nightly refresh of recently changed day summaries."""

    def __init__(
        self, factory: async_sessionmaker[AsyncSession], settings: AnalyticsSettings
    ) -> None:
        self.factory = factory
        self.settings = settings
        self.done_on: date | None = None

    async def __call__(self) -> None:
        today = utcnow().date()
        if self.done_on == today:
            return
        await release_population(self.factory, self.settings, today)
        async with transaction(self.factory) as session:
            await session.run_sync(rebuild_recent, utcnow() - RECENT_CHANGES)
        self.done_on = today
