"""The companion over HTTP (SQLite and PostgreSQL): the frontend's chat and voice chat
field by field, the /api/v1/conversations API, ownership, bad input, and risk."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from mindtrack.models import Conversation, ConversationMessage
from tests.analysis.test_router import models_off  # noqa: F401
from tests.analytics.test_dashboard import checkin, noon
from tests.conftest import Account
from tests.crisis.test_safety_plan import plan, save

CHAT = "/api/ai/chat"
VOICE = "/api/ai/voice-chat"
CONVERSATIONS = "/api/v1/conversations"
RISKY = "I can't stop thinking about killing myself, I don't want to be here anymore."


async def chat(
    client: httpx.AsyncClient, account: Account, message: str, conversation_id: str | None = None
) -> dict[str, Any]:
    response = await client.post(
        CHAT, json={"message": message, "conversation_id": conversation_id}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def counts(app: Any) -> tuple[int, int]:
    async with app.state.session_factory() as session:
        conversations = (await session.execute(select(func.count(Conversation.id)))).scalar_one()
        messages = (await session.execute(select(func.count(ConversationMessage.id)))).scalar_one()
    return conversations, messages


async def test_the_chat_drawer_field_by_field(client: httpx.AsyncClient, account: Account) -> None:
    first = await chat(client, account, "I feel so anxious about my exam tomorrow")
    assert isinstance(first["response"]["content"], str)
    assert first["response"]["content"]
    assert first["response"]["mood_aware"] is False  # no check-ins yet
    assert isinstance(first["response"]["tone"], str)
    assert first["mood_insights"] == {"data_points": 0}
    assert first["crisis_assessment"]["intervention_required"] is False
    assert all(isinstance(r, str) for r in first["recommendations"])
    second = await chat(client, account, "I still feel anxious and tense", first["conversation_id"])
    assert second["conversation_id"] == first["conversation_id"]
    assert second["response"]["content"] != first["response"]["content"]


async def test_the_companion_knows_recent_moods(
    client: httpx.AsyncClient, account: Account
) -> None:
    for days_ago in range(3):
        await checkin(client, account, noon(days_ago), 3)
    body = await chat(client, account, "Another rough day, I'm tired of everything going wrong")
    assert body["mood_insights"] == {"data_points": 3}
    assert body["response"]["mood_aware"] is True
    assert "3.0/10" in body["response"]["content"]


async def test_a_risky_message_leads_with_safety_and_informs_the_crisis_domain(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = await chat(client, account, RISKY)
    assert body["crisis_assessment"]["intervention_required"] is True
    assert body["crisis_assessment"]["risk_level"] in {"moderate", "high", "imminent"}
    assert "988" in body["response"]["content"]
    assert "?" in body["response"]["content"]
    assert "988" in body["recommendations"][0]
    status = (await client.get("/api/v1/crisis/status", headers=account.headers)).json()
    assert status["incident"] is not None
    assert status["risk"]["source"] == "conversation"


async def test_a_risky_message_offers_the_persons_own_safety_plan(
    client: httpx.AsyncClient, account: Account
) -> None:
    await save(client, account, plan())
    body = await chat(client, account, RISKY)
    assert body["crisis_assessment"]["intervention_required"] is True
    assert "Walk round the park" in body["response"]["content"]
    assert "Your safety plan: Walk round the park" in body["recommendations"]
    # The next risky message, inside the incident's cool-down, still gets the plan.
    again = await chat(client, account, RISKY, body["conversation_id"])
    assert "Walk round the park" in again["response"]["content"]
    assert again["response"]["content"] != body["response"]["content"]


async def test_voice_chat_field_by_field(client: httpx.AsyncClient, account: Account) -> None:
    response = await client.post(
        VOICE,
        json={"transcript": "I had a lovely day with friends", "conversation_id": None},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text_response"]["content"] == body["voice_response"]["speech_text"]
    assert isinstance(body["text_response"]["tone"], str)
    assert body["crisis_assessment"]["intervention_required"] is False
    assert body["mood_insights"]["data_points"] == 0
    listed = (await client.get(CONVERSATIONS, headers=account.headers)).json()
    assert [(c["id"], c["channel"], c["messages"]) for c in listed] == [
        (body["conversation_id"], "voice", 2)
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"message": ""}, 422),
        ({"message": "   "}, 422),
        ({"message": "x" * 2001}, 422),
        ({}, 422),
        ({"message": "hello", "conversation_id": "c-123"}, 404),
        ({"message": "hello", "conversation_id": "00000000-0000-4000-8000-000000000000"}, 404),
    ],
)
async def test_bad_input_gets_a_clear_error_and_changes_nothing(
    client: httpx.AsyncClient, account: Account, app: Any, body: dict[str, Any], status: int
) -> None:
    before = await counts(app)
    response = await client.post(CHAT, json=body, headers=account.headers)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert isinstance(response.json()["detail"], str)
    assert await counts(app) == before


async def test_nobody_else_can_read_continue_or_delete_a_conversation(
    client: httpx.AsyncClient, account: Account, make_account: Any, app: Any
) -> None:
    mine = await chat(client, account, "Work has been stressful lately")
    other: Account = await make_account()
    before = await counts(app)
    response = await client.post(
        CHAT,
        json={"message": "hi", "conversation_id": mine["conversation_id"]},
        headers=other.headers,
    )
    assert response.status_code == 404
    for method, path in (
        ("GET", f"{CONVERSATIONS}/{mine['conversation_id']}"),
        ("POST", f"{CONVERSATIONS}/{mine['conversation_id']}/messages"),
        ("DELETE", f"{CONVERSATIONS}/{mine['conversation_id']}"),
    ):
        kwargs: dict[str, Any] = {"json": {"message": "hi"}} if method == "POST" else {}
        assert (
            await client.request(method, path, headers=other.headers, **kwargs)
        ).status_code == 404
    assert await counts(app) == before
    assert (await client.get(CONVERSATIONS, headers=other.headers)).json() == []
    assert (await client.post(CHAT, json={"message": "hi"})).status_code == 401


async def test_the_conversations_api(client: httpx.AsyncClient, account: Account) -> None:
    started = await client.post(
        CONVERSATIONS, json={"message": "I'm feeling low today"}, headers=account.headers
    )
    assert started.status_code == 201, started.text
    turn = started.json()
    assert turn["reply"]["engine"] == "offline"
    assert turn["reply"]["message"]["role"] == "assistant"
    conversation = turn["conversation_id"]
    follow = await client.post(
        f"{CONVERSATIONS}/{conversation}/messages",
        json={"message": "Thanks, that helps a bit"},
        headers=account.headers,
    )
    assert follow.status_code == 201, follow.text
    read = (await client.get(f"{CONVERSATIONS}/{conversation}", headers=account.headers)).json()
    assert [m["role"] for m in read["history"]] == ["user", "assistant", "user", "assistant"]
    assert read["history"][0]["content"] == "I'm feeling low today"
    assert read["messages"] == 4
    assert (
        await client.delete(f"{CONVERSATIONS}/{conversation}", headers=account.headers)
    ).status_code == 204
    assert (
        await client.get(f"{CONVERSATIONS}/{conversation}", headers=account.headers)
    ).status_code == 404
    assert (await client.get(CONVERSATIONS, headers=account.headers)).json() == []


async def test_messages_and_replies_stay_out_of_the_logs(
    client: httpx.AsyncClient, account: Account, log_output: Any
) -> None:
    body = await chat(client, account, "Marigold the hamster died and I keep crying")
    await client.post(CHAT, json={"message": "Marigold " * 300}, headers=account.headers)
    logs = log_output.getvalue()
    assert "Marigold" not in logs
    assert body["response"]["content"][:40] not in logs


async def test_without_the_text_models_the_companion_says_so_and_stores_nothing(
    models_off: Any,  # noqa: F811
    account: Account,
    app: Any,
) -> None:
    transport = httpx.ASGITransport(app=models_off)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.post(CHAT, json={"message": "hello"}, headers=account.headers)
    assert response.status_code == 503
    assert "emergency number" in response.json()["detail"]
    assert await counts(app) == (0, 0)
