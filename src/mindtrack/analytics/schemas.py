from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

# For fields named `date`, whose annotation must not read as the field itself.
Day = date


class TrendRead(BaseModel):
    direction: str = Field(
        examples=["improving"],
        description="improving or declining only when the 95 % interval of the slope excludes "
        "zero; otherwise stable.",
    )
    slope_per_week: float = Field(description="Change in the daily mean score per week.")
    ci95: tuple[float, float]
    days: int = Field(description="Days with a check-in that the slope rests on.")


class DayScore(BaseModel):
    date: date
    average: float
    entries: int


class DaySentiment(BaseModel):
    date: date
    valence: float = Field(ge=-1, le=1, description="Mean valence of the day's analysed notes.")
    notes: int


class CountedWord(BaseModel):
    word: str
    count: int


class Dashboard(BaseModel):
    """A period of check-ins at a glance. Days are the person's own (their timezone)."""

    start: date
    end: date = Field(description="The last day included (today, unless asked otherwise).")
    entries: int
    days_with_entries: int
    average: float | None
    median: float | None
    trend: TrendRead | None = Field(description="Null with fewer than 5 days of check-ins.")
    current_streak: int = Field(description="Consecutive days with a check-in up to today.")
    longest_streak: int = Field(description="The longest such run within the period.")
    best_day: DayScore | None
    worst_day: DayScore | None
    daily: list[DayScore] = Field(description="Each day with a check-in, oldest first.")
    chosen_emotions: list[CountedWord] = Field(description="The emotions you chose, most first.")
    detected_emotions: list[CountedWord] = Field(
        description="The emotions the text models read in your notes, most first."
    )
    sentiment: list[DaySentiment] = Field(description="Days with analysed notes, oldest first.")


class SeriesPoint(BaseModel):
    start: date = Field(description="The day, or the Monday that begins the week.")
    mean: float
    min: float
    max: float
    count: int = Field(description="Check-ins in the day or week.")
    rolling_mean: float = Field(
        description="Mean of the check-ins over the last 7 days (daily) or 4 weeks (weekly) "
        "up to and including this one."
    )


class TimeSeries(BaseModel):
    """Scores per day or per week, ready to plot; days and weeks without check-ins are left out."""

    start: date
    end: date
    bucket: str = Field(examples=["day"], description="day or week")
    points: list[SeriesPoint]


class EffectRead(BaseModel):
    factor: str = Field(
        examples=["activity"],
        description="weekday, time_of_day, activity, location, weather, tag, theme or sleep_hours.",
    )
    level: str = Field(examples=["running"])
    n_with: int = Field(description="Check-ins (days, for weekdays) with this circumstance.")
    n_without: int = Field(description="Those without it that it is compared with.")
    mean_with: float | None
    mean_without: float | None
    difference: float = Field(
        description="Mean score with it minus without it; for sleep_hours, points per extra hour."
    )
    ci95: tuple[float, float] = Field(description="95 % interval of the difference (Welch).")
    effect_size: float = Field(
        description="Hedges' g (about 0.2 small, 0.5 medium, 0.8 large); for sleep_hours, the "
        "correlation."
    )
    p_value: float
    q_value: float = Field(
        description="The p-value adjusted for every comparison made for you (Benjamini–Hochberg)."
    )
    significant: bool = Field(description="q_value below 0.05: the data support this pattern.")


class ChangePointRead(BaseModel):
    date: Day = Field(description="The first day at the new level.")
    before: float = Field(description="Mean daily score before it (since any earlier change).")
    after: float


class UnusualDayRead(BaseModel):
    date: date
    score: float = Field(description="The day's mean score.")
    baseline: float = Field(description="The median of the four weeks before it.")
    robust_z: float = Field(description="How far below, in that baseline's own spread.")


class Patterns(BaseModel):
    """What goes with better or worse mood for you, when it shifted and which days stood out."""

    start: date
    end: date
    entries: int
    effects: list[EffectRead] = Field(
        description="Every circumstance with at least 5 check-ins with and without it, the "
        "best-supported first."
    )
    change_points: list[ChangePointRead]
    unusual_days: list[UnusualDayRead]


class ForecastFactors(BaseModel):
    usual: float = Field(
        description="Your usual mood, as your history (and, early on, everyone's) suggests."
    )
    recent: float = Field(description="How much of your recent drift from it carries on.")
    weekday: float = Field(description="That weekday's usual difference for you.")


class DayForecast(BaseModel):
    date: date
    horizon: int = Field(description="Days ahead of today.")
    forecast: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    factors: ForecastFactors


class MoodForecastRead(BaseModel):
    """Your mood for the coming days, with the ranges it is likely (80 %) and very likely
    (95 %) to fall in."""

    origin: date = Field(description="The last day whose check-ins the forecast uses (today).")
    days_with_scores: int
    enough_data: bool = Field(
        description="False with fewer than 7 days of check-ins: the forecast then leans on "
        "what is usual for everyone, and its ranges are wide."
    )
    message: str | None = Field(description="Said when the forecast has too little to go on.")
    forecasts: list[DayForecast]


class InsightRead(BaseModel):
    kind: str = Field(
        examples=["pattern"],
        description="trend, summary, streak, emotion, pattern, change or unusual_day.",
    )
    text: str = Field(
        examples=[
            "✨ You tend to feel better with running: 8.1 against 5.9 otherwise (14 and 28 check-ins)"
        ]
    )
    view: str = Field(description="The endpoint whose figures show it.")
    evidence: dict[str, float | int | str] = Field(description="The figures it rests on.")


class SourceRead(BaseModel):
    title: str
    url: str


class RecommendationRead(BaseModel):
    key: str | None = Field(
        description="The strategy in the library; null for a suggestion drawn from your own "
        "patterns."
    )
    title: str | None
    technique: str | None = Field(examples=["behavioural activation"])
    text: str
    reason: str = Field(description="Why it was chosen for you now.")
    source: SourceRead | None = Field(description="Where the strategy comes from.")


class Insights(BaseModel):
    """Statements about your mood that your figures support, and coping strategies that fit
    where you are now. Nothing here is a diagnosis or medical advice."""

    entries: int = Field(description="Check-ins in the last 90 days that these rest on.")
    insights: list[InsightRead]
    recommendations: list[RecommendationRead]


class YourFigures(BaseModel):
    average: float = Field(description="Your average score over the release's 30 days.")
    slope_per_week: float = Field(description="Your trend over them, points per week.")


class CohortComparison(BaseModel):
    cohort: str = Field(examples=["everyone"], description="everyone, or country:XX")
    released_on: date
    period_days: int
    members: int = Field(description="People in the cohort (with privacy noise).")
    mean_average: float = Field(description="Their mean average score (with privacy noise).")
    mean_slope_per_week: float = Field(description="Their mean trend (with privacy noise).")
    histogram: list[int] = Field(
        description="People per half-point of average score, 0–0.5 up to 9.5–10 (with "
        "privacy noise)."
    )
    share_below_you: float | None = Field(
        description="The share of the cohort whose average is below yours."
    )
    epsilon: float = Field(description="The privacy loss ε of this release.")


class PopulationComparison(BaseModel):
    """How your mood compares with others who opted in, from daily releases protected by
    differential privacy. Null `you` with fewer than 5 days of check-ins in the window."""

    you: YourFigures | None
    cohorts: list[CohortComparison]
    message: str | None = Field(description="Said when no cohort is large enough yet.")
