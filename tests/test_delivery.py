"""Daily delivery against the stand-in over HTTP and a real SQLite file, with a controlled clock."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from telegram.ext import ExtBot

from bot import delivery, flood
from bot.flood import FloodLimiter
from bot.schedule import next_delivery, to_iso
from storage import articles, deliveries, subscribers
from storage.db import Database
from tests.standin import StandIn, to_plain_text


def make_bot(api: StandIn, rate: float = 50) -> ExtBot:
    return ExtBot(
        api.token,
        **api.local_bot_kwargs(),
        rate_limiter=FloodLimiter(rate, per_chat_interval=0.01),  # the per-chat wait is not under test here
    )


async def post(db: Database, title: str) -> int:
    article, _ = await articles.add(
        db,
        title=title,
        body=f"{title} happened today.",
        briefing=[f"{title} happened today."],
        quotes=[
            {
                "quote": "“We are very pleased with the result,”",
                "start": 0,
                "end": 10,
                "speaker": "Ann Lee",
                "mention_start": 0,
                "mention_end": 3,
                "score": 0.9,
            }
        ],
    )
    return article.id


async def subscribe(db: Database, chat_id: int, at: str, tz: str, now: datetime) -> None:
    await subscribers.subscribe(
        db, chat_id, at, tz, await articles.max_id(db), to_iso(next_delivery(at, tz, now))
    )


async def test_three_zones_get_exactly_one_update_on_each_of_two_days_at_the_right_instant(
    standin: StandIn, db: Database
):
    standin.auto_register = True
    start = datetime(2026, 3, 7, 0, 0, tzinfo=UTC)  # New York springs forward on 2026-03-08
    people = {1: ("08:00", "America/New_York"), 2: ("08:00", "Europe/Berlin"), 3: ("07:15", "Asia/Kolkata")}
    for chat, (at, tz) in people.items():
        await subscribe(db, chat, at, tz, start)
    received_at: dict[int, list[datetime]] = {chat: [] for chat in people}
    async with make_bot(standin) as bot:
        now = start
        while now < start + timedelta(days=2):
            if now.hour == 0 and now.minute == 0:
                await post(db, f"News of {now:%d %b}")
            before = Counter(s.chat_id for s in standin.delivered())
            await delivery.run_due(bot, db, now)
            after = Counter(s.chat_id for s in standin.delivered())
            for chat in people:
                received_at[chat] += [now] * (after[chat] - before[chat])
            now += timedelta(minutes=5)
    assert received_at == {
        1: [datetime(2026, 3, 7, 13, 0, tzinfo=UTC), datetime(2026, 3, 8, 12, 0, tzinfo=UTC)],
        2: [datetime(2026, 3, 7, 7, 0, tzinfo=UTC), datetime(2026, 3, 8, 7, 0, tzinfo=UTC)],
        3: [datetime(2026, 3, 7, 1, 45, tzinfo=UTC), datetime(2026, 3, 8, 1, 45, tzinfo=UTC)],
    }
    update = to_plain_text(standin.delivered()[-1].text)
    assert update.startswith("Your daily briefing · Sun 8 Mar 2026")
    assert "News of 08 Mar" in update and "News of 07 Mar" not in update  # only what is new
    assert "“We are very pleased with the result,” — Ann Lee" in update


async def test_no_new_articles_means_no_message(standin: StandIn, db: Database):
    standin.auto_register = True
    now = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
    await post(db, "Old news")
    await subscribe(db, 10, "07:00", "UTC", now)
    async with make_bot(standin) as bot:
        counts = await delivery.run_due(bot, db, now + timedelta(hours=2))
    assert counts == {"empty": 1} and standin.delivered() == []


async def test_429_and_blocked_chats_lose_nothing_and_never_exceed_the_rate(
    standin: StandIn, db: Database, monkeypatch
):
    standin.auto_register = True
    # Each 429's retry_after (1 s) is honoured on a clock 20 times faster: the same pauses, in order.
    real_retry = flood.retry_seconds
    monkeypatch.setattr(flood, "retry_seconds", lambda error: real_retry(error) / 20)
    now = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
    chats = list(range(100, 160))
    for chat in chats:
        await subscribe(db, chat, "07:00", "UTC", now)
    await post(db, "Big story")
    blocked = {105, 117, 133}
    for chat in blocked:
        standin.block(chat)
    standin.block(140, "Forbidden: user is deactivated")
    standin.fail_next(12, status=429, retry_after=1)
    standin.fail_next(3, status=502)
    async with make_bot(standin, rate=20) as bot:
        counts = await delivery.run_due(bot, db, now + timedelta(hours=1))
    per_chat = Counter(s.chat_id for s in standin.delivered())
    assert counts == {"sent": 56, "blocked": 4}
    assert set(per_chat) == set(chats) - blocked - {140} and set(per_chat.values()) == {1}
    assert standin.max_per_window(1.0) <= 20
    for chat in (*blocked, 140):
        kept = await subscribers.get(db, chat)
        assert not kept.active and kept.blocked_reason.startswith("Forbidden")
    assert len([r for r in standin.rejected if r[1] == 429]) == 12


async def test_a_restart_sends_what_was_due_and_resends_only_the_one_in_flight(
    standin: StandIn, db: Database
):
    standin.auto_register = True
    now = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
    for chat in (1, 2, 3):
        await subscribe(db, chat, "07:00", "UTC", now)
    await post(db, "Story")
    # Before the "crash": chat 1 was sent and finished; chat 2 was claimed, then the process died.
    await deliveries.claim(db, 1, "2026-05-01")
    await deliveries.record(db, 1, "2026-05-01", "sent", [1])
    await subscribers.advance_many(db, [subscribers.Advance(1, "2026-05-01", "sent", 1, "2026-05-02T07:00:00Z")])
    await deliveries.claim(db, 2, "2026-05-01")
    # The bot comes back hours after 07:00: the day's updates still go out, once.
    async with make_bot(standin) as bot:
        counts = await delivery.run_due(bot, db, datetime(2026, 5, 1, 15, 0, tzinfo=UTC))
        again = await delivery.run_due(bot, db, datetime(2026, 5, 1, 16, 0, tzinfo=UTC))
    assert counts == {"sent": 2} and again == {}
    assert sorted(s.chat_id for s in standin.delivered()) == [2, 3]
    assert (await subscribers.get(db, 3)).next_due_utc == "2026-05-02T07:00:00Z"


async def test_server_errors_retry_with_backoff_then_give_up_and_record_it(
    standin: StandIn, db: Database, monkeypatch
):
    standin.auto_register = True
    monkeypatch.setattr(delivery, "BACKOFF", 0.01)
    now = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
    await subscribe(db, 7, "07:00", "UTC", now)
    await post(db, "Story")
    standin.fail_next(100, status=502, chat_id=7)
    async with make_bot(standin) as bot:
        counts = await delivery.run_due(bot, db, now + timedelta(hours=2))
    assert counts == {"failed": 1}
    [row] = await deliveries.for_chat(db, 7)
    assert row.status == "failed" and "Bad Gateway" in row.error
    assert (await subscribers.get(db, 7)).active  # a server error is not a block
