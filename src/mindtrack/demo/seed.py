"""`mindtrack demo seed`: a synthetic population written straight into the database."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Session

from mindtrack.analytics.daily import rebuild_all
from mindtrack.demo.generator import diary, draw_person
from mindtrack.kit.time import utcnow
from mindtrack.models import Consent, ConsentPurpose, MoodEntry, Role, User
from mindtrack.privacy.consents import PURPOSES

BATCH = 5_000
DEMO_DOMAIN = "demo.invalid"
# Emotions that fit a score, so dashboards have something to count.
_EMOTIONS = ((3, "sad"), (5, "tired"), (7, "calm"), (10, "happy"))


def _emotion(score: int) -> str:
    return next(word for top, word in _EMOTIONS if score <= top)


# What a day held, more often the active and social things on better days, so that pattern
# views have circumstances to weigh (drawn from their own random stream: the diaries stay
# the same for a seed).
_ACTIVITIES = ("work", "exercise", "friends", "rest", "study", "chores")


def _circumstances(score: int, rng: random.Random) -> dict[str, object]:
    lift = (score - 5) / 5
    weights = (3, 1 + lift, 1 + lift, 1 - lift / 2, 1.5, 1 - lift / 2)
    sleep = min(max(7 + 0.4 * (score - 6) + rng.gauss(0, 1), 3), 11)
    return {
        "activity": rng.choices(_ACTIVITIES, weights=[max(w, 0.1) for w in weights])[0],
        "sleep_hours": round(sleep * 2) / 2,
    }


def _sign_up_purposes(*, opted_in: bool) -> list[ConsentPurpose]:
    purposes = [p for p, terms in PURPOSES.items() if terms.given_at_sign_up]
    return [*purposes, ConsentPurpose.POPULATION_COMPARISONS] if opted_in else purposes


def _consent_rows(
    user_id: uuid.UUID, purposes: list[ConsentPurpose], now: datetime
) -> list[dict[str, Any]]:
    return [
        {"user_id": user_id, "purpose": p.value, "granted": True,
         "version": PURPOSES[p].version, "updated_at": now}
        for p in purposes
    ]  # fmt: skip


async def seed_population(
    engine: AsyncEngine,
    *,
    users: int,
    days: int,
    password_hash: str,
    seed: int = 0,
    progress: Callable[[int], None] = lambda _: None,
) -> tuple[int, int]:
    """Creates `users` accounts (demo-000001 … at demo.invalid, one shared password) and
    their diaries over the `days` days up to yesterday. Returns (accounts, check-ins)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible made-up data, not secrets
    extras = random.Random(seed + 1)  # noqa: S311
    now = utcnow()
    start = now.date() - timedelta(days=days)
    people, entries, consents = [], [], []
    written = 0
    async with engine.begin() as connection:
        for n in range(1, users + 1):
            user_id = uuid.uuid4()
            name = f"demo-{seed:02d}-{n:06d}"
            given = _sign_up_purposes(opted_in=n % 5 < 3)  # three in five compare themselves
            people.append({
                "id": user_id, "username": name, "username_normalized": name,
                "email": f"{name}@{DEMO_DOMAIN}", "password_hash": password_hash, "full_name": None,
                "role": Role.USER, "timezone": "UTC", "locale": "en", "is_active": True,
                "last_login_at": None, "created_at": now, "updated_at": now,
                "population_opt_in_at": now if n % 5 < 3 else None,
                "consents_given": sorted(p.value for p in given),
            })  # fmt: skip
            consents.extend(_consent_rows(user_id, given, now))
            for day, score in diary(draw_person(rng), start, days, rng):
                moment = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), UTC)
                entries.append({
                    "id": uuid.uuid4(), "user_id": user_id, "score": score, "emotions": [_emotion(score)],
                    "notes": None, "location": None, "weather": None, "energy": None,
                    "tags": ["demo"], "recorded_at": moment, "created_at": now, "updated_at": now,
                    **_circumstances(score, extras),
                })  # fmt: skip
            if len(entries) >= BATCH or n == users:
                await connection.execute(insert(User), people)
                await connection.execute(insert(Consent), consents)
                if entries:
                    await connection.execute(insert(MoodEntry), entries)
                written += len(entries)
                people, entries, consents = [], [], []
                progress(n)
        # Written around the session hooks, so the day summaries are made here in one pass.
        await connection.run_sync(lambda sync: rebuild_all(Session(bind=sync)))
    return users, written
