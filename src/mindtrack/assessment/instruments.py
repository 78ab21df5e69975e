"""PHQ-9 and GAD-7: items, answer scale, scoring and severity bands.

Both instruments were developed by Drs. Spitzer, Williams, Kroenke and colleagues with an
educational grant from Pfizer and are free to use. MindTrack stores item numbers and
answers, not item wording; each item carries a short topic of our own so that an API reader
knows what it is about, and the client shows the official wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InstrumentId(StrEnum):
    phq9 = "phq9"
    gad7 = "gad7"


# Over the last two weeks, how often: the same four answers for every item of both.
ANSWER_SCALE = ("Not at all", "Several days", "More than half the days", "Nearly every day")
MAX_ANSWER = len(ANSWER_SCALE) - 1


@dataclass(frozen=True, slots=True)
class Item:
    number: int
    topic: str
    loinc: str | None = None


@dataclass(frozen=True, slots=True)
class Band:
    low: int
    high: int
    severity: str


@dataclass(frozen=True, slots=True)
class Instrument:
    id: InstrumentId
    name: str
    measures: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    loinc_total: str
    # The smallest change in total that patients notice as a real change (see docs).
    meaningful_change: int

    @property
    def max_total(self) -> int:
        return MAX_ANSWER * len(self.items)

    def total(self, answers: list[int]) -> int:
        return sum(answers)

    def severity(self, total: int) -> str:
        return next(b.severity for b in self.bands if b.low <= total <= b.high)


PHQ9 = Instrument(
    id=InstrumentId.phq9,
    name="Patient Health Questionnaire-9",
    measures="depression",
    items=(
        Item(1, "little interest or pleasure"),
        Item(2, "feeling down or hopeless"),
        Item(3, "sleep"),
        Item(4, "tiredness or low energy"),
        Item(5, "appetite"),
        Item(6, "feeling bad about yourself"),
        Item(7, "concentration"),
        Item(8, "moving or speaking slowly, or restlessness"),
        Item(9, "thoughts of death or of hurting yourself", loinc="44260-8"),
    ),
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
    loinc_total="44261-6",
    meaningful_change=5,
)

GAD7 = Instrument(
    id=InstrumentId.gad7,
    name="Generalized Anxiety Disorder-7",
    measures="anxiety",
    items=(
        Item(1, "feeling nervous, anxious or on edge"),
        Item(2, "not being able to stop worrying"),
        Item(3, "worrying too much"),
        Item(4, "trouble relaxing"),
        Item(5, "restlessness"),
        Item(6, "irritability"),
        Item(7, "feeling afraid something awful might happen"),
    ),
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
    loinc_total="70274-6",
    meaningful_change=4,
)

INSTRUMENTS: dict[InstrumentId, Instrument] = {i.id: i for i in (PHQ9, GAD7)}
# PHQ-9 item 9 asks about thoughts of death or self-harm: any answer above "not at all"
# is a safety signal on its own, whatever the total.
SELF_HARM_ITEM = 9


def self_harm_answer(instrument: InstrumentId, answers: list[int]) -> int | None:
    """The PHQ-9 item 9 answer, or None for instruments without such an item."""
    return answers[SELF_HARM_ITEM - 1] if instrument is InstrumentId.phq9 else None
