"""Day summaries (`mood_days`): kept current by every transaction that changes a check-in,
its analysis or a person's timezone, and rebuilt on demand.

Any session flush that touches those rows notes which of a person's days changed; just
before the transaction commits, those days are brought up to date under a lock on the
person's row, so that two concurrent check-ins of one day cannot both write a summary that
misses the other. No code path has to remember to do it. A transaction that only adds
check-ins (with their analyses) adds them to their days' summaries, so a new check-in costs
the same however many the person wrote that day; any other change sums its days up again
from the check-ins.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, bindparam, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

from mindtrack.kit.db import AppSession
from mindtrack.models import CheckinAnalysis, MoodDay, MoodEntry, User

SCORES = 11  # 0 to 10
DIRTY = "mood_days_dirty"
_DAYS = cast(Table, MoodDay.__table__)
_USERS = cast(Table, User.__table__)
# Built once, on the tables rather than the mapped classes: every check-in runs these, and
# no MoodDay object is ever loaded into a session for the ORM to keep in step.
_LOCKED_TIMEZONE = (
    select(_USERS.c.timezone)
    .where(_USERS.c.id == bindparam("user_id"))
    .with_for_update(key_share=True)
)
_DAY_ROW = select(*_DAYS.c).where(
    _DAYS.c.user_id == bindparam("user_id"), _DAYS.c.day == bindparam("day")
)
_SET_DAY_TOTALS = (
    update(_DAYS)
    .where(_DAYS.c.user_id == bindparam("of_user"), _DAYS.c.day == bindparam("of_day"))
    .values({c.name: bindparam(c.name) for c in _DAYS.c if c.name not in ("user_id", "day")})
)


@dataclass(slots=True)
class DaySummary:
    """One day's check-ins summed up, the way a `mood_days` row holds them."""

    day: date
    entries: int = 0
    score_sum: int = 0
    score_min: int = 10
    score_max: int = 0
    score_counts: list[int] = field(default_factory=lambda: [0] * SCORES)
    valence_sum: float = 0.0
    valence_count: int = 0
    chosen_emotions: Counter[str] = field(default_factory=Counter)
    detected_emotions: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        score: int,
        chosen: Iterable[str],
        valence: float | None,
        detected: Iterable[str] | None,
    ) -> None:
        self.entries += 1
        self.score_sum += score
        self.score_min = min(self.score_min, score)
        self.score_max = max(self.score_max, score)
        self.score_counts[score] += 1
        self.chosen_emotions.update(chosen)
        if valence is not None:
            self.valence_sum += valence
            self.valence_count += 1
            self.detected_emotions.update(detected or [])

    @classmethod
    def of(cls, row: Any) -> DaySummary:
        """From a `mood_days` row."""
        return cls(
            day=row.day,
            entries=row.entries,
            score_sum=row.score_sum,
            score_min=row.score_min,
            score_max=row.score_max,
            score_counts=list(row.score_counts),
            valence_sum=row.valence_sum,
            valence_count=row.valence_count,
            chosen_emotions=Counter(row.chosen_emotions),
            detected_emotions=Counter(row.detected_emotions),
        )

    def row(self, user_id: uuid.UUID) -> dict[str, Any]:
        return {"user_id": user_id, "day": self.day, **self.totals()}

    def totals(self) -> dict[str, Any]:
        """Every column of the row but the keys it is found by."""
        return {
            "entries": self.entries,
            "score_sum": self.score_sum,
            "score_min": self.score_min,
            "score_max": self.score_max,
            "score_counts": self.score_counts,
            "valence_sum": self.valence_sum,
            "valence_count": self.valence_count,
            "chosen_emotions": dict(self.chosen_emotions),
            "detected_emotions": dict(self.detected_emotions),
        }


def summarise(
    rows: Iterable[tuple[datetime, int, list[str], float | None, list[str] | None]], zone: ZoneInfo
) -> dict[date, DaySummary]:
    """(recorded_at, score, chosen, valence, detected) of check-ins, summed per local day."""
    days: dict[date, DaySummary] = {}
    for recorded_at, score, chosen, valence, detected in rows:
        day = recorded_at.astimezone(zone).date()
        days.setdefault(day, DaySummary(day)).add(score, chosen, valence, detected)
    return days


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The instants (UTC) a person's local day begins and ends, daylight-saving included."""
    start = datetime.combine(day, time(), zone).astimezone(UTC)
    return start, datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)


def _entries(user_id: uuid.UUID, start: datetime | None = None, end: datetime | None = None) -> Any:
    statement = (
        select(
            MoodEntry.recorded_at,
            MoodEntry.score,
            MoodEntry.emotions,
            CheckinAnalysis.valence,
            CheckinAnalysis.emotions,
        )
        .outerjoin(CheckinAnalysis, CheckinAnalysis.entry_id == MoodEntry.id)
        .where(MoodEntry.user_id == user_id)
    )
    if start is not None and end is not None:
        statement = statement.where(MoodEntry.recorded_at >= start, MoodEntry.recorded_at < end)
    return statement


def _locked_zone(session: Session, user_id: uuid.UUID) -> ZoneInfo | None:
    """The person's timezone, with their row locked until commit (None: account gone)."""
    timezone = session.execute(_LOCKED_TIMEZONE, {"user_id": user_id}).scalar_one_or_none()
    return ZoneInfo(timezone) if timezone else None


def refresh_days(session: Session, user_id: uuid.UUID, moments: Iterable[datetime]) -> None:
    """Sums up again the person's days that contain `moments`."""
    zone = _locked_zone(session, user_id)
    if zone is None:
        return
    for day in {moment.astimezone(zone).date() for moment in moments}:
        _sum_up_again(session, user_id, day, zone)


def _sum_up_again(session: Session, user_id: uuid.UUID, day: date, zone: ZoneInfo) -> None:
    start, end = day_bounds(day, zone)
    summary = summarise(session.execute(_entries(user_id, start, end)).all(), zone)
    _replace(session, user_id, [day], summary.values())


def add_checkins(
    session: Session, user_id: uuid.UUID, added: Iterable[tuple[MoodEntry, CheckinAnalysis | None]]
) -> None:
    """Adds new check-ins (each with its analysis, if any) to their days' summaries. A day
    with no summary yet is summed up from its check-ins instead."""
    zone = _locked_zone(session, user_id)
    if zone is None:
        return
    by_day: dict[date, list[tuple[MoodEntry, CheckinAnalysis | None]]] = defaultdict(list)
    for entry, analysis in added:
        by_day[entry.recorded_at.astimezone(zone).date()].append((entry, analysis))
    for day, checkins in by_day.items():
        row = session.execute(_DAY_ROW, {"user_id": user_id, "day": day}).one_or_none()
        if row is None:
            _sum_up_again(session, user_id, day, zone)
            continue
        summary = DaySummary.of(row)
        for entry, analysis in checkins:
            valence, detected = (analysis.valence, analysis.emotions) if analysis else (None, None)
            summary.add(entry.score, entry.emotions, valence, detected)
        session.execute(_SET_DAY_TOTALS, {"of_user": user_id, "of_day": day} | summary.totals())


def rebuild_user(session: Session, user_id: uuid.UUID) -> int:
    """Sums up every day of the person's history again (after a timezone change or a bulk
    import); returns how many days they have."""
    zone = _locked_zone(session, user_id)
    if zone is None:
        return 0
    summary = summarise(session.execute(_entries(user_id)).all(), zone)
    session.execute(delete(MoodDay).where(MoodDay.user_id == user_id))
    _replace(session, user_id, [], summary.values())
    return len(summary)


REBUILD_BATCH = 20_000
REBUILD_PEOPLE_PER_QUERY = 200


def rebuild_recent(session: Session, since: datetime) -> int:
    """Rebuilds the summaries of everyone whose check-ins changed since `since`: the nightly
    safety net behind the commit hooks. Returns how many people."""
    changed = session.execute(
        select(MoodEntry.user_id).where(MoodEntry.updated_at >= since).distinct()
    ).scalars()
    people = sorted(set(changed))
    for user_id in people:
        rebuild_user(session, user_id)
    return len(people)


def rebuild_all(session: Session) -> int:
    """Sums up every person's whole history again from the check-ins (after a
    bulk import, or when the table is first made); returns how many days were written."""
    session.execute(delete(MoodDay))
    statement = (
        select(
            MoodEntry.user_id,
            User.timezone,
            MoodEntry.recorded_at,
            MoodEntry.score,
            MoodEntry.emotions,
            CheckinAnalysis.valence,
            CheckinAnalysis.emotions,
        )
        .join(User, User.id == MoodEntry.user_id)
        .outerjoin(CheckinAnalysis, CheckinAnalysis.entry_id == MoodEntry.id)
        .order_by(MoodEntry.user_id)
    )
    written, pending = 0, list[dict[str, Any]]()
    current: uuid.UUID | None = None
    days: dict[date, DaySummary] = {}
    # A few people's check-ins per query keeps memory bounded without a server-side cursor,
    # which on PostgreSQL would stay open and block later schema changes in a migration.
    people = list(session.execute(select(User.id).order_by(User.id)).scalars())
    for start in range(0, len(people), REBUILD_PEOPLE_PER_QUERY):
        chunk = people[start : start + REBUILD_PEOPLE_PER_QUERY]
        rows = session.execute(statement.where(MoodEntry.user_id.in_(chunk))).all()
        for user_id, timezone, recorded_at, score, chosen, valence, detected in rows:
            if user_id != current:
                pending.extend(s.row(current) for s in days.values() if current is not None)
                current, days, zone = user_id, {}, ZoneInfo(timezone)
            day = recorded_at.astimezone(zone).date()
            days.setdefault(day, DaySummary(day)).add(score, chosen, valence, detected)
            if len(pending) >= REBUILD_BATCH:
                written += _insert(session, pending)
                pending = []
    pending.extend(s.row(current) for s in days.values() if current is not None)
    return written + _insert(session, pending)


def _insert(session: Session, rows: list[dict[str, Any]]) -> int:
    if rows:
        session.execute(insert(MoodDay), rows)
    return len(rows)


def _replace(
    session: Session, user_id: uuid.UUID, days: Sequence[date], summaries: Iterable[DaySummary]
) -> None:
    if days:
        session.execute(delete(MoodDay).where(MoodDay.user_id == user_id, MoodDay.day.in_(days)))
    _insert(session, [s.row(user_id) for s in summaries])


# --- keeping them current ------------------------------------------------------------------


@dataclass(slots=True)
class _Dirty:
    moments: dict[uuid.UUID, set[datetime]] = field(default_factory=lambda: defaultdict(set))
    entries: set[uuid.UUID] = field(default_factory=set)  # analyses changed: their entry's day
    rebuild: set[uuid.UUID] = field(default_factory=set)  # timezone changed: everything
    added: dict[uuid.UUID, MoodEntry] = field(default_factory=dict)  # new check-ins by id
    analysed: dict[uuid.UUID, CheckinAnalysis] = field(default_factory=dict)  # by entry id

    def __bool__(self) -> bool:
        return bool(self.moments or self.entries or self.rebuild or self.added)

    def additions(self) -> dict[uuid.UUID, list[tuple[MoodEntry, CheckinAnalysis | None]]]:
        """New check-ins of the people whose only changes are new check-ins and their new
        analyses; everyone else's days are summed up again."""
        summed_up = self.rebuild | set(self.moments)
        by_person: dict[uuid.UUID, list[tuple[MoodEntry, CheckinAnalysis | None]]] = {}
        for entry_id, entry in self.added.items():
            if entry.user_id not in summed_up:
                by_person.setdefault(entry.user_id, []).append((entry, self.analysed.get(entry_id)))
        return by_person


def _note_changes(session: Session, _context: UOWTransaction) -> None:
    dirty: _Dirty = session.info.setdefault(DIRTY, _Dirty())
    new = list(session.new)
    dirty.added.update((obj.id, obj) for obj in new if isinstance(obj, MoodEntry))
    for obj in new:
        if isinstance(obj, CheckinAnalysis) and obj.entry_id in dirty.added:
            dirty.analysed[obj.entry_id] = obj
        elif not isinstance(obj, MoodEntry):
            _note_change(dirty, obj)
    for obj in (*session.dirty, *session.deleted):
        _note_change(dirty, obj)


def _note_change(dirty: _Dirty, obj: object) -> None:
    if isinstance(obj, MoodEntry):
        history = inspect(obj).attrs.recorded_at.history
        for moment in (*history.added, *history.unchanged, *history.deleted):
            dirty.moments[obj.user_id].add(moment)
    elif isinstance(obj, CheckinAnalysis):
        dirty.entries.add(obj.entry_id)
    elif isinstance(obj, User) and inspect(obj).attrs.timezone.history.has_changes():
        dirty.rebuild.add(obj.id)


def _bring_up_to_date(session: Session) -> None:
    session.flush()
    dirty: _Dirty | None = session.info.pop(DIRTY, None)
    if not dirty:
        return
    if dirty.entries:
        found = session.execute(
            select(MoodEntry.user_id, MoodEntry.recorded_at).where(MoodEntry.id.in_(dirty.entries))
        ).all()
        for user_id, moment in found:
            dirty.moments[user_id].add(moment)
    additions = dirty.additions()
    # One lock order: no deadlock.
    for user_id in sorted(dirty.rebuild | set(dirty.moments) | set(additions)):
        if user_id in dirty.rebuild:
            rebuild_user(session, user_id)
        elif user_id in dirty.moments:
            refresh_days(session, user_id, dirty.moments[user_id] | _moments(dirty, user_id))
        else:
            add_checkins(session, user_id, additions[user_id])


def _moments(dirty: _Dirty, user_id: uuid.UUID) -> set[datetime]:
    """When the person's new check-ins were recorded."""
    return {e.recorded_at for e in dirty.added.values() if e.user_id == user_id}


def _forget_changes(session: Session, *_: object) -> None:
    session.info.pop(DIRTY, None)


event.listen(AppSession, "after_flush", _note_changes)
event.listen(AppSession, "before_commit", _bring_up_to_date)
event.listen(AppSession, "after_soft_rollback", _forget_changes)
