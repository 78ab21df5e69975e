"""When the text models fail on a note: the check-in is kept, its crisis patterns are still
read, the note stays out of the logs, and `reanalyze` fills the analysis in later; the same
patterns read notes when the models are switched off. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mindtrack.analysis.engine import AnalysisEngine, load_analyzer
from mindtrack.analysis.service import reanalyze
from mindtrack.config import MLSettings
from mindtrack.ml.pipeline import TextAnalysis, TextAnalyzer
from tests.analysis.test_router import models_off  # noqa: F401  (a fixture)
from tests.conftest import MODELS_DIR, Account, service_logs

CHECKINS = "/api/v1/checkins"
STATUS = "/api/v1/crisis/status"
IMMINENT = (
    "I have the pills ready and I am going to take them all tonight. I wrote my goodbye letters."
)


class BrokenAnalyzer(TextAnalyzer):
    """The real models, failing on every note with an error that quotes it."""

    def __init__(self, real: TextAnalyzer) -> None:
        super().__init__(real.encoder, real.sentiment, real.emotions, real.crisis)

    def analyze(
        self, notes: list[str], scores: list[int | None] | None = None
    ) -> list[TextAnalysis]:
        raise ValueError(f"cannot read {notes!r}")


@pytest.fixture
def broken_models(app: Any) -> Iterator[AnalysisEngine]:
    engine: AnalysisEngine = app.state.analysis_engine
    real = engine.analyzer
    engine.analyzer = BrokenAnalyzer(load_analyzer(MLSettings(models_dir=MODELS_DIR)))
    yield engine
    engine.analyzer = real


async def test_a_check_in_the_models_fail_on_is_kept_and_read_by_its_crisis_patterns(
    app: Any,
    client: httpx.AsyncClient,
    account: Account,
    broken_models: AnalysisEngine,
    log_output: io.StringIO,
) -> None:
    body = {"score": 1, "emotions": ["sad"], "notes": IMMINENT}
    created = await client.post(CHECKINS, json=body, headers=account.headers)

    assert created.status_code == 201, created.text
    checkin = created.json()
    assert checkin["notes"] == IMMINENT
    assert checkin["analysis"] is None
    assert checkin["crisis"]["level"] == "imminent"
    status = (await client.get(STATUS, headers=account.headers)).json()
    assert status["incident"]["level"] == "imminent"
    assert ("text", "imminent") in {(f["name"], f["level"]) for f in status["risk"]["factors"]}
    logs = service_logs(log_output)
    assert "check-in kept without its analysis" in logs
    assert "pills" not in logs
    assert "goodbye" not in logs

    broken_models.analyzer = load_analyzer(MLSettings(models_dir=MODELS_DIR))
    assert await reanalyze(app.state.session_factory, broken_models.analyzer) == 1
    analysis = await client.get(f"{CHECKINS}/{checkin['id']}/analysis", headers=account.headers)
    assert analysis.json()["crisis"]["level"] == "imminent"


async def test_the_frontend_shows_crisis_help_for_a_note_only_the_patterns_could_read(
    client: httpx.AsyncClient, account: Account, broken_models: AnalysisEngine
) -> None:
    body = {"score": 3, "emotions": ["sad"], "notes": IMMINENT}
    frontend_form = {**body, "activity": "", "location": "", "weather": ""}
    response = await client.post(
        "/api/mood/track-complete", json=frontend_form, headers=account.headers
    )

    assert response.status_code == 201
    payload = response.json()
    assert payload["intervention_triggered"] is True
    assert payload["complete_ai_analysis"]["risk_level"] == "high"
    assert payload["complete_ai_analysis"]["models_used"] == {}
    assert "988" in payload["recommendations"][0]


async def test_a_changed_note_the_models_fail_on_drops_the_old_analysis(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    body = {"score": 6, "emotions": ["calm"], "notes": "A quiet walk by the river."}
    created = (await client.post(CHECKINS, json=body, headers=account.headers)).json()
    engine: AnalysisEngine = app.state.analysis_engine
    real, engine.analyzer = engine.analyzer, BrokenAnalyzer(engine.analyzer)
    try:
        changed = await client.patch(
            f"{CHECKINS}/{created['id']}",
            json={"notes": "A loud evening; I snapped at the kids."},
            headers=account.headers,
        )
    finally:
        engine.analyzer = real

    assert changed.status_code == 200
    assert changed.json()["notes"] == "A loud evening; I snapped at the kids."
    analysis = await client.get(f"{CHECKINS}/{created['id']}/analysis", headers=account.headers)
    assert analysis.status_code == 404  # no stale reading of the old note


async def test_text_the_models_fail_on_gets_a_clear_503_from_the_text_endpoint(
    client: httpx.AsyncClient,
    account: Account,
    broken_models: AnalysisEngine,
    log_output: io.StringIO,
) -> None:
    analysed = await client.post(
        "/api/v1/analysis/text", json={"text": IMMINENT}, headers=account.headers
    )

    assert analysed.status_code == 503
    assert analysed.headers["content-type"].startswith("application/problem+json")
    assert "could not read this text" in analysed.json()["detail"]
    assert "pills" not in service_logs(log_output)


async def test_the_companion_answers_a_message_the_models_fail_on_with_crisis_help(
    client: httpx.AsyncClient, account: Account, broken_models: AnalysisEngine
) -> None:
    response = await client.post(
        "/api/ai/chat", json={"message": IMMINENT}, headers=account.headers
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["crisis_assessment"]["risk_level"] == "imminent"
    assert body["crisis_assessment"]["intervention_required"] is True
    assert "988" in body["response"]["content"]
    status = (await client.get(STATUS, headers=account.headers)).json()
    assert status["risk"]["source"] == "conversation"
    assert status["incident"]["level"] == "imminent"


async def test_with_models_switched_off_a_crisis_note_is_read_by_its_patterns(
    models_off: FastAPI,  # noqa: F811
    account: Account,
) -> None:
    transport = httpx.ASGITransport(app=models_off)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        calm = {"score": 4, "emotions": ["calm"], "notes": "This commute is killing me."}
        harmless = await http.post(CHECKINS, json=calm, headers=account.headers)
        body = {"score": 4, "emotions": ["sad"], "notes": IMMINENT}
        created = await http.post(CHECKINS, json=body, headers=account.headers)
        status = (await http.get(STATUS, headers=account.headers)).json()

    assert created.json()["analysis"] is None
    assert created.json()["crisis"]["level"] == "imminent"
    assert harmless.json()["crisis"] is None
    assert status["incident"]["level"] == "imminent"
