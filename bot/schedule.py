"""Daily delivery times: a subscriber's local HH:MM in their IANA zone, as UTC instants.

Correct across daylight-saving changes: a local time that does not exist on a spring-forward day
is sent at the next valid minute; a time that happens twice on a fall-back day is sent once, at
its first occurrence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ISO = "%Y-%m-%dT%H:%M:%SZ"


def local_instant(day: date, delivery_time: str, tz: str) -> datetime:
    """The UTC instant of ``delivery_time`` on local ``day`` in ``tz``."""
    zone = ZoneInfo(tz)
    hour, minute = (int(part) for part in delivery_time.split(":"))
    wanted = datetime.combine(day, time(hour, minute))
    candidate = wanted
    for _ in range(24 * 60):  # a DST gap is at most a few hours; bounded all the same
        aware = candidate.replace(tzinfo=zone, fold=0)
        instant = aware.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == candidate:
            return instant
        candidate += timedelta(minutes=1)
    raise ValueError(f"no valid local time near {wanted} in {tz}")


def next_delivery(delivery_time: str, tz: str, after: datetime) -> datetime:
    """The first delivery instant strictly after ``after`` (an aware datetime), in UTC."""
    local_day = after.astimezone(ZoneInfo(tz)).date()
    for offset in range(-1, 3):
        instant = local_instant(local_day + timedelta(days=offset), delivery_time, tz)
        if instant > after:
            return instant
    raise AssertionError("a delivery time recurs every day")


def next_due(delivery_time: str, tz: str, now: datetime, slot: datetime | None = None) -> str:
    """A subscriber's ``next_due_utc`` as stored: the first delivery instant after ``now`` (or after
    the slot being delivered, should it be later). The one place it is computed."""
    return to_iso(next_delivery(delivery_time, tz, max(now, slot) if slot is not None else now))


def local_date(instant: datetime, tz: str) -> str:
    """The subscriber's local calendar date (YYYY-MM-DD) at ``instant``."""
    return instant.astimezone(ZoneInfo(tz)).date().isoformat()


def to_iso(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime(ISO)


def from_iso(text: str) -> datetime:
    return datetime.strptime(text, ISO).replace(tzinfo=UTC)


def describe_local(instant: datetime, tz: str) -> str:
    """``Thu 26 Nov 2026, 07:30`` in the subscriber's zone."""
    return instant.astimezone(ZoneInfo(tz)).strftime("%a %-d %b %Y, %H:%M")
