"""Opaque keyset cursors: stable under inserts, no OFFSET scans."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from mindtrack.kit.errors import ValidationFailedError
from mindtrack.kit.time import as_utc


@dataclass(frozen=True, slots=True)
class Cursor:
    """The position just after the last item of a page, in (moment, id) order."""

    moment: datetime
    id: uuid.UUID

    def encode(self) -> str:
        raw = json.dumps([self.moment.isoformat(), self.id.hex]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            moment, id_hex = json.loads(raw)
            return cls(moment=as_utc(datetime.fromisoformat(moment)), id=uuid.UUID(id_hex))
        # Any token a client sends must end as a 422: AttributeError when the id is not a
        # string (uuid.UUID calls .replace), OverflowError when the moment leaves the range
        # of datetime on conversion to UTC (e.g. year 1 at +01:00).
        except (
            ValueError,
            TypeError,
            AttributeError,
            OverflowError,
            binascii.Error,
            json.JSONDecodeError,
        ) as exc:
            raise ValidationFailedError(
                "The cursor is not valid. Use the `next_cursor` value from a previous page."
            ) from exc


ItemT = TypeVar("ItemT")


def page_of(
    rows: list[ItemT], limit: int, position: Callable[[ItemT], Cursor]
) -> tuple[list[ItemT], str | None]:
    """The first `limit` of `limit + 1` fetched rows, and the cursor after them when more
    remain."""
    items = rows[:limit]
    return items, position(items[-1]).encode() if len(rows) > limit else None
