"""Short statements drawn from a person's figures, and the coping strategies that fit them.

Each statement says what the numbers show, names the figures behind it and the view that
shows them, and says nothing a clinician would have to say: no diagnosis, no labels for the
person, nothing about medication. A pattern is only put into words when its corrected
significance supports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

from mindtrack.analytics.coping import PRIORITY, Need, Strategy, strategies_for
from mindtrack.analytics.schemas import Dashboard, EffectRead, Patterns

STREAK_WORTH_SAYING = 3
PATTERNS_TO_SAY = 3
# Unusual days and the state of mood are judged over the latest days.
RECENT_DAYS = 7
LOW_AVERAGE = 4.0
GOOD_AVERAGE = 6.0
ANXIOUS = frozenset(
    {"anxious", "stressed", "nervous", "nervousness", "fear", "scared", "overwhelmed"}
)
WORRIED = frozenset({"worried", "worry", "overthinking"})
TIRED = frozenset({"tired", "exhausted", "drained", "sleepy"})
LONELY = frozenset({"lonely", "isolated", "alone"})
SOCIAL_THEMES = frozenset({"relationships", "friends", "family"})


@dataclass(frozen=True, slots=True)
class Insight:
    kind: str  # trend, streak, emotion, pattern, change, unusual_day, summary
    text: str
    view: str  # the endpoint whose figures show it
    evidence: dict[str, float | int | str] = field(default_factory=dict)


def dashboard_insights(dashboard: Dashboard) -> list[Insight]:
    if dashboard.entries == 0:
        return []
    days = (dashboard.end - dashboard.start).days + 1
    view = f"/api/v1/analytics/dashboard?period={days}"
    lines = [_trend_insight(dashboard, days, view)]
    if dashboard.current_streak >= STREAK_WORTH_SAYING:
        lines.append(
            Insight(
                "streak",
                f"🔥 {dashboard.current_streak} days in a row of check-ins",
                view,
                {"current_streak": dashboard.current_streak},
            )
        )
    if dashboard.chosen_emotions:
        top = dashboard.chosen_emotions[0]
        lines.append(
            Insight(
                "emotion",
                f"💬 The feeling you named most: {top.word} ({top.count} times)",
                view,
                {"emotion": top.word, "count": top.count},
            )
        )
    return lines


def _trend_insight(dashboard: Dashboard, days: int, view: str) -> Insight:
    trend, average = dashboard.trend, dashboard.average or 0.0
    if trend is None:
        text = f"📊 {dashboard.entries} check-ins so far, averaging {average:.1f}/10"
        return Insight("summary", text, view, {"entries": dashboard.entries, "average": average})
    evidence: dict[str, float | int | str] = {
        "slope_per_week": trend.slope_per_week,
        "ci95_low": trend.ci95[0],
        "ci95_high": trend.ci95[1],
        "days": trend.days,
    }
    if trend.direction == "improving":
        text = f"📈 Your mood has been rising, about {trend.slope_per_week:+.1f} points a week over the last {days} days"
    elif trend.direction == "declining":
        text = f"📉 Your mood has been falling, about {trend.slope_per_week:+.1f} points a week over the last {days} days"
    else:
        text = f"📊 Your mood has been steady, averaging {average:.1f}/10"
    return Insight("trend", text, view, evidence)


def summary_insights(dashboard: Dashboard) -> list[str]:
    return [insight.text for insight in dashboard_insights(dashboard)]


def pattern_insights(patterns: Patterns, today: date) -> list[Insight]:
    days = (patterns.end - patterns.start).days + 1
    view = f"/api/v1/analytics/patterns?period={days}"
    lines = [
        Insight("pattern", _pattern_text(e), view, _effect_evidence(e))
        for e in patterns.effects
        if e.significant
    ][:PATTERNS_TO_SAY]
    if patterns.change_points:
        shift = patterns.change_points[-1]
        lines.append(
            Insight(
                "change",
                f"🔀 Around {shift.date:%d %b} your usual mood moved from {shift.before:.1f} to {shift.after:.1f}",
                view,
                {"date": shift.date.isoformat(), "before": shift.before, "after": shift.after},
            )
        )
    for day in patterns.unusual_days:
        if (today - day.date).days < RECENT_DAYS:
            lines.append(
                Insight(
                    "unusual_day",
                    f"🌧️ {day.date:%A %d %b} was much harder than usual for you ({day.score:.0f}/10, against a usual {day.baseline:.0f})",
                    view,
                    {"date": day.date.isoformat(), "score": day.score, "baseline": day.baseline},
                )
            )
    return lines


def _pattern_text(effect: EffectRead) -> str:
    if effect.factor == "sleep_hours":
        return (
            f"😴 Each extra hour of sleep goes with about {effect.difference:+.1f} points on "
            f"your mood ({effect.n_with} check-ins)"
        )
    better = effect.difference > 0
    icon, feel = ("✨", "better") if better else ("🔎", "lower")
    when = {
        "weekday": f"on {effect.level.title()}s",
        "time_of_day": f"in the {effect.level}",
        "activity": f"with {effect.level}",
        "location": f"at {effect.level}",
        "weather": f"when it is {effect.level}",
        "tag": f"with check-ins tagged “{effect.level}”",
        "theme": f"when you write about {effect.level}",
    }[effect.factor]
    return (
        f"{icon} You tend to feel {feel} {when}: {effect.mean_with:.1f} against "
        f"{effect.mean_without:.1f} otherwise ({effect.n_with} and {effect.n_without} check-ins)"
    )


def _effect_evidence(effect: EffectRead) -> dict[str, float | int | str]:
    return {
        "factor": effect.factor,
        "level": effect.level,
        "difference": effect.difference,
        "ci95_low": effect.ci95[0],
        "ci95_high": effect.ci95[1],
        "q_value": effect.q_value,
        "n_with": effect.n_with,
        "n_without": effect.n_without,
    }


@dataclass(frozen=True, slots=True)
class Recommendation:
    strategy: Strategy | None  # None for a suggestion drawn from the person's own pattern
    text: str
    reason: str


def needs_of(dashboard: Dashboard, patterns: Patterns, today: date, in_crisis: bool) -> set[Need]:
    """What the figures say a person could use help with now."""
    needs = {Need.CRISIS} if in_crisis else set()
    recent = [d.average for d in dashboard.daily if (today - d.date).days < RECENT_DAYS]
    recent_average = fmean(recent) if recent else None
    if (recent_average is not None and recent_average <= LOW_AVERAGE) or (
        dashboard.trend is not None and dashboard.trend.direction == "declining"
    ):
        needs.add(Need.LOW_MOOD)
    if any((today - d.date).days < RECENT_DAYS for d in patterns.unusual_days):
        needs.add(Need.SHARP_DROP)
    feelings = {w.word for w in (*dashboard.chosen_emotions[:3], *dashboard.detected_emotions[:3])}
    for words, need in ((ANXIOUS, Need.ANXIETY), (WORRIED, Need.RUMINATION), (TIRED, Need.LOW_ENERGY), (LONELY, Need.ISOLATION)):  # fmt: skip
        if feelings & words:
            needs.add(need)
    for e in patterns.effects:
        if e.factor == "sleep_hours" and e.significant and e.difference > 0:
            needs.add(Need.SLEEP)
        if (
            e.factor == "theme"
            and e.level == "sleep"
            and e.mean_with is not None
            and e.difference < 0
        ):
            needs.add(Need.SLEEP)
        if e.factor == "theme" and e.level in SOCIAL_THEMES and e.significant and e.difference < 0:
            needs.add(Need.ISOLATION)
        if e.factor == "activity" and e.significant and e.difference > 0:
            needs.add(Need.HELPFUL_ACTIVITY)
    if not needs & {Need.CRISIS, Need.LOW_MOOD, Need.SHARP_DROP} and (
        recent_average is not None and recent_average >= GOOD_AVERAGE
    ):
        needs.add(Need.GOING_WELL)
    return needs


REASONS = {
    Need.CRISIS: "You have an open crisis alert.",
    Need.LOW_MOOD: "Your mood has been low or falling lately.",
    Need.SHARP_DROP: "One of your last days was much harder than usual.",
    Need.ANXIETY: "Anxious or stressed feelings come up often in your check-ins.",
    Need.RUMINATION: "Worry comes up often in your check-ins.",
    Need.LOW_ENERGY: "Tiredness comes up often in your check-ins.",
    Need.SLEEP: "Your sleep and your mood go together.",
    Need.ISOLATION: "Feeling alone, or the people around you, weigh on your mood lately.",
    Need.GOING_WELL: "Your mood has been good lately.",
}


def recommendations(needs: set[Need], patterns: Patterns, limit: int = 3) -> list[Recommendation]:
    """A helpful activity of the person's own first (unless in crisis), then strategies from
    the library for their most pressing needs."""
    chosen: list[Recommendation] = []
    if Need.HELPFUL_ACTIVITY in needs and Need.CRISIS not in needs:
        best = next(
            e
            for e in patterns.effects
            if e.factor == "activity" and e.significant and e.difference > 0
        )
        chosen.append(
            Recommendation(
                None,
                f"Make room for {best.level} this week: your mood has been about "
                f"{best.difference:.1f} points higher on days with it.",
                "From your own check-ins.",
            )
        )
    for strategy in strategies_for(needs - {Need.HELPFUL_ACTIVITY}, limit):
        reason = next(REASONS[n] for n in PRIORITY if n in needs and n in strategy.needs)
        chosen.append(Recommendation(strategy, strategy.text, reason))
    return chosen[:limit]
