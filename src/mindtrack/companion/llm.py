"""The optional engine: a language model behind any OpenAI-compatible chat-completions API
(a local Ollama, vLLM or llama.cpp server, or a hosted one).

It is given the safety rules, a few numbers about the person's recent moods (never their
notes) and the conversation so far, and only ever answers turns below the crisis threshold:
risky turns always get the offline engine's safety reply. What it writes is checked like any
reply, and anything wrong — an error, a timeout, an empty, overlong, repeated or unsafe
answer — is replaced by the offline engine's reply in the same request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from mindtrack.companion.dialogue import MoodContext
from mindtrack.companion.safety import unsafe_content
from mindtrack.config import CompanionSettings

MAX_REPLY_CHARACTERS = 1200
HISTORY_TURNS = 8

SYSTEM_PROMPT = """You are MindTrack's supportive companion inside a mood-tracking app. You are \
not a therapist and you say so if asked.
Rules you always follow:
- Listen, reflect the person's feelings in your own words, and validate them.
- Suggest at most one simple, evidence-based self-help step (grounding, paced breathing, a \
small rewarding activity, reframing a thought, sleep routine, reaching out to someone).
- End with one open question. Keep replies under 120 words, warm and plain.
- Never give any information about methods or means of self-harm or suicide.
- Never diagnose or name a condition; never advise about medication or doses.
- If the person mentions wanting to die or hurt themselves, say you are concerned, ask if \
they are safe right now, and encourage them to contact a crisis line or emergency services."""


class LLMError(Exception):
    """The language model gave no usable reply."""


@dataclass(frozen=True, slots=True)
class Turn:
    role: str  # user or assistant
    content: str


def mood_summary(mood: MoodContext, feeling: str) -> str:
    """What the model is told about the person: a few numbers, never their words."""
    if mood.data_points == 0 or mood.average is None:
        known = "The person has no check-ins in the last 14 days."
    else:
        trend = f", trend {mood.trend}" if mood.trend else ""
        known = (
            f"The person's last 14 days: {mood.data_points} check-ins, average mood "
            f"{mood.average:.1f}/10{trend}."
        )
    return f"{known} Their latest message reads as: {feeling}."


class ChatCompletionsClient:
    def __init__(
        self, settings: CompanionSettings, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        if settings.llm_url is None:
            raise ValueError("no language model is configured")
        headers = {"content-type": "application/json"}
        if settings.llm_api_key is not None:
            headers["authorization"] = f"Bearer {settings.llm_api_key.get_secret_value()}"
        self.settings = settings
        self.http = httpx.AsyncClient(
            base_url=settings.llm_url.rstrip("/"),
            headers=headers,
            timeout=settings.llm_timeout_seconds,
            transport=transport,
            trust_env=False,
        )

    async def close(self) -> None:
        await self.http.aclose()

    async def reply(self, history: Sequence[Turn], summary: str) -> str:
        messages = [{"role": "system", "content": f"{SYSTEM_PROMPT}\n\n{summary}"}]
        messages += [{"role": t.role, "content": t.content} for t in history[-HISTORY_TURNS:]]
        body = {
            "model": self.settings.llm_model,
            "messages": messages,
            "max_tokens": self.settings.llm_max_tokens,
            "temperature": 0.7,
        }
        try:
            response = await self.http.post("/chat/completions", json=body)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise LLMError(type(exc).__name__) from exc
        if not isinstance(content, str):
            raise LLMError("no text")
        return content.strip()


def rejection(content: str, previous: str | None) -> str | None:
    """Why a model's reply cannot be sent, or None when it can."""
    if not content:
        return "empty"
    if len(content) > MAX_REPLY_CHARACTERS:
        return "too long"
    if content == previous:
        return "repeats the previous reply"
    unsafe = unsafe_content(content)
    return f"unsafe ({', '.join(unsafe)})" if unsafe else None
