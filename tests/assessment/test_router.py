"""PHQ-9 and GAD-7 over HTTP: /api/v1/assessments, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import Account
from tests.mood.test_router import assert_validation_problem

ASSESSMENTS = "/api/v1/assessments"


async def submit(
    client: httpx.AsyncClient, account: Account, instrument: str, answers: list[int], **extra: Any
) -> dict[str, Any]:
    body = {"instrument": instrument, "answers": answers, **extra}
    response = await client.post(ASSESSMENTS, json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def stored(client: httpx.AsyncClient, account: Account) -> list[dict[str, Any]]:
    response = await client.get(ASSESSMENTS, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("instrument", "answers", "total", "severity"),
    [
        ("phq9", [0] * 9, 0, "minimal"),
        ("phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
        ("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
        ("phq9", [2, 2, 2, 2, 2, 0, 0, 0, 0], 10, "moderate"),
        ("phq9", [3, 3, 3, 3, 3, 0, 0, 0, 0], 15, "moderately severe"),
        ("phq9", [3, 3, 3, 3, 2, 2, 2, 2, 0], 20, "severe"),
        ("phq9", [3] * 9, 27, "severe"),
        ("gad7", [2, 1, 1, 0, 0, 0, 0], 4, "minimal"),
        ("gad7", [3, 3, 3, 1, 0, 0, 0], 10, "moderate"),
        ("gad7", [3, 3, 3, 3, 3, 0, 0], 15, "severe"),
        ("gad7", [3] * 7, 21, "severe"),
    ],
)
async def test_a_response_is_scored_into_its_severity_band(
    client: httpx.AsyncClient,
    account: Account,
    instrument: str,
    answers: list[int],
    total: int,
    severity: str,
) -> None:
    created = await submit(client, account, instrument, answers)
    assert (created["total"], created["severity"]) == (total, severity)
    assert created["answers"] == answers
    [kept] = await stored(client, account)
    assert kept["id"] == created["id"]
    assert (kept["total"], kept["severity"]) == (total, severity)


async def test_phq9_item_9_above_zero_asks_for_a_safety_check(
    client: httpx.AsyncClient, account: Account
) -> None:
    quiet = await submit(client, account, "phq9", [2, 2, 2, 2, 2, 2, 2, 2, 0])
    assert (quiet["self_harm_answer"], quiet["safety_check"]) == (0, False)
    # A low total does not hide item 9.
    signal = await submit(client, account, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert (signal["total"], signal["severity"]) == (1, "minimal")
    assert (signal["self_harm_answer"], signal["safety_check"]) == (1, True)
    anxiety = await submit(client, account, "gad7", [3] * 7)
    assert (anxiety["self_harm_answer"], anxiety["safety_check"]) == (None, False)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"instrument": "phq9", "answers": [1] * 8}, "answers"),
        ({"instrument": "phq9", "answers": [1] * 10}, "answers"),
        ({"instrument": "gad7", "answers": [1] * 9}, "answers"),
        ({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 4]}, "answers.8"),
        ({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, -1]}, "answers.8"),
        ({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, "2"]}, "answers.8"),
        ({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, None]}, "answers.8"),
        ({"instrument": "phq9"}, "answers"),
        ({"instrument": "bdi2", "answers": [1] * 21}, "instrument"),
        ({"answers": [1] * 9}, "instrument"),
        ({"instrument": "phq9", "answers": [1] * 9, "total": 3}, "total"),
        (
            {"instrument": "phq9", "answers": [1] * 9, "completed_at": "2999-01-01T00:00:00Z"},
            "completed_at",
        ),
        (
            {"instrument": "phq9", "answers": [1] * 9, "completed_at": "2026-01-01T00:00:00"},
            "completed_at",
        ),
    ],
)
async def test_incomplete_or_out_of_range_answers_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, account: Account, body: dict[str, Any], field: str
) -> None:
    response = await client.post(ASSESSMENTS, json=body, headers=account.headers)
    assert_validation_problem(response, field)
    assert await stored(client, account) == []


async def test_the_wrong_number_of_answers_is_explained(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {"instrument": "gad7", "answers": [1] * 9}
    problem = (await client.post(ASSESSMENTS, json=body, headers=account.headers)).json()
    assert "exactly 7 answers" in problem["detail"]


async def test_history_is_newest_first_filtered_and_paged(
    client: httpx.AsyncClient, account: Account
) -> None:
    start = datetime(2026, 9, 1, tzinfo=UTC)
    for week in range(5):
        moment = (start + timedelta(weeks=week)).isoformat()
        await submit(client, account, "phq9", [week % 4] * 9, completed_at=moment)
        await submit(client, account, "gad7", [1] * 7, completed_at=moment)
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"instrument": "phq9", "limit": 2}
    while True:
        page = (await client.get(ASSESSMENTS, params=params, headers=account.headers)).json()
        seen += page["items"]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert [r["instrument"] for r in seen] == ["phq9"] * 5
    moments = [r["completed_at"] for r in seen]
    assert moments == sorted(moments, reverse=True)
    assert len(await stored(client, account)) == 10


async def test_trend_says_better_or_worse_only_past_the_meaningful_change(
    client: httpx.AsyncClient, account: Account
) -> None:
    async def trend() -> dict[str, Any]:
        response = await client.get(
            f"{ASSESSMENTS}/trend", params={"instrument": "phq9"}, headers=account.headers
        )
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    empty = await trend()
    assert (empty["points"], empty["direction"]) == ([], None)
    start = datetime(2026, 9, 1, tzinfo=UTC)
    for week, given in enumerate(([2] * 9, [2] * 8 + [0], [1] * 9)):
        moment = (start + timedelta(weeks=week)).isoformat()
        await submit(client, account, "phq9", given, completed_at=moment)
    result = await trend()
    assert [p["total"] for p in result["points"]] == [18, 16, 9]
    assert result["change_from_previous"] == -7
    assert result["change_from_first"] == -9
    assert (result["direction"], result["meaningful_change"]) == ("better", 5)
    await submit(
        client,
        account,
        "phq9",
        [1] * 8 + [3],
        completed_at=(start + timedelta(weeks=3)).isoformat(),
    )
    assert (await trend())["direction"] == "no clear change"  # 9 -> 11
    await submit(
        client, account, "phq9", [2] * 9, completed_at=(start + timedelta(weeks=4)).isoformat()
    )
    assert (await trend())["direction"] == "worse"  # 11 -> 18


async def test_people_see_and_delete_only_their_own_responses(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other: Account = await make_account()
    mine = await submit(client, account, "gad7", [1] * 7)
    url = f"{ASSESSMENTS}/{mine['id']}"
    assert (await client.get(url, headers=other.headers)).status_code == 404
    assert (await client.delete(url, headers=other.headers)).status_code == 404
    assert await stored(client, other) == []
    assert (await client.get(url, headers=account.headers)).json()["total"] == 7
    assert (await client.delete(url, headers=account.headers)).status_code == 204
    assert (await client.get(url, headers=account.headers)).status_code == 404
    assert (await client.get(ASSESSMENTS)).status_code == 401


async def test_instruments_describe_items_bands_and_codes(client: httpx.AsyncClient) -> None:
    instruments = {i["id"]: i for i in (await client.get(f"{ASSESSMENTS}/instruments")).json()}
    phq9, gad7 = instruments["phq9"], instruments["gad7"]
    assert (len(phq9["items"]), phq9["max_total"], phq9["loinc_total"]) == (9, 27, "44261-6")
    assert phq9["items"][8]["loinc"] == "44260-8"
    assert (len(gad7["items"]), gad7["max_total"], gad7["loinc_total"]) == (7, 21, "70274-6")
    assert [b["severity"] for b in gad7["severity_bands"]] == [
        "minimal",
        "mild",
        "moderate",
        "severe",
    ]
    assert phq9["answer_scale"][3] == "Nearly every day"
