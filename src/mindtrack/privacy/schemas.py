from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class AccessEvent(BaseModel):
    """Something done with your account or your data, from the audit trail."""

    at: datetime
    action: str = Field(examples=["patient_data_read"])
    by: uuid.UUID | None = Field(description="The account that did it; null: the service.")
    by_name: str | None = Field(description="Its name, while that account exists.")
    by_role: str | None
    detail: dict[str, Any]
