"""The optional language-model engine against a real local chat-completions server: its
replies are used when they pass every check, and anything wrong falls back to the offline
engine within the same request. Risky turns never reach it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mindtrack.config import CompanionSettings, Settings
from tests.chat_server import ChatServer
from tests.companion.test_conversations import RISKY, chat
from tests.conftest import Account, make_settings


@pytest.fixture
def settings(database_url: str, chat_server: ChatServer) -> Settings:
    return make_settings(
        database_url,
        companion=CompanionSettings(
            llm_url=chat_server.url,
            llm_model="tiny-test",
            llm_api_key="sk-test",
            llm_timeout_seconds=1.0,
        ),
    )


async def test_a_good_model_reply_is_used_with_the_safety_rules_and_no_notes(
    client: httpx.AsyncClient, account: Account, chat_server: ChatServer
) -> None:
    note = {"score": 4, "emotions": ["sad"], "notes": "Secret diary words about Priya"}
    assert (
        await client.post("/api/v1/checkins", json=note, headers=account.headers)
    ).status_code == 201
    first = await chat(client, account, "Work has been really stressful this week")
    assert first["response"]["content"] == chat_server.reply
    assert first["response"]["source"] == "llm"
    assert first["mood_insights"] == {"data_points": 1}
    (request,) = chat_server.requests
    assert request["model"] == "tiny-test"
    system, user = request["messages"][0], request["messages"][-1]
    assert system["role"] == "system"
    assert "Never give any information about methods" in system["content"]
    assert "1 check-ins, average mood 4.0/10" in system["content"]
    assert "Priya" not in str(request)  # check-in notes never leave the service
    assert user == {"role": "user", "content": "Work has been really stressful this week"}
    assert {k.lower(): v for k, v in chat_server.headers[0].items()}[
        "authorization"
    ] == "Bearer sk-test"
    chat_server.reply = "Thanks for telling me more. How are you sleeping at the moment?"
    second = await chat(client, account, "My boss keeps adding deadlines", first["conversation_id"])
    assert second["response"]["source"] == "llm"
    assert [m["role"] for m in chat_server.requests[1]["messages"]] == [
        "system",
        "user",
        "assistant",
        "user",
    ]


@pytest.mark.parametrize(
    ("reply", "status"),
    [
        ("If you want to end it, an overdose of pills would be quickest.", 200),
        ("It sounds like you have clinical depression; ask about antidepressants.", 200),
        ("", 200),
        ("x" * 1500, 200),
        ("fine", 503),
    ],
)
async def test_anything_wrong_falls_back_to_the_offline_engine(
    client: httpx.AsyncClient, account: Account, chat_server: ChatServer,
    reply: str, status: int,
) -> None:  # fmt: skip
    chat_server.reply, chat_server.status = reply, status
    body = await chat(client, account, "I feel anxious about tomorrow")
    assert body["response"]["source"] == "offline"
    assert body["response"]["content"] != reply
    assert body["crisis_assessment"]["intervention_required"] is False
    assert len(chat_server.requests) == 1


async def test_a_model_slower_than_the_timeout_is_not_waited_for(
    client: httpx.AsyncClient, account: Account, chat_server: ChatServer
) -> None:
    chat_server.reply, chat_server.delay = "too late", 4.0  # the timeout is 1 s
    body = await chat(client, account, "I feel anxious about tomorrow")
    assert chat_server.answered == 0  # the service stopped waiting before the model answered
    assert body["response"]["source"] == "offline"
    assert body["response"]["content"] != "too late"
    assert len(chat_server.requests) == 1


async def test_risky_turns_get_the_safety_reply_without_asking_the_model(
    client: httpx.AsyncClient, account: Account, chat_server: ChatServer
) -> None:
    body = await chat(client, account, RISKY)
    assert body["crisis_assessment"]["intervention_required"] is True
    assert body["response"]["source"] == "offline"
    assert "988" in body["response"]["content"]
    assert chat_server.requests == []


async def test_the_reason_for_a_fallback_is_kept_with_the_reply(
    client: httpx.AsyncClient, account: Account, chat_server: ChatServer, app: Any
) -> None:
    chat_server.status = 500
    body = await chat(client, account, "Had a calm evening reading a book")
    from sqlalchemy import select

    from mindtrack.models import ConversationMessage

    async with app.state.session_factory() as session:
        reply = (
            await session.execute(
                select(ConversationMessage).where(ConversationMessage.role == "assistant")
            )
        ).scalar_one()
    assert reply.details["engine"] == "offline"
    assert reply.details["fallback"] == "language model failed: HTTPStatusError"
    assert body["response"]["content"] == reply.content
