"""Dates shown to readers are in each reader's own zone, whoever asked before them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.i18n import ENGLISH, translator
from bot.render.daily import local_time


def test_the_same_instant_is_shown_in_each_readers_zone():
    instant = datetime(2026, 12, 2, 6, 30, tzinfo=UTC)
    # One instant, asked for in UTC first: a Berlin reader must still see Berlin's clock.
    assert local_time(instant, "UTC") == "Wed 2 Dec 2026, 06:30"
    assert local_time(instant, "Europe/Berlin") == "Wed 2 Dec 2026, 07:30"
    assert local_time(instant, "America/New_York") == "Wed 2 Dec 2026, 01:30"
    assert ENGLISH.date(instant.astimezone(ZoneInfo("Asia/Tokyo")), "HH:mm") == "15:30"
    assert translator("fr").date(instant.astimezone(ZoneInfo("Europe/Paris")), "HH:mm") == "07:30"
