from __future__ import annotations

import re
import uuid
from datetime import datetime
from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from mindtrack.models import Role

_LOCALE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@cache
def _known_timezones() -> frozenset[str]:
    # available_timezones() walks the tz database on disk (~14 ms); read it once.
    return frozenset(available_timezones())


def validate_timezone(value: str) -> str:
    if value not in _known_timezones():
        raise ValueError("must be an IANA timezone name such as Europe/London")
    return value


def validate_locale(value: str) -> str:
    if not _LOCALE.match(value):
        raise ValueError("must be a language tag such as en or pt-BR")
    return value


def refuse_null(value: object) -> object:
    """For partial updates: a field that must always have a value may be left out, not
    cleared. Use as `field_validator(*names, mode="before")(refuse_null)`, so that
    `errors[].field` names the field."""
    if value is None:
        raise ValueError("cannot be cleared; send a value instead")
    return value


def blank_to_none(value: object) -> object:
    """Forms send "" for a field left empty; it means "not given"."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


BlankIsNone = BeforeValidator(blank_to_none)


Timezone = Annotated[str, AfterValidator(validate_timezone)]
Locale = Annotated[str, AfterValidator(validate_locale)]
FullName = Annotated[
    Annotated[str, StringConstraints(max_length=100)] | None,
    BlankIsNone,
    Field(examples=["Ada Lovelace"]),
]


class UserRead(BaseModel):
    """A person's account as they see it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str = Field(examples=["ada"])
    email: str = Field(examples=["ada@example.com"])
    full_name: str | None = Field(examples=["Ada Lovelace"])
    role: Role
    timezone: str = Field(examples=["Europe/London"])
    locale: str = Field(examples=["en-GB"])
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None
    population_opt_in_at: datetime | None = Field(
        description="Since when you take part in population comparisons; null: you do not."
    )


class UserUpdate(BaseModel):
    """Fields a person may change on their own profile; omitted fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    full_name: FullName = None
    timezone: Timezone | None = Field(default=None, examples=["America/New_York"])
    locale: Locale | None = Field(default=None, examples=["en-US"])
    population_comparisons: bool | None = Field(
        default=None,
        description="Take part in population comparisons: your average and trend count, with "
        "privacy noise, in figures others see, and you see theirs. Off unless you turn it on.",
    )
