"""A person's crisis risk at one moment, from everything MindTrack knows then.

Pure rules over plain values, so each threshold is visible and testable; `docs/crisis.md`
gives the reasoning behind each. The text signal comes from the note's analysis; the other
factors can raise the level, never lower it: a worrying note is never talked down by a
good score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from mindtrack.ml.crisis.levels import RiskLevel

MAX_SCORE = 10  # check-ins are scored 0-10
VERY_LOW_SCORE = 2
DROP_BELOW_BASELINE = 4  # points under the person's usual score
BASELINE_MIN_ENTRIES = 5
BASELINE_WINDOW = timedelta(days=30)
LOW_RUN_DAYS = 3
ITEM9_WINDOW = timedelta(days=14)
UTC_ZONE = ZoneInfo("UTC")


@dataclass(frozen=True, slots=True)
class Factor:
    name: str
    level: str  # the level this factor alone calls for
    weight: float  # its share of the score
    detail: str


@dataclass(frozen=True, slots=True)
class ScoredDay:
    at: datetime
    score: int


@dataclass(frozen=True, slots=True)
class RiskInputs:
    now: datetime
    text_level: RiskLevel | None = None  # None: no note, or analysis off
    text_score: float = 0.0
    mood_score: int | None = None
    history: list[ScoredDay] = field(default_factory=list)  # earlier check-ins, any order
    item9: tuple[int, datetime] | None = None  # latest PHQ-9 item 9 answer and when
    timezone: ZoneInfo = UTC_ZONE  # where the person's days begin and end
    open_incident: RiskLevel | None = None  # the level of an incident not yet resolved


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    level: RiskLevel
    score: float
    factors: list[Factor]


def assess(inputs: RiskInputs) -> RiskAssessment:
    factors = [
        f
        for f in (
            _text(inputs),
            _item9(inputs),
            _very_low_mood(inputs),
            _drop_below_baseline(inputs),
            _low_run(inputs),
            _open_incident(inputs),
        )
        if f is not None
    ]
    level = max((RiskLevel.parse(f.level) for f in factors), default=RiskLevel.NONE)
    low, high = level.band
    # Within the level's band, the text score places it (other factors sit at the band's
    # floor), so scores order assessments the same way levels do.
    text = inputs.text_score if inputs.text_level == level else low
    return RiskAssessment(level, round(min(max(text, low), high - 1e-6), 4), factors)


def _text(inputs: RiskInputs) -> Factor | None:
    if inputs.text_level is None or inputs.text_level == RiskLevel.NONE:
        return None
    return Factor("text", inputs.text_level.label, 1.0, "what the note says")


def _item9(inputs: RiskInputs) -> Factor | None:
    if inputs.item9 is None:
        return None
    answer, at = inputs.item9
    if answer == 0 or inputs.now - at > ITEM9_WINDOW:
        return None
    level = RiskLevel.HIGH if answer >= 2 else RiskLevel.MODERATE
    return Factor("phq9_item9", level.label, 0.8, f"PHQ-9 item 9 answered {answer} (0-3)")


def reads_history(mood_score: int | None) -> bool:
    """Whether earlier scores can change the assessment of a check-in with this score: only a
    score low enough to lie `DROP_BELOW_BASELINE` under a usual mood is compared with them (a
    run of very low days needs a lower one still). Callers skip reading the history otherwise."""
    return mood_score is not None and mood_score <= MAX_SCORE - DROP_BELOW_BASELINE


def _very_low_mood(inputs: RiskInputs) -> Factor | None:
    if inputs.mood_score is None or inputs.mood_score > VERY_LOW_SCORE:
        return None
    return Factor("very_low_mood", RiskLevel.LOW.label, 0.3, f"mood {inputs.mood_score}/10")


def _drop_below_baseline(inputs: RiskInputs) -> Factor | None:
    if inputs.mood_score is None:
        return None
    recent = [d.score for d in inputs.history if inputs.now - d.at <= BASELINE_WINDOW]
    if len(recent) < BASELINE_MIN_ENTRIES:
        return None
    baseline = median(recent)
    if baseline - inputs.mood_score < DROP_BELOW_BASELINE:
        return None
    return Factor(
        "drop_below_baseline",
        RiskLevel.LOW.label,
        0.3,
        f"mood {inputs.mood_score}/10 against a usual {baseline:g}",
    )


def _low_run(inputs: RiskInputs) -> Factor | None:
    """Very low scores on each of the person's last few days, today included."""
    if inputs.mood_score is None or inputs.mood_score > VERY_LOW_SCORE:
        return None
    today = inputs.now.astimezone(inputs.timezone).date()
    lowest: dict[date, int] = {today: inputs.mood_score}
    for day in inputs.history:
        local = day.at.astimezone(inputs.timezone).date()
        lowest[local] = min(lowest.get(local, MAX_SCORE), day.score)
    days = [today - timedelta(days=i) for i in range(LOW_RUN_DAYS)]
    if not all(lowest.get(d, MAX_SCORE) <= VERY_LOW_SCORE for d in days):
        return None
    return Factor(
        "several_very_low_days",
        RiskLevel.MODERATE.label,
        0.5,
        f"mood {VERY_LOW_SCORE}/10 or lower on each of the last {LOW_RUN_DAYS} days",
    )


def _open_incident(inputs: RiskInputs) -> Factor | None:
    """A crisis not yet marked as passed keeps the risk above none, but does not by itself
    alert anyone again."""
    if inputs.open_incident is None:
        return None
    detail = f"an incident at level {inputs.open_incident.label} is not resolved yet"
    return Factor("open_incident", RiskLevel.LOW.label, 0.2, detail)
