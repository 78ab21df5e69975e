"""The pattern statistics: checked against statsmodels on fixed data, and on synthetic
histories where a planted effect must be found and a null one must not be reported."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from mindtrack.analytics.patterns import (
    Effect,
    Observation,
    adjust,
    change_points,
    compare_means,
    find_patterns,
    sleep_slope,
    time_of_day,
    unusual_days,
)

START = date(2026, 1, 5)  # a Monday
WITH = [6.0, 7.0, 8.0, 7.0, 9.0, 8.0, 7.5]
WITHOUT = [5.0, 6.0, 4.0, 6.5, 5.0, 7.0, 5.5, 4.5, 6.0]


def test_welch_difference_interval_and_p_value_match_statsmodels() -> None:
    difference, ci95, _, p = compare_means(WITH, WITHOUT)  # type: ignore[misc]
    reference = CompareMeans(DescrStatsW(np.array(WITH)), DescrStatsW(np.array(WITHOUT)))
    lo, hi = reference.tconfint_diff(alpha=0.05, usevar="unequal")
    _, expected_p, _ = reference.ttest_ind(usevar="unequal")
    assert difference == pytest.approx(np.mean(WITH) - np.mean(WITHOUT))
    assert ci95 == pytest.approx((lo, hi))
    assert p == pytest.approx(expected_p)


def test_hedges_g_matches_the_textbook_value() -> None:
    # Means 3 and 5, both SD sqrt(2.5): d = -2 / 1.5811 = -1.2649; J = 1 - 3 / 31.
    _, _, g, _ = compare_means([1, 2, 3, 4, 5], [3, 4, 5, 6, 7])  # type: ignore[misc]
    assert g == pytest.approx(-1.2649 * (1 - 3 / 31), abs=1e-4)


def test_groups_without_spread_or_too_small_are_not_judged() -> None:
    assert compare_means([5, 5, 5], [5, 5, 5]) is None
    assert compare_means([5], [1, 2, 3]) is None


def test_benjamini_hochberg_matches_statsmodels() -> None:
    p_values = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216]
    effects = [
        Effect("tag", str(i), 5, 5, 1.0, 0.0, 1.0, (0.0, 2.0), 0.5, p)
        for i, p in enumerate(p_values)
    ]
    significant, expected, _, _ = multipletests(p_values, alpha=0.05, method="fdr_bh")
    adjusted = adjust(effects)
    assert [e.q_value for e in adjusted] == pytest.approx(list(expected))
    assert [e.significant for e in adjusted] == list(significant)


def test_sleep_slope_matches_ordinary_least_squares() -> None:
    rng = np.random.default_rng(3)
    hours = rng.uniform(4, 9, 40)
    scores = 3 + 0.5 * hours + rng.normal(0, 1, 40)
    effect = sleep_slope(list(zip(hours.tolist(), scores.tolist(), strict=True)))
    assert effect is not None
    fit = sm.OLS(scores, sm.add_constant(hours)).fit()
    assert effect.difference == pytest.approx(fit.params[1])
    assert effect.ci95 == pytest.approx(tuple(fit.conf_int(0.05)[1]))
    assert effect.p_value == pytest.approx(fit.pvalues[1])
    assert effect.effect_size == pytest.approx(
        math.copysign(math.sqrt(fit.rsquared), fit.params[1])
    )


def test_times_of_day_follow_the_local_clock() -> None:
    at = datetime(2026, 1, 5, tzinfo=UTC)
    names = [time_of_day(at.replace(hour=h)) for h in (0, 4, 5, 11, 12, 16, 17, 21, 22, 23)]
    assert names == [
        "night", "night", "morning", "morning", "afternoon",
        "afternoon", "evening", "evening", "night", "night",
    ]  # fmt: skip


def history(
    seed: int, days: int = 120, exercise_boost: float = 0.0, sunday_dip: float = 0.0
) -> list[Observation]:
    """One check-in a day at 20:00; running on random days (boosted by `exercise_boost`),
    a 'reading' tag on other random days with no effect at all."""
    rng = np.random.default_rng(seed)
    observations = []
    for i in range(days):
        day = START + timedelta(days=i)
        runs, reads = rng.random() < 0.35, rng.random() < 0.3
        score = 6 + runs * exercise_boost - (day.weekday() == 6) * sunday_dip + rng.normal(0, 1.3)
        observations.append(
            Observation(
                at=datetime.combine(day, datetime.min.time()).replace(hour=20),
                score=float(np.clip(round(score), 0, 10)),
                activity="running" if runs else "work",
                tags=("reading",) if reads else ("chores",),
                themes=(),
            )
        )
    return observations


def found(effects: list[Effect], factor: str, level: str) -> Effect:
    return next(e for e in effects if (e.factor, e.level) == (factor, level))


def test_a_planted_exercise_effect_is_found_and_the_null_tag_is_not() -> None:
    effects = find_patterns(history(seed=1, exercise_boost=1.5))
    running = found(effects, "activity", "running")
    assert running.significant
    assert running.q_value < 0.05
    assert running.ci95[0] < 1.5 < running.ci95[1]
    assert running.effect_size > 0.8
    assert not found(effects, "tag", "reading").significant
    assert effects[0] == running or effects[0].factor == "activity"  # best-supported first


def test_a_planted_weekday_dip_is_found() -> None:
    sunday = found(find_patterns(history(seed=2, sunday_dip=2.5)), "weekday", "sunday")
    assert sunday.significant
    assert sunday.difference < -1.5
    assert sunday.n_with == 17
    assert sunday.n_without == 103


def test_without_any_planted_effect_almost_nothing_is_reported() -> None:
    reported = sum(any(e.significant for e in find_patterns(history(seed))) for seed in range(100))
    # With every difference null, Benjamini-Hochberg holds the chance of any report near 5 %.
    assert reported <= 9


def test_circumstances_not_recorded_are_not_counted_as_absent() -> None:
    observations = history(seed=4, exercise_boost=1.5)
    blank = [Observation(o.at + timedelta(hours=1), 2.0, themes=None) for o in observations[:30]]
    running = found(find_patterns(observations + blank), "activity", "running")
    assert running.n_with + running.n_without == len(observations)
    assert all(e.factor != "theme" for e in find_patterns(observations + blank))


def daily(values: list[float]) -> list[tuple[date, float]]:
    return [(START + timedelta(days=i), v) for i, v in enumerate(values)]


def test_a_planted_shift_in_level_is_found_on_its_day() -> None:
    rng = np.random.default_rng(5)
    values = np.r_[np.full(50, 7.0), np.full(40, 4.5)] + rng.normal(0, 1.2, 90)
    points = change_points(daily(np.round(values).tolist()))
    assert len(points) == 1
    assert abs((points[0].date - START).days - 50) <= 3
    assert points[0].before > 6.5
    assert points[0].after < 5


def test_moods_that_run_in_spells_are_not_read_as_shifts() -> None:
    false_alarms = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        noise = np.zeros(120)
        for i in range(1, 120):
            noise[i] = 0.5 * noise[i - 1] + rng.normal(0, 1.2)
        false_alarms += bool(change_points(daily(np.round(6.5 + noise).tolist())))
    assert false_alarms <= 4


def test_a_sharp_drop_against_the_persons_own_baseline_is_unusual() -> None:
    rng = np.random.default_rng(6)
    values = np.round(7 + rng.normal(0, 0.6, 40)).tolist()
    values[30] = 2.0
    values[35] = 6.0  # an ordinary dip
    days = unusual_days(daily(values))
    assert [d.date for d in days] == [START + timedelta(days=30)]
    assert days[0].baseline == 7
    assert days[0].robust_z <= -2.5


def test_short_histories_give_no_shifts_or_unusual_days() -> None:
    assert change_points(daily([5.0] * 10)) == []
    assert unusual_days(daily([7.0, 7.0, 1.0])) == []
