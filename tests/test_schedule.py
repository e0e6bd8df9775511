"""Daily delivery instants with a controlled clock: zones, DST gaps and repeated hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.schedule import local_date, local_instant, next_delivery


def deliveries_between(delivery_time: str, tz: str, start: datetime, end: datetime) -> list[datetime]:
    """Walk the clock as the bot does: after each delivery, ask for the next one."""
    found, cursor = [], start
    while True:
        due = next_delivery(delivery_time, tz, cursor)
        if due >= end:
            return found
        found.append(due)
        cursor = due


def test_three_zones_one_across_a_dst_change_get_one_update_each_day_at_the_right_instant():
    # 2026-03-08 is the US spring-forward day: New York goes from UTC-5 to UTC-4.
    start, end = datetime(2026, 3, 7, 0, 0, tzinfo=UTC), datetime(2026, 3, 9, 0, 0, tzinfo=UTC)
    assert deliveries_between("08:00", "America/New_York", start, end) == [
        datetime(2026, 3, 7, 13, 0, tzinfo=UTC),
        datetime(2026, 3, 8, 12, 0, tzinfo=UTC),
    ]
    assert deliveries_between("08:00", "Europe/Berlin", start, end) == [
        datetime(2026, 3, 7, 7, 0, tzinfo=UTC),
        datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
    ]
    assert deliveries_between("07:15", "Asia/Kolkata", start, end) == [
        datetime(2026, 3, 7, 1, 45, tzinfo=UTC),
        datetime(2026, 3, 8, 1, 45, tzinfo=UTC),
    ]


def test_a_time_that_does_not_exist_on_spring_forward_day_is_sent_at_the_next_valid_minute():
    # Berlin skips 02:00-03:00 on 2026-03-29.
    assert local_instant(date(2026, 3, 29), "02:30", "Europe/Berlin") == datetime(
        2026, 3, 29, 1, 0, tzinfo=UTC
    )
    days = deliveries_between(
        "02:30", "Europe/Berlin", datetime(2026, 3, 28, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC)
    )
    assert [local_date(d, "Europe/Berlin") for d in days] == ["2026-03-28", "2026-03-29", "2026-03-30"]


def test_a_repeated_hour_on_fall_back_day_sends_once():
    # Berlin repeats 02:00-03:00 on 2026-10-25.
    days = deliveries_between(
        "02:30", "Europe/Berlin", datetime(2026, 10, 24, tzinfo=UTC), datetime(2026, 10, 27, tzinfo=UTC)
    )
    assert days == [
        datetime(2026, 10, 24, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # the first 02:30 (CEST) only
        datetime(2026, 10, 26, 1, 30, tzinfo=UTC),
    ]


def test_one_delivery_per_local_day_for_a_year_in_every_kind_of_zone():
    for tz in ("America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"):
        start = datetime(2026, 1, 1, tzinfo=UTC)
        days = [
            local_date(d, tz) for d in deliveries_between("02:15", tz, start, start + timedelta(days=365))
        ]
        assert len(days) == len(set(days))  # never twice on one local day
        assert 364 <= len(days) <= 366  # and never a day skipped


def test_next_delivery_is_strictly_after_now():
    now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    assert next_delivery("08:00", "Europe/London", now) == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert next_delivery("07:00", "Europe/London", now) == datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
