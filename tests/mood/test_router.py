"""Check-ins over HTTP: /api/v1/checkins and /api/v1/emotions, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from mindtrack.kit.time import utcnow
from mindtrack.mood.vocabulary import FRONTEND_EMOTIONS
from tests.conftest import Account

CHECKINS = "/api/v1/checkins"
PROBLEM_JSON = "application/problem+json"


def checkin(**fields: Any) -> dict[str, Any]:
    return {"score": 7, "emotions": ["happy"], **fields}


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def create(client: httpx.AsyncClient, account: Account, **fields: Any) -> dict[str, Any]:
    """The check-in as stored (the create response also carries its `analysis` and `crisis`)."""
    response = await client.post(CHECKINS, json=checkin(**fields), headers=account.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    body.pop("analysis")
    body.pop("crisis")
    return body


async def listed(
    client: httpx.AsyncClient, account: Account, **params: Any
) -> list[dict[str, Any]]:
    response = await client.get(CHECKINS, params={"limit": 100, **params}, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def assert_validation_problem(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    problem = response.json()
    assert isinstance(problem["detail"], str)
    assert problem["detail"]
    assert field in [error["field"] for error in problem["errors"]], problem


def cursor_token(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


# --- create ---------------------------------------------------------------------------------


async def test_create_with_score_and_emotions_only_fills_defaults(
    client: httpx.AsyncClient, account: Account
) -> None:
    before = utcnow()
    response = await client.post(CHECKINS, json=checkin(), headers=account.headers)
    after = utcnow()

    assert response.status_code == 201
    body = response.json()
    assert body["score"] == 7
    assert body["emotions"] == ["happy"]
    assert body["custom_emotions"] == []
    assert body["tags"] == []
    for field in ("notes", "activity", "location", "weather", "sleep_hours", "energy"):
        assert body[field] is None, field
    recorded_at = moment(body["recorded_at"])
    assert recorded_at.utcoffset() == timedelta(0)
    assert before <= recorded_at <= after
    uuid.UUID(body["id"])


async def test_create_with_every_field_round_trips_through_read(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry_id = uuid.uuid4()
    recorded = (utcnow() - timedelta(hours=3)).astimezone(timezone(timedelta(hours=2)))
    full = {
        "id": str(entry_id),
        "score": 3,
        "emotions": ["anxious", "tired"],
        "notes": "Long day, little sleep.",
        "activity": "work",
        "location": "Office",
        "weather": "rainy",
        "sleep_hours": 5.5,
        "energy": 2,
        "tags": ["deadline", "commute"],
        "recorded_at": recorded.isoformat(),
    }

    created = await client.post(CHECKINS, json=full, headers=account.headers)
    assert created.status_code == 201
    read = await client.get(f"{CHECKINS}/{entry_id}", headers=account.headers)

    assert read.status_code == 200
    stored = read.json()
    for body in (created.json(), stored):
        assert body["id"] == str(entry_id)
        for field in ("score", "emotions", "notes", "activity", "location", "weather"):
            assert body[field] == full[field], field
        assert body["sleep_hours"] == 5.5
        assert body["energy"] == 2
        assert body["tags"] == ["deadline", "commute"]
        assert moment(body["recorded_at"]) == recorded
    assert moment(stored["recorded_at"]).utcoffset() == timedelta(0)


async def test_create_normalises_emotions_and_lists_custom_ones(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = await create(
        client,
        account,
        emotions=["  Happy ", "happy", "CALM", "Feeling   Blue", "feeling blue", "Homesick"],
    )

    assert body["emotions"] == ["happy", "calm", "feeling blue", "homesick"]
    assert body["custom_emotions"] == ["feeling blue", "homesick"]
    (stored,) = await listed(client, account)
    assert stored["emotions"] == ["happy", "calm", "feeling blue", "homesick"]
    assert stored["custom_emotions"] == ["feeling blue", "homesick"]


async def test_create_stores_empty_strings_as_null(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = await create(client, account, notes="", activity="", location="   ", weather="")

    for field in ("notes", "activity", "location", "weather"):
        assert body[field] is None, field
    (stored,) = await listed(client, account)
    for field in ("notes", "activity", "location", "weather"):
        assert stored[field] is None, field


@pytest.mark.parametrize("score", [0, 10])
async def test_create_accepts_the_ends_of_the_score_scale(
    client: httpx.AsyncClient, account: Account, score: int
) -> None:
    body = await create(client, account, score=score)

    assert body["score"] == score
    (stored,) = await listed(client, account)
    assert stored["score"] == score


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"notes": "n" * 5000}, id="notes-5000"),
        pytest.param({"location": "l" * 200}, id="location-200"),
        pytest.param({"emotions": ["e" * 32]}, id="emotion-32-characters"),
        pytest.param({"emotions": [f"feeling{i}" for i in range(12)]}, id="12-emotions"),
        pytest.param({"sleep_hours": 24, "energy": 10}, id="sleep-24-energy-10"),
        pytest.param(
            {"recorded_at": (utcnow() + timedelta(hours=23)).isoformat()}, id="recorded-23h-ahead"
        ),
    ],
)
async def test_create_accepts_values_at_the_limits(
    client: httpx.AsyncClient, account: Account, fields: dict[str, Any]
) -> None:
    body = await create(client, account, **fields)

    for field, value in fields.items():
        if field == "recorded_at":
            assert moment(body[field]) == moment(value)
        else:
            assert body[field] == value


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param(checkin(score=-1), "score", id="score-minus-1"),
        pytest.param(checkin(score=11), "score", id="score-11"),
        pytest.param(checkin(score="7"), "score", id="score-string"),
        pytest.param(checkin(score=7.5), "score", id="score-fraction"),
        pytest.param(checkin(score=None), "score", id="score-null"),
        pytest.param({"emotions": ["happy"]}, "score", id="score-missing"),
        pytest.param(checkin(emotions=[]), "emotions", id="no-emotions"),
        pytest.param({"score": 7}, "emotions", id="emotions-missing"),
        pytest.param(checkin(emotions=["happy", ""]), "emotions", id="empty-emotion"),
        pytest.param(checkin(emotions=["   "]), "emotions", id="blank-emotion"),
        pytest.param(checkin(emotions=["e" * 33]), "emotions", id="emotion-33-characters"),
        pytest.param(
            checkin(emotions=[f"feeling{i}" for i in range(13)]), "emotions", id="13-emotions"
        ),
        pytest.param(checkin(notes="n" * 5001), "notes", id="notes-5001"),
        pytest.param(checkin(location="l" * 201), "location", id="location-201"),
        pytest.param(checkin(activity="a" * 101), "activity", id="activity-101"),
        pytest.param(checkin(weather="w" * 51), "weather", id="weather-51"),
        pytest.param(checkin(surprise=True), "surprise", id="unknown-field"),
        pytest.param(
            checkin(recorded_at=(utcnow() - timedelta(hours=1)).replace(tzinfo=None).isoformat()),
            "recorded_at",
            id="recorded-at-naive",
        ),
        pytest.param(
            checkin(recorded_at=(utcnow() + timedelta(days=2)).isoformat()),
            "recorded_at",
            id="recorded-at-2-days-ahead",
        ),
        pytest.param(checkin(sleep_hours=25), "sleep_hours", id="sleep-hours-25"),
        pytest.param(checkin(sleep_hours=-1), "sleep_hours", id="sleep-hours-negative"),
        pytest.param(checkin(energy=11), "energy", id="energy-11"),
        pytest.param(checkin(id="not-a-uuid"), "id", id="id-not-uuid"),
        pytest.param([checkin()], "body", id="body-is-a-list"),
    ],
)
async def test_create_rejects_invalid_body_and_stores_nothing(
    client: httpx.AsyncClient, account: Account, body: object, field: str
) -> None:
    response = await client.post(CHECKINS, json=body, headers=account.headers)

    assert_validation_problem(response, field)
    assert await listed(client, account) == []


async def test_create_rejects_malformed_json_and_stores_nothing(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.post(
        CHECKINS,
        content=b'{"score": 7, "emotions": ["happy"',
        headers={**account.headers, "Content-Type": "application/json"},
    )

    assert_validation_problem(response, "body")
    assert "JSON" in response.json()["detail"]
    assert await listed(client, account) == []


async def test_validation_problem_does_not_echo_the_submitted_text(
    client: httpx.AsyncClient, account: Account
) -> None:
    secret = "my very private journal entry " * 200

    response = await client.post(CHECKINS, json=checkin(notes=secret), headers=account.headers)

    assert response.status_code == 422
    assert "private journal" not in response.text


# --- idempotent create ----------------------------------------------------------------------


async def test_create_with_same_client_id_twice_returns_the_first_entry(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry_id = str(uuid.uuid4())

    first = await client.post(CHECKINS, json=checkin(id=entry_id), headers=account.headers)
    retry = await client.post(
        CHECKINS, json=checkin(id=entry_id, score=2, notes="changed"), headers=account.headers
    )

    assert first.status_code == 201
    assert retry.status_code == 200
    assert retry.json()["id"] == entry_id
    assert retry.json()["score"] == 7
    assert retry.json()["notes"] is None
    assert [entry["id"] for entry in await listed(client, account)] == [entry_id]


async def test_create_with_an_id_another_user_holds_is_409_and_leaves_theirs(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other = await make_account()
    entry_id = str(uuid.uuid4())
    original = await create(client, account, id=entry_id, notes="mine")

    response = await client.post(
        CHECKINS, json=checkin(id=entry_id, score=1, notes="theirs"), headers=other.headers
    )

    assert response.status_code == 409
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert isinstance(response.json()["detail"], str)
    mine = await client.get(f"{CHECKINS}/{entry_id}", headers=account.headers)
    assert mine.json() == original
    assert await listed(client, other) == []


async def test_create_with_the_id_of_a_deleted_entry_is_410(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry_id = str(uuid.uuid4())
    await create(client, account, id=entry_id)
    assert (
        await client.delete(f"{CHECKINS}/{entry_id}", headers=account.headers)
    ).status_code == 204

    response = await client.post(CHECKINS, json=checkin(id=entry_id), headers=account.headers)

    assert response.status_code == 410
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert await listed(client, account) == []


async def test_create_with_the_id_of_another_users_deleted_entry_is_409(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other = await make_account()
    entry_id = str(uuid.uuid4())
    await create(client, account, id=entry_id)
    await client.delete(f"{CHECKINS}/{entry_id}", headers=account.headers)

    response = await client.post(CHECKINS, json=checkin(id=entry_id), headers=other.headers)

    assert response.status_code == 409
    assert await listed(client, other) == []


async def test_concurrent_retries_with_one_id_create_exactly_one_entry(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry_id = str(uuid.uuid4())
    body = checkin(id=entry_id, score=5)

    responses = await asyncio.gather(
        *(client.post(CHECKINS, json=body, headers=account.headers) for _ in range(5))
    )

    assert sorted(response.status_code for response in responses) == [200, 200, 200, 200, 201]
    assert {response.json()["id"] for response in responses} == {entry_id}
    assert [entry["id"] for entry in await listed(client, account)] == [entry_id]


# --- ownership ------------------------------------------------------------------------------


async def test_another_users_entry_is_not_found_and_stays_unchanged(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    intruder = await make_account()
    entry = await create(client, account, notes="private")
    path = f"{CHECKINS}/{entry['id']}"

    read = await client.get(path, headers=intruder.headers)
    patched = await client.patch(path, json={"score": 0, "notes": None}, headers=intruder.headers)
    deleted = await client.delete(path, headers=intruder.headers)

    for response in (read, patched, deleted):
        assert response.status_code == 404, response.request.method
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
        assert "private" not in response.text
    still = await client.get(path, headers=account.headers)
    assert still.status_code == 200
    assert still.json() == entry
    assert await listed(client, intruder) == []


async def test_unknown_entry_id_is_404(client: httpx.AsyncClient, account: Account) -> None:
    response = await client.get(f"{CHECKINS}/{uuid.uuid4()}", headers=account.headers)

    assert response.status_code == 404
    assert response.json()["detail"] == "Check-in not found"


async def test_entry_id_that_is_not_a_uuid_is_422(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.get(f"{CHECKINS}/not-a-uuid", headers=account.headers)

    assert_validation_problem(response, "checkin_id")


# --- listing --------------------------------------------------------------------------------


async def test_list_is_newest_first_by_recorded_at_not_by_creation(
    client: httpx.AsyncClient, account: Account
) -> None:
    now = utcnow()
    for hours in (5, 1, 3):
        await create(
            client, account, score=hours, recorded_at=(now - timedelta(hours=hours)).isoformat()
        )

    scores = [entry["score"] for entry in await listed(client, account)]

    assert scores == [1, 3, 5]


async def test_list_pages_walk_every_entry_once(
    client: httpx.AsyncClient, account: Account
) -> None:
    now = utcnow()
    created = [
        await create(client, account, recorded_at=(now - timedelta(minutes=m)).isoformat())
        for m in (30, 10, 60, 0, 50, 20, 40)
    ]
    expected = [
        entry["id"]
        for entry in sorted(created, key=lambda e: moment(e["recorded_at"]), reverse=True)
    ]

    seen: list[str] = []
    page_sizes: list[int] = []
    cursor: str | None = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 3}
        if cursor is not None:
            params["cursor"] = cursor
        response = await client.get(CHECKINS, params=params, headers=account.headers)
        assert response.status_code == 200
        page = response.json()
        seen += [entry["id"] for entry in page["items"]]
        page_sizes.append(len(page["items"]))
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert page_sizes == [3, 3, 1]
    assert seen == expected


async def test_list_pages_through_entries_recorded_at_the_same_moment(
    client: httpx.AsyncClient, account: Account
) -> None:
    same = (utcnow() - timedelta(hours=1)).isoformat()
    ids = {(await create(client, account, recorded_at=same))["id"] for _ in range(5)}

    seen: list[str] = []
    cursor: str | None = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(CHECKINS, params=params, headers=account.headers)).json()
        seen += [entry["id"] for entry in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert len(seen) == 5
    assert set(seen) == ids


async def test_list_page_that_fills_exactly_has_no_next_cursor(
    client: httpx.AsyncClient, account: Account
) -> None:
    for _ in range(3):
        await create(client, account)

    response = await client.get(CHECKINS, params={"limit": 3}, headers=account.headers)

    assert len(response.json()["items"]) == 3
    assert response.json()["next_cursor"] is None


async def test_list_filters_from_inclusive_and_to_exclusive(
    client: httpx.AsyncClient, account: Account
) -> None:
    now = utcnow().replace(microsecond=0)
    moments = {hours: now - timedelta(hours=hours) for hours in (1, 2, 3, 4)}
    for hours, at in moments.items():
        await create(client, account, score=hours, recorded_at=at.isoformat())

    window = await listed(
        client, account, **{"from": moments[3].isoformat(), "to": moments[1].isoformat()}
    )
    since = await listed(client, account, **{"from": moments[2].isoformat()})
    until = await listed(client, account, to=moments[3].isoformat())

    assert [entry["score"] for entry in window] == [2, 3]
    assert [entry["score"] for entry in since] == [1, 2]
    assert [entry["score"] for entry in until] == [4]


async def test_list_filters_compare_moments_across_timezones(
    client: httpx.AsyncClient, account: Account
) -> None:
    at = utcnow().replace(microsecond=0) - timedelta(hours=2)
    await create(client, account, recorded_at=at.isoformat())
    tokyo = timezone(timedelta(hours=9))

    inside = await listed(client, account, **{"from": at.astimezone(tokyo).isoformat()})
    outside = await listed(client, account, to=at.astimezone(tokyo).isoformat())

    assert len(inside) == 1
    assert outside == []


async def test_list_shows_only_the_callers_entries(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other = await make_account()
    mine = await create(client, account)
    await create(client, other)

    assert [entry["id"] for entry in await listed(client, account)] == [mine["id"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"limit": 0}, "limit", id="limit-0"),
        pytest.param({"limit": 101}, "limit", id="limit-101"),
        pytest.param({"limit": "ten"}, "limit", id="limit-not-a-number"),
        pytest.param({"from": "2026-01-01T00:00:00"}, "from", id="from-naive"),
        pytest.param({"to": "yesterday"}, "to", id="to-not-a-date"),
    ],
)
async def test_list_rejects_invalid_query(
    client: httpx.AsyncClient, account: Account, params: dict[str, Any], field: str
) -> None:
    response = await client.get(CHECKINS, params=params, headers=account.headers)

    assert_validation_problem(response, field)


@pytest.mark.parametrize(
    "cursor",
    [
        pytest.param("garbage", id="not-base64-json"),
        pytest.param("%%%", id="punctuation"),
        pytest.param(cursor_token({"moment": 1}), id="json-object"),
        pytest.param(cursor_token(["2026-01-01T00:00:00+00:00"]), id="one-element"),
        pytest.param(cursor_token(["2026-01-01T00:00:00+00:00", 5]), id="id-is-a-number"),
        pytest.param(cursor_token([5, uuid.uuid4().hex]), id="moment-is-a-number"),
        pytest.param(cursor_token(["0001-01-01T00:00:00+01:00", uuid.uuid4().hex]), id="year-0"),
    ],
)
async def test_list_rejects_a_cursor_it_did_not_issue(
    client: httpx.AsyncClient, account: Account, cursor: str
) -> None:
    response = await client.get(CHECKINS, params={"cursor": cursor}, headers=account.headers)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert "cursor" in response.json()["detail"]


# --- update ---------------------------------------------------------------------------------


async def test_update_changes_only_the_fields_sent(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry = await create(client, account, notes="before", activity="work", location="Office")

    response = await client.patch(
        f"{CHECKINS}/{entry['id']}",
        json={"score": 2, "emotions": [" Sad ", "sad", "Adrift"], "activity": "relaxing"},
        headers=account.headers,
    )

    assert response.status_code == 200
    updated = response.json()
    assert updated["score"] == 2
    assert updated["emotions"] == ["sad", "adrift"]
    assert updated["custom_emotions"] == ["adrift"]
    assert updated["activity"] == "relaxing"
    assert updated["notes"] == "before"
    assert updated["location"] == "Office"
    assert updated["recorded_at"] == entry["recorded_at"]
    stored = (await client.get(f"{CHECKINS}/{entry['id']}", headers=account.headers)).json()
    assert stored == updated


async def test_update_with_null_clears_notes(client: httpx.AsyncClient, account: Account) -> None:
    entry = await create(client, account, notes="to forget", location="Home")

    response = await client.patch(
        f"{CHECKINS}/{entry['id']}", json={"notes": None}, headers=account.headers
    )

    assert response.status_code == 200
    stored = (await client.get(f"{CHECKINS}/{entry['id']}", headers=account.headers)).json()
    assert stored["notes"] is None
    assert stored["location"] == "Home"


async def test_update_advances_updated_at_and_keeps_created_at(
    client: httpx.AsyncClient, account: Account
) -> None:
    entry = await create(client, account)

    response = await client.patch(
        f"{CHECKINS}/{entry['id']}", json={"score": 4}, headers=account.headers
    )

    updated = response.json()
    assert moment(updated["updated_at"]) > moment(entry["updated_at"])
    assert moment(updated["created_at"]) == moment(entry["created_at"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"score": None}, "score", id="score-null"),
        pytest.param({"emotions": None}, "emotions", id="emotions-null"),
        pytest.param({"recorded_at": None}, "recorded_at", id="recorded-at-null"),
        pytest.param({"score": 11}, "score", id="score-11"),
        pytest.param({"emotions": []}, "emotions", id="no-emotions"),
        pytest.param({"mood": "great"}, "mood", id="unknown-field"),
    ],
)
async def test_update_rejects_invalid_changes_and_keeps_the_entry(
    client: httpx.AsyncClient, account: Account, changes: dict[str, Any], field: str
) -> None:
    entry = await create(client, account, notes="kept")

    response = await client.patch(
        f"{CHECKINS}/{entry['id']}", json=changes, headers=account.headers
    )

    assert_validation_problem(response, field)
    stored = (await client.get(f"{CHECKINS}/{entry['id']}", headers=account.headers)).json()
    assert stored == entry


# --- delete and sync ------------------------------------------------------------------------


async def test_delete_removes_the_entry(client: httpx.AsyncClient, account: Account) -> None:
    entry = await create(client, account)
    path = f"{CHECKINS}/{entry['id']}"

    response = await client.delete(path, headers=account.headers)

    assert response.status_code == 204
    assert response.content == b""
    assert (await client.get(path, headers=account.headers)).status_code == 404
    assert (await client.delete(path, headers=account.headers)).status_code == 404
    assert await listed(client, account) == []


async def test_changes_since_lists_edited_and_deleted_entries(
    client: httpx.AsyncClient, account: Account
) -> None:
    untouched = await create(client, account)
    edited = await create(client, account)
    removed = await create(client, account)
    first_sync = await client.get(
        f"{CHECKINS}/changes",
        params={"since": (utcnow() - timedelta(days=1)).isoformat()},
        headers=account.headers,
    )
    assert first_sync.status_code == 200
    server_time = first_sync.json()["server_time"]
    assert {entry["id"] for entry in first_sync.json()["changed"]} == {
        untouched["id"],
        edited["id"],
        removed["id"],
    }

    await client.patch(f"{CHECKINS}/{edited['id']}", json={"score": 1}, headers=account.headers)
    await client.delete(f"{CHECKINS}/{removed['id']}", headers=account.headers)
    added = await create(client, account)
    response = await client.get(
        f"{CHECKINS}/changes", params={"since": server_time}, headers=account.headers
    )

    assert response.status_code == 200
    delta = response.json()
    assert [entry["id"] for entry in delta["changed"]] == [edited["id"], added["id"]]
    assert delta["changed"][0]["score"] == 1
    assert [gone["id"] for gone in delta["deleted"]] == [removed["id"]]
    assert moment(delta["deleted"][0]["deleted_at"]) > moment(server_time)
    assert moment(delta["server_time"]) >= moment(delta["deleted"][0]["deleted_at"])


async def test_changes_since_now_is_empty(client: httpx.AsyncClient, account: Account) -> None:
    await create(client, account)

    response = await client.get(
        f"{CHECKINS}/changes", params={"since": utcnow().isoformat()}, headers=account.headers
    )

    assert response.json()["changed"] == []
    assert response.json()["deleted"] == []


async def test_changes_exclude_other_users(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other = await make_account()
    since = (utcnow() - timedelta(minutes=1)).isoformat()
    theirs = await create(client, other)
    await client.delete(f"{CHECKINS}/{theirs['id']}", headers=other.headers)
    await create(client, other)

    delta = (
        await client.get(f"{CHECKINS}/changes", params={"since": since}, headers=account.headers)
    ).json()

    assert delta["changed"] == []
    assert delta["deleted"] == []


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({}, id="since-missing"),
        pytest.param({"since": "2026-01-01T00:00:00"}, id="since-naive"),
    ],
)
async def test_changes_require_an_aware_since(
    client: httpx.AsyncClient, account: Account, params: dict[str, str]
) -> None:
    response = await client.get(f"{CHECKINS}/changes", params=params, headers=account.headers)

    assert_validation_problem(response, "since")


# --- authentication and vocabulary ----------------------------------------------------------

SOME_ID = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        pytest.param("POST", CHECKINS, checkin(), id="create"),
        pytest.param("GET", CHECKINS, None, id="list"),
        pytest.param("GET", f"{CHECKINS}/{SOME_ID}", None, id="read"),
        pytest.param("PATCH", f"{CHECKINS}/{SOME_ID}", {"score": 1}, id="update"),
        pytest.param("DELETE", f"{CHECKINS}/{SOME_ID}", None, id="delete"),
        pytest.param("GET", f"{CHECKINS}/changes?since=2026-01-01T00:00:00Z", None, id="changes"),
    ],
)
@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-token"),
        pytest.param({"Authorization": "Bearer not-a-token"}, id="bad-token"),
    ],
)
async def test_checkin_endpoints_require_a_valid_token(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    body: object,
    headers: dict[str, str],
) -> None:
    response = await client.request(method, path, json=body, headers=headers)

    assert response.status_code == 401
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.headers["www-authenticate"].lower().startswith("bearer")
    assert isinstance(response.json()["detail"], str)


async def test_create_without_token_stores_nothing(
    client: httpx.AsyncClient, account: Account
) -> None:
    await client.post(CHECKINS, json=checkin())

    assert await listed(client, account) == []


async def test_emotion_vocabulary_is_public_and_starts_with_the_frontend_ids(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/emotions")

    assert response.status_code == 200
    body = response.json()
    assert body["emotions"][: len(FRONTEND_EMOTIONS)] == list(FRONTEND_EMOTIONS)
    assert len(body["emotions"]) == len(set(body["emotions"]))
    assert all(word == word.strip().lower() for word in body["emotions"])
    assert body["max_per_checkin"] == 12
    assert body["max_length"] == 32


async def test_vocabulary_words_are_not_reported_as_custom(
    client: httpx.AsyncClient, account: Account
) -> None:
    vocabulary = (await client.get("/api/v1/emotions")).json()["emotions"]

    body = await create(client, account, emotions=[word.upper() for word in vocabulary[:12]])

    assert body["emotions"] == vocabulary[:12]
    assert body["custom_emotions"] == []
