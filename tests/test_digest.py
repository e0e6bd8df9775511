"""/digest: today's update on request, counted as today's, never repeating what was already sent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.ingest import post_text
from storage import deliveries, subscribers
from storage.db import Database
from tests.conftest import ARTICLE, READER, InProcessBot
from tests.standin import StandIn, to_plain_text

TITLE = ARTICLE.read_text().splitlines()[0]
NOTHING_NEW = "Nothing new since your last update."


async def prepare(db_path: Path, *, sent_today: bool) -> None:
    """A subscriber and one article; optionally today's update already recorded as sent."""
    async with await Database.open(db_path) as db:
        await subscribers.subscribe(db, READER, "08:00", "UTC")
        posted = await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="test")
        if sent_today:
            # A broadcast sent it a moment ago and has not yet moved the subscriber on.
            today = datetime.now(UTC).date().isoformat()
            assert await deliveries.claim(db, READER, today)
            await deliveries.record(db, READER, today, "sent", [posted.article.id])


async def test_digest_sends_todays_update_once_then_says_nothing_new(standin: StandIn, db_path: Path):
    await prepare(db_path, sent_today=False)
    async with InProcessBot(standin, db_path):
        standin.send_text(READER, "/digest")
        update = to_plain_text((await standin.reply(READER)).text)
        assert TITLE in update

        standin.send_text(READER, "/digest")
        assert to_plain_text((await standin.reply(READER)).text).startswith(NOTHING_NEW)


async def test_digest_right_after_the_broadcast_does_not_repeat_it(standin: StandIn, db_path: Path):
    await prepare(db_path, sent_today=True)
    async with InProcessBot(standin, db_path):
        standin.send_text(READER, "/digest")
        reply = to_plain_text((await standin.reply(READER)).text)
        assert reply.startswith(NOTHING_NEW) and TITLE not in reply
