"""Population comparisons: opt-in only, differentially private releases of cohorts large
enough, made once a day, and a person's place among them."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.analytics.comparisons import cohorts_of, release_population
from mindtrack.analytics.population import (
    BINS,
    Member,
    measurements,
    release,
    share_below,
    show_threshold,
)
from mindtrack.config import AnalyticsSettings
from mindtrack.demo.seed import seed_population
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import PopulationSnapshot
from tests.analytics.test_dashboard import checkin, noon
from tests.conftest import Account

POPULATION = "/api/v1/analytics/population"


def people(n: int, seed: int = 0) -> list[Member]:
    rng = random.Random(seed)
    return [Member(rng.gauss(6.5, 1.0), rng.gauss(0.1, 0.4)) for _ in range(n)]


def test_a_release_spends_no_more_than_its_privacy_budget() -> None:
    for epsilon in (0.5, 1.0, 2.0):
        losses = [m.map(1) for m in measurements(epsilon).values()]
        assert sum(losses) <= epsilon * (1 + 1e-6)


def test_a_large_cohort_is_released_close_to_the_truth_with_noise() -> None:
    members = people(400)
    released = release(members, epsilon=1.0, min_members=20)
    assert released is not None
    assert abs(released.members - 400) < 40
    assert abs(released.mean_average - sum(m.average for m in members) / 400) < 0.8
    assert abs(released.mean_slope_per_week - sum(m.slope_per_week for m in members) / 400) < 0.6
    assert len(released.histogram) == BINS
    assert min(released.histogram) >= 0
    assert abs(sum(released.histogram) - 400) < 150


def test_small_cohorts_are_not_released() -> None:
    assert show_threshold(1.0, 20) == pytest.approx(30)
    # Ten people: shown only if the count's noise exceeds +20 (probability about 0.1 %).
    assert release(people(10), epsilon=1.0, min_members=20) is None


def test_share_below_reads_the_released_histogram() -> None:
    histogram = [0] * BINS
    histogram[10], histogram[12], histogram[16] = 10, 20, 10  # averages 5, 6 and 8
    assert share_below(histogram, 6.2) == pytest.approx((10 + 10) / 40)
    assert share_below(histogram, 9.9) == 1.0
    assert share_below([0] * BINS, 5.0) is None


def test_cohorts_need_five_days_each_and_follow_locales() -> None:
    start = utcnow().replace(hour=12) - timedelta(days=20)
    rows = []
    for person, (locale, days) in enumerate((("en-GB", 6), ("en", 6), ("en-GB", 3))):
        user_id = uuid.UUID(int=person + 1)
        for d in range(days):
            rows.append((user_id, "UTC", locale, start + timedelta(days=d), 5 + d % 3))
    cohorts = cohorts_of(rows)
    assert {name: len(members) for name, members in cohorts.items()} == {
        "everyone": 2,
        "country:GB": 1,
    }


async def opt_in(client: httpx.AsyncClient, account: Account, on: bool = True) -> dict[str, Any]:
    response = await client.patch(
        "/api/v1/users/me", json={"population_comparisons": on}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_comparisons_are_opt_in(client: httpx.AsyncClient, account: Account) -> None:
    me = (await client.get("/api/v1/users/me", headers=account.headers)).json()
    assert me["population_opt_in_at"] is None
    response = await client.get(POPULATION, headers=account.headers)
    assert response.status_code == 403
    assert "opt-in" in response.json()["detail"]
    assert (await opt_in(client, account))["population_opt_in_at"] is not None
    waiting = (await client.get(POPULATION, headers=account.headers)).json()
    assert waiting["cohorts"] == []
    assert "Not enough people" in waiting["message"]
    assert (await opt_in(client, account, on=False))["population_opt_in_at"] is None
    assert (await client.get(POPULATION, headers=account.headers)).status_code == 403


async def test_a_daily_release_counts_only_people_who_opted_in(
    client: httpx.AsyncClient, account: Account, app: Any, engine: AsyncEngine
) -> None:
    # 300 demo people with 30 days each; three in five opted in.
    await seed_population(engine, users=300, days=30, password_hash="x", seed=7)
    await opt_in(client, account)
    for days_ago in range(1, 11):
        await checkin(client, account, noon(days_ago), 9)
    settings = AnalyticsSettings()
    factory = app.state.session_factory
    assert await release_population(factory, settings) == 1  # everyone; no country cohort
    assert await release_population(factory, settings) == 0  # once a day
    async with factory() as session:
        rows = (await session.execute(select(func.count(PopulationSnapshot.id)))).scalar_one()
    assert rows == 1
    body = (await client.get(POPULATION, headers=account.headers)).json()
    assert body["you"] == {"average": 9.0, "slope_per_week": 0.0}
    (everyone,) = body["cohorts"]
    assert everyone["cohort"] == "everyone"
    # 180 demo people and this account, with noise (the bounds hold but for odds of 1e-4).
    assert abs(everyone["members"] - 181) < 30
    assert 4.5 < everyone["mean_average"] < 8.5
    assert everyone["share_below_you"] > 0.8
    assert everyone["epsilon"] == 1.0


async def test_a_stale_release_is_not_shown(
    client: httpx.AsyncClient, account: Account, app: Any
) -> None:
    await opt_in(client, account)
    async with transaction(app.state.session_factory) as session:
        session.add(
            PopulationSnapshot(
                cohort="everyone", period_days=30, released_on=utcnow().date() - timedelta(days=8),
                members=100, mean_average=6.0, mean_slope_per_week=0.0, histogram=[5] * BINS,
                epsilon=1.0,
            )
        )  # fmt: skip
    body = (await client.get(POPULATION, headers=account.headers)).json()
    assert body["cohorts"] == []
    assert "Not enough people" in body["message"]
