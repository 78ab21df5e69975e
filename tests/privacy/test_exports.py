"""Data exports (GDPR articles 15 and 20): everything about the person in JSON and CSV, a
PDF report read back as text, and a valid FHIR bundle; links expire, downloads are audited."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader
from sqlalchemy import select, update

from mindtrack.config import PrivacySettings
from mindtrack.kit.db import transaction
from mindtrack.kit.time import utcnow
from mindtrack.models import AuditEvent, DataExport, Role
from mindtrack.privacy.exports import make_pending_exports
from tests.conftest import Account
from tests.crisis.test_safety_plan import plan
from tests.sharing.test_sharing import shared_and_accepted

EXPORTS = "/api/v1/privacy/exports"


async def a_life(client: httpx.AsyncClient, account: Account) -> None:
    start = utcnow() - timedelta(days=10)
    for day, (score, emotions, notes) in enumerate(
        [(3, ["sad", "tired"], "Rough start"), (5, ["calm"], "Walked by the river"),
         (7, ["happy", "calm"], "Lunch with Sam"), (6, ["calm"], None)]
    ):  # fmt: skip
        body: dict[str, Any] = {"score": score, "emotions": emotions,
                                "recorded_at": (start + timedelta(days=day)).isoformat()}  # fmt: skip
        if notes:
            body["notes"] = notes
        created = await client.post("/api/v1/checkins", json=body, headers=account.headers)
        assert created.status_code == 201, created.text
    for instrument, answers in (("phq9", [1, 2, 1, 1, 0, 1, 2, 0, 0]), ("gad7", [2] * 7)):
        done = await client.post(
            "/api/v1/assessments",
            json={"instrument": instrument, "answers": answers},
            headers=account.headers,
        )
        assert done.status_code == 201, done.text
    saved = await client.put("/api/v1/crisis/safety-plan", json=plan(), headers=account.headers)
    assert saved.status_code == 201
    contact = {"name": "Sam", "email": "sam@example.com", "alert_levels": ["high"]}
    await client.post("/api/v1/crisis/contacts", json=contact, headers=account.headers)


async def exported(app: Any, client: httpx.AsyncClient, account: Account) -> zipfile.ZipFile:
    requested = await client.post(EXPORTS, headers=account.headers)
    assert requested.status_code == 202, requested.text
    assert requested.json()["status"] == "pending"
    assert await make_pending_exports(app.state.session_factory, PrivacySettings()) == 1
    export = (
        await client.get(f"{EXPORTS}/{requested.json()['id']}", headers=account.headers)
    ).json()
    assert export["status"] == "ready"
    download = await client.get(export["download_url"], headers=account.headers)
    assert download.status_code == 200, download.text
    assert download.headers["content-type"] == "application/zip"
    assert "attachment" in download.headers["content-disposition"]
    return zipfile.ZipFile(io.BytesIO(download.content))


async def test_the_export_holds_everything_about_the_person_and_no_secrets(
    app: Any, client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    await a_life(client, account)
    drlee: Account = await make_account(role=Role.THERAPIST, username="drlee")
    await shared_and_accepted(client, account, drlee, ["mood_scores"])
    other: Account = await make_account()
    await client.post(
        "/api/v1/checkins", json={"score": 1, "emotions": ["sad"], "notes": "Not yours"},
        headers=other.headers,
    )  # fmt: skip

    archive = await exported(app, client, account)

    names = set(archive.namelist())
    assert {"README.txt", "data.json", "report.pdf", "fhir-bundle.json"} <= names
    data = json.loads(archive.read("data.json"))
    assert data["account"][0]["username"] == account.user.username
    assert sorted(e["notes"] for e in data["mood_entries"] if e["notes"]) == [
        "Lunch with Sam", "Rough start", "Walked by the river"
    ]  # fmt: skip
    for table in ("questionnaire_responses", "safety_plan_versions", "trusted_contacts",
                  "consents", "consent_events", "sharing_grants", "auth_sessions",
                  "audit_events", "checkin_analyses"):  # fmt: skip
        assert data.get(table), table
    assert {r["username"] for r in data["account"]} == {account.user.username}
    text = archive.read("data.json").decode()
    assert "Not yours" not in text
    for secret in ("password_hash", "totp_secret", "wrapped_key", "token_hash"):
        assert secret not in text
    rows = list(csv.DictReader(io.StringIO(archive.read("csv/mood_entries.csv").decode())))
    assert sorted(int(r["score"]) for r in rows) == [3, 5, 6, 7]
    assert json.loads(rows[0]["emotions"])  # lists stay readable inside a cell


async def test_the_pdf_report_has_the_charts_numbers_and_safety_plan(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    await a_life(client, account)
    archive = await exported(app, client, account)

    pdf = PdfReader(io.BytesIO(archive.read("report.pdf")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    squashed = " ".join(text.split())
    assert f"MindTrack report for {account.user.username}" in squashed
    for expected in ("Check-ins 4", "Average mood 5.2 / 10 (lowest 3, highest 7)",
                     "Latest PHQ-9 8 (mild)", "Latest GAD-7 14 (moderate)",
                     "Mood over time", "Emotions named", "Questionnaires",
                     "Safety plan (version 1)", "My reasons for living", "My dog",
                     "Samaritans", "not a diagnosis"):  # fmt: skip
        assert expected in squashed, expected
    images = sum(len(page.images) for page in pdf.pages)
    assert images == 3  # mood, emotions, questionnaires: real charts, drawn from the data


async def test_the_fhir_bundle_is_valid_with_loinc_coded_totals(
    app: Any, client: httpx.AsyncClient, account: Account
) -> None:
    await a_life(client, account)
    archive = await exported(app, client, account)

    bundle = Bundle.model_validate_json(archive.read("fhir-bundle.json"))
    resources = [entry.resource for entry in bundle.entry]
    kinds = [r.get_resource_type() for r in resources]
    assert kinds.count("Patient") == 1
    assert kinds.count("QuestionnaireResponse") == 2
    observations = [r for r in resources if r.get_resource_type() == "Observation"]
    loinc = {o.code.coding[0].code: o.valueInteger for o in observations
             if o.code.coding[0].system == "http://loinc.org"}  # fmt: skip
    assert loinc == {"44261-6": 8, "70274-6": 14}  # PHQ-9 and GAD-7 totals
    moods = sorted(o.valueInteger for o in observations if o.code.coding[0].code == "mood-score")
    assert moods == [3, 5, 6, 7]
    phq9 = next(r for r in resources if r.get_resource_type() == "QuestionnaireResponse"
                and r.questionnaire.endswith("44249-1"))  # fmt: skip
    assert [i.answer[0].valueInteger for i in phq9.item] == [1, 2, 1, 1, 0, 1, 2, 0, 0]
    assert all(r.subject.reference == f"Patient/{account.user.id}"
               for r in resources if r.get_resource_type() != "Patient")  # fmt: skip


async def test_downloads_are_audited_private_and_links_expire(
    app: Any, client: httpx.AsyncClient, account: Account, make_account: Any
) -> None:
    await exported(app, client, account)
    [export] = (await client.get(EXPORTS, headers=account.headers)).json()
    stranger: Account = await make_account()

    theirs = await client.get(export["download_url"], headers=stranger.headers)
    async with transaction(app.state.session_factory) as session:
        await session.execute(update(DataExport).values(expires_at=utcnow() - timedelta(minutes=1)))
    late = await client.get(export["download_url"], headers=account.headers)
    await make_pending_exports(app.state.session_factory, PrivacySettings())

    assert theirs.status_code == 404
    assert late.status_code == 410
    assert "expired" in late.json()["detail"]
    async with app.state.session_factory() as session:
        row = (await session.execute(select(DataExport))).scalar_one()
        actions = (await session.execute(select(AuditEvent.action))).scalars().all()
    assert (row.status, row.archive, row.downloads) == ("expired", None, 1)
    assert actions.count("export_requested") == 1
    assert actions.count("export_downloaded") == 1
    history = (await client.get("/api/v1/privacy/access-log", headers=account.headers)).json()
    assert "export_downloaded" in [event["action"] for event in history]


@pytest.mark.parametrize("state", ["pending", "failed"])
async def test_an_export_not_ready_cannot_be_downloaded(
    app: Any, client: httpx.AsyncClient, account: Account, state: str
) -> None:
    requested = (await client.post(EXPORTS, headers=account.headers)).json()
    again = (await client.post(EXPORTS, headers=account.headers)).json()
    assert again["id"] == requested["id"]  # one is made at a time
    if state == "failed":
        async with transaction(app.state.session_factory) as session:
            await session.execute(update(DataExport).values(status="failed"))
    response = await client.get(f"{EXPORTS}/{requested['id']}/download", headers=account.headers)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
