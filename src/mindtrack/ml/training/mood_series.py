"""The mood diaries in `../shared/datasets/mood-series`, as daily 1-10 series (evaluation only).

Mappings are the ones the dataset's README gives, each from the diary author's own code.
Several entries on one day become that day's mean. Notes and activities are never read.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

Series = list[tuple[date, float]]


def _from_minus2(x: float) -> float:
    return 5.5 + 2.25 * x


_DAYLIO: dict[str, dict[str, float]] = {
    "daylio_zhafen_moody.csv": {
        "rad": 2, "content": 1, "good": 1, "okay": 0, "meh": -0.5, "distracted": -0.75,
        "bad": -1, "tired": -1, "anxious": -1.25, "frustrated": -1.25, "exhausted": -1.75,
        "in pain": -1.75, "awful": -2, "beyond anxious": -2, "angry": -2,
    },
    "daylio_kayraucklnc_daylio_visualizer.csv": {
        "rad": 2, "good": 1, "meh": 0, "bad": -1, "awful": -2, "sick": -2, "cry": -2,
    },
}  # fmt: skip
_ESTADOS = {  # 1..7 levels
    "alegre": 7, "motivado": 6, "pos bien": 5, "como siempre": 4, "sin animo": 3, "mal": 3,
    "ansioso": 2, "una mierda": 1,
}  # fmt: skip
_POLISH_MONTHS = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
    "września", "października", "listopada", "grudnia",
)  # fmt: skip


def mood_series(root: Path) -> dict[str, Series]:
    """Every diary in the dataset, by name: the VU EMA participants and the Daylio exports."""
    folder = root / "mood-series"
    series = _vu_ema(folder / "vu-ema" / "vu_ema_daily_wide.csv")
    exports = folder / "app-exports"
    for name, mapping in _DAYLIO.items():
        series[name] = _daily_means(
            (date.fromisoformat(row[0]), _from_minus2(mapping[row[4].strip().lower()]))
            for row in _rows(exports / name, header=True)
        )
    series["daylio_DavidCDCB_Estados.csv"] = _daily_means(
        (date.fromisoformat(row[0]), 1 + (_ESTADOS[row[4].strip().lower()] - 1) * 1.5)
        for row in _rows(exports / "daylio_DavidCDCB_Estados.csv", header=False)
    )
    series["daylio_kplich_daylio-visualisation.csv"] = _kplich(exports)
    return series


def _rows(path: Path, *, header: bool) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[1:] if header else rows


def _daily_means(entries: Iterable[tuple[date, float]]) -> Series:
    by_day: dict[date, list[float]] = defaultdict(list)
    for day, score in entries:
        by_day[day].append(score)
    return sorted((day, sum(s) / len(s)) for day, s in by_day.items())


def _vu_ema(path: Path) -> dict[str, Series]:
    people: dict[str, Series] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["mood"]:
                people[f"vu-ema {row['id']}"].append(
                    (date.fromisoformat(row["date"]), float(row["mood"]))
                )
    return {name: sorted(days) for name, days in people.items()}


def _kplich(exports: Path) -> Series:
    values = {
        row[0]: float(row[1])
        for row in _rows(exports / "daylio_kplich_daylio-visualisation.moods.csv", header=False)
    }
    entries = []
    for row in _rows(exports / "daylio_kplich_daylio-visualisation.csv", header=True):
        day, month = row[1].split(" ", 1)
        moment = date(int(row[0]), _POLISH_MONTHS.index(month.strip()) + 1, int(day))
        entries.append((moment, 1 + (values[row[4].strip()] - 1) * 2.25))
    return _daily_means(entries)
