"""An HL7 FHIR bundle of a person's measurements, for health records that read FHIR: the
Patient, an Observation per mood score, and each PHQ-9 / GAD-7 as a QuestionnaireResponse
with its total as a LOINC-coded Observation. Built and validated with fhir.resources (FHIR
4.3, R4B, which keeps R4's shape for every resource used here)."""

from __future__ import annotations

import uuid
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from mindtrack.assessment.instruments import INSTRUMENTS, InstrumentId

Record = dict[str, Any]
MINDTRACK_CODES = "https://mindtrack.app/fhir/CodeSystem/observation"
LOINC = "http://loinc.org"
# The LOINC panels of the two questionnaires, as FHIR Questionnaire canonicals.
PANELS = {InstrumentId.phq9: "44249-1", InstrumentId.gad7: "69737-5"}
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}


def _patient(account: Record) -> Record:
    return {
        "resourceType": "Patient",
        "id": account["id"],
        "name": [{"text": account.get("full_name") or account["username"]}],
        "telecom": [{"system": "email", "value": account["email"]}],
    }


def _mood(entry: Record, subject: Record) -> Record:
    return {
        "resourceType": "Observation",
        "id": entry["id"],
        "status": "final",
        "category": [SURVEY],
        "code": {
            "coding": [
                {
                    "system": MINDTRACK_CODES,
                    "code": "mood-score",
                    "display": "Self-rated mood, 0 (worst) to 10 (best)",
                }
            ],
            "text": "Mood self-rating (0–10)",
        },
        "subject": subject,
        "effectiveDateTime": entry["recorded_at"],
        "valueInteger": entry["score"],
    }


def _answers(response: Record) -> Record:
    instrument = INSTRUMENTS[InstrumentId(response["instrument"])]
    return {
        "resourceType": "QuestionnaireResponse",
        "id": response["id"],
        "questionnaire": f"http://loinc.org/q/{PANELS[instrument.id]}",
        "status": "completed",
        "authored": response["completed_at"],
        "item": [
            {"linkId": str(item.number), "text": item.topic, "answer": [{"valueInteger": answer}]}
            for item, answer in zip(instrument.items, response["answers"], strict=True)
        ],
    }


def _total(response: Record, subject: Record) -> Record:
    instrument = INSTRUMENTS[InstrumentId(response["instrument"])]
    return {
        "resourceType": "Observation",
        "id": str(uuid.uuid5(uuid.UUID(response["id"]), "total")),
        "status": "final",
        "category": [SURVEY],
        "code": {
            "coding": [
                {
                    "system": LOINC,
                    "code": instrument.loinc_total,
                    "display": f"{instrument.name} total score",
                }
            ],
        },
        "subject": subject,
        "effectiveDateTime": response["completed_at"],
        "valueInteger": response["total"],
        "interpretation": [{"text": response["severity"]}],
        "derivedFrom": [{"reference": f"QuestionnaireResponse/{response['id']}"}],
    }


def fhir_bundle(held: dict[str, list[Record]]) -> Bundle:
    account = held["account"][0]
    subject = {"reference": f"Patient/{account['id']}"}
    resources = [_patient(account)]
    resources += [_mood(entry, subject) for entry in held.get("mood_entries", [])]
    for response in held.get("questionnaire_responses", []):
        answers = _answers(response) | {"subject": subject}
        resources += [answers, _total(response, subject)]
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
        }
    )
