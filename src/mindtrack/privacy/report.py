"""The PDF a person might hand their doctor: mood over time, the emotions they named,
questionnaire scores against their severity bands, and their safety plan."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import numpy as np
from matplotlib.figure import Figure
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mindtrack.assessment.instruments import InstrumentId
from mindtrack.kit.time import utcnow

Record = dict[str, Any]
WIDTH = 17 * cm
SHORT_NAMES = {InstrumentId.phq9: "PHQ-9", InstrumentId.gad7: "GAD-7"}
PLAN_SECTIONS = (
    ("warning_signs", "Warning signs"),
    ("internal_coping_strategies", "Things I can do on my own"),
    ("social_distractions", "People and places that take my mind off things"),
    ("people_to_ask_for_help", "People I can ask for help"),
    ("professionals_and_agencies", "Professionals and services"),
    ("making_the_environment_safe", "Making my surroundings safe"),
    ("reasons_for_living", "My reasons for living"),
)


def _day(moment: str, zone: ZoneInfo) -> date:
    return datetime.fromisoformat(moment).astimezone(zone).date()


def _days(days: list[date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _chart(figure: Figure, height_cm: float) -> Image:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=160, bbox_inches="tight")
    buffer.seek(0)
    return Image(buffer, width=WIDTH, height=height_cm * cm)


def mood_chart(entries: list[Record], zone: ZoneInfo) -> Image:
    by_day: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        by_day[_day(entry["recorded_at"], zone)].append(entry["score"])
    days = sorted(by_day)
    figure = Figure(figsize=(8, 3))
    axes = figure.subplots()
    averages = [sum(by_day[d]) / len(by_day[d]) for d in days]
    axes.plot(_days(days), averages, marker="o", color="#3b6ea5")
    axes.set_ylim(0, 10)
    axes.set_ylabel("Mood (0–10), daily average")
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    return _chart(figure, 6.4)


def emotion_chart(entries: list[Record]) -> Image:
    counts = Counter(e for entry in entries for e in entry["emotions"]).most_common(10)
    figure = Figure(figsize=(8, 3))
    axes = figure.subplots()
    axes.barh([name for name, _ in reversed(counts)], [n for _, n in reversed(counts)],
              color="#6a9f58")  # fmt: skip
    axes.set_xlabel("Check-ins naming it")
    return _chart(figure, 6.4)


def questionnaire_chart(responses: list[Record], zone: ZoneInfo) -> Image:
    figure = Figure(figsize=(8, 3))
    axes = figure.subplots()
    for instrument_id, colour in ((InstrumentId.phq9, "#a5463b"), (InstrumentId.gad7, "#7b5ea7")):
        mine = sorted(
            (r for r in responses if r["instrument"] == instrument_id),
            key=lambda r: r["completed_at"],
        )
        if mine:
            name = SHORT_NAMES[instrument_id]
            when = _days([_day(r["completed_at"], zone) for r in mine])
            axes.plot(when, [r["total"] for r in mine], marker="s", color=colour, label=name)
    axes.set_ylim(0, 27)
    axes.set_ylabel("Total score")
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    return _chart(figure, 6.4)


def _summary(entries: list[Record], responses: list[Record], zone: ZoneInfo) -> Table:
    scores = [e["score"] for e in entries]
    rows = [["Check-ins", str(len(entries))]]
    if scores:
        first, last = (_day(e["recorded_at"], zone) for e in (entries[0], entries[-1]))
        rows += [
            ["Period", f"{first:%d %b %Y} – {last:%d %b %Y}"],
            ["Average mood", f"{sum(scores) / len(scores):.1f} / 10 (lowest {min(scores)}, "
                             f"highest {max(scores)})"],
        ]  # fmt: skip
    for instrument_id in InstrumentId:
        mine = [r for r in responses if r["instrument"] == instrument_id]
        if mine:
            latest = max(mine, key=lambda r: r["completed_at"])
            rows.append([
                f"Latest {SHORT_NAMES[instrument_id]}",
                f"{latest['total']} ({latest['severity']}), {_day(latest['completed_at'], zone):%d %b %Y}",
            ])  # fmt: skip
    table = Table(rows, colWidths=[5 * cm, 12 * cm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))  # fmt: skip
    return table


def _plan(sections: dict[str, Any], style: ParagraphStyle) -> list[Flowable]:
    story: list[Flowable] = []
    for key, title in PLAN_SECTIONS:
        items = sections.get(key) or []
        if not items:
            continue
        lines = [
            " – ".join(str(v) for v in item.values() if v) if isinstance(item, dict) else str(item)
            for item in items
        ]
        story.append(Paragraph(f"<b>{escape(title)}</b>", style))
        story.append(ListFlowable([Paragraph(escape(line), style) for line in lines],
                                  bulletType="bullet", leftIndent=12))  # fmt: skip
    return story


def render_report(held: dict[str, list[Record]]) -> bytes:
    """The report as PDF bytes, from what `portability.collect` gathered."""
    account = held["account"][0]
    zone = ZoneInfo(account.get("timezone") or "UTC")
    entries = sorted(held.get("mood_entries", []), key=lambda e: e["recorded_at"])
    responses = held.get("questionnaire_responses", [])
    plans = sorted(held.get("safety_plan_versions", []), key=lambda p: p["version"])
    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]
    name = account.get("full_name") or account["username"]
    story: list[Flowable] = [
        Paragraph(f"MindTrack report for {escape(name)}", styles["Title"]),
        Paragraph(
            f"Made on {utcnow().astimezone(zone):%d %B %Y} from the person's own "
            "check-ins and questionnaires. Self-reported; not a diagnosis.",
            body,
        ),
        Spacer(1, 0.4 * cm),
        _summary(entries, responses, zone),
    ]
    # Each heading stays on the page of what it titles.
    if entries:
        story.append(
            KeepTogether([Paragraph("Mood over time", heading), mood_chart(entries, zone)])
        )
        story.append(KeepTogether([Paragraph("Emotions named", heading), emotion_chart(entries)]))
    if responses:
        title = "Questionnaires (PHQ-9 depression, GAD-7 anxiety)"
        story.append(
            KeepTogether([Paragraph(title, heading), questionnaire_chart(responses, zone)])
        )
    if plans:
        story += [Paragraph(f"Safety plan (version {plans[-1]['version']})", heading),
                  *_plan(plans[-1]["sections"], body)]  # fmt: skip
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"MindTrack report for {name}", author="MindTrack",
        leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
    )  # fmt: skip
    document.build(story)
    return buffer.getvalue()
