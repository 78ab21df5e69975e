"""What goes with better or worse mood for one person, how sure we can be of it, and when
their mood shifted. Plain statistics over their check-ins: no database, no HTTP.

Each circumstance (a weekday, a time of day, an activity, a place, the weather, a tag, a
theme the text models read) is compared with the check-ins without it: the difference in
mean score with its 95 % Welch interval, Hedges' g as the effect size, and a Welch t-test.
Because a person's history is searched for many such differences at once, the p-values are
adjusted together (Benjamini–Hochberg) and a pattern is called significant only when its
adjusted value is below 5 %. Hours of sleep are numeric and get a regression slope instead.

Check-ins of one person are not independent draws (moods run in spells), so the intervals
are if anything too narrow; the minimum group sizes and the correction keep the statements
conservative enough for "you tend to feel better on days you run", never for more.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import pairwise
from statistics import fmean, median

import numpy as np
from scipy import stats

# A circumstance is only compared when at least this many check-ins have it and lack it.
MIN_GROUP = 5
SIGNIFICANCE = 0.05
# Weekday effects are judged on days, not check-ins, and need a few of each weekday.
MIN_WEEKDAYS = 3
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Time-of-day buckets by the local hour at which they begin.
TIMES_OF_DAY = ((5, "morning"), (12, "afternoon"), (17, "evening"), (22, "night"))


@dataclass(frozen=True, slots=True)
class Observation:
    """One check-in as the pattern search sees it, at the person's local time."""

    at: datetime
    score: float
    activity: str | None = None
    location: str | None = None
    weather: str | None = None
    sleep_hours: float | None = None
    tags: tuple[str, ...] = ()
    themes: tuple[str, ...] | None = None  # None: the note was not analysed (or there was none)


@dataclass(frozen=True, slots=True)
class Effect:
    """How mood differs with one circumstance. For `sleep_hours`, `difference` is the change
    in score per extra hour of sleep, `effect_size` the correlation, and the means are None."""

    factor: str
    level: str
    n_with: int
    n_without: int
    mean_with: float | None
    mean_without: float | None
    difference: float
    ci95: tuple[float, float]
    effect_size: float
    p_value: float
    q_value: float = 1.0
    significant: bool = False


@dataclass(frozen=True, slots=True)
class ChangePoint:
    """The day a person's usual mood moved to a new level."""

    date: date
    before: float
    after: float


@dataclass(frozen=True, slots=True)
class UnusualDay:
    """A day far below the person's own recent baseline."""

    date: date
    score: float
    baseline: float
    robust_z: float


def time_of_day(at: datetime) -> str:
    hour = at.hour
    name = TIMES_OF_DAY[-1][1]  # before 5 in the morning is still night
    for start, label in TIMES_OF_DAY:
        if hour >= start:
            name = label
    return name


def compare_means(
    with_: Sequence[float], without: Sequence[float]
) -> tuple[float, tuple[float, float], float, float] | None:
    """(difference, Welch 95 % interval, Hedges' g, two-sided p) of mean(with_) - mean(without);
    None when the groups are too small or have no spread to judge by."""
    a, b = np.asarray(with_, float), np.asarray(without, float)
    n1, n2 = len(a), len(b)
    if n1 < 2 or n2 < 2:
        return None
    v1, v2 = a.var(ddof=1), b.var(ddof=1)
    se2 = v1 / n1 + v2 / n2
    if se2 == 0:
        return None
    difference = float(a.mean() - b.mean())
    se = math.sqrt(se2)
    df = se2**2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    half = float(stats.t.ppf(0.975, df)) * se
    p = float(2 * stats.t.sf(abs(difference) / se, df))
    pooled = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
    correction = 1 - 3 / (4 * (n1 + n2) - 9)
    g = difference / pooled * correction if pooled > 0 else 0.0
    return difference, (difference - half, difference + half), g, p


def sleep_slope(pairs: Sequence[tuple[float, float]]) -> Effect | None:
    """Score against hours of sleep: the least-squares slope with its 95 % interval."""
    if len(pairs) < 2 * MIN_GROUP:
        return None
    hours, scores = zip(*pairs, strict=True)
    if len(set(hours)) < 3 or len(set(scores)) < 2:
        return None
    fit = stats.linregress(hours, scores)
    half = float(stats.t.ppf(0.975, len(pairs) - 2)) * float(fit.stderr)
    slope = float(fit.slope)
    return Effect(
        factor="sleep_hours",
        level="per hour",
        n_with=len(pairs),
        n_without=0,
        mean_with=None,
        mean_without=None,
        difference=slope,
        ci95=(slope - half, slope + half),
        effect_size=float(fit.rvalue),
        p_value=float(fit.pvalue),
    )


def find_patterns(observations: Sequence[Observation]) -> list[Effect]:
    """Every circumstance with enough check-ins on both sides, strongest evidence first,
    with adjusted significance."""
    effects = [*_weekday_effects(observations), *_category_effects(observations)]
    sleep = sleep_slope(
        [(o.sleep_hours, o.score) for o in observations if o.sleep_hours is not None]
    )
    if sleep is not None:
        effects.append(sleep)
    return sorted(adjust(effects), key=lambda e: (e.q_value, -abs(e.effect_size)))


def adjust(effects: Sequence[Effect]) -> list[Effect]:
    """Benjamini–Hochberg adjusted p-values over all the comparisons made together."""
    if not effects:
        return []
    q_values = stats.false_discovery_control([e.p_value for e in effects], method="bh")
    return [
        replace(e, q_value=float(q), significant=bool(q < SIGNIFICANCE))
        for e, q in zip(effects, q_values, strict=True)
    ]


def _effect(factor: str, level: str, with_: list[float], without: list[float]) -> Effect | None:
    if min(len(with_), len(without)) < MIN_GROUP:
        return None
    compared = compare_means(with_, without)
    if compared is None:
        return None
    difference, ci95, g, p = compared
    return Effect(factor, level, len(with_), len(without), fmean(with_), fmean(without), difference, ci95, g, p)  # fmt: skip


def _weekday_effects(observations: Sequence[Observation]) -> Iterable[Effect]:
    """Each weekday's daily means against the other days' (a day counts once however many
    check-ins it has)."""
    by_day: dict[date, list[float]] = defaultdict(list)
    for o in observations:
        by_day[o.at.date()].append(o.score)
    daily = {day: fmean(scores) for day, scores in by_day.items()}
    for weekday, name in enumerate(WEEKDAYS):
        with_ = [s for d, s in daily.items() if d.weekday() == weekday]
        if len(with_) < MIN_WEEKDAYS:
            continue
        without = [s for d, s in daily.items() if d.weekday() != weekday]
        effect = _effect("weekday", name, with_, without)
        if effect is not None:
            yield effect


def _named(value: str | None) -> tuple[str, ...] | None:
    return (value,) if value else None


# For each kind of circumstance, what a check-in recorded of it; None when it recorded
# nothing of that kind, so that "no activity noted" does not pass for "not exercising".
CATEGORIES: dict[str, Callable[[Observation], tuple[str, ...] | None]] = {
    "time_of_day": lambda o: (time_of_day(o.at),),
    "activity": lambda o: _named(o.activity),
    "location": lambda o: _named(o.location),
    "weather": lambda o: _named(o.weather),
    "tag": lambda o: o.tags or None,
    "theme": lambda o: o.themes,
}


def _category_effects(observations: Sequence[Observation]) -> Iterable[Effect]:
    for factor, levels_of in CATEGORIES.items():
        recorded = [
            (o.score, {_level(x) for x in levels})
            for o in observations
            if (levels := levels_of(o)) is not None
        ]
        for level in sorted({lv for _, levels in recorded for lv in levels}):
            with_ = [s for s, levels in recorded if level in levels]
            without = [s for s, levels in recorded if level not in levels]
            effect = _effect(factor, level, with_, without)
            if effect is not None:
                yield effect


def _level(text: str) -> str:
    return " ".join(text.lower().split())


# --- shifts and drops over time -------------------------------------------------------------

# A level must hold this many days before and after a change to count as one.
MIN_SEGMENT = 7
# Changes smaller than this many points are not worth telling anyone about.
MIN_SHIFT = 0.75
# Penalty per change, in units of the noise variance times log(days): above the usual 2 for
# a known-variance mean shift, because moods run in spells.
PENALTY = 3.0


def change_points(daily: Sequence[tuple[date, float]]) -> list[ChangePoint]:
    """Days on which the level of the daily mean moved, by binary segmentation with a
    penalised least-squares cost. The penalty scales with the long-run variance of the
    noise around the levels found, so that a mood that runs in spells is not read as a
    series of shifts."""
    if len(daily) < 2 * MIN_SEGMENT:
        return []
    days = [d for d, _ in daily]
    y = np.asarray([s for _, s in daily], float)
    # First pass: the noise as day-to-day differences show it, which a shift hardly touches;
    # second pass: the noise around those levels, widened by its own persistence.
    cuts = sorted(_split(y, 0, len(y), PENALTY * math.log(len(y)) * _difference_variance(y)))
    cuts = sorted(_split(y, 0, len(y), PENALTY * math.log(len(y)) * _long_run_variance(y, cuts)))
    bounds = [0, *cuts, len(y)]
    found = []
    for i, cut in enumerate(cuts):
        before = float(y[bounds[i] : cut].mean())
        after = float(y[cut : bounds[i + 2]].mean())
        if abs(after - before) >= MIN_SHIFT:
            found.append(ChangePoint(days[cut], round(before, 2), round(after, 2)))
    return found


# Scores are whole points: never pretend to less noise than rounding makes.
MIN_NOISE_VARIANCE = 0.25


def _difference_variance(y: np.ndarray) -> float:
    differences = np.diff(y)
    mad = float(np.median(np.abs(differences - np.median(differences))))
    return max((1.4826 * mad) ** 2 / 2, MIN_NOISE_VARIANCE)


def _long_run_variance(y: np.ndarray, cuts: list[int]) -> float:
    bounds = [0, *cuts, len(y)]
    residuals = np.concatenate([y[a:b] - y[a:b].mean() for a, b in pairwise(bounds)])
    variance = float(residuals.var())
    lagged = float(np.dot(residuals[1:], residuals[:-1]) / max(float((residuals**2).sum()), 1e-9))
    persistence = min(max(lagged, 0.0), 0.8)
    return max(variance * (1 + persistence) / (1 - persistence), MIN_NOISE_VARIANCE)


def _split(y: np.ndarray, start: int, end: int, penalty: float) -> list[int]:
    segment = y[start:end]
    n = len(segment)
    if n < 2 * MIN_SEGMENT:
        return []
    total = float(((segment - segment.mean()) ** 2).sum())
    csum, csum2 = np.cumsum(segment), np.cumsum(segment**2)
    k = np.arange(MIN_SEGMENT, n - MIN_SEGMENT + 1)
    left = csum2[k - 1] - csum[k - 1] ** 2 / k
    right = (csum2[-1] - csum2[k - 1]) - (csum[-1] - csum[k - 1]) ** 2 / (n - k)
    costs = left + right
    best = int(np.argmin(costs))
    if total - float(costs[best]) <= penalty:
        return []
    cut = start + int(k[best])
    return [*_split(y, start, cut, penalty), cut, *_split(y, cut, end, penalty)]


# A day this many robust deviations below the baseline is unusual.
UNUSUAL_Z = -2.5
# ... and at least this many points below it (a steady person's one-point dip is not news).
MIN_DROP = 2.0
BASELINE_DAYS = 28
MIN_BASELINE_DAYS = 7


def unusual_days(daily: Sequence[tuple[date, float]]) -> list[UnusualDay]:
    """Days whose mean fell far below the median of the previous four weeks' days, measured
    in that baseline's own robust spread (so a person whose mood always swings is judged by
    their swings)."""
    found = []
    for i, (day, score) in enumerate(daily):
        window = [s for d, s in daily[:i] if 0 < (day - d).days <= BASELINE_DAYS]
        if len(window) < MIN_BASELINE_DAYS:
            continue
        centre = median(window)
        spread = max(1.4826 * median(abs(s - centre) for s in window), 0.5)
        z = (score - centre) / spread
        if z <= UNUSUAL_Z and centre - score >= MIN_DROP:
            found.append(UnusualDay(day, round(score, 2), round(centre, 2), round(z, 2)))
    return found
