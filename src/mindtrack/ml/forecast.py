"""Mood forecasts for the next days, with prediction intervals, from a person's own history.

The forecast for a day `h` days ahead is the person's usual mood, plus part of how far today's
smoothed level stands from it (a level that has drifted is expected to drift back), plus that
weekday's usual difference:

    forecast = usual + damping_h · (level − usual) + weekday effect

`level` is an exponentially weighted mean of past scores; `usual` is the mean of all of them,
pulled towards a population prior while there are few (so that day three already gets a
sensible answer); weekday effects are pulled towards zero the same way. The smoothing and the
damping for each horizon are the ones that would have forecast this person's own past best,
and the intervals come from those past errors, widened towards a population spread while
there are few of them. Nothing here looks past the forecast's origin.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

SMOOTHING = (0.1, 0.2, 0.3, 0.5, 0.8)
DAMPING = (0.0, 0.25, 0.5, 0.75, 1.0)
HORIZONS = tuple(range(1, 8))
Z80, Z95 = 1.2816, 1.9600
# How many observations the prior counts as, for the usual mood, weekday effects and spread.
PRIOR_WEIGHT = 5.0
# Below this many days with a score, a forecast says it has too little to go on.
ENOUGH_DAYS = 7
WEEKDAYS_FROM = 21  # weekday effects need three of each weekday, roughly


@dataclass(frozen=True, slots=True)
class Prior:
    """What is expected of someone MindTrack knows nothing about yet (population figures)."""

    mean: float = 6.5
    spread: float = 1.5  # standard deviation of a day's score around a one-day-ahead forecast
    low: float = 0.0  # the scale's ends, which no forecast or interval passes
    high: float = 10.0


@dataclass(frozen=True, slots=True)
class Forecast:
    target: date
    horizon: int
    value: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    # What the forecast is made of (before it is kept within the scale): the person's usual
    # mood, how much of their recent drift from it carries on, and the weekday's difference.
    usual: float = 0.0
    recent: float = 0.0
    weekday: float = 0.0


@dataclass(frozen=True, slots=True)
class MoodForecast:
    origin: date
    days_with_scores: int
    enough_data: bool  # False: the forecast leans mostly on the population prior
    forecasts: list[Forecast]


@dataclass(frozen=True, slots=True)
class _Series:
    """Scores on consecutive calendar days, NaN where there is none."""

    start: date
    values: np.ndarray

    @classmethod
    def of(cls, history: Sequence[tuple[date, float]], origin: date) -> _Series:
        known = sorted((d, s) for d, s in history if d <= origin)
        start = known[0][0] if known else origin
        values = np.full((origin - start).days + 1, np.nan)
        for day, score in known:
            values[(day - start).days] = score  # a later score of the same day wins
        return cls(start, values)

    def weekday(self, index: np.ndarray | int) -> np.ndarray:
        return (np.asarray(index) + self.start.weekday()) % 7


def forecast_mood(
    history: Sequence[tuple[date, float]],
    origin: date,
    prior: Prior = Prior(),
    horizons: Sequence[int] = HORIZONS,
) -> MoodForecast:
    """Forecasts for `origin + h` days, from the scores dated on or before `origin`."""
    series = _Series.of(history, origin)
    observed = ~np.isnan(series.values)
    count = int(observed.sum())
    usual = _shrunk_means(series.values, prior.mean)
    weekday = _weekday_effects(series, usual[-1], prior) if count >= WEEKDAYS_FROM else np.zeros(7)
    forecasts = []
    for h in horizons:
        alpha, damping, spread = _fit(series, usual, weekday, h, prior)
        level = _ewma(series.values, alpha)[-1]
        if math.isnan(level):  # no score yet: the prior is all there is
            level = usual[-1]
        target_index = len(series.values) - 1 + h
        parts = (usual[-1], damping * (level - usual[-1]), weekday[series.weekday(target_index)])
        forecasts.append(_with_intervals(origin + timedelta(days=h), h, parts, spread, prior))
    return MoodForecast(origin, count, count >= ENOUGH_DAYS, forecasts)


def _shrunk_means(values: np.ndarray, prior_mean: float) -> np.ndarray:
    """At each day, the mean of the scores so far, pulled towards the prior."""
    seen = ~np.isnan(values)
    sums = np.cumsum(np.where(seen, values, 0.0))
    counts = np.cumsum(seen)
    means: np.ndarray = (sums + PRIOR_WEIGHT * prior_mean) / (counts + PRIOR_WEIGHT)
    return means


def _ewma(values: np.ndarray, alpha: float) -> np.ndarray:
    """Exponentially weighted mean at each day; a day without a score carries the level on.
    Before the first score it is NaN."""
    out = np.full(len(values), np.nan)
    level = math.nan
    for i, value in enumerate(values):
        if not math.isnan(value):
            level = value if math.isnan(level) else level + alpha * (value - level)
        out[i] = level
    return out


def _weekday_effects(series: _Series, usual: float, prior: Prior) -> np.ndarray:
    effects = np.zeros(7)
    days = series.weekday(np.arange(len(series.values)))
    for weekday in range(7):
        scores = series.values[(days == weekday) & ~np.isnan(series.values)]
        effects[weekday] = (scores - usual).sum() / (len(scores) + PRIOR_WEIGHT)
    return effects


def _fit(
    series: _Series, usual: np.ndarray, weekday: np.ndarray, horizon: int, prior: Prior
) -> tuple[float, float, float]:
    """The smoothing and damping that would have forecast this person's past best at this
    horizon, and the spread of those past errors (pulled towards the prior's)."""
    values = series.values
    origins = np.arange(len(values) - horizon)
    targets = origins + horizon
    valid = ~np.isnan(values[targets]) & (np.cumsum(~np.isnan(values))[origins] > 0)
    if valid.sum() < 3:
        # Too few past forecasts to learn from: halfway between the latest level and the
        # usual mood.
        return SMOOTHING[1], DAMPING[2], _spread(np.array([]), horizon, prior)
    origins, targets = origins[valid], targets[valid]
    actual = values[targets] - weekday[series.weekday(targets)] - usual[origins]
    best: tuple[float, float, float, np.ndarray] = (math.inf, 0.0, 0.0, np.array([]))
    for alpha in SMOOTHING:
        drift = _ewma(values, alpha)[origins] - usual[origins]
        for damping in DAMPING:
            errors = actual - damping * drift
            mse = float(np.mean(errors**2))
            if mse < best[0]:
                best = (mse, alpha, damping, errors)
    return best[1], best[2], _spread(best[3], horizon, prior)


def _spread(errors: np.ndarray, horizon: int, prior: Prior) -> float:
    # The prior's spread grows with the horizon as a drifting level's would, up to double.
    prior_spread = prior.spread * min(2.0, math.sqrt(horizon))
    variance = (float((errors**2).sum()) + PRIOR_WEIGHT * prior_spread**2) / (
        len(errors) + PRIOR_WEIGHT
    )
    return math.sqrt(variance)


def _with_intervals(
    target: date, horizon: int, parts: tuple[float, float, float], spread: float, prior: Prior
) -> Forecast:
    def clip(x: float) -> float:
        return round(min(max(float(x), prior.low), prior.high), 3)

    centre = sum(parts)
    usual, recent, weekday = (round(float(x), 3) for x in parts)
    return Forecast(
        target=target,
        horizon=horizon,
        value=clip(centre),
        lo80=clip(centre - Z80 * spread),
        hi80=clip(centre + Z80 * spread),
        lo95=clip(centre - Z95 * spread),
        hi95=clip(centre + Z95 * spread),
        usual=usual,
        recent=recent,
        weekday=weekday,
    )


# --- baselines a forecaster must beat -------------------------------------------------------


def _yesterday(series: _Series) -> float:
    seen = series.values[~np.isnan(series.values)]
    return float(seen[-1])


def _running_mean(series: _Series) -> float:
    return float(np.nanmean(series.values))


def _last_week_mean(series: _Series) -> float:
    recent = series.values[-7:]
    return float(np.nanmean(recent)) if (~np.isnan(recent)).any() else _yesterday(series)


def _ewma_02(series: _Series) -> float:
    return float(_ewma(series.values, 0.2)[-1])


SAME_WEEKDAY = "same weekday"


def _same_weekday(series: _Series, target: date) -> float:
    """The latest score on the target's weekday (seasonal naive), else yesterday's."""
    days = series.weekday(np.arange(len(series.values)))
    same = series.values[(days == target.weekday()) & ~np.isnan(series.values)]
    return float(same[-1]) if len(same) else _yesterday(series)


BASELINES: dict[str, Callable[[_Series], float]] = {
    "yesterday": _yesterday,
    "running mean": _running_mean,
    "7-day mean": _last_week_mean,
    "EWMA 0.2": _ewma_02,
}


def baseline_forecast(name: str, history: Sequence[tuple[date, float]], origin: date) -> float:
    """A naive forecast (the same for every horizon) from the scores up to `origin`."""
    return BASELINES[name](_Series.of(history, origin))


@dataclass(frozen=True, slots=True)
class BacktestRow:
    origin: date
    forecast: Forecast
    actual: float
    baselines: dict[str, float]


def rolling_forecasts(
    history: Sequence[tuple[date, float]],
    *,
    min_history: int = ENOUGH_DAYS,
    prior: Prior = Prior(),
    horizons: Sequence[int] = HORIZONS,
) -> Iterator[MoodForecast]:
    """A forecast from every day with a score, once `min_history` scores are known; each
    sees only the scores dated on or before its origin."""
    by_day = dict(sorted(history))
    days = sorted(by_day)
    for i in range(min_history - 1, len(days)):
        known = [(d, by_day[d]) for d in days[: i + 1]]
        yield forecast_mood(known, days[i], prior, horizons)


def backtest(
    history: Sequence[tuple[date, float]],
    *,
    min_history: int = ENOUGH_DAYS,
    prior: Prior = Prior(),
    horizons: Sequence[int] = HORIZONS,
) -> list[BacktestRow]:
    """Rolling-origin evaluation: every forecast whose target day has a score, beside the
    naive baselines' forecasts from the same origin."""
    by_day = dict(sorted(history))
    rows: list[BacktestRow] = []
    for result in rolling_forecasts(
        history, min_history=min_history, prior=prior, horizons=horizons
    ):
        series = _Series.of(list(by_day.items()), result.origin)
        naive = {name: baseline(series) for name, baseline in BASELINES.items()}
        for forecast in result.forecasts:
            if forecast.target in by_day:
                same_weekday = {SAME_WEEKDAY: _same_weekday(series, forecast.target)}
                actual = by_day[forecast.target]
                rows.append(BacktestRow(result.origin, forecast, actual, naive | same_weekday))
    return rows
