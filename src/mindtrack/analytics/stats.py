"""Plain statistics over a person's days (no database, no HTTP)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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
