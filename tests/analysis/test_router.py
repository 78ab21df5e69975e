"""Analysis over HTTP: analyse text on demand, and check-ins analysed as they are written."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.config import MLSettings, Settings
from mindtrack.models import CheckinAnalysis, MoodEntry
from tests.conftest import MODELS_DIR, Account

TEXT = "/api/v1/analysis/text"
CHECKINS = "/api/v1/checkins"


async def post_checkin(
    client: httpx.AsyncClient, account: Account, score: int, emotion: str, notes: str
) -> httpx.Response:
    return await client.post(
        CHECKINS,
        json={"score": score, "emotions": [emotion], "notes": notes},
        headers=account.headers,
    )


async def test_analysing_text_returns_every_part_and_stores_nothing(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    body = {
        "text": "Long day at work, but a walk with my sister helped.",
        "score": 6,
        "emotions": ["calm"],
    }
    response = await client.post(TEXT, json=body, headers=account.headers)

    assert response.status_code == 200
    result = response.json()
    assert set(result) == {"sentiment", "emotions", "chosen_emotions", "crisis", "themes",
                           "key_phrases", "energy", "has_text", "reliable", "models"}  # fmt: skip
    assert set(result["sentiment"]["scores"]) == {"negative", "neutral", "positive"}
    assert len(result["emotions"]["scores"]) == 28
    assert result["crisis"]["level"] == "none"
    assert result["crisis"]["intervention_required"] is False
    assert "work" in result["themes"]
    assert (await db.scalar(select(func.count()).select_from(CheckinAnalysis))) == 0
    assert (await db.scalar(select(func.count()).select_from(MoodEntry))) == 0


async def test_analysing_text_needs_sign_in(client: httpx.AsyncClient) -> None:
    response = await client.post(TEXT, json={"text": "hello"})
    assert response.status_code == 401


async def test_text_over_the_note_limit_is_refused(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.post(TEXT, json={"text": "a" * 5001}, headers=account.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"


@pytest.mark.parametrize(
    "text", ["", "   ", "🙂🙂", "x" * 5000, "Je suis très fatigué aujourd'hui"]
)
async def test_odd_texts_are_answered_not_failed(
    client: httpx.AsyncClient, account: Account, text: str
) -> None:
    response = await client.post(TEXT, json={"text": text}, headers=account.headers)
    assert response.status_code == 200
    assert response.json()["has_text"] is bool(text.strip() and text != "🙂🙂")


async def test_a_check_in_note_is_analysed_and_stored_with_model_versions(
    client: httpx.AsyncClient, account: Account, make_account: object
) -> None:
    created = await post_checkin(
        client, account, 2, "sad", "Everyone would be better off without me."
    )
    assert created.status_code == 201
    analysis = created.json()["analysis"]
    assert analysis["crisis"]["level"] in ("moderate", "high", "imminent")
    assert analysis["crisis"]["evidence"][0]["text"] == "better off without me"
    assert set(analysis["models"]) == {"encoder", "sentiment", "emotions", "crisis"}

    entry_id = created.json()["id"]
    stored = await client.get(f"{CHECKINS}/{entry_id}/analysis", headers=account.headers)
    assert stored.status_code == 200
    assert stored.json() == analysis

    other = await make_account()  # type: ignore[operator]
    hidden = await client.get(f"{CHECKINS}/{entry_id}/analysis", headers=other.headers)
    assert hidden.status_code == 404
    assert "better off" not in hidden.text


async def test_editing_the_note_analyses_it_again_and_clearing_it_forgets(
    client: httpx.AsyncClient, account: Account
) -> None:
    created = await post_checkin(client, account, 5, "calm", "A quiet, ordinary day.")
    path = f"{CHECKINS}/{created.json()['id']}"
    assert created.json()["analysis"]["crisis"]["level"] == "none"

    await client.patch(path, json={"notes": "I want to die."}, headers=account.headers)
    again = await client.get(f"{path}/analysis", headers=account.headers)
    assert again.json()["crisis"]["level"] == "moderate"

    await client.patch(path, json={"notes": None}, headers=account.headers)
    gone = await client.get(f"{path}/analysis", headers=account.headers)
    assert gone.status_code == 404


async def test_a_note_without_words_is_stored_without_an_analysis(
    client: httpx.AsyncClient, account: Account
) -> None:
    created = await post_checkin(client, account, 6, "calm", "🙂🙂 …")
    assert created.status_code == 201
    assert created.json()["analysis"] is None
    stored = await client.get(
        f"{CHECKINS}/{created.json()['id']}/analysis", headers=account.headers
    )
    assert stored.status_code == 404


async def test_deleting_a_check_in_deletes_its_analysis(
    client: httpx.AsyncClient, account: Account, db: AsyncSession
) -> None:
    created = await post_checkin(client, account, 5, "calm", "Fine day.")
    await client.delete(f"{CHECKINS}/{created.json()['id']}", headers=account.headers)
    assert (await db.scalar(select(func.count()).select_from(CheckinAnalysis))) == 0


async def test_a_replayed_check_in_returns_the_first_analysis(
    client: httpx.AsyncClient, account: Account
) -> None:
    body = {"id": str(uuid.uuid4()), "score": 4, "emotions": ["tired"], "notes": "Slept badly."}
    first = await client.post(CHECKINS, json=body, headers=account.headers)
    again = await client.post(CHECKINS, json=body, headers=account.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["analysis"] == first.json()["analysis"]


@pytest.fixture
async def models_off(settings: Settings) -> FastAPI:
    from mindtrack.app import create_app

    switched_off = settings.model_copy(
        update={"ml": MLSettings(enabled=False, models_dir=MODELS_DIR)}
    )
    application = create_app(switched_off)
    async with application.router.lifespan_context(application):
        yield application


async def test_with_models_switched_off_check_ins_still_work(
    models_off: FastAPI, account: Account
) -> None:
    transport = httpx.ASGITransport(app=models_off)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        analysed = await http.post(TEXT, json={"text": "hello"}, headers=account.headers)
        created = await http.post(
            CHECKINS,
            json={"score": 5, "emotions": ["calm"], "notes": "ok"},
            headers=account.headers,
        )
        tracked = await http.post(
            "/api/mood/track-complete",
            json={
                "score": 5,
                "emotions": ["calm"],
                "notes": "ok",
                "activity": "",
                "location": "",
                "weather": "",
            },
            headers=account.headers,
        )
        ready = await http.get("/ready")

    assert analysed.status_code == 503
    assert analysed.json()["detail"] == "Text analysis is switched off on this server."
    assert created.status_code == 201
    assert created.json()["analysis"] is None
    assert tracked.json()["ai_powered"] is False
    assert ready.json()["models"] == {}


async def test_startup_stops_with_a_clear_message_when_models_are_missing(
    settings: Settings, tmp_path: object
) -> None:
    from mindtrack.app import create_app
    from mindtrack.ml.artefacts import ModelFileError

    broken = settings.model_copy(update={"ml": MLSettings(models_dir=tmp_path / "nowhere")})  # type: ignore[operator]
    application = create_app(broken)
    with pytest.raises(ModelFileError, match="nowhere"):
        async with application.router.lifespan_context(application):
            pass
