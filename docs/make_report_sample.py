"""Draws docs/images/report-sample.png: the first page of the PDF report a person exports,
for a made-up person (the demo generator's diary), so the docs show the real thing.

    .venv/bin/python docs/make_report_sample.py        # needs the dev extras (pypdfium2)
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pypdfium2

from mindtrack.assessment.instruments import INSTRUMENTS, InstrumentId
from mindtrack.demo.generator import diary, draw_person
from mindtrack.privacy.report import render_report

EMOTIONS = {
    (0, 3): ["sad", "tired", "anxious"],
    (4, 6): ["calm", "tired", "content"],
    (7, 10): ["happy", "calm", "grateful"],
}


def made_up_person(days: int = 60, seed: int = 4) -> dict[str, list[dict[str, object]]]:
    rng = random.Random(seed)  # noqa: S311 - made-up data
    start = datetime.now(UTC).date() - timedelta(days=days)
    entries = [
        {
            "recorded_at": datetime.combine(day, time(20), UTC).isoformat(),
            "score": score,
            "emotions": rng.sample(
                next(e for (lo, hi), e in EMOTIONS.items() if lo <= score <= hi), 2
            ),
        }
        for day, score in diary(draw_person(rng), start, days, rng)
    ]
    responses = []
    for week, (phq9, gad7) in enumerate([(14, 12), (12, 11), (10, 9), (9, 8), (7, 7), (6, 5)]):
        when = datetime.combine(start + timedelta(days=10 * week + 3), time(9), UTC).isoformat()
        for instrument, total in ((InstrumentId.phq9, phq9), (InstrumentId.gad7, gad7)):
            spec = INSTRUMENTS[instrument]
            responses.append({"instrument": instrument.value, "total": total,
                              "severity": spec.severity(total), "completed_at": when})  # fmt: skip
    plan = {
        "warning_signs": ["Not answering messages", "Staying in bed all day"],
        "internal_coping_strategies": ["Walk round the park", "Cold shower"],
        "people_to_ask_for_help": [{"name": "Sam (sister)", "phone": "+44 7700 900123"}],
        "professionals_and_agencies": [{"name": "Samaritans", "phone": "116 123"}],
        "reasons_for_living": ["My dog", "Seeing my niece grow up"],
    }
    return {
        "account": [
            {
                "id": str(uuid.uuid4()),
                "username": "alex",
                "full_name": "Alex Example",
                "timezone": "Europe/London",
                "email": "alex@example.com",
            }
        ],
        "mood_entries": entries,
        "questionnaire_responses": responses,
        "safety_plan_versions": [{"version": 3, "sections": plan}],
    }


def main() -> None:
    pdf = pypdfium2.PdfDocument(render_report(made_up_person()))
    image = pdf[0].render(scale=1.5).to_pil()
    target = Path(__file__).parent / "images" / "report-sample.png"
    image.save(target, optimize=True)
    print(f"wrote {target} ({target.stat().st_size // 1024} KB, {len(pdf)} pages)")


if __name__ == "__main__":
    main()
