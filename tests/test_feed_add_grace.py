"""The feed job leaves a feed that ``/feed add`` is still taking in alone, whatever the interval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import feeds as feed_polling
from bot.config import Settings
from storage import feeds
from storage.db import Database

FAST = Settings(feed_interval=1.0, fetch_private=True)  # the suite's interval: half is 0.5 s
UNREACHABLE = "http://127.0.0.1:9/feed.xml"  # a poll would fail and be reported


async def test_a_slow_add_is_not_raced_by_the_job_even_with_a_one_second_interval(db: Database):
    await feeds.add(db, UNREACHABLE, title="Slow to add")  # /feed add still taking in its entries
    seconds_later = datetime.now(UTC) + timedelta(seconds=5)  # a slow take-in on a busy machine
    assert await feed_polling.poll_due(db, FAST, seconds_later) == {}


async def test_a_feed_whose_add_never_finished_is_polled_after_the_grace(db: Database):
    feed = await feeds.add(db, UNREACHABLE, title="Add crashed")
    later = datetime.now(UTC) + timedelta(seconds=feed_polling.ADD_GRACE + 1)
    results = await feed_polling.poll_due(db, FAST, later)
    assert list(results) == [feed.id] and results[feed.id].error
