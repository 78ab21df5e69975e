"""Crisis lines by country: GET /api/v1/crisis/resources, and the curated data file."""

from __future__ import annotations

import re

import httpx
import pytest

from mindtrack.crisis.resources import catalogue, is_country_code
from tests.mood.test_router import assert_validation_problem

RESOURCES = "/api/v1/crisis/resources"
# Lines the product must always list, as the services publish them.
REQUIRED_LINES = {
    "US": ["988", "Text HOME to 741741", "911"],
    "CA": ["988", "911"],
    "GB": ["116 123", "Text SHOUT to 85258", "999"],
    "IE": ["116 123", "112"],
    "AU": ["13 11 14", "000"],
    "NZ": ["1737", "111"],
    "IN": ["14416", "112"],
    "DE": ["112"],
    "FR": ["3114", "112"],
    "ES": ["024", "112"],
    "NL": ["0800-0113", "112"],
}


@pytest.mark.parametrize("country", sorted(REQUIRED_LINES))
async def test_each_listed_country_has_its_lines_and_emergency_number(
    client: httpx.AsyncClient, country: str
) -> None:
    response = await client.get(RESOURCES, params={"country": country.lower()})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["country"], body["covered"]) == (country, True)
    phones = [r["phone"] for r in body["immediate_help"] + body["specialized_support"]]
    for line in REQUIRED_LINES[country]:
        assert line in phones, (country, line)
    assert body["emergency_number"] in phones
    assert len(body["safety_planning"]["steps"]) == 6


def test_every_curated_line_has_a_source_a_check_date_and_a_dialable_number() -> None:
    for code, lines in catalogue().countries.items():
        assert is_country_code(code)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines.checked_on)
        for line in lines.immediate_help + lines.specialized_support:
            assert (line.source or "").startswith(("https://", "http://")), line.name
            assert re.search(r"\d{3}", line.phone.replace(" ", "")), line.name
            assert line.languages, line.name


async def test_a_country_without_curated_lines_points_to_the_directories(
    client: httpx.AsyncClient,
) -> None:
    body = (await client.get(RESOURCES, params={"country": "BR"})).json()
    assert (body["country"], body["covered"], body["emergency_number"]) == ("BR", False, None)
    assert body["immediate_help"] == []
    assert {d["website"] for d in body["directories"]} >= {"https://findahelpline.com"}


async def test_lines_in_the_asked_language_come_first_and_none_are_dropped(
    client: httpx.AsyncClient,
) -> None:
    english = (await client.get(RESOURCES, params={"country": "CA", "language": "en"})).json()
    cree = (await client.get(RESOURCES, params={"country": "CA", "language": "cr"})).json()
    assert cree["specialized_support"][0]["name"] == "Hope for Wellness Help Line"
    assert sorted(r["name"] for r in cree["specialized_support"]) == sorted(
        r["name"] for r in english["specialized_support"]
    )
    assert cree["language"] == "cr"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "ZZ"}, "country"),
        ({"country": "USA"}, "country"),
        ({"country": "1"}, "country"),
        ({}, "country"),
        ({"country": "GB", "language": "English!"}, "language"),
    ],
)
async def test_unknown_country_or_language_codes_are_a_clear_422(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    assert_validation_problem(await client.get(RESOURCES, params=params), field)
