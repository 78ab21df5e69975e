"""Safety plans over HTTP: /api/v1/crisis/safety-plan, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mindtrack.crisis.schemas import MAX_PLAN_ITEMS, MAX_PLAN_TEXT
from tests.conftest import Account
from tests.mood.test_router import assert_validation_problem

PLAN = "/api/v1/crisis/safety-plan"


def plan(**changes: Any) -> dict[str, Any]:
    return {
        "warning_signs": ["Not answering messages", "Staying in bed all day"],
        "internal_coping_strategies": ["Walk round the park", "Cold shower"],
        "social_distractions": ["Café on the corner", "Football with the five-a-side lot"],
        "people_to_ask_for_help": [{"name": "Sam (sister)", "phone": "+44 7700 900123"}],
        "professionals_and_agencies": [
            {"name": "Dr Osei", "phone": "020 7946 0000", "note": "weekdays"},
            {"name": "Samaritans", "phone": "116 123"},
        ],
        "making_the_environment_safe": ["Tablets kept at Sam's"],
        "reasons_for_living": ["My dog", "Seeing my niece grow up"],
        **changes,
    }


async def save(client: httpx.AsyncClient, account: Account, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.put(PLAN, json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_saving_adds_versions_and_earlier_ones_stay_readable(
    client: httpx.AsyncClient, account: Account
) -> None:
    assert (await client.get(PLAN, headers=account.headers)).status_code == 404
    first = await save(client, account, plan())
    assert first["version"] == 1
    assert first["people_to_ask_for_help"] == [{"name": "Sam (sister)", "phone": "+44 7700 900123"}]
    second = await save(client, account, plan(reasons_for_living=["My dog"], based_on_version=1))
    assert second["version"] == 2
    current = (await client.get(PLAN, headers=account.headers)).json()
    assert (current["version"], current["reasons_for_living"]) == (2, ["My dog"])
    earlier = (await client.get(f"{PLAN}/versions/1", headers=account.headers)).json()
    assert earlier["reasons_for_living"] == ["My dog", "Seeing my niece grow up"]
    versions = (await client.get(f"{PLAN}/versions", headers=account.headers)).json()
    assert [v["version"] for v in versions] == [2, 1]
    assert (await client.get(f"{PLAN}/versions/3", headers=account.headers)).status_code == 404


async def test_a_save_based_on_an_old_version_is_refused_not_merged(
    client: httpx.AsyncClient, account: Account
) -> None:
    await save(client, account, plan())
    await save(client, account, plan(warning_signs=["Skipping meals"], based_on_version=1))
    stale = await client.put(
        PLAN, json=plan(warning_signs=["Other device"], based_on_version=1), headers=account.headers
    )
    assert stale.status_code == 409
    assert "version 2" in stale.json()["detail"]
    current = (await client.get(PLAN, headers=account.headers)).json()
    assert (current["version"], current["warning_signs"]) == (2, ["Skipping meals"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"warning_signs": ["x" * (MAX_PLAN_TEXT + 1)]}, "warning_signs.0"),
        ({"reasons_for_living": ["a reason"] * (MAX_PLAN_ITEMS + 1)}, "reasons_for_living"),
        ({"warning_signs": ["   "]}, "warning_signs.0"),
        (
            {"people_to_ask_for_help": [{"name": "Sam", "phone": "call me"}]},
            "people_to_ask_for_help.0.phone",
        ),
        (
            {"people_to_ask_for_help": [{"name": "Sam", "phone": "12"}]},
            "people_to_ask_for_help.0.phone",
        ),
        (
            {"people_to_ask_for_help": [{"name": "Sam", "phone": "1" * 16}]},
            "people_to_ask_for_help.0.phone",
        ),
        ({"professionals_and_agencies": [{"phone": "988"}]}, "professionals_and_agencies.0.name"),
        (
            {"people_to_ask_for_help": [{"name": "Sam", "email": "s@example.com"}]},
            "people_to_ask_for_help.0.email",
        ),
        ({"favourite_colour": ["blue"]}, "favourite_colour"),
        ({"based_on_version": 0}, "based_on_version"),
    ],
)
async def test_bad_or_oversized_plans_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, account: Account, changes: dict[str, Any], field: str
) -> None:
    response = await client.put(PLAN, json=plan(**changes), headers=account.headers)
    assert_validation_problem(response, field)
    assert (await client.get(f"{PLAN}/versions", headers=account.headers)).json() == []


async def test_an_empty_plan_is_refused_with_a_way_forward(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.put(PLAN, json={}, headers=account.headers)
    assert response.status_code == 422
    assert "at least one entry" in response.json()["detail"]


async def test_deleting_removes_every_version_of_only_that_persons_plan(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other: Account = await make_account()
    await save(client, account, plan())
    await save(client, account, plan())
    assert (await client.get(PLAN, headers=other.headers)).status_code == 404
    assert (await client.get(f"{PLAN}/versions/1", headers=other.headers)).status_code == 404
    assert (await client.delete(PLAN, headers=other.headers)).status_code == 404
    assert (await client.get(PLAN, headers=account.headers)).json()["version"] == 2
    assert (await client.delete(PLAN, headers=account.headers)).status_code == 204
    assert (await client.get(f"{PLAN}/versions", headers=account.headers)).json() == []
    assert (await client.get(PLAN)).status_code == 401


async def test_plan_text_stays_out_of_the_logs(
    client: httpx.AsyncClient, account: Account, log_output: Any
) -> None:
    await save(client, account, plan(reasons_for_living=["Lantern festival with Nana"]))
    await client.put(PLAN, json=plan(warning_signs=["Hidden stash " * 40]), headers=account.headers)
    logs = log_output.getvalue()
    assert "Lantern festival" not in logs
    assert "Hidden stash" not in logs
    assert "7700 900123" not in logs
