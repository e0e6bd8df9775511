"""The polling job leaves a feed alone while ``/feed add`` is still taking in its first entries.

Entries are extracted in a worker thread, so the job can run in the middle of ``/feed add``; if it
polled the new feed then, it would store the entries itself and ``/feed add`` would report
"no new articles" for a feed that just brought in three.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot import feeds as feed_polling
from storage import articles, feeds
from storage.db import Database
from tests.local_server import Answer, LocalServer
from tests.test_feeds import ADMIN, LOCAL, rss

RSS = {"Content-Type": "application/rss+xml"}


async def test_a_feed_being_added_is_not_polled_by_the_job_until_half_an_interval_has_passed(
    db: Database, server: LocalServer
):
    server.routes["/feed.xml"] = Answer(rss(3, server.url("")), headers=RSS)
    feed = await feeds.add(db, server.url("/feed.xml"), added_by=ADMIN)  # /feed add's first step
    now = datetime.now(UTC)
    assert await feed_polling.poll_due(db, LOCAL, now) == {}
    assert await articles.count(db) == 0

    later = await feed_polling.poll_due(db, LOCAL, now + timedelta(seconds=LOCAL.feed_interval))
    assert later[feed.id].added == 3


async def test_feed_add_reports_its_own_entries_while_the_job_runs_alongside(
    db: Database, server: LocalServer
):
    server.routes["/feed.xml"] = Answer(rss(3, server.url("")), headers=RSS)

    async def job() -> None:
        for _ in range(50):
            await feed_polling.poll_due(db, LOCAL, datetime.now(UTC))
            await asyncio.sleep(0)

    polling = asyncio.create_task(job())
    _, result = await feed_polling.add_feed(db, server.url("/feed.xml"), LOCAL, ADMIN)
    await polling
    assert result.added == 3
    assert await articles.count(db) == 3
