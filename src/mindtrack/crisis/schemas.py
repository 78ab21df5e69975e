from __future__ import annotations

from pydantic import BaseModel, Field


class CrisisResource(BaseModel):
    name: str = Field(examples=["988 Suicide & Crisis Lifeline"])
    phone: str = Field(description="What to dial or text, as shown.", examples=["988"])
    available: str = Field(examples=["24/7"])
    description: str
    languages: list[str] = Field(default_factory=list)
    website: str | None = None
    source: str | None = Field(default=None, description="Where the details were checked.")


class SafetyPlanning(BaseModel):
    steps: list[str]


class CrisisResources(BaseModel):
    """Help lines to reach now, and the steps of a safety plan."""

    country: str
    checked_on: str = Field(description="When the details were last checked (YYYY-MM-DD).")
    immediate_help: list[CrisisResource]
    specialized_support: list[CrisisResource]
    safety_planning: SafetyPlanning
