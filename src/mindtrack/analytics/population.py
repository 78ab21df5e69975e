"""Population figures released with differential privacy, and one person's place among them.

A release describes one cohort over one window: how many people it holds, their mean average
score, their mean trend, and a histogram of their averages. Each person is one record (their
own average and trend over the window), so adding or removing anyone changes:

- the count by 1,
- the sum of averages by at most 10 (averages are clamped to the 0–10 scale),
- the sum of trends by at most 6 (trends are clamped to ±3 points a week),
- one bin of the histogram by 1.

Each of the four is released once through OpenDP's Laplace mechanism (sampled exactly, from
the discrete Laplace distribution, so floating-point artefacts leak nothing), with the
privacy budget ε split 30 / 30 / 20 / 20 %; by basic composition the whole release is
ε-differentially private. Everything a person is shown is computed from a release
(post-processing), never from the raw figures.

A cohort is shown only when its noisy size clears the minimum (20 people) by three times the
count's noise scale (30 at ε = 1). The decision reads the noisy count only, so it is covered
by the same guarantee, and a cohort of fewer than 20 is shown with a probability below 2 %
(below 0.2 % for fewer than 10).

The price of privacy is noise that small cohorts feel most: at ε = 1 the released mean average
of 100 people is off by about 0.5 points (one standard deviation), of 400 people by about 0.1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import opendp.prelude as dp

dp.enable_features("contrib")

SCALE = (0.0, 10.0)
TREND_BOUNDS = (-3.0, 3.0)
BIN_WIDTH = 0.5
BINS = int((SCALE[1] - SCALE[0]) / BIN_WIDTH)
# Shares of ε spent on the count, the sum of averages, the sum of trends and the histogram.
BUDGET_SHARES = (0.3, 0.3, 0.2, 0.2)
# How many noise scales the noisy count must clear the minimum cohort by.
THRESHOLD_SCALES = 3.0


@dataclass(frozen=True, slots=True)
class Member:
    """One person's figures over the window (the record the privacy guarantee protects)."""

    average: float
    slope_per_week: float


@dataclass(frozen=True, slots=True)
class Release:
    members: int  # noisy
    mean_average: float
    mean_slope_per_week: float
    histogram: list[int]  # noisy counts of averages in [0, 0.5), [0.5, 1), … [9.5, 10]
    epsilon: float


def _floats() -> tuple[dp.Domain, dp.Metric]:
    return dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.symmetric_distance()


def _calibrated(build: object, epsilon: float) -> dp.Measurement:
    """The measurement from `build(scale)` whose privacy loss for one person is `epsilon`."""
    return dp.binary_search_chain(build, d_in=1, d_out=epsilon)  # type: ignore[arg-type]


def _clamped_sum(bounds: tuple[float, float]) -> object:
    return lambda s: (
        _floats() >> dp.t.then_clamp(bounds) >> dp.t.then_sum() >> dp.m.then_laplace(s)  # type: ignore[no-untyped-call]
    )


@cache
def measurements(epsilon: float) -> dict[str, dp.Measurement]:
    """The four noisy queries of a release, each calibrated to its share of `epsilon` for
    one person (one record) added or removed."""
    count_eps, average_eps, slope_eps, histogram_eps = (epsilon * s for s in BUDGET_SHARES)
    return {
        "count": _calibrated(
            lambda s: _floats() >> dp.t.then_count() >> dp.m.then_laplace(s), count_eps
        ),
        "average_sum": _calibrated(_clamped_sum(SCALE), average_eps),
        "slope_sum": _calibrated(_clamped_sum(TREND_BOUNDS), slope_eps),
        "histogram": _calibrated(
            lambda s: (
                (dp.vector_domain(dp.atom_domain(T=int)), dp.symmetric_distance())
                >> dp.t.then_count_by_categories(categories=list(range(BINS)), null_category=False)
                >> dp.m.then_laplace(s)
            ),
            histogram_eps,
        ),
    }


def release(members: Sequence[Member], epsilon: float, min_members: int) -> Release | None:
    """The cohort's figures with Laplace noise, or None when its noisy size is too small to
    show anyone."""
    noisy = measurements(epsilon)
    averages = [m.average for m in members]
    noisy_members = int(noisy["count"](averages))
    if noisy_members < show_threshold(epsilon, min_members):
        return None
    average_sum = noisy["average_sum"](averages)
    slope_sum = noisy["slope_sum"]([m.slope_per_week for m in members])
    histogram = noisy["histogram"]([bin_of(a) for a in averages])
    return Release(
        members=noisy_members,
        mean_average=round(min(max(average_sum / noisy_members, SCALE[0]), SCALE[1]), 2),
        mean_slope_per_week=round(
            min(max(slope_sum / noisy_members, TREND_BOUNDS[0]), TREND_BOUNDS[1]), 3
        ),
        histogram=[max(int(c), 0) for c in histogram],
        epsilon=epsilon,
    )


def show_threshold(epsilon: float, min_members: int) -> float:
    """The noisy cohort size from which a release is shown (the count's sensitivity is 1)."""
    return min_members + THRESHOLD_SCALES / (epsilon * BUDGET_SHARES[0])


def bin_of(average: float) -> int:
    return min(int((min(max(average, SCALE[0]), SCALE[1]) - SCALE[0]) / BIN_WIDTH), BINS - 1)


def share_below(histogram: Sequence[int], average: float) -> float | None:
    """The share of the cohort whose average is below `average` (half of its own bin counts
    as below), read from the released histogram."""
    total = sum(histogram)
    if total == 0:
        return None
    own = bin_of(average)
    below = sum(histogram[:own]) + histogram[own] / 2
    return round(below / total, 2)
