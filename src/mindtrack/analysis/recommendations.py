"""Short, safe suggestions shown after a check-in. Nothing diagnostic, nothing about
medication; the crisis wording follows the 988 Lifeline's safe-messaging guidance."""

from __future__ import annotations

from mindtrack.analysis.schemas import CheckinAnalysisRead
from mindtrack.crisis.resources import catalogue
from mindtrack.ml.crisis.levels import RiskLevel

CRISIS = (
    "If you have a safety plan, open it and take its first step now.",
    "Tell someone you trust how you are feeling right now, or ask them to stay with you.",
)
BY_THEME = {
    "sleep": "Try a wind-down hour tonight: screens away, lights low, the same bedtime as usual.",
    "work": "Take five minutes away from work: stand up, stretch, and breathe out slowly.",
    "study": "Break the next piece of study into a 25-minute block with a short break after.",
    "friends": "Send a message to one person you feel comfortable with, even a short one.",
    "relationships": "Write down what you need from this relationship before talking it over.",
    "family": "Give yourself a little time alone after family time if you need it.",
    "money": "Write down the one money task that worries you most and the first small step.",
    "health": "Be gentle with your body today, and check in with a health professional if it persists.",
}
LOW_MOOD = (
    "Try slow breathing: in for 4 counts, out for 6, for two minutes.",
    "Ground yourself: name 5 things you can see, 4 you can hear and 3 you can touch.",
    "Plan one small thing you usually enjoy for later today.",
)
LOW_ENERGY = "A ten-minute walk outside, in daylight if you can, often lifts energy."
GOOD_DAY = (
    "Note what helped today, so you can come back to it on harder days.",
    "Keep doing what works for you.",
)
LIMIT = 3


def recommendations(
    analysis: CheckinAnalysisRead | None,
    score: int,
    energy: str,
    level: RiskLevel,
    country: str = "US",
) -> list[str]:
    """Up to three suggestions; at moderate risk or above, crisis lines for `country` first."""
    if level >= RiskLevel.MODERATE:
        return [crisis_lines(country), *CRISIS]
    negative = score <= 4 or (analysis is not None and analysis.sentiment.label == "negative")
    if not negative:
        return list(GOOD_DAY)
    chosen = [BY_THEME[t] for t in (analysis.themes if analysis else []) if t in BY_THEME]
    if energy == "low":
        chosen.append(LOW_ENERGY)
    chosen.extend(LOW_MOOD)
    return list(dict.fromkeys(chosen))[:LIMIT]


def crisis_lines(country: str) -> str:
    """Whom to call now, from the curated lines of the person's country."""
    lines = catalogue().countries.get(country)
    if lines is None:
        return (
            "You don't have to carry this alone. If you are in danger, call your local "
            "emergency number; find a free helpline near you at findahelpline.com."
        )
    first, *others = lines.immediate_help
    also = next((f", or {o.phone} ({o.name})" for o in others if o.phone != lines.emergency), "")
    return (
        f"You don't have to carry this alone. Call {first.phone} ({first.name}) now{also}. "
        f"If you are in danger, call {lines.emergency}."
    )
