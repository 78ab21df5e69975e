"""The risk rules, one factor at a time (pure functions, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mindtrack.crisis.risk import MAX_SCORE, RiskInputs, ScoredDay, assess, reads_history
from mindtrack.ml.crisis.levels import RiskLevel

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def days_ago(days: float, score: int) -> ScoredDay:
    return ScoredDay(NOW - timedelta(days=days), score)


def names(inputs: RiskInputs) -> set[str]:
    return {f.name for f in assess(inputs).factors}


def test_nothing_known_is_no_risk() -> None:
    result = assess(RiskInputs(now=NOW))
    assert (result.level, result.score, result.factors) == (RiskLevel.NONE, 0.0, [])


def test_the_text_level_and_score_carry_through() -> None:
    result = assess(RiskInputs(now=NOW, text_level=RiskLevel.HIGH, text_score=0.71, mood_score=6))
    assert (result.level, result.score) == (RiskLevel.HIGH, 0.71)
    assert [f.name for f in result.factors] == ["text"]


def test_other_factors_raise_the_level_but_never_lower_the_text() -> None:
    good_week = [days_ago(d, 8) for d in range(1, 8)]
    calm = RiskInputs(
        now=NOW, text_level=RiskLevel.IMMINENT, text_score=0.95, mood_score=9, history=good_week
    )
    assert assess(calm).level == RiskLevel.IMMINENT
    item9 = RiskInputs(
        now=NOW, text_level=RiskLevel.LOW, text_score=0.3, item9=(2, NOW - timedelta(days=3))
    )
    result = assess(item9)
    assert result.level == RiskLevel.HIGH
    assert result.score == RiskLevel.HIGH.band[0]  # the text score belongs to a lower band


def test_phq9_item9_counts_for_two_weeks_and_by_its_answer() -> None:
    def level(answer: int, age_days: float) -> RiskLevel:
        return assess(RiskInputs(now=NOW, item9=(answer, NOW - timedelta(days=age_days)))).level

    assert level(1, 1) == RiskLevel.MODERATE
    assert level(3, 13.9) == RiskLevel.HIGH
    assert level(3, 14.1) == RiskLevel.NONE
    assert level(0, 1) == RiskLevel.NONE


def test_a_drop_below_the_persons_own_baseline_needs_enough_history() -> None:
    usual = [days_ago(d, 7) for d in range(1, 6)]
    assert names(RiskInputs(now=NOW, mood_score=3, history=usual)) == {"drop_below_baseline"}
    assert names(RiskInputs(now=NOW, mood_score=4, history=usual)) == set()  # 3 points: ordinary
    assert names(RiskInputs(now=NOW, mood_score=3, history=usual[:4])) == set()  # too little known
    old = [days_ago(d, 7) for d in range(31, 36)]
    assert names(RiskInputs(now=NOW, mood_score=3, history=old)) == set()  # outside the 30 days


def test_three_very_low_days_in_a_row_call_for_moderate() -> None:
    run = [days_ago(1, 2), days_ago(2, 1)]
    result = assess(RiskInputs(now=NOW, mood_score=2, history=run))
    assert result.level == RiskLevel.MODERATE
    assert {f.name for f in result.factors} == {"very_low_mood", "several_very_low_days"}
    gap = [days_ago(1, 2), days_ago(3, 1)]
    assert assess(RiskInputs(now=NOW, mood_score=2, history=gap)).level == RiskLevel.LOW


def test_days_are_the_persons_own_days() -> None:
    # 09:00 UTC on 5 December is still 4 December in Honolulu (UTC-10): there, the two
    # earlier check-ins fall on today and yesterday, and the day before has none.
    honolulu = ZoneInfo("Pacific/Honolulu")
    history = [
        ScoredDay(datetime(2026, 12, 4, 20, tzinfo=UTC), 1),  # 4 December there too
        ScoredDay(datetime(2026, 12, 3, 20, tzinfo=UTC), 1),
    ]
    utc_days = RiskInputs(now=NOW, mood_score=1, history=history)
    local_days = RiskInputs(now=NOW, mood_score=1, history=history, timezone=honolulu)
    assert "several_very_low_days" in names(utc_days)
    assert "several_very_low_days" not in names(local_days)


def test_an_unresolved_incident_keeps_the_risk_low_but_not_alarming() -> None:
    result = assess(RiskInputs(now=NOW, mood_score=7, open_incident=RiskLevel.IMMINENT))
    assert result.level == RiskLevel.LOW
    assert [f.name for f in result.factors] == ["open_incident"]


@settings(max_examples=300, deadline=None)
@given(
    score=st.integers(0, MAX_SCORE),
    history=st.lists(st.builds(days_ago, st.floats(0, 40), st.integers(0, MAX_SCORE)), max_size=40),
    text_level=st.none() | st.sampled_from(list(RiskLevel)),
)
# The edge: a usual mood of 10 puts a score of 6 just under it.
@example(score=6, history=[days_ago(d, MAX_SCORE) for d in range(1, 8)], text_level=None)
def test_a_score_that_reads_no_history_is_assessed_the_same_without_it(
    score: int, history: list[ScoredDay], text_level: RiskLevel | None
) -> None:
    inputs = RiskInputs(now=NOW, text_level=text_level, mood_score=score, history=history)
    if not reads_history(score):
        assert assess(inputs) == assess(
            RiskInputs(now=NOW, text_level=text_level, mood_score=score)
        )


def test_history_is_read_for_scores_that_can_fall_under_a_usual_mood() -> None:
    assert [s for s in range(MAX_SCORE + 1) if reads_history(s)] == [0, 1, 2, 3, 4, 5, 6]
    assert not reads_history(None)
    usual_ten = [days_ago(d, MAX_SCORE) for d in range(1, 8)]
    assert "drop_below_baseline" in names(RiskInputs(now=NOW, mood_score=6, history=usual_ten))
