from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


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
