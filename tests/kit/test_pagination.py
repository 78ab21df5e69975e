"""Opaque keyset cursors: what the service issues comes back intact; nothing else gets in."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mindtrack.kit.errors import ValidationFailedError
from mindtrack.kit.pagination import Cursor

MOMENTS = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.just(UTC),
)
# Far enough from the ends of the calendar that every offset can be applied.
INNER_MOMENTS = st.datetimes(
    min_value=datetime(2, 1, 1),
    max_value=datetime(9998, 12, 31),
    timezones=st.just(UTC),
)


def token(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


# Property tests run without a deadline: shared CI machines are slow at times.
@settings(deadline=None)
@given(moment=MOMENTS, id_=st.uuids())
def test_cursor_round_trips(moment: datetime, id_: uuid.UUID) -> None:
    decoded = Cursor.decode(Cursor(moment, id_).encode())

    assert decoded == Cursor(moment, id_)
    assert decoded.moment.utcoffset() == timedelta(0)


@settings(deadline=None)
@given(moment=INNER_MOMENTS, id_=st.uuids(), offset_minutes=st.integers(-14 * 60, 14 * 60))
def test_cursor_with_an_offset_decodes_to_the_same_moment_in_utc(
    moment: datetime, id_: uuid.UUID, offset_minutes: int
) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))

    decoded = Cursor.decode(Cursor(moment.astimezone(zone), id_).encode())

    assert decoded.moment == moment
    assert decoded.moment.tzinfo is UTC
    assert decoded.id == id_


@settings(deadline=None)
@given(moment=MOMENTS, id_=st.uuids())
def test_cursor_token_is_url_safe_without_padding(moment: datetime, id_: uuid.UUID) -> None:
    encoded = Cursor(moment, id_).encode()

    assert "=" not in encoded
    assert set(encoded) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_naive_moment_in_a_cursor_is_read_as_utc() -> None:
    id_ = uuid.uuid4()

    decoded = Cursor.decode(token(["2026-01-01T12:00:00", id_.hex]))

    assert decoded == Cursor(datetime(2026, 1, 1, 12, tzinfo=UTC), id_)


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("", id="empty"),
        pytest.param("garbage", id="not-json"),
        pytest.param("%%%", id="not-base64"),
        pytest.param("A", id="truncated-base64"),
        pytest.param(base64.urlsafe_b64encode(b"\xff\xfe").decode(), id="not-utf8"),
        pytest.param(token(None), id="null"),
        pytest.param(token(5), id="number"),
        pytest.param(token("ab"), id="two-character-string"),
        pytest.param(token({"moment": 1, "id": 2}), id="object"),
        pytest.param(token([]), id="empty-list"),
        pytest.param(token(["2026-01-01T00:00:00+00:00"]), id="one-element"),
        pytest.param(token(["2026-01-01T00:00:00+00:00", uuid.uuid4().hex, 3]), id="three"),
        pytest.param(token(["yesterday", uuid.uuid4().hex]), id="moment-not-iso"),
        pytest.param(token([5, uuid.uuid4().hex]), id="moment-number"),
        pytest.param(token(["2026-01-01T00:00:00+00:00", "xyz"]), id="id-not-hex"),
        pytest.param(token(["2026-01-01T00:00:00+00:00", 5]), id="id-number"),
        pytest.param(token(["2026-01-01T00:00:00+00:00", None]), id="id-null"),
        pytest.param(token(["0001-01-01T00:00:00+01:00", uuid.uuid4().hex]), id="before-year-1"),
        pytest.param(token(["9999-12-31T23:59:59-01:00", uuid.uuid4().hex]), id="after-year-9999"),
    ],
)
def test_invalid_cursor_raises_validation_failed(bad: str) -> None:
    with pytest.raises(ValidationFailedError) as caught:
        Cursor.decode(bad)

    assert caught.value.status_code == 422
    assert "cursor" in caught.value.detail


@settings(deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_decodes_or_raises_validation_failed(text: str) -> None:
    try:
        cursor = Cursor.decode(text)
    except ValidationFailedError:
        return
    assert cursor.moment.tzinfo is UTC
    assert isinstance(cursor.id, uuid.UUID)


@settings(deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.integers(), st.text(max_size=40), st.floats(), st.booleans()),
        max_size=3,
    )
)
def test_arbitrary_json_payload_decodes_or_raises_validation_failed(payload: list[object]) -> None:
    try:
        cursor = Cursor.decode(token(payload))
    except ValidationFailedError:
        return
    assert cursor.moment.tzinfo is UTC
