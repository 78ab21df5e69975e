"""The synthetic population: its dynamics, and `mindtrack demo seed`."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from mindtrack.config import AuthSettings
from mindtrack.demo.generator import diary, draw_person
from mindtrack.kit.encryption import encode_key, new_key
from mindtrack.kit.security import PasswordHashing
from tests.test_cli import invoke, sqlite_env  # noqa: F401 - the fixture

START = date(2025, 1, 6)


def population(people: int = 200, days: int = 365, seed: int = 3) -> list[list[tuple[date, int]]]:
    rng = random.Random(seed)
    return [diary(draw_person(rng), START, days, rng) for _ in range(people)]


def test_diaries_have_lingering_moods_a_weekly_rhythm_and_gaps() -> None:
    diaries = population()
    lag_one = []
    by_weekend: dict[bool, list[int]] = defaultdict(list)
    for entries in diaries:
        scores = dict(entries)
        pairs = [
            (scores[d], scores[d + timedelta(days=1)])
            for d in scores
            if d + timedelta(days=1) in scores
        ]
        a, b = np.array(pairs, dtype=float).T
        lag_one.append(np.corrcoef(a, b)[0, 1])
        for day, score in entries:
            by_weekend[day.weekday() >= 5].append(score)
    assert np.nanmean(lag_one) > 0.3  # a bad day tends to follow a bad day
    assert np.mean(by_weekend[True]) - np.mean(by_weekend[False]) > 0.1
    kept = np.mean([len(e) / 365 for e in diaries])
    assert 0.5 < kept < 0.95  # missed days, and now and then a break
    assert all(0 <= s <= 10 and isinstance(s, int) for e in diaries for _, s in e)


def test_the_same_seed_gives_the_same_people() -> None:
    assert population(5, 60, seed=9) == population(5, 60, seed=9)
    assert population(5, 60, seed=9) != population(5, 60, seed=10)


def test_demo_seed_writes_accounts_and_their_diaries(sqlite_env: Path) -> None:  # noqa: F811
    code, output = invoke(
        "demo", "seed", "--users", "3", "--days", "30", "--password", "demo password 1"
    )
    assert code == 0, output
    with sqlite3.connect(sqlite_env) as db:
        users = db.execute("select username, password_hash from users order by username").fetchall()
        (entries,) = db.execute("select count(*) from mood_entries").fetchone()
        (summed,) = db.execute("select sum(entries) from mood_days").fetchone()
        given = db.execute(
            "select u.consents_given, json_group_array(c.purpose) from users u"
            " join (select * from consents where granted order by purpose) c on c.user_id = u.id"
            " group by u.id"
        ).fetchall()
    assert len(given) == 3
    assert all(json.loads(on_account) == json.loads(rows) for on_account, rows in given)
    assert summed == entries  # the dashboards' day summaries are made too
    assert [u for u, _ in users] == ["demo-00-000001", "demo-00-000002", "demo-00-000003"]
    assert f"with {entries} check-ins" in output
    assert 0 < entries <= 90
    hashing = PasswordHashing(AuthSettings(argon2_memory_kib=1024))
    assert hashing.verify(users[0][1], "demo password 1")
    code, output = invoke("analytics", "rebuild-days")
    assert code == 0, output
    with sqlite3.connect(sqlite_env) as db:
        (days,) = db.execute("select count(*) from mood_days").fetchone()
    assert f"Rebuilt {days} day summaries" in output
    code, output = invoke("analytics", "release-population")
    assert code == 0, output
    assert "Released figures for 0 cohort(s)." in output  # two people opted in: none shown


def test_demo_seed_refuses_production_and_weak_passwords(
    sqlite_env: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, output = invoke("demo", "seed", "--users", "1", "--password", "short")
    assert code == 2
    assert "12+ characters" in output
    monkeypatch.setenv("MINDTRACK_ENVIRONMENT", "production")
    monkeypatch.setenv("MINDTRACK_AUTH__SECRET_KEY", "x" * 40)
    monkeypatch.setenv("MINDTRACK_PRIVACY__KEY_ENCRYPTION_KEY", encode_key(new_key()))
    monkeypatch.setenv("MINDTRACK_ALLOW_SQLITE_IN_PRODUCTION", "true")
    from mindtrack.config import get_settings

    get_settings.cache_clear()
    code, output = invoke("demo", "seed", "--users", "1", "--password", "demo password 1")
    assert code == 1
    assert "never written to a production database" in output
