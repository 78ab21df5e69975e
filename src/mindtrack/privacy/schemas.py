from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from mindtrack.models import ConsentPurpose, ExportStatus


class AccessEvent(BaseModel):
    """Something done with your account or your data, from the audit trail."""

    at: datetime
    action: str = Field(examples=["patient_data_read"])
    by: uuid.UUID | None = Field(description="The account that did it; null: the service.")
    by_name: str | None = Field(description="Its name, while that account exists.")
    by_role: str | None
    detail: dict[str, Any]


class ErasureRequest(BaseModel):
    """Erasing your account cannot be undone: your check-ins, notes, plans, contacts,
    conversations and everything derived from them are deleted, and the key that encrypted
    them is destroyed, so copies in earlier backups can no longer be read either."""

    password: str = Field(
        min_length=1,
        max_length=256,
        description="Your current password (accounts made through a sign-in provider set one "
        "by password reset first).",
    )


class ConsentRead(BaseModel):
    """Where you stand on one use of your data."""

    purpose: ConsentPurpose
    granted: bool
    wording: str = Field(description="What you agree to, in the current version.")
    current_version: str
    version: str | None = Field(
        description="The version you last agreed to or refused; null: never asked."
    )
    outdated: bool = Field(description="Given to an earlier wording than the current one.")
    updated_at: datetime | None


class ConsentChange(BaseModel):
    granted: bool = Field(description="true to give this consent, false to withdraw it.")


class ConsentEventRead(BaseModel):
    """One time a consent was given or withdrawn."""

    purpose: ConsentPurpose
    granted: bool
    version: str
    source: str = Field(description="registration, person, or migration (implied at sign-up).")
    recorded_at: datetime

    model_config = {"from_attributes": True}


class DataExportRead(BaseModel):
    """A copy of everything MindTrack holds about you: JSON, CSV, a PDF report and an HL7
    FHIR bundle in one ZIP file."""

    id: uuid.UUID
    status: ExportStatus = Field(description="pending, ready, failed or expired.")
    requested_at: datetime
    ready_at: datetime | None
    expires_at: datetime | None = Field(description="After this the file is deleted.")
    size: int | None = Field(description="Bytes.")
    downloads: int
    download_url: str | None = Field(description="While ready: where to download it.")
