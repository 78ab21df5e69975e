"""`mindtrack ml evaluate forecast`: rolling-origin backtests over the shared mood diaries.

Each diary is forecast with a population prior estimated from the *other* diaries (its own
days never shape its prior), from every day once 7 scores are known. The table pools the
forecasts by horizon; skill counts diaries of 60+ days whose forecast error is at least 5 %
below the best of the naive baselines on that diary.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mindtrack.ml.forecast import BacktestRow, Prior, backtest, baseline_forecast
from mindtrack.ml.training.mood_series import Series, mood_series

REPORTED_HORIZONS = (1, 3, 7)
LONG_DIARY = 60
SKILL = 0.95


@dataclass(frozen=True, slots=True)
class HorizonFigures:
    horizon: int
    forecasts: int
    rmse: float
    mae: float
    coverage80: float
    coverage95: float
    best_baseline: str
    best_baseline_rmse: float
    long_diaries: int
    long_diaries_with_skill: int


def population_prior(diaries: list[Series]) -> Prior:
    """Typical mood and one-day-ahead spread across diaries (medians, so one odd diary does
    not set them): the spread is each diary's error when forecasting from yesterday's
    exponentially weighted mean."""
    means = [statistics.fmean(s for _, s in diary) for diary in diaries]
    spreads = []
    for diary in diaries:
        errors = [
            baseline_forecast("EWMA 0.2", diary[: i + 1], diary[i][0]) - diary[i + 1][1]
            for i in range(len(diary) - 1)
        ]
        spreads.append(math.sqrt(statistics.fmean(e * e for e in errors)))
    return Prior(
        mean=statistics.median(means), spread=statistics.median(spreads), low=1.0, high=10.0
    )


def evaluate_forecasts(root: Path) -> list[HorizonFigures]:
    diaries = mood_series(root)
    rows: dict[str, list[BacktestRow]] = {}
    for name, diary in diaries.items():
        others = [d for n, d in diaries.items() if n != name and len(d) >= 14]
        rows[name] = backtest(diary, prior=population_prior(others))
    return [_figures(rows, diaries, h) for h in REPORTED_HORIZONS]


def _rmse(errors: list[float]) -> float:
    return math.sqrt(float(np.mean(np.square(errors)))) if errors else math.nan


def _figures(
    rows: dict[str, list[BacktestRow]], diaries: dict[str, Series], h: int
) -> HorizonFigures:
    pooled = [r for diary in rows.values() for r in diary if r.forecast.horizon == h]
    errors = [r.forecast.value - r.actual for r in pooled]
    baselines = {
        name: _rmse([r.baselines[name] - r.actual for r in pooled]) for name in pooled[0].baselines
    }
    best = min(baselines, key=baselines.__getitem__)
    long = [name for name, diary in diaries.items() if len(diary) >= LONG_DIARY]
    skilled = 0
    for name in long:
        at = [r for r in rows[name] if r.forecast.horizon == h]
        ours = _rmse([r.forecast.value - r.actual for r in at])
        naive = min(_rmse([r.baselines[b] - r.actual for r in at]) for b in at[0].baselines)
        skilled += ours <= SKILL * naive
    return HorizonFigures(
        horizon=h,
        forecasts=len(pooled),
        rmse=round(_rmse(errors), 3),
        mae=round(float(np.mean(np.abs(errors))), 3),
        coverage80=round(float(np.mean([r.forecast.lo80 <= r.actual <= r.forecast.hi80 for r in pooled])), 3),
        coverage95=round(float(np.mean([r.forecast.lo95 <= r.actual <= r.forecast.hi95 for r in pooled])), 3),
        best_baseline=best,
        best_baseline_rmse=round(baselines[best], 3),
        long_diaries=len(long),
        long_diaries_with_skill=skilled,
    )  # fmt: skip


def render_forecast(figures: list[HorizonFigures]) -> str:
    lines = [
        "| horizon | forecasts | RMSE | MAE | 80 % coverage | 95 % coverage | best naive baseline (RMSE) | diaries of 60+ days ≥ 5 % better than their best baseline |",
        "|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for f in figures:
        lines.append(
            f"| {f.horizon} | {f.forecasts} | {f.rmse} | {f.mae} | {f.coverage80} | {f.coverage95} | "
            f"{f.best_baseline} ({f.best_baseline_rmse}) | {f.long_diaries_with_skill} of {f.long_diaries} |"
        )
    return "\n".join(lines)
