"""Short statements drawn from a person's figures: each says what the numbers show, and
nothing a clinician would have to say."""

from __future__ import annotations

from mindtrack.analytics.schemas import Dashboard

STREAK_WORTH_SAYING = 3


def summary_insights(dashboard: Dashboard) -> list[str]:
    if dashboard.entries == 0:
        return []
    days = (dashboard.end - dashboard.start).days + 1
    lines = []
    trend = dashboard.trend
    if trend is None:
        lines.append(
            f"📊 {dashboard.entries} check-ins so far, averaging {dashboard.average:.1f}/10"
        )
    elif trend.direction == "improving":
        lines.append(
            f"📈 Your mood has been rising, about {trend.slope_per_week:+.1f} points a week over the last {days} days"
        )
    elif trend.direction == "declining":
        lines.append(
            f"📉 Your mood has been falling, about {trend.slope_per_week:+.1f} points a week over the last {days} days"
        )
    else:
        lines.append(f"📊 Your mood has been steady, averaging {dashboard.average:.1f}/10")
    if dashboard.current_streak >= STREAK_WORTH_SAYING:
        lines.append(f"🔥 {dashboard.current_streak} days in a row of check-ins")
    if dashboard.chosen_emotions:
        top = dashboard.chosen_emotions[0]
        lines.append(f"💬 The feeling you named most: {top.word} ({top.count} times)")
    return lines
