"""The delivery service owns the ledger protocol (claim, send, record, move on): /digest and any other
kind of delivery go through it, against the stand-in and a real SQLite file."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import ExtBot

from bot import delivery
from bot.schedule import next_due
from storage import articles, deliveries, subscribers
from storage.db import Database

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Database]:
    async with await Database.open(tmp_path / "service.db") as database:
        yield database


@pytest.fixture
async def telegram(standin: Any) -> AsyncIterator[ExtBot]:
    standin.auto_register = True
    bot = ExtBot(standin.token, **standin.local_bot_kwargs())
    async with bot:
        yield bot


async def send(
    bot: ExtBot, db: Database, chat_id: int, day: str, texts: list[str], ids: list[int]
) -> delivery.Outcome | None:
    """One delivery through the daily ledger, as the service's callers make it."""
    claim = lambda: deliveries.claim(db, chat_id, day)  # noqa: E731
    return await delivery.deliver(bot, chat_id, texts, claim=claim, record=delivery.daily_record(db, chat_id, day, ids))


async def story(db: Database, title: str) -> int:
    article, _ = await articles.add(db, title=title, body=f"{title} today.", briefing=[f"{title} today."])
    return article.id


async def test_digest_is_sent_once_recorded_and_moves_the_subscriber_on(
    store: Database, telegram: ExtBot, standin: Any
) -> None:
    await subscribers.subscribe(store, 7, "08:00", "Europe/Berlin", 0, next_due("08:00", "Europe/Berlin", NOW))
    newest = max([await story(store, "Harbour wall"), await story(store, "Library hours")])

    sent = await delivery.digest(telegram, store, 7, NOW)

    assert sent.status == "sent" and [a.id for a in sent.articles] == [newest, newest - 1]
    [message] = standin.delivered()
    assert "Harbour wall" in message.text and "Library hours" in message.text
    [row] = await deliveries.for_chat(store, 7)
    assert (row.local_date, row.status, row.article_ids) == ("2026-05-01", "sent", [newest, newest - 1])
    moved = await subscribers.get(store, 7)
    assert moved.last_article_id == newest and moved.last_delivered_date == "2026-05-01"
    assert moved.next_due_utc == "2026-05-02T06:00:00Z"  # 08:00 in Berlin, summer time
    # Asked again: nothing new, and nothing sent.
    assert (await delivery.digest(telegram, store, 7, NOW + timedelta(minutes=5))).status == "nothing-new"
    assert len(standin.delivered()) == 1


async def test_a_day_the_broadcast_already_sent_is_shown_not_sent_again(
    store: Database, telegram: ExtBot, standin: Any
) -> None:
    await subscribers.subscribe(store, 8, "08:00", "UTC", 0, next_due("08:00", "UTC", NOW))
    first = await story(store, "Harbour wall")
    await send(telegram, store, 8, "2026-05-01", ["today's update"], [first])
    later = await story(store, "Library hours")

    shown = await delivery.digest(telegram, store, 8, NOW)

    assert shown.status == "again" and [a.id for a in shown.articles] == [later]
    assert [m.text for m in standin.delivered()] == ["today's update"]  # the service sent nothing more
    [row] = await deliveries.for_chat(store, 8)
    assert row.article_ids == [first]  # the ledger keeps what was really sent


async def test_deliver_claims_sends_and_records_each_slot_once(
    store: Database, telegram: ExtBot, standin: Any
) -> None:
    """Any ledger (alerts and channel posts bring their own) gets the same guarantee: never twice."""
    await subscribers.subscribe(store, 9, "08:00", "UTC")
    outcome = await send(telegram, store, 9, "2026-05-01", ["one", "two"], [1])
    again = await send(telegram, store, 9, "2026-05-01", ["one", "two"], [1])
    assert outcome == delivery.Outcome("sent") and again is None
    assert [m.text for m in standin.delivered()] == ["one", "two"]
    # A slot a crash left 'claimed' (claimed, never recorded) is sent when it comes round again.
    assert await deliveries.claim(store, 9, "2026-05-02")
    assert await send(telegram, store, 9, "2026-05-02", ["three"], []) is not None
    assert [m.text for m in standin.delivered()][-1] == "three"
    assert [r.status for r in await deliveries.for_chat(store, 9)] == ["sent", "sent"]


def test_each_job_has_one_home() -> None:
    """Handlers do not run the ledger; the ledger does not write subscribers; one clock, one next_due."""
    handlers = "".join(p.read_text() for p in (ROOT / "bot" / "handlers").glob("*.py"))
    assert "deliveries" not in handlers and "next_delivery" not in handlers
    # Every ledger claim is made by delivery.deliver (others hand it their claim): no one else
    # claims, sends and records by hand.
    for path in (ROOT / "bot").rglob("*.py"):
        if path.name != "delivery.py":
            assert not re.search(r"await [\w.]+\.claim(_many)?\(", path.read_text()), path
    assert "UPDATE subscribers" not in (ROOT / "storage" / "deliveries.py").read_text()
    product = {p: p.read_text() for d in ("bot", "storage") for p in (ROOT / d).rglob("*.py")}
    assert [p.name for p, s in product.items() if "def utc_now" in s] == ["clock.py"]
    # A subscriber's next_due_utc is worked out by schedule.next_due only (alerts' quiet hours use the
    # clock for their own purpose, never to move a subscriber on).
    assert [p.name for p, s in product.items() if "to_iso(next_delivery(" in s] == ["schedule.py"]
    constants = [p.name for d in ("bot", "storage", "summarizer") for p in (ROOT / d).rglob("*.py")
                 if re.search(r"^KEY_QUOTES\s*=", p.read_text(), re.M)]
    assert constants == ["ranking.py"]  # the key-quote count is defined once, beside the one picker
    writers = [p.name for p, s in product.items() if "UPDATE subscribers" in s or "INTO subscribers" in s]
    assert writers == ["subscribers.py"]
