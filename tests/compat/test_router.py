"""The routes the existing web frontend calls, checked against its contract
(/work/shared/contracts/frontend-api.md, §1, §3, §4, §5.1, §5.3, §7, §9, §11)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from mindtrack.kit.time import utcnow
from tests.conftest import DEFAULT_PASSWORD, Account
from tests.crisis.test_escalation import two_very_low_days

# §4.1: the exact body the Mood Check page sends.
CONTRACT_BODY = {
    "score": 7,
    "emotions": ["happy", "calm"],
    "notes": "Productive day",
    "activity": "work",
    "location": "Office",
    "weather": "",
}
# §7: the six steps that get built-in help text in the frontend.
SAFETY_STEPS = [
    "Recognize warning signs",
    "Identify coping strategies",
    "List people for support",
    "Contact mental health professionals",
    "Secure environment",
    "Follow up plan",
]
FRONTEND_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3001"]
UNLISTED_ORIGIN = "http://evil.example"


def is_json(response: httpx.Response) -> bool:
    try:
        response.json()
    except json.JSONDecodeError:
        return False
    return True


async def stored_checkins(client: httpx.AsyncClient, account: Account) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/checkins", headers=account.headers)
    assert response.status_code == 200
    return response.json()["items"]  # type: ignore[no-any-return]


# --- §4: mood check-in ----------------------------------------------------------------------


async def test_track_accepts_the_contract_example_body_and_stores_it(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.post("/api/mood/track", json=CONTRACT_BODY, headers=account.headers)

    assert 200 <= response.status_code < 300
    assert response.headers["content-type"].startswith("application/json")
    assert isinstance(response.json(), dict)
    (stored,) = await stored_checkins(client, account)
    assert stored["score"] == 7
    assert stored["emotions"] == ["happy", "calm"]
    assert stored["notes"] == "Productive day"
    assert stored["activity"] == "work"
    assert stored["location"] == "Office"
    assert stored["weather"] is None
    assert response.json()["mood_entry"]["id"] == stored["id"]


async def test_track_accepts_score_zero(client: httpx.AsyncClient, account: Account) -> None:
    response = await client.post(
        "/api/mood/track", json={**CONTRACT_BODY, "score": 0}, headers=account.headers
    )

    assert 200 <= response.status_code < 300
    assert isinstance(response.json(), dict)
    (stored,) = await stored_checkins(client, account)
    assert stored["score"] == 0


async def test_track_accepts_all_empty_optional_strings(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {**CONTRACT_BODY, "notes": "", "activity": "", "location": "", "weather": ""}

    response = await client.post("/api/mood/track", json=body, headers=account.headers)

    assert 200 <= response.status_code < 300
    (stored,) = await stored_checkins(client, account)
    assert [stored[f] for f in ("notes", "activity", "location", "weather")] == [None] * 4


async def test_track_without_token_is_401_and_stores_nothing(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.post("/api/mood/track", json=CONTRACT_BODY)

    assert response.status_code == 401
    assert isinstance(response.json()["detail"], str)
    assert await stored_checkins(client, account) == []


async def test_track_retry_with_the_same_id_returns_the_first_entry(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {**CONTRACT_BODY, "id": "7b0c5d57-3c5e-4a43-8f3a-2f1f2c1d0e9a"}
    first = await client.post("/api/mood/track", json=body, headers=account.headers)
    again = await client.post("/api/mood/track", json=body, headers=account.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["mood_entry"]["id"] == first.json()["mood_entry"]["id"]
    history = await client.get("/api/mood/history", headers=account.headers)
    assert len(history.json()["entries"]) == 1


FLAT_FIELDS = {"sentiment", "sentiment_confidence", "energy_level", "risk_level",
               "risk_indicators", "intervention_required"}  # fmt: skip


def assert_contract_shape(body: dict[str, Any]) -> None:
    flat = body["complete_ai_analysis"]
    assert set(flat) >= FLAT_FIELDS
    assert flat["sentiment"] in ("positive", "negative", "neutral")
    assert 0 <= flat["sentiment_confidence"] <= 1
    assert flat["energy_level"] in ("high", "moderate", "low")
    assert flat["risk_level"] in ("low", "medium", "high")
    assert all(isinstance(item, str) for item in flat["risk_indicators"])
    assert isinstance(flat["intervention_required"], bool)
    assert body["recommendations"]
    assert all(isinstance(item, str) for item in body["recommendations"])
    assert isinstance(body["intervention_triggered"], bool)


@pytest.mark.parametrize("path", ["/api/mood/track-complete", "/api/mood/track"])
async def test_track_complete_returns_the_contract_fields_from_the_analysis(
    client: httpx.AsyncClient, account: Account, path: str
) -> None:
    body = {**CONTRACT_BODY, "notes": "Productive day, finished the report and felt proud."}
    response = await client.post(path, json=body, headers=account.headers)

    assert response.status_code == 201
    payload = response.json()
    assert_contract_shape(payload)
    flat = payload["complete_ai_analysis"]
    assert flat["sentiment"] == "positive"
    assert flat["risk_level"] == "low"
    assert payload["intervention_triggered"] is False
    assert set(flat["models_used"]) == {"encoder", "sentiment", "emotions", "crisis"}
    assert payload["analysis"] == flat
    assert payload["ai_powered"] is True
    assert len(await stored_checkins(client, account)) == 1


async def test_a_crisis_note_triggers_the_banner_with_help_first(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {
        **CONTRACT_BODY,
        "score": 1,
        "emotions": ["sad"],
        "notes": "I don't want to be alive anymore.",
    }
    response = await client.post("/api/mood/track-complete", json=body, headers=account.headers)

    payload = response.json()
    assert_contract_shape(payload)
    flat = payload["complete_ai_analysis"]
    assert payload["intervention_triggered"] is True
    assert flat["intervention_required"] is True
    assert flat["risk_level"] in ("medium", "high")
    assert "Thoughts of not wanting to be alive" in flat["risk_indicators"]
    assert "Very low mood score" in flat["risk_indicators"]
    assert "988" in payload["recommendations"][0]


async def test_crisis_recommendations_name_the_lines_of_the_persons_country(
    client: httpx.AsyncClient, account: Account
) -> None:
    patch = await client.patch(
        "/api/v1/users/me", json={"locale": "en-GB"}, headers=account.headers
    )
    assert patch.status_code == 200, patch.text
    body = {
        **CONTRACT_BODY,
        "score": 1,
        "emotions": ["sad"],
        "notes": "I don't want to be alive anymore.",
    }
    response = await client.post("/api/mood/track-complete", json=body, headers=account.headers)
    first = response.json()["recommendations"][0]
    assert "116 123 (Samaritans)" in first
    assert "call 999" in first
    assert "988" not in first


@pytest.mark.parametrize(
    ("change", "field"),
    [({"score": -1}, "score"), ({"score": 11}, "score"), ({"emotions": []}, "emotions"),
     ({"notes": "x" * 5001}, "notes"), ({"score": "seven"}, "score")],
)  # fmt: skip
async def test_track_complete_refuses_invalid_check_ins_and_stores_nothing(
    client: httpx.AsyncClient, account: Account, change: dict[str, Any], field: str
) -> None:
    response = await client.post(
        "/api/mood/track-complete", json={**CONTRACT_BODY, **change}, headers=account.headers
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
    assert await stored_checkins(client, account) == []


async def test_a_check_in_that_opens_a_crisis_incident_triggers_the_banner_without_a_note(
    client: httpx.AsyncClient, account: Account
) -> None:
    await two_very_low_days(client, account)
    third_low_day = {**CONTRACT_BODY, "score": 2, "emotions": ["sad"], "notes": ""}
    response = await client.post(
        "/api/mood/track-complete", json=third_low_day, headers=account.headers
    )

    payload = response.json()
    assert_contract_shape(payload)
    flat = payload["complete_ai_analysis"]
    assert payload["intervention_triggered"] is True
    assert flat["intervention_required"] is True
    assert flat["risk_level"] == "medium"
    assert "988" in payload["recommendations"][0]


async def test_a_retried_check_in_shows_the_banner_again_while_its_incident_is_open(
    client: httpx.AsyncClient, account: Account
) -> None:
    await two_very_low_days(client, account)
    third_low_day = {**CONTRACT_BODY, "id": str(uuid.uuid4()), "score": 2, "notes": ""}
    first = await client.post(
        "/api/mood/track-complete", json=third_low_day, headers=account.headers
    )
    retry = await client.post(
        "/api/mood/track-complete", json=third_low_day, headers=account.headers
    )

    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json()["intervention_triggered"] is True
    assert retry.json()["complete_ai_analysis"] == first.json()["complete_ai_analysis"]


async def test_a_check_in_without_a_note_is_read_from_its_score(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {**CONTRACT_BODY, "score": 2, "notes": ""}
    response = await client.post("/api/mood/track-complete", json=body, headers=account.headers)

    payload = response.json()
    assert_contract_shape(payload)
    flat = payload["complete_ai_analysis"]
    assert flat["sentiment"] == "negative"
    assert flat["models_used"] == {}
    assert payload["intervention_triggered"] is False
    assert flat["risk_indicators"] == ["Very low mood score"]


# --- §5: dashboard data ---------------------------------------------------------------------


async def test_history_lists_entries_newest_first_with_the_fields_the_dashboard_reads(
    client: httpx.AsyncClient, account: Account
) -> None:
    now = utcnow()
    for hours, score in ((3, 4), (1, 8), (2, 0)):
        await client.post(
            "/api/v1/checkins",
            json={
                "score": score,
                "emotions": ["Tired", "calm"],
                "recorded_at": (now - timedelta(hours=hours)).isoformat(),
            },
            headers=account.headers,
        )

    response = await client.get("/api/mood/history", params={"limit": 10}, headers=account.headers)

    assert response.status_code == 200
    entries = response.json()["entries"]
    assert [entry["score"] for entry in entries] == [8, 0, 4]
    moments = []
    for entry in entries:
        assert type(entry["score"]) is int
        assert isinstance(entry["created_at"], str)
        created_at = datetime.fromisoformat(entry["created_at"])
        assert created_at.tzinfo is not None
        moments.append(created_at)
        assert entry["emotions"] == ["tired", "calm"]
        assert all(isinstance(emotion, str) for emotion in entry["emotions"])
    assert moments == sorted(moments, reverse=True)


async def test_history_created_at_is_when_the_mood_was_felt(
    client: httpx.AsyncClient, account: Account
) -> None:
    felt = (utcnow() - timedelta(days=2)).replace(microsecond=0)
    await client.post(
        "/api/v1/checkins",
        json={"score": 5, "emotions": ["sad"], "recorded_at": felt.isoformat()},
        headers=account.headers,
    )

    (entry,) = (await client.get("/api/mood/history", headers=account.headers)).json()["entries"]

    assert datetime.fromisoformat(entry["created_at"]) == felt


async def test_history_honours_limit_with_the_newest_entries(
    client: httpx.AsyncClient, account: Account
) -> None:
    now = utcnow()
    for minutes in range(12):
        await client.post(
            "/api/v1/checkins",
            json={
                "score": minutes % 11,
                "emotions": ["happy"],
                "recorded_at": (now - timedelta(minutes=minutes)).isoformat(),
            },
            headers=account.headers,
        )

    entries = (
        await client.get("/api/mood/history", params={"limit": 10}, headers=account.headers)
    ).json()["entries"]

    assert len(entries) == 10
    newest = sorted(
        (await client.get("/api/v1/checkins", headers=account.headers)).json()["items"],
        key=lambda e: datetime.fromisoformat(e["recorded_at"]),
        reverse=True,
    )[:10]
    assert [entry["id"] for entry in entries] == [entry["id"] for entry in newest]


async def test_history_shows_only_the_callers_entries(
    client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    other = await make_account()
    await client.post("/api/mood/track", json=CONTRACT_BODY, headers=other.headers)

    response = await client.get("/api/mood/history", params={"limit": 10}, headers=account.headers)

    assert response.status_code == 200
    assert response.json()["entries"] == []


async def test_history_requires_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/mood/history", params={"limit": 10})

    assert response.status_code == 401


async def test_root_answers_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/")

    assert response.status_code == 200
    assert isinstance(response.json(), dict)


# --- §7: crisis resources -------------------------------------------------------------------


async def test_crisis_resources_are_public_and_shaped_for_the_crisis_page(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/crisis/resources")

    assert response.status_code == 200
    body = response.json()
    for section in ("immediate_help", "specialized_support"):
        assert isinstance(body[section], list)
        assert body[section], section
        for resource in body[section]:
            for field in ("name", "phone", "description", "available"):
                assert isinstance(resource[field], str), (section, field)
                assert resource[field], (section, field)
            assert isinstance(resource["languages"], list)
            assert all(isinstance(language, str) for language in resource["languages"])


async def test_crisis_resources_list_988_and_the_crisis_text_line(
    client: httpx.AsyncClient,
) -> None:
    body = (await client.get("/api/crisis/resources")).json()

    phones = [resource["phone"] for resource in body["immediate_help"]]
    assert "988" in phones
    assert "Text HOME to 741741" in phones


async def test_crisis_resources_carry_the_six_safety_planning_steps(
    client: httpx.AsyncClient,
) -> None:
    body = (await client.get("/api/crisis/resources")).json()

    assert body["safety_planning"]["steps"] == SAFETY_STEPS


async def test_crisis_resources_ignore_a_stale_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/crisis/resources", headers={"Authorization": "Bearer null"})

    assert response.status_code == 200
    assert response.json()["immediate_help"]


# --- §1.2: CORS -----------------------------------------------------------------------------


@pytest.mark.parametrize("origin", FRONTEND_ORIGINS)
@pytest.mark.parametrize("path", ["/api/mood/track", "/api/auth/login", "/api/mood/history"])
async def test_preflight_from_the_frontend_origins_is_allowed(
    client: httpx.AsyncClient, origin: str, path: str
) -> None:
    method = "GET" if path.endswith("history") else "POST"

    response = await client.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == origin
    assert method in response.headers["access-control-allow-methods"]
    allowed = {
        h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")
    }
    assert {"authorization", "content-type"} <= allowed


async def test_preflight_from_an_unlisted_origin_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/api/mood/track",
        headers={
            "Origin": UNLISTED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )

    assert response.status_code >= 400
    assert "access-control-allow-origin" not in response.headers


async def _response_for(
    case: str, client: httpx.AsyncClient, account: Account, origin: str
) -> httpx.Response:
    headers = {"Origin": origin}
    if case == "2xx":
        return await client.get(
            "/api/mood/history", params={"limit": 10}, headers={**headers, **account.headers}
        )
    if case == "201":
        return await client.post(
            "/api/mood/track", json=CONTRACT_BODY, headers={**headers, **account.headers}
        )
    if case == "401":
        return await client.get("/api/auth/me", headers=headers)
    if case == "404":
        return await client.get("/api/mood/no-such-path", headers={**headers, **account.headers})
    assert case == "422"
    return await client.post(
        "/api/mood/track",
        json={**CONTRACT_BODY, "score": 11},
        headers={**headers, **account.headers},
    )


CASES = {"2xx": 200, "201": 201, "401": 401, "404": 404, "422": 422}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("origin", FRONTEND_ORIGINS)
async def test_frontend_origins_get_cors_headers_on_success_and_errors(
    client: httpx.AsyncClient, account: Account, case: str, origin: str
) -> None:
    response = await _response_for(case, client, account, origin)

    assert response.status_code == CASES[case]
    assert response.headers["access-control-allow-origin"] == origin
    assert is_json(response)


@pytest.mark.parametrize("case", list(CASES))
async def test_unlisted_origin_gets_no_cors_headers(
    client: httpx.AsyncClient, account: Account, case: str
) -> None:
    response = await _response_for(case, client, account, UNLISTED_ORIGIN)

    assert response.status_code == CASES[case]
    assert "access-control-allow-origin" not in response.headers


async def test_request_id_header_is_exposed_to_the_frontend(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/crisis/resources", headers={"Origin": FRONTEND_ORIGINS[0]})

    exposed = response.headers["access-control-expose-headers"].lower()
    assert "x-request-id" in exposed
    assert response.headers["x-request-id"]


# --- §9: caching by service workers ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/mood/history?limit=10", "/api/auth/me", "/api/v1/checkins"])
async def test_authenticated_gets_vary_on_authorization(
    client: httpx.AsyncClient, account: Account, path: str
) -> None:
    response = await client.get(path, headers={**account.headers, "Origin": FRONTEND_ORIGINS[0]})

    assert response.status_code == 200
    vary = {part.strip().lower() for part in response.headers["vary"].split(",")}
    assert "authorization" in vary
    assert "origin" in vary


# --- §1.4 and §3: every 2xx has a JSON body; auth errors have a string detail -------------


async def test_every_frontend_success_has_a_json_body(client: httpx.AsyncClient) -> None:
    registered = await client.post(
        "/api/auth/register",
        json={
            "username": "ada",
            "email": "ada@example.com",
            "password": DEFAULT_PASSWORD,
            "full_name": None,
        },
    )
    login = await client.post(
        "/api/auth/login", json={"username": "ada@example.com", "password": DEFAULT_PASSWORD}
    )
    token = {"Authorization": f"Bearer {login.json()['access_token']}"}
    responses = {
        "register": registered,
        "login": login,
        "me": await client.get("/api/auth/me", headers=token),
        "track": await client.post("/api/mood/track", json=CONTRACT_BODY, headers=token),
        "history": await client.get("/api/mood/history", params={"limit": 10}, headers=token),
        "crisis": await client.get("/api/crisis/resources"),
        "root": await client.get("/"),
    }

    for name, response in responses.items():
        assert 200 <= response.status_code < 300, (name, response.text)
        assert response.headers["content-type"].startswith("application/json"), name
        assert isinstance(response.json(), dict), name
    assert registered.json()["username"] == "ada"
    assert login.json()["user"]["username"] == "ada"
    assert isinstance(login.json()["access_token"], str)
    assert responses["me"].json()["username"] == "ada"
    assert responses["me"].json()["email"] == "ada@example.com"
    assert responses["me"].json()["full_name"] is None


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        pytest.param(
            "/api/auth/register",
            {"username": "ab", "email": "ab@example.com", "password": DEFAULT_PASSWORD},
            422,
            id="register-short-username",
        ),
        pytest.param(
            "/api/auth/register",
            {"username": "newbie", "email": "not-an-email", "password": DEFAULT_PASSWORD},
            422,
            id="register-bad-email",
        ),
        pytest.param(
            "/api/auth/register",
            {"username": "newbie", "email": "newbie@example.com", "password": "short"},
            422,
            id="register-short-password",
        ),
        pytest.param("/api/auth/register", "TAKEN-USERNAME", 409, id="register-taken-username"),
        pytest.param(
            "/api/auth/login",
            {"username": "ACCOUNT", "password": "wrong password"},
            401,
            id="login-wrong-password",
        ),
        pytest.param(
            "/api/auth/login",
            {"username": "nobody", "password": DEFAULT_PASSWORD},
            401,
            id="login-unknown-user",
        ),
        pytest.param("/api/auth/login", {"username": "nobody"}, 422, id="login-missing-password"),
    ],
)
async def test_register_and_login_errors_have_a_string_detail(
    client: httpx.AsyncClient, account: Account, path: str, body: Any, status: int
) -> None:
    username = account.user.username
    if body == "TAKEN-USERNAME":
        body = {"username": username, "email": "other@example.com", "password": DEFAULT_PASSWORD}
    elif body == "TAKEN-EMAIL":
        body = {"username": "other", "email": account.user.email, "password": DEFAULT_PASSWORD}
    elif body.get("username") == "ACCOUNT":
        body = {**body, "username": username}

    response = await client.post(path, json=body, headers={"Origin": FRONTEND_ORIGINS[0]})

    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail.strip()
    assert response.headers["access-control-allow-origin"] == FRONTEND_ORIGINS[0]
