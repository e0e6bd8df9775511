"""Breaking alerts with a controlled clock, against the stand-in over HTTP and a real SQLite file:
quiet hours across a daylight-saving change, five a day, and the daily update leaving out what
was alerted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from telegram.ext import ExtBot

from bot import alerts, delivery
from bot.flood import FloodLimiter
from bot.localapi import to_plain_text
from bot.schedule import to_iso
from storage import articles, story_sends, subscribers, topics
from storage.db import Database
from tests.standin import StandIn

READER = 600


@pytest.fixture
async def bot(standin: StandIn) -> AsyncIterator[ExtBot]:
    standin.register(READER)
    async with ExtBot(
        standin.token,
        **standin.local_bot_kwargs(),  # in-process; the real per-chat wait is tested in test_localapi
        rate_limiter=FloodLimiter(50, per_chat_interval=0.01),
    ) as client:
        yield client


async def follower(db: Database, tz: str, topic: str = "sea wall", daily_at: str | None = None) -> None:
    """A reader in ``tz`` with alerts on who follows ``topic`` (and maybe a daily update)."""
    due = to_iso(datetime.fromisoformat(daily_at)) if daily_at else "2099-01-01T00:00:00Z"
    await subscribers.subscribe(db, READER, "08:00", tz, 0, due)
    await topics.add(db, READER, topic, await topics.parse(db, topic))
    await topics.set_alerts(db, READER, True)


async def story(db: Database, title: str) -> int:
    article, _ = await articles.add(db, title=title, body=f"{title}.", briefing=[f"{title}."], quotes=[])
    return article.id


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def tick(bot: ExtBot, db: Database, now: datetime) -> dict[str, int]:
    await alerts.queue_new_stories(db, "UTC", now)
    return dict(await alerts.StorySender(bot, db, "UTC", []).run(now))


async def test_a_matching_story_is_alerted_at_once_as_a_card(standin: StandIn, bot: ExtBot, db: Database):
    await follower(db, "Europe/London")
    first = await story(db, "Council votes to rebuild the sea wall")
    await story(db, "Ferry timetable changes")  # matches nothing
    assert await tick(bot, db, at("2026-06-10T12:00:00")) == {"sent": 1}
    card = await standin.reply(READER)
    text = to_plain_text(card.text)
    assert text.startswith("🔔 Alert · a story on a topic you follow") and "Council votes to rebuild" in text
    assert card.buttons == ["Quotes", "Full text", "« Older", "Newer »"]
    assert await tick(bot, db, at("2026-06-10T12:00:05")) == {}  # queued once, sent once
    assert (await story_sends.get(db, READER, first)).status == "sent"


async def test_quiet_hours_hold_alerts_until_seven_local_across_the_spring_change(
    standin: StandIn, bot: ExtBot, db: Database
):
    # London moves from GMT to BST at 01:00 UTC on 29 March 2026: 07:00 that morning is 06:00 UTC.
    await follower(db, "Europe/London")
    await story(db, "Storm damages the sea wall again")
    assert await tick(bot, db, at("2026-03-28T22:30:00")) == {}  # 22:30 GMT: night
    assert await tick(bot, db, at("2026-03-29T05:59:00")) == {}  # 06:59 BST: still night
    assert await standin.quiet(READER, 0.2) == []
    assert await tick(bot, db, at("2026-03-29T06:00:00")) == {"sent": 1}  # 07:00 BST
    assert "Storm damages the sea wall again" in to_plain_text((await standin.reply(READER)).text)


async def test_quiet_hours_across_the_autumn_change(standin: StandIn, bot: ExtBot, db: Database):
    # New York falls back from EDT to EST at 06:00 UTC on 1 November 2026: 07:00 is then 12:00 UTC.
    await follower(db, "America/New_York")
    await story(db, "Sea wall repairs begin")
    assert await tick(bot, db, at("2026-11-01T02:30:00")) == {}  # 22:30 EDT on 31 October
    assert await tick(bot, db, at("2026-11-01T11:59:00")) == {}  # 06:59 EST
    assert await tick(bot, db, at("2026-11-01T12:00:00")) == {"sent": 1}
    assert "Sea wall repairs begin" in to_plain_text((await standin.reply(READER)).text)


async def test_an_evening_story_before_ten_is_sent_at_once(standin: StandIn, bot: ExtBot, db: Database):
    await follower(db, "Europe/London")
    await story(db, "Sea wall vote tonight")
    assert await tick(bot, db, at("2026-03-28T21:59:00")) == {"sent": 1}  # 21:59 GMT


async def test_five_alerts_a_day_and_the_daily_update_does_not_repeat_them(
    standin: StandIn, bot: ExtBot, db: Database
):
    await follower(db, "UTC", daily_at="2026-06-11T08:00:00+00:00")
    ids = [await story(db, f"Sea wall story number {n}") for n in range(1, 8)]
    assert await tick(bot, db, at("2026-06-10T12:00:00")) == {"sent": 5, "skipped": 2}
    alerted = [to_plain_text(s.text) for s in await standin.replies(READER, 5)]
    assert [n for n in range(1, 8) if any(f"Sea wall story number {n}\n" in a for a in alerted)] == [1, 2, 3, 4, 5]
    assert (await story_sends.get(db, READER, ids[6])).error == "daily limit"

    counts = await delivery.run_due(bot, db, at("2026-06-11T08:00:00"))
    assert counts == {"sent": 1}
    update = to_plain_text((await standin.reply(READER)).text)
    assert "Sea wall story number 7" in update and "Sea wall story number 6" in update
    assert not any(f"Sea wall story number {n}\n" in update for n in range(1, 6))

    # The next day the count starts again.
    await story(db, "Sea wall story number 8")
    assert await tick(bot, db, at("2026-06-11T12:00:00")) == {"sent": 1}


async def test_alerts_off_and_unfollowed_topics_send_nothing(standin: StandIn, bot: ExtBot, db: Database):
    await follower(db, "UTC")
    await topics.set_alerts(db, READER, False)
    await story(db, "Sea wall news")
    assert await tick(bot, db, at("2026-06-10T12:00:00")) == {}
    assert await standin.quiet(READER, 0.2) == []


async def test_a_deleted_storys_id_given_to_the_next_story_is_alerted_again(
    standin: StandIn, bot: ExtBot, db: Database
):
    await follower(db, "UTC")
    first = await story(db, "Sea wall plan announced")
    assert await tick(bot, db, at("2026-06-10T12:00:00")) == {"sent": 1}
    assert await articles.delete(db, first)
    again = await story(db, "Sea wall plan withdrawn")  # without AUTOINCREMENT SQLite reuses the id
    assert await tick(bot, db, at("2026-06-10T12:01:00")) == {"sent": 1}
    assert [s.status for s in await story_sends.for_article(db, again)] == ["sent"]
    texts = [to_plain_text(s.text) for s in await standin.replies(READER, 2)]
    assert "Sea wall plan withdrawn" in texts[1]
