"""Mood forecasts: skill over naive baselines, honest intervals, no look-ahead, little data."""

from __future__ import annotations

import csv
import json
import math
import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from mindtrack.cli import app
from mindtrack.ml.forecast import Prior, backtest, baseline_forecast, forecast_mood
from mindtrack.ml.training.forecast_eval import population_prior
from mindtrack.ml.training.mood_series import mood_series

START = date(2025, 1, 1)


def synthetic(days: int = 300, seed: int = 1, kept: float = 0.85) -> list[tuple[date, float]]:
    """Mood that lingers (AR(1), 0.7), one point better at weekends, some days missing."""
    rng = random.Random(seed)
    drift, series = 0.0, []
    for i in range(days):
        day = START + timedelta(days=i)
        drift = 0.7 * drift + rng.gauss(0, 1.0)
        if rng.random() < kept:
            series.append((day, min(10.0, max(0.0, 6 + drift + (day.weekday() >= 5)))))
    return series


def rmse(errors: list[float]) -> float:
    return math.sqrt(float(np.mean(np.square(errors))))


@pytest.fixture(scope="module")
def rows() -> list:  # type: ignore[type-arg]
    return backtest(synthetic())


@pytest.mark.parametrize("horizon", [1, 7])
def test_forecasts_beat_every_naive_baseline(rows: list, horizon: int) -> None:  # type: ignore[type-arg]
    at = [r for r in rows if r.forecast.horizon == horizon]
    ours = rmse([r.forecast.value - r.actual for r in at])
    for name in at[0].baselines:
        naive = rmse([r.baselines[name] - r.actual for r in at])
        margin = 0.95 if horizon == 1 else 1.0
        assert ours < margin * naive, (name, ours, naive)


def test_80_percent_intervals_hold_about_80_percent(rows: list) -> None:  # type: ignore[type-arg]
    inside = [r.forecast.lo80 <= r.actual <= r.forecast.hi80 for r in rows]
    inside95 = [r.forecast.lo95 <= r.actual <= r.forecast.hi95 for r in rows]
    assert 0.72 <= np.mean(inside) <= 0.88
    assert np.mean(inside95) >= 0.9


def test_a_forecast_never_sees_past_its_origin() -> None:
    history = synthetic(120)
    origin = history[60][0]
    changed_future = history[:61] + [(d, 10.0 - s) for d, s in history[61:]]
    assert forecast_mood(history, origin) == forecast_mood(changed_future, origin)


def test_little_data_leans_on_the_prior_and_says_so() -> None:
    prior = Prior(mean=6.5, spread=1.5)
    nothing = forecast_mood([], START, prior)
    assert (nothing.days_with_scores, nothing.enough_data) == (0, False)
    assert nothing.forecasts[0].value == pytest.approx(6.5)
    one = forecast_mood([(START, 2.0)], START, prior)
    first = one.forecasts[0]
    assert not one.enough_data
    assert 2.0 < first.value < 6.5  # between the one score and the prior
    assert first.hi95 - first.lo95 >= 4
    assert [f.target for f in one.forecasts] == [START + timedelta(days=h) for h in range(1, 8)]


def test_gaps_duplicates_and_any_order_are_taken_in_stride() -> None:
    history = [(START + timedelta(days=i), 7.0) for i in range(20)]
    later = [(START + timedelta(days=200 + i), 4.0) for i in range(10)]
    shuffled = [*reversed(history + later), (START + timedelta(days=209), 4.0)]
    result = forecast_mood(shuffled, START + timedelta(days=209))
    assert result.days_with_scores == 30
    assert all(0 <= f.lo95 <= f.value <= f.hi95 <= 10 for f in result.forecasts)
    assert result.forecasts[0].value < 6  # the recent low level counts for more than the old


def test_baselines_are_what_their_names_say() -> None:
    history = [(START + timedelta(days=i), float(i % 10)) for i in range(20)]
    origin = START + timedelta(days=19)
    assert baseline_forecast("yesterday", history, origin) == 9.0
    assert baseline_forecast("running mean", history, origin) == pytest.approx(4.5)
    assert baseline_forecast("7-day mean", history, origin) == pytest.approx(6.0)


def write(path: Path, rows: list[tuple[date, float]]) -> Path:
    path.write_text("date,score\n" + "".join(f"{d},{s}\n" for d, s in rows), encoding="utf-8")
    return path


def test_backtest_command_writes_every_rolling_origin_forecast(tmp_path: Path) -> None:
    history = synthetic(40, kept=1.0)
    out = tmp_path / "forecasts.csv"
    result = CliRunner().invoke(
        app,
        [
            "ml",
            "backtest",
            "--input",
            str(write(tmp_path / "s.csv", history)),
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "origin_date",
        "target_date",
        "horizon",
        "forecast",
        "lo80",
        "hi80",
        "lo95",
        "hi95",
    ]
    assert len(rows) == (40 - 7 + 1) * 7
    row = next(r for r in rows if r["origin_date"] == "2025-01-20" and r["horizon"] == "3")
    alone = forecast_mood([h for h in history if h[0] <= date(2025, 1, 20)], date(2025, 1, 20))
    assert float(row["forecast"]) == alone.forecasts[2].value
    assert row["target_date"] == "2025-01-23"


@pytest.mark.parametrize(
    "text",
    ["day,mood\n2025-01-01,5\n", "date,score\n01/02/2025,5\n", "date,score\n2025-01-01,high\n"],
)
def test_backtest_command_explains_a_bad_file(tmp_path: Path, text: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ml", "backtest", "--input", str(source), "--output", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert "Cannot read" in result.output


def tiny_mood_series(root: Path) -> Path:
    """The mood-series layout with made-up diaries: two EMA participants, four Daylio files."""
    folder = root / "mood-series"
    (folder / "vu-ema").mkdir(parents=True)
    (folder / "app-exports").mkdir()
    rows = ["id,date,mood,dagvandweek"]
    for person, base in (("AS14.01", 7.0), ("AS14.02", 5.0)):
        rows += [
            f"{person},{START + timedelta(days=i)},{base + (i % 3) * 0.5},x" for i in range(70)
        ]
    rows.append(f"AS14.01,{START + timedelta(days=80)},,x")  # a day without mood
    (folder / "vu-ema" / "vu_ema_daily_wide.csv").write_text("\n".join(rows) + "\n")
    daylio = "full_date,date,weekday,time,mood,activities,note\n"
    moods = ["good", "meh", "rad", "bad"]
    (folder / "app-exports" / "daylio_kayraucklnc_daylio_visualizer.csv").write_text(
        "\ufeff"
        + daylio
        + "".join(f"{START + timedelta(days=i)},d,w,t,{moods[i % 4]},,\n" for i in range(30))
    )
    (folder / "app-exports" / "daylio_zhafen_moody.csv").write_text(
        daylio
        + f"{START},d,w,t,okay,,\n{START},d,w,t,rad,,\n{START + timedelta(days=1)},d,w,t,Angry,,\n"
    )
    (folder / "app-exports" / "daylio_DavidCDCB_Estados.csv").write_text(
        f"{START},d,w,t,como siempre,,\n{START + timedelta(days=1)},d,w,t,Sin animo,,\n"
    )
    (folder / "app-exports" / "daylio_kplich_daylio-visualisation.moods.csv").write_text(
        "okropnie,1,1.0,1.5,red\ndobrze,4,3.75,4.25,green\n"
    )
    (folder / "app-exports" / "daylio_kplich_daylio-visualisation.csv").write_text(
        "year,date,weekday,time,mood,activities,note\n2017,7 września,w,t,dobrze,,\n2017,6 września,w,t,okropnie,,\n"
    )
    return root


def test_the_diaries_are_read_on_the_ten_point_scale(tmp_path: Path) -> None:
    series = mood_series(tiny_mood_series(tmp_path))
    assert len(series["vu-ema AS14.01"]) == 70
    assert series["daylio_zhafen_moody.csv"][0] == (
        START,
        (5.5 + (5.5 + 2.25 * 2)) / 2,
    )  # okay, rad
    assert series["daylio_zhafen_moody.csv"][1][1] == 1.0  # Angry: -2
    assert series["daylio_DavidCDCB_Estados.csv"] == [
        (START, 5.5),
        (START + timedelta(days=1), 4.0),
    ]
    assert series["daylio_kplich_daylio-visualisation.csv"] == [
        (date(2017, 9, 6), 1.0),
        (date(2017, 9, 7), 7.75),
    ]


def test_the_population_prior_is_the_typical_diary() -> None:
    steady = [(START + timedelta(days=i), 7.0) for i in range(30)]
    swinging = [(START + timedelta(days=i), 3.0 + 4 * (i % 2)) for i in range(30)]
    low = [(START + timedelta(days=i), 4.0) for i in range(30)]
    prior = population_prior([steady, swinging, low])
    assert prior.mean == 5.0  # the median of 7, 5 and 4
    assert prior.spread == 0.0  # two of three diaries never move


def test_evaluate_forecast_prints_the_backtest_table(tmp_path: Path) -> None:
    root = tiny_mood_series(tmp_path)
    out = tmp_path / "forecast.json"
    result = CliRunner().invoke(
        app, ["ml", "evaluate", "forecast", "--data", str(root), "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "| 7 |" in result.output
    figures = json.loads(out.read_text())
    assert [f["horizon"] for f in figures] == [1, 3, 7]
    assert figures[0]["long_diaries"] == 2  # the two 70-day participants
    assert 0 <= figures[0]["coverage80"] <= 1
