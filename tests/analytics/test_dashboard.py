"""The dashboard over HTTP (SQLite and PostgreSQL), and its statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from mindtrack.analytics.stats import streaks, trend
from mindtrack.kit.time import utcnow
from tests.conftest import Account
from tests.mood.test_router import assert_validation_problem

DASHBOARD = "/api/v1/analytics/dashboard"


async def checkin(
    client: httpx.AsyncClient, account: Account, at: datetime, score: int, *emotions: str
) -> None:
    body = {"score": score, "emotions": list(emotions or ["calm"]), "recorded_at": at.isoformat()}
    response = await client.post("/api/v1/checkins", json=body, headers=account.headers)
    assert response.status_code == 201, response.text


async def dashboard(client: httpx.AsyncClient, account: Account, **params: Any) -> dict[str, Any]:
    response = await client.get(DASHBOARD, params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def noon(days_ago: int) -> datetime:
    today = utcnow().date()
    return datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), UTC) + timedelta(
        hours=12
    )


async def test_no_check_ins_is_an_empty_dashboard_not_an_error(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = await dashboard(client, account)
    assert (body["entries"], body["average"], body["median"], body["trend"]) == (
        0,
        None,
        None,
        None,
    )
    assert (body["current_streak"], body["best_day"], body["daily"]) == (0, None, [])


async def test_a_rising_fortnight_reads_as_improving_with_its_streak_and_extremes(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    for days_ago in range(10):
        await checkin(
            client, account, noon(days_ago), 9 - days_ago // 2, "happy" if days_ago < 4 else "tired"
        )
    other: Account = await make_account()
    await checkin(client, other, noon(0), 0, "sad")
    body = await dashboard(client, account, period=30)
    assert (body["entries"], body["days_with_entries"]) == (10, 10)
    assert body["average"] == 7.0
    assert body["median"] == 7.0
    assert body["trend"]["direction"] == "improving"
    assert body["trend"]["ci95"][0] > 0
    assert (body["current_streak"], body["longest_streak"]) == (10, 10)
    assert body["best_day"]["average"] == 9
    assert body["worst_day"]["average"] == 5
    assert body["chosen_emotions"] == [{"word": "tired", "count": 6}, {"word": "happy", "count": 4}]
    assert body["detected_emotions"] == []  # no notes, nothing read


async def test_days_are_the_persons_own(client: httpx.AsyncClient, account: Account) -> None:
    patch = await client.patch(
        "/api/v1/users/me", json={"timezone": "Asia/Tokyo"}, headers=account.headers
    )
    assert patch.status_code == 200, patch.text
    tokyo_today = utcnow().astimezone(ZoneInfo("Asia/Tokyo")).date()
    # 23:30 UTC the day before Tokyo's today is 08:30 of Tokyo's today.
    late = datetime.combine(tokyo_today - timedelta(days=1), datetime.min.time(), UTC) + timedelta(
        hours=23, minutes=30
    )
    await checkin(client, account, late, 6)  # never a day ahead: within the drift allowed
    body = await dashboard(client, account, period=7)
    assert body["end"] == tokyo_today.isoformat()
    assert [d["date"] for d in body["daily"]] == [tokyo_today.isoformat()]


async def test_flat_days_are_stable_and_bad_periods_are_refused(
    client: httpx.AsyncClient, account: Account
) -> None:
    for days_ago in range(8):
        await checkin(client, account, noon(days_ago), 5 + days_ago % 2)
    assert (await dashboard(client, account, period=7))["trend"]["direction"] == "stable"
    response = await client.get(DASHBOARD, params={"period": 10}, headers=account.headers)
    assert_validation_problem(response, "period")
    assert (await client.get(DASHBOARD)).status_code == 401


def test_streaks_count_runs_of_days_and_forgive_an_unfinished_today() -> None:
    today = date(2026, 12, 5)
    days = {today - timedelta(days=d) for d in (1, 2, 3, 7, 8, 9, 10, 11)}
    assert streaks(days, today) == (3, 5)
    assert streaks(set(), today) == (0, 0)
    assert streaks({today - timedelta(days=2)}, today) == (0, 1)


def test_a_trend_needs_five_days() -> None:
    start = date(2026, 12, 1)
    assert trend([(start + timedelta(days=i), 5.0 + i) for i in range(4)]) is None
    rising = trend([(start + timedelta(days=i), 5.0 + i) for i in range(5)])
    assert rising is not None
    assert (rising.direction, rising.slope_per_week) == ("improving", 7.0)


# --- the frontend's summary card (contract §5.2) ---------------------------------------------

SUMMARY = "/api/analytics/summary"


async def summary(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    response = await client.get(SUMMARY, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert isinstance(body["total_entries"], int)
    assert isinstance(body["average_score"], float | int)
    assert body["mood_trend"] in {
        "improving",
        "declining",
        "stable",
        "insufficient_data",
        "no_data",
    }
    assert isinstance(body["crisis_incidents"], int)
    assert all(isinstance(line, str) for line in body["ai_insights"])
    return body


async def test_the_summary_card_without_check_ins(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = await summary(client, account)
    assert (body["total_entries"], body["average_score"], body["mood_trend"]) == (0, 0.0, "no_data")
    assert (body["crisis_incidents"], body["ai_insights"]) == (0, [])
    assert (await client.get(SUMMARY)).status_code == 401


async def test_the_summary_card_reads_the_last_30_days(
    client: httpx.AsyncClient, account: Account
) -> None:
    for days_ago, score in ((0, 7), (1, 6), (2, 6)):
        await checkin(client, account, noon(days_ago), score, "calm")
    await checkin(client, account, noon(40), 1, "sad")  # outside the window
    body = await summary(client, account)
    assert (body["total_entries"], body["average_score"], body["mood_trend"]) == (
        3,
        6.3,
        "insufficient_data",
    )
    assert body["most_common_emotions"] == [{"emotion": "calm", "count": 3}]
    assert body["ai_insights"][0] == "📊 3 check-ins so far, averaging 6.3/10"
    assert "🔥 3 days in a row of check-ins" in body["ai_insights"]
    for days_ago in range(3, 9):
        await checkin(client, account, noon(days_ago), 2)
    rising = await summary(client, account)
    assert rising["mood_trend"] == "improving"
    assert rising["ai_insights"][0].startswith("📈 Your mood has been rising")


async def test_the_summary_counts_crisis_incidents(
    client: httpx.AsyncClient, account: Account
) -> None:
    note = "I can't stop thinking about killing myself, I looked up how many pills it would take."
    body = {"score": 2, "emotions": ["sad"], "notes": note}
    assert (
        await client.post("/api/v1/checkins", json=body, headers=account.headers)
    ).status_code == 201
    assert (await summary(client, account))["crisis_incidents"] == 1
