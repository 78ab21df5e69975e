from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current moment, timezone-aware in UTC: the only clock the service reads."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A timezone-aware datetime in UTC; naive input is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
