"""The therapist directory and referral requests over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mindtrack.models import Role
from tests.conftest import Account
from tests.mood.test_router import assert_validation_problem

PROFILE = "/api/v1/therapists/me"
REFERRALS = "/api/v1/referrals"


def profile(**fields: Any) -> dict[str, Any]:
    return {
        "display_name": "Dr Ama Mensah",
        "credentials": "Clinical psychologist, HCPC registered",
        "specialties": ["Anxiety", "trauma"],
        "languages": ["en", "tw"],
        "country": "gb",
        **fields,
    }


async def therapist(make_account: Any, client: httpx.AsyncClient, **fields: Any) -> Account:
    account: Account = await make_account(role=Role.THERAPIST)
    response = await client.put(PROFILE, json=profile(**fields), headers=account.headers)
    assert response.status_code == 200, response.text
    return account


async def test_the_directory_finds_therapists_by_specialty_language_and_country(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    ama = await therapist(make_account, client)
    await therapist(
        make_account,
        client,
        display_name="Dr Luis Ortega",
        specialties=["depression"],
        languages=["es"],
        country="ES",
    )
    await therapist(make_account, client, display_name="Dr Full", accepting_new_clients=False)

    async def names(**params: Any) -> list[str]:
        response = await client.get("/api/v1/therapists", params=params, headers=account.headers)
        assert response.status_code == 200, response.text
        return [t["display_name"] for t in response.json()]

    assert await names() == ["Dr Ama Mensah", "Dr Luis Ortega"]
    assert await names(specialty="ANXIETY") == ["Dr Ama Mensah"]
    assert await names(language="es") == ["Dr Luis Ortega"]
    assert await names(country="gb", accepting=False) == ["Dr Ama Mensah", "Dr Full"]
    entry = (await client.get(f"/api/v1/therapists/{ama.user.id}", headers=account.headers)).json()
    assert (entry["country"], entry["specialties"]) == ("GB", ["anxiety", "trauma"])


async def test_only_therapist_accounts_keep_a_directory_entry(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.put(PROFILE, json=profile(), headers=account.headers)
    assert response.status_code == 403
    assert "therapist" in response.json()["detail"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"languages": []}, "languages"),
        ({"languages": ["English"]}, "languages.0"),
        ({"country": "GBR"}, "country"),
        ({"bio": "x" * 1001}, "bio"),
        ({"display_name": ""}, "display_name"),
    ],
)
async def test_a_bad_profile_is_refused(
    client: httpx.AsyncClient, make_account: Any, changes: dict[str, Any], field: str
) -> None:
    account: Account = await make_account(role=Role.THERAPIST)
    assert_validation_problem(
        await client.put(PROFILE, json=profile(**changes), headers=account.headers), field
    )


async def test_a_referral_is_requested_answered_once_and_seen_by_both_only(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    ama = await therapist(make_account, client)
    body = {"therapist_id": str(ama.user.id), "message": "Struggling with panic attacks since May."}
    created = await client.post(REFERRALS, json=body, headers=account.headers)
    assert created.status_code == 201, created.text
    referral = created.json()
    assert (referral["status"], referral["therapist_name"]) == ("pending", "Dr Ama Mensah")
    assert (await client.post(REFERRALS, json=body, headers=account.headers)).status_code == 409
    [seen] = (await client.get(REFERRALS, headers=ama.headers)).json()
    assert (seen["client_name"], seen["message"]) == (account.user.username, body["message"])
    outsider: Account = await make_account()
    assert (await client.get(REFERRALS, headers=outsider.headers)).json() == []
    url = f"{REFERRALS}/{referral['id']}"
    assert (await client.post(f"{url}/accept", headers=account.headers)).status_code == 403
    other_therapist = await therapist(make_account, client, display_name="Dr Other")
    assert (await client.post(f"{url}/accept", headers=other_therapist.headers)).status_code == 404
    accepted = await client.post(f"{url}/accept", headers=ama.headers)
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["answered_at"] is not None
    again = await client.post(f"{url}/decline", headers=ama.headers)
    assert again.status_code == 409
    assert (await client.post(f"{url}/cancel", headers=account.headers)).status_code == 409
    [mine] = (await client.get(REFERRALS, headers=account.headers)).json()
    assert mine["status"] == "accepted"


async def test_a_request_can_be_withdrawn_and_closed_doors_are_explained(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    ama = await therapist(make_account, client)
    full = await therapist(
        make_account, client, display_name="Dr Full", accepting_new_clients=False
    )
    refused = await client.post(
        REFERRALS, json={"therapist_id": str(full.user.id)}, headers=account.headers
    )
    assert refused.status_code == 409
    assert "not accepting new clients" in refused.json()["detail"]
    unknown = await client.post(
        REFERRALS, json={"therapist_id": str(account.user.id)}, headers=account.headers
    )
    assert unknown.status_code == 404
    created = (
        await client.post(
            REFERRALS, json={"therapist_id": str(ama.user.id)}, headers=account.headers
        )
    ).json()
    cancelled = await client.post(f"{REFERRALS}/{created['id']}/cancel", headers=account.headers)
    assert cancelled.json()["status"] == "cancelled"
    assert (
        await client.post(f"{REFERRALS}/{created['id']}/accept", headers=ama.headers)
    ).status_code == 409
