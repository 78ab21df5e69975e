"""Synthetic mood diaries with the dynamics real ones show.

Each person has their own usual mood, day-to-day volatility and persistence (a bad day tends
to be followed by another: an AR(1) process), a weekend lift, a few life events a year (a
shift that fades over days or weeks, mostly for the worse), and gaps (single missed days, and
now and then a break of a week or more). Scores are whole numbers on the app's 0-10 scale.
Everything is drawn from one seed, so a population can be regenerated exactly.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

SCALE = (0, 10)


@dataclass(frozen=True, slots=True)
class Person:
    usual: float  # the mood they return to
    volatility: float  # standard deviation of each day's new shock
    persistence: float  # how much of yesterday's departure carries into today (AR(1))
    weekend_lift: float
    missing: float  # chance of skipping a given day
    events_per_year: float


def draw_person(rng: random.Random) -> Person:
    return Person(
        usual=min(8.5, max(3.0, rng.gauss(6.3, 1.0))),
        volatility=math.exp(rng.gauss(math.log(0.9), 0.35)),
        persistence=rng.uniform(0.3, 0.85),
        weekend_lift=rng.gauss(0.3, 0.3),
        missing=rng.uniform(0.05, 0.4),
        events_per_year=rng.uniform(1.0, 6.0),
    )


def diary(person: Person, start: date, days: int, rng: random.Random) -> list[tuple[date, int]]:
    """One score a day, except on the days the person skipped."""
    drift, event, entries = 0.0, 0.0, []
    break_left = 0
    for i in range(days):
        day = start + timedelta(days=i)
        drift = person.persistence * drift + rng.gauss(0, person.volatility)
        event *= 0.9  # a life event's effect halves in about a week
        if rng.random() < person.events_per_year / 365:
            event += rng.gauss(-1.5, 1.2)
        if break_left == 0 and rng.random() < 0.005:
            break_left = rng.randint(7, 30)
        if break_left > 0:
            break_left -= 1
            continue
        if rng.random() < person.missing:
            continue
        lift = person.weekend_lift if day.weekday() >= 5 else 0.0
        score = round(person.usual + lift + event + drift)
        entries.append((day, min(SCALE[1], max(SCALE[0], score))))
    return entries
