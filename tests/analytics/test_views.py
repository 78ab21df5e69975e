"""Time series, patterns and forecasts over HTTP (SQLite and PostgreSQL), with the edge cases
a real history has: nothing yet, one day, a gap of months, a daylight-saving change."""

from __future__ import annotations

import random
import statistics
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from mindtrack.analytics.stats import DayTotals, median_of_counts, series_points
from mindtrack.kit.time import utcnow
from tests.analytics.test_dashboard import checkin, noon
from tests.conftest import Account
from tests.mood.test_router import assert_validation_problem

ANALYTICS = "/api/v1/analytics"


async def get(client: httpx.AsyncClient, account: Account, view: str, **params: Any) -> Any:
    response = await client.get(f"{ANALYTICS}/{view}", params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_series_points_aggregate_days_and_monday_weeks_with_rolling_means() -> None:
    monday = date(2026, 11, 2)
    scores = [
        DayTotals(monday, 2, 10.0, 4.0, 6.0),
        DayTotals(monday + timedelta(days=6), 1, 8.0, 8.0, 8.0),
        DayTotals(monday + timedelta(days=8), 1, 2.0, 2.0, 2.0),
    ]
    days = series_points(scores, "day")
    assert [(p.start, p.mean, p.min, p.max, p.count) for p in days] == [
        (monday, 5.0, 4.0, 6.0, 2),
        (monday + timedelta(days=6), 8.0, 8.0, 8.0, 1),
        (monday + timedelta(days=8), 2.0, 2.0, 2.0, 1),
    ]
    # Day 6 reaches back to Monday (7 days); day 8 no longer does.
    assert [p.rolling_mean for p in days] == [5.0, 6.0, 5.0]
    weeks = series_points(scores, "week")
    assert [(p.start, p.mean, p.count, p.rolling_mean) for p in weeks] == [
        (monday, 6.0, 3, 6.0),
        (monday + timedelta(days=7), 2.0, 1, 5.0),
    ]


def test_medians_from_score_counts_match_the_statistics_module() -> None:
    rng = random.Random(3)
    for _ in range(50):
        scores = [rng.randint(0, 10) for _ in range(rng.randint(1, 30))]
        counts = [scores.count(s) for s in range(11)]
        assert median_of_counts(counts) == statistics.median(scores)
    assert median_of_counts([0] * 11) is None


async def test_time_series_by_day_and_week_and_a_custom_range(
    client: httpx.AsyncClient, account: Account
) -> None:
    for days_ago in range(10):
        await checkin(client, account, noon(days_ago), 3 + days_ago % 5)
    body = await get(client, account, "timeseries", period=7)
    assert body["bucket"] == "day"
    assert [p["count"] for p in body["points"]] == [1] * 7
    assert body["points"][-1]["start"] == utcnow().date().isoformat()
    weeks = await get(client, account, "timeseries", bucket="week", period=30)
    assert sum(p["count"] for p in weeks["points"]) == 10
    assert all(date.fromisoformat(p["start"]).weekday() == 0 for p in weeks["points"])
    first, last = utcnow().date() - timedelta(days=9), utcnow().date() - timedelta(days=8)
    ranged = await get(client, account, "timeseries", start=first, end=last)
    assert [p["mean"] for p in ranged["points"]] == [7.0, 6.0]  # 9 and 8 days ago


async def test_bad_ranges_are_refused_clearly(client: httpx.AsyncClient, account: Account) -> None:
    today = utcnow().date()
    response = await client.get(
        f"{ANALYTICS}/timeseries",
        params={"start": today.isoformat(), "end": (today - timedelta(days=1)).isoformat()},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert "start" in response.json()["detail"]
    too_long = {"start": (today - timedelta(days=4000)).isoformat()}
    response = await client.get(f"{ANALYTICS}/patterns", params=too_long, headers=account.headers)
    assert response.status_code == 422
    assert "3660 days" in response.json()["detail"]
    response = await client.get(
        f"{ANALYTICS}/timeseries", params={"bucket": "month"}, headers=account.headers
    )
    assert_validation_problem(response, "bucket")
    for view in ("timeseries", "patterns", "forecast"):
        assert (await client.get(f"{ANALYTICS}/{view}")).status_code == 401


async def test_patterns_find_what_goes_with_a_better_mood(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    for days_ago in range(42):
        runs = days_ago % 3 == 0
        body = {
            "score": (8 if runs else 5) + days_ago % 2,
            "emotions": ["calm"],
            "activity": "Running" if runs else "work",
            "recorded_at": noon(days_ago).isoformat(),
        }
        response = await client.post("/api/v1/checkins", json=body, headers=account.headers)
        assert response.status_code == 201, response.text
    patterns = await get(client, account, "patterns")
    running = next(e for e in patterns["effects"] if e["level"] == "running")
    assert running["factor"] == "activity"
    assert (running["n_with"], running["n_without"]) == (14, 28)
    assert running["significant"]
    assert running["q_value"] < 0.05
    assert running["ci95"][0] > 2
    assert patterns["entries"] == 42
    stranger = await get(client, await make_account(), "patterns")
    assert (stranger["entries"], stranger["effects"], stranger["change_points"]) == (0, [], [])


async def test_a_forecast_says_when_it_has_too_little_to_go_on(
    client: httpx.AsyncClient, account: Account
) -> None:
    empty = await get(client, account, "forecast")
    assert (empty["enough_data"], empty["forecasts"]) == (False, [])
    assert "Check in" in empty["message"]
    for days_ago in range(3):
        await checkin(client, account, noon(days_ago), 3)
    early = await get(client, account, "forecast", days=3)
    assert early["days_with_scores"] == 3
    assert not early["enough_data"]
    assert "3 day(s)" in early["message"]
    assert [f["horizon"] for f in early["forecasts"]] == [1, 2, 3]
    # Pulled towards what is usual for everyone, and honest about it with a wide range.
    assert 3 < early["forecasts"][0]["forecast"] < 6.5
    assert early["forecasts"][0]["hi95"] - early["forecasts"][0]["lo95"] > 4


async def test_a_forecast_from_a_month_of_history(
    client: httpx.AsyncClient, account: Account
) -> None:
    for days_ago in range(30):
        await checkin(client, account, noon(days_ago), 6 + days_ago % 2)
    body = await get(client, account, "forecast")
    assert body["enough_data"]
    assert body["message"] is None
    today = utcnow().date()
    assert body["origin"] == today.isoformat()
    forecasts = body["forecasts"]
    assert [f["date"] for f in forecasts] == [
        (today + timedelta(days=h)).isoformat() for h in range(1, 8)
    ]
    for f in forecasts:
        assert f["lo95"] <= f["lo80"] <= f["forecast"] <= f["hi80"] <= f["hi95"]
        assert 5.5 < f["forecast"] < 7.5
        assert abs(sum(f["factors"].values()) - f["forecast"]) < 0.01
    response = await client.get(
        f"{ANALYTICS}/forecast", params={"days": 8}, headers=account.headers
    )
    assert_validation_problem(response, "days")


async def test_sparse_histories_never_fail(client: httpx.AsyncClient, account: Account) -> None:
    # All on one day, then nothing for seven months, then today.
    for hour in (8, 12, 20):
        await checkin(client, account, noon(210).replace(hour=hour), 4)
    await checkin(client, account, noon(0), 9)
    for view, params in (
        ("dashboard", {"period": 365}),
        ("timeseries", {"period": 365, "bucket": "week"}),
        ("patterns", {"period": 365}),
        ("forecast", {}),
    ):
        await get(client, account, view, **params)
    dashboard = await get(client, account, "dashboard", period=365)
    assert (dashboard["entries"], dashboard["days_with_entries"]) == (4, 2)
    assert dashboard["trend"] is None  # two days are not a trend
    forecast = await get(client, account, "forecast")
    assert forecast["days_with_scores"] == 2
    assert not forecast["enough_data"]


async def test_days_follow_the_persons_clock_across_a_daylight_saving_change(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.patch(
        "/api/v1/users/me", json={"timezone": "America/New_York"}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    zone = ZoneInfo("America/New_York")
    change = date(2026, 11, 1)  # clocks go back at 02:00: the day has 25 hours
    moments = [
        datetime(2026, 11, 1, 0, 30, tzinfo=zone),
        datetime(2026, 11, 1, 23, 30, tzinfo=zone),
        datetime(2026, 11, 2, 0, 15, tzinfo=zone),
    ]
    for at, score in zip(moments, (2, 4, 8), strict=True):
        await checkin(client, account, at.astimezone(UTC), score)
    body = await get(client, account, "timeseries", start=change, end=change + timedelta(days=1))
    assert [(p["start"], p["mean"], p["count"]) for p in body["points"]] == [
        ("2026-11-01", 3.0, 2),
        ("2026-11-02", 8.0, 1),
    ]
