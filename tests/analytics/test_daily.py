"""Day summaries stay equal to what the check-ins say, whatever changes them: new, edited,
moved and deleted check-ins, analysed notes, timezone changes, concurrent check-ins of one
day (PostgreSQL), and a full rebuild."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from mindtrack.analytics.comparisons import DailyJobs
from mindtrack.analytics.daily import rebuild_all, summarise
from mindtrack.config import AnalyticsSettings
from mindtrack.kit.db import transaction
from mindtrack.models import CheckinAnalysis, MoodDay, MoodEntry, PopulationSnapshot, User
from tests.analytics.test_dashboard import noon
from tests.conftest import Account

CHECKINS = "/api/v1/checkins"


async def stored(factory: async_sessionmaker[Any], account: Account) -> dict[Any, dict[str, Any]]:
    async with factory() as session:
        rows = (
            await session.execute(select(MoodDay).where(MoodDay.user_id == account.user.id))
        ).scalars()
        return {
            row.day: {
                "entries": row.entries, "score_sum": row.score_sum, "score_min": row.score_min,
                "score_max": row.score_max, "score_counts": row.score_counts,
                "valence_sum": round(row.valence_sum, 6), "valence_count": row.valence_count,
                "chosen_emotions": row.chosen_emotions, "detected_emotions": row.detected_emotions,
            }
            for row in rows
        }  # fmt: skip


async def expected(factory: async_sessionmaker[Any], account: Account) -> dict[Any, dict[str, Any]]:
    """The summaries computed afresh from the check-ins."""
    async with factory() as session:
        timezone = (
            await session.execute(select(User.timezone).where(User.id == account.user.id))
        ).scalar_one()
        rows = (
            await session.execute(
                select(
                    MoodEntry.recorded_at, MoodEntry.score, MoodEntry.emotions,
                    CheckinAnalysis.valence, CheckinAnalysis.emotions,
                )
                .outerjoin(CheckinAnalysis, CheckinAnalysis.entry_id == MoodEntry.id)
                .where(MoodEntry.user_id == account.user.id)
            )
        ).all()  # fmt: skip
    result = {}
    for day, summary in summarise(rows, ZoneInfo(timezone)).items():
        row = summary.row(account.user.id)
        row["valence_sum"] = round(row["valence_sum"], 6)
        result[day] = {k: v for k, v in row.items() if k not in {"user_id", "day"}}
    return result


async def test_summaries_follow_every_kind_of_change(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    factory = app.state.session_factory
    rng = random.Random(11)
    ids = []
    for i in range(12):
        body = {
            "score": rng.randint(0, 10),
            "emotions": [rng.choice(["calm", "sad", "tired"])],
            "recorded_at": (noon(i % 5) + timedelta(hours=rng.randint(-11, 11))).isoformat(),
        }
        if i % 4 == 0:
            body["notes"] = "Had a lovely walk with my sister and felt calm afterwards."
        response = await client.post(CHECKINS, json=body, headers=account.headers)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    assert await stored(factory, account) == await expected(factory, account)
    moved = {"score": 3, "recorded_at": noon(20).isoformat()}
    assert (
        await client.patch(f"{CHECKINS}/{ids[1]}", json=moved, headers=account.headers)
    ).status_code == 200
    noted = {"notes": "Work was stressful and I could not sleep."}
    assert (
        await client.patch(f"{CHECKINS}/{ids[2]}", json=noted, headers=account.headers)
    ).status_code == 200
    assert (await client.delete(f"{CHECKINS}/{ids[3]}", headers=account.headers)).status_code == 204
    assert await stored(factory, account) == await expected(factory, account)
    tokyo = await client.patch(
        "/api/v1/users/me", json={"timezone": "Asia/Tokyo"}, headers=account.headers
    )
    assert tokyo.status_code == 200
    after = await stored(factory, account)
    assert after == await expected(factory, account)
    assert sum(day["entries"] for day in after.values()) == 11
    assert any(day["valence_count"] for day in after.values())  # analysed notes count


async def test_a_failed_request_leaves_the_summaries_alone(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    body = {"score": 7, "emotions": ["calm"], "recorded_at": noon(1).isoformat()}
    assert (await client.post(CHECKINS, json=body, headers=account.headers)).status_code == 201
    before = await stored(app.state.session_factory, account)
    bad = await client.post(CHECKINS, json=body | {"score": 11}, headers=account.headers)
    assert bad.status_code == 422
    assert await stored(app.state.session_factory, account) == before


async def test_concurrent_check_ins_of_one_day_are_all_counted(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    async def post(score: int) -> None:
        body = {"score": score, "emotions": ["calm"], "recorded_at": noon(2).isoformat()}
        response = await client.post(CHECKINS, json=body, headers=account.headers)
        assert response.status_code == 201, response.text

    await asyncio.gather(*(post(score) for score in range(10)))
    (day,) = (await stored(app.state.session_factory, account)).values()
    assert (day["entries"], day["score_sum"]) == (10, 45)


async def test_a_full_rebuild_gives_the_same_summaries(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    factory = app.state.session_factory
    for days_ago in range(6):
        body = {
            "score": days_ago,
            "emotions": ["sad", "tired"],
            "recorded_at": noon(days_ago).isoformat(),
        }
        assert (await client.post(CHECKINS, json=body, headers=account.headers)).status_code == 201
    incremental = await stored(factory, account)
    async with transaction(factory) as session:
        await session.execute(delete(MoodDay))
    assert await stored(factory, account) == {}
    async with transaction(factory) as session:
        written = await session.run_sync(rebuild_all)
    assert written == 6
    assert await stored(factory, account) == incremental


async def test_the_daily_jobs_release_figures_and_repair_recent_days_once_a_day(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    factory = app.state.session_factory
    body = {"score": 6, "emotions": ["calm"], "recorded_at": noon(1).isoformat()}
    assert (await client.post(CHECKINS, json=body, headers=account.headers)).status_code == 201
    kept = await stored(factory, account)
    async with transaction(factory) as session:  # as if written around the service
        await session.execute(delete(MoodDay))
    jobs = DailyJobs(factory, AnalyticsSettings())
    await jobs()
    assert await stored(factory, account) == kept
    async with factory() as session:
        releases = (await session.execute(select(PopulationSnapshot.cohort))).scalars().all()
    assert releases == ["everyone"]  # too few people to show, but drawn once for today
    async with transaction(factory) as session:
        await session.execute(delete(MoodDay))
    await jobs()  # already done today
    assert await stored(factory, account) == {}


async def test_a_day_without_a_summary_is_summed_up_from_all_its_check_ins(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    """A new check-in is added to its day's summary; where the day has none (a table emptied
    or never built), the day is summed up from every check-in it holds, not just the new one."""
    factory = app.state.session_factory

    async def post(score: int) -> None:
        body = {"score": score, "emotions": ["calm"], "recorded_at": noon(3).isoformat()}
        assert (await client.post(CHECKINS, json=body, headers=account.headers)).status_code == 201

    await post(2)
    await post(4)
    async with transaction(factory) as session:
        await session.execute(delete(MoodDay))
    await post(9)
    (day,) = (await stored(factory, account)).values()
    assert (day["entries"], day["score_sum"], day["score_min"]) == (3, 15, 2)
    assert await stored(factory, account) == await expected(factory, account)


async def test_one_session_adding_check_ins_over_several_transactions_counts_them_all(
    account: Account, app: Any
) -> None:
    """A job that keeps one session across transactions (imports, reanalysis) must not add to
    a summary it read in an earlier transaction."""
    async with app.state.session_factory() as session:
        for score in (1, 5, 8):
            session.add(
                MoodEntry(
                    user_id=account.user.id, score=score, emotions=["calm"], recorded_at=noon(4)
                )
            )
            await session.commit()
    (day,) = (await stored(app.state.session_factory, account)).values()
    assert (day["entries"], day["score_sum"], day["score_max"]) == (3, 14, 8)
