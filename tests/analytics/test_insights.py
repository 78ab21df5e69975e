"""Insights and recommendations: only what the figures support, worded safely, with sources;
and the frontend's "AI Insights" widget (contract §6.1–6.2) field by field."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import httpx

from mindtrack.analytics.coping import STRATEGIES, Need, strategies_for
from mindtrack.analytics.insights import REASONS, needs_of, recommendations
from mindtrack.analytics.schemas import (
    CountedWord,
    Dashboard,
    DayScore,
    EffectRead,
    Patterns,
    TrendRead,
    UnusualDayRead,
)
from tests.analytics.test_dashboard import noon
from tests.conftest import Account

TODAY = date(2026, 12, 5)
# Words that would make a statement diagnostic or medical.
UNSAFE = re.compile(
    r"\b(depress\w*|disorder|diagnos\w*|bipolar|psychotic|medication|dose|pills?|antidepressant\w*|symptoms?)\b",
    re.IGNORECASE,
)


def a_dashboard(
    averages: list[float], emotions: tuple[str, ...] = (), direction: str = "stable"
) -> Dashboard:
    daily = [
        DayScore(date=TODAY - timedelta(days=len(averages) - 1 - i), average=a, entries=1)
        for i, a in enumerate(averages)
    ]
    return Dashboard(
        start=TODAY - timedelta(days=29), end=TODAY, entries=len(daily), days_with_entries=len(daily),
        average=sum(averages) / len(averages), median=None,
        trend=TrendRead(direction=direction, slope_per_week=0.0, ci95=(-1.0, 1.0), days=len(daily)),
        current_streak=len(daily), longest_streak=len(daily), best_day=None, worst_day=None,
        daily=daily, chosen_emotions=[CountedWord(word=e, count=3) for e in emotions],
        detected_emotions=[], sentiment=[],
    )  # fmt: skip


def effect(factor: str, level: str, difference: float, significant: bool = True) -> EffectRead:
    return EffectRead(
        factor=factor, level=level, n_with=12, n_without=30, mean_with=6 + difference,
        mean_without=6.0, difference=difference, ci95=(difference - 1, difference + 1),
        effect_size=1.0, p_value=0.001, q_value=0.01 if significant else 0.4, significant=significant,
    )  # fmt: skip


def some_patterns(*effects: EffectRead, unusual: tuple[date, ...] = ()) -> Patterns:
    return Patterns(
        start=TODAY - timedelta(days=89), end=TODAY, entries=42, effects=list(effects),
        change_points=[],
        unusual_days=[UnusualDayRead(date=d, score=2, baseline=7, robust_z=-4) for d in unusual],
    )  # fmt: skip


def test_needs_follow_the_figures() -> None:
    low = needs_of(a_dashboard([3, 3, 4], ("anxious",)), some_patterns(), TODAY, in_crisis=False)
    assert low == {Need.LOW_MOOD, Need.ANXIETY}
    good = needs_of(a_dashboard([7, 8, 7]), some_patterns(), TODAY, in_crisis=False)
    assert good == {Need.GOING_WELL}
    dropped = needs_of(
        a_dashboard([7, 7, 2]), some_patterns(unusual=(TODAY,)), TODAY, in_crisis=True
    )
    assert {Need.CRISIS, Need.SHARP_DROP} <= dropped
    assert Need.GOING_WELL not in dropped
    falling = needs_of(a_dashboard([6, 6, 6], direction="declining"), some_patterns(), TODAY, False)
    assert Need.LOW_MOOD in falling


def test_only_significant_patterns_shape_needs() -> None:
    patterns = some_patterns(
        effect("activity", "running", 1.8),
        effect("sleep_hours", "per hour", 0.4, significant=False),
    )
    needs = needs_of(a_dashboard([5, 5, 5]), patterns, TODAY, in_crisis=False)
    assert Need.HELPFUL_ACTIVITY in needs
    assert Need.SLEEP not in needs


def test_a_crisis_puts_the_safety_plan_first_and_the_persons_own_activity_away() -> None:
    patterns = some_patterns(effect("activity", "running", 1.8))
    chosen = recommendations({Need.CRISIS, Need.HELPFUL_ACTIVITY, Need.LOW_MOOD}, patterns)
    # In a crisis every slot serves it: the plan, a person, and the senses.
    assert [r.strategy.key for r in chosen if r.strategy] == [
        "safety-plan",
        "reach-out",
        "grounding-54321",
    ]
    assert chosen[0].reason == REASONS[Need.CRISIS]
    calm = recommendations({Need.HELPFUL_ACTIVITY, Need.SLEEP}, patterns)
    assert calm[0].strategy is None
    assert "running" in calm[0].text
    assert "1.8 points" in calm[0].text
    assert calm[1].strategy is not None
    assert calm[1].strategy.key == "sleep-routine"


def test_every_strategy_has_a_source_and_safe_words() -> None:
    assert len({s.key for s in STRATEGIES}) == len(STRATEGIES)
    for strategy in STRATEGIES:
        assert strategy.source.url.startswith("https://")
        assert strategy.needs
        assert not UNSAFE.search(f"{strategy.title} {strategy.text}"), strategy.key
    for need in Need:
        if need is not Need.HELPFUL_ACTIVITY:
            assert strategies_for({need}), f"no strategy serves {need}"
    assert all(not UNSAFE.search(reason) for reason in REASONS.values())


# --- over HTTP -------------------------------------------------------------------------------


async def track_running_history(client: httpx.AsyncClient, account: Account) -> None:
    for days_ago in range(42):
        runs = days_ago % 3 == 0
        body = {
            "score": (8 if runs else 5) + days_ago % 2,
            "emotions": ["anxious" if not runs else "calm"],
            "activity": "running" if runs else "work",
            "recorded_at": noon(days_ago).isoformat(),
        }
        response = await client.post("/api/v1/checkins", json=body, headers=account.headers)
        assert response.status_code == 201, response.text


async def get(client: httpx.AsyncClient, account: Account, path: str) -> dict[str, Any]:
    response = await client.get(path, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_insights_link_each_statement_to_its_figures(
    client: httpx.AsyncClient, account: Account
) -> None:
    await track_running_history(client, account)
    body = await get(client, account, "/api/v1/analytics/insights")
    assert body["entries"] == 42
    pattern = next(i for i in body["insights"] if i["kind"] == "pattern")
    assert "running" in pattern["text"]
    assert pattern["evidence"]["level"] == "running"
    assert pattern["evidence"]["q_value"] < 0.05
    assert pattern["view"].startswith("/api/v1/analytics/patterns")
    first = body["recommendations"][0]
    assert (first["key"], first["source"]) == (None, None)
    assert "running" in first["text"]
    assert any(r["technique"] == "paced breathing" for r in body["recommendations"])
    for item in (*body["insights"], *body["recommendations"]):
        assert not UNSAFE.search(item["text"])


async def test_the_widget_without_history_invites_a_first_check_in(
    client: httpx.AsyncClient, account: Account
) -> None:
    insights = await get(client, account, "/api/ai/mood-insights")
    assert insights["insights"] == ["Start tracking your mood to unlock AI-powered insights!"]
    assert "mood_analysis" not in insights
    assert (insights["data_points"], insights["data_available"]) == (0, False)
    recommendations = await get(client, account, "/api/ai/recommendations")
    assert len(recommendations["recommendations"]) == 1
    assert recommendations["data_points"] == 0
    assert (await client.get("/api/ai/mood-insights")).status_code == 401
    assert (await client.get("/api/ai/recommendations")).status_code == 401


async def test_the_widget_field_by_field(client: httpx.AsyncClient, account: Account) -> None:
    await track_running_history(client, account)
    insights = await get(client, account, "/api/ai/mood-insights")
    assert all(isinstance(line, str) for line in insights["insights"])
    assert any("running" in line for line in insights["insights"])
    analysis = insights["mood_analysis"]
    assert analysis["data_points"] == 30  # the last 30 days
    assert analysis["trend"] in {"improving", "declining", "stable"}
    assert isinstance(analysis["average_score"], float)
    assert insights["data_available"] is True
    recommendations = await get(client, account, "/api/ai/recommendations")
    lines = recommendations["recommendations"]
    assert 1 <= len(lines) <= 3
    assert all(isinstance(line, str) for line in lines)
    assert "running" in lines[0]
    assert recommendations["data_points"] == 42


async def test_during_a_crisis_the_lines_and_the_safety_plan_come_first(
    client: httpx.AsyncClient, account: Account
) -> None:
    await track_running_history(client, account)
    phq9 = {"instrument": "phq9", "answers": [1, 1, 1, 1, 0, 0, 0, 0, 2]}
    response = await client.post("/api/v1/assessments", json=phq9, headers=account.headers)
    assert response.json()["crisis"]["level"] == "high"
    lines = (await get(client, account, "/api/ai/recommendations"))["recommendations"]
    assert "988" in lines[0]
    assert "safety plan" in lines[1]
    assert not any("running" in line for line in lines)
    body = await get(client, account, "/api/v1/analytics/insights")
    assert body["recommendations"][0]["key"] == "safety-plan"
