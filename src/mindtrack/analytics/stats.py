"""Plain statistics over a person's days (no database, no HTTP)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Literal, NamedTuple

from scipy import stats

# Fewer days than this and a trend is not estimated at all.
TREND_MIN_DAYS = 5


@dataclass(frozen=True, slots=True)
class Trend:
    direction: str  # improving, declining, stable
    slope_per_week: float
    ci95: tuple[float, float]
    days: int


def trend(daily: Sequence[tuple[date, float]]) -> Trend | None:
    """Least-squares slope of the daily mean score over time, per week, with its 95 %
    interval. Improving or declining only when the interval excludes zero."""
    if len(daily) < TREND_MIN_DAYS:
        return None
    first = daily[0][0]
    x = [(day - first).days for day, _ in daily]
    y = [score for _, score in daily]
    if len(set(x)) < 2:
        return None
    fit = stats.linregress(x, y)
    half = float(stats.t.ppf(0.975, len(x) - 2)) * float(fit.stderr)
    lo, hi = (float(fit.slope) - half) * 7, (float(fit.slope) + half) * 7
    direction = "improving" if lo > 0 else "declining" if hi < 0 else "stable"
    return Trend(direction, round(float(fit.slope) * 7, 3), (round(lo, 3), round(hi, 3)), len(x))


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days with a check-in. The current run may end
    yesterday: today is not over yet."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return current, longest


def daily_means(scores: Sequence[tuple[date, float]]) -> list[tuple[date, float]]:
    """Each day's mean score, oldest first."""
    by_day: dict[date, list[float]] = defaultdict(list)
    for day, score in scores:
        by_day[day].append(score)
    return [(day, fmean(s)) for day, s in sorted(by_day.items())]


def median_of_counts(counts: Sequence[int]) -> float | None:
    """The median of scores given how many times each score (the index) occurs."""
    total = sum(counts)
    if total == 0:
        return None

    def at(rank: int) -> int:  # the score at 0-based position `rank` in sorted order
        seen = 0
        for score, count in enumerate(counts):
            seen += count
            if rank < seen:
                return score
        raise IndexError(rank)  # pragma: no cover - rank < total

    return (at((total - 1) // 2) + at(total // 2)) / 2


class DayTotals(NamedTuple):
    day: date
    entries: int
    total: float
    low: float
    high: float


Bucket = Literal["day", "week"]
# How far back a point's rolling mean reaches, in buckets (itself included).
ROLLING = {"day": 7, "week": 4}


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    start: date
    mean: float
    min: float
    max: float
    count: int
    rolling_mean: float


def series_points(days: Sequence[DayTotals], bucket: Bucket) -> list[SeriesPoint]:
    """Per day, or per week beginning on Monday: mean, min, max and count of the scores, and
    the mean over the trailing 7 days or 4 weeks. Empty buckets are left out."""
    groups: dict[date, DayTotals] = {}
    for d in sorted(days):
        start = d.day - timedelta(days=d.day.weekday()) if bucket == "week" else d.day
        seen = groups.get(start)
        groups[start] = DayTotals(start, d.entries, d.total, d.low, d.high) if seen is None else DayTotals(
            start, seen.entries + d.entries, seen.total + d.total, min(seen.low, d.low), max(seen.high, d.high)
        )  # fmt: skip
    reach = timedelta(days=ROLLING[bucket] * (7 if bucket == "week" else 1))
    starts = sorted(groups)
    points = []
    total, count, oldest = 0.0, 0, 0
    for start in starts:
        group = groups[start]
        total, count = total + group.total, count + group.entries
        while starts[oldest] <= start - reach:  # slide the window's tail forward
            total -= groups[starts[oldest]].total
            count -= groups[starts[oldest]].entries
            oldest += 1
        points.append(
            SeriesPoint(
                start=start,
                mean=round(group.total / group.entries, 2),
                min=group.low,
                max=group.high,
                count=group.entries,
                rolling_mean=round(total / count, 2),
            )
        )
    return points
