"""Sending to subscribers: the daily update through the delivery ledger, and /push.

The database is the source of truth. For each due subscriber the ledger row for (chat, local
date) is claimed *before* sending and finished *after*, one subscriber at a time, so a crash can
repeat at most the one message in flight and a restart sends whatever was due while the bot was down.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.flood import retry_seconds
from bot.render.daily import daily_update
from bot.schedule import describe_local, from_iso, local_date, next_delivery, to_iso
from storage import articles, deliveries, subscribers
from storage.db import Database
from storage.subscribers import Subscriber

log = logging.getLogger(__name__)

DAILY_ARTICLES = 5
RETRIES = 4  # for 5xx and network errors; 429s are retried by the flood limiter
BACKOFF = 0.5  # seconds, doubled each retry


@dataclass(frozen=True)
class Outcome:
    status: str  # sent, blocked, failed
    error: str | None = None


def _is_gone(error: BadRequest) -> bool:
    text = error.message.lower()
    return "chat not found" in text or "user is deactivated" in text or "bot was kicked" in text


async def send_all(bot: Bot, chat_id: int, texts: list[str], **kwargs: object) -> Outcome:
    """Send messages to one chat: 403 means blocked, 5xx/network errors retry with backoff.

    429s are waited out by the flood limiter (every sender pauses for ``retry_after``); if it runs
    out of patience we wait once more here, without spending the 5xx retry budget.
    """
    for text in texts:
        failures = 0
        while True:
            try:
                await bot.send_message(chat_id, text, **kwargs)
                break
            except Forbidden as exc:
                return Outcome("blocked", exc.message)
            except BadRequest as exc:
                return Outcome("blocked" if _is_gone(exc) else "failed", exc.message)
            except RetryAfter as exc:
                await asyncio.sleep(retry_seconds(exc))
            except NetworkError as exc:  # 5xx, timeouts, connection errors
                if failures == RETRIES:
                    return Outcome("failed", str(exc))
                await asyncio.sleep(BACKOFF * 2**failures)
                failures += 1
    return Outcome("sent")


@dataclass
class _Job:
    """One subscriber's update, claimed and rendered, ready to send (or nothing to send)."""

    subscriber: Subscriber
    day: str
    following: str
    texts: list[str]
    article_ids: list[int]
    status: str | None = None  # 'empty' or 'done' when there is nothing to send


async def _prepare(db: Database, subscriber: Subscriber, now: datetime, cache: dict[object, object]) -> _Job:
    """Everything before the send: what is new for them, the ledger claim, the rendered text.

    ``cache`` is shared by one batch of subscribers: most of them have seen the same articles, so
    the query and the rendering are done once per distinct case, not once per subscriber.
    """
    slot = from_iso(subscriber.next_due_utc) if subscriber.next_due_utc else now
    day = local_date(slot, subscriber.tz)
    following = to_iso(next_delivery(subscriber.delivery_time, subscriber.tz, max(now, slot)))
    key = ("since", subscriber.last_article_id)
    if key not in cache:
        cache[key] = await articles.since(db, subscriber.last_article_id, DAILY_ARTICLES)
    new: list[articles.StoredArticle] = cache[key]  # type: ignore[assignment]
    job = _Job(subscriber, day, following, [], [a.id for a in new])
    if not new:
        await subscribers.set_next_due(db, subscriber.chat_id, following)
        job.status = "empty"
    elif not await deliveries.claim(db, subscriber.chat_id, day):
        await deliveries.settle(db, subscriber.chat_id, day, following)
        job.status = "done"
    else:
        label = describe_local(slot, subscriber.tz).rsplit(",", 1)[0]
        key = ("text", tuple(job.article_ids), label)
        if key not in cache:
            cache[key] = daily_update(new, label)
        job.texts = cache[key]  # type: ignore[assignment]
    return job


async def _send(bot: Bot, db: Database, job: _Job) -> str:
    """The send and the ledger's record of it: the part no other subscriber's work may overlap."""
    if job.status:
        return job.status
    chat_id = job.subscriber.chat_id
    outcome = await send_all(bot, chat_id, job.texts)
    await deliveries.finish(
        db, chat_id, job.day, outcome.status, job.article_ids, outcome.error, next_due_utc=job.following
    )
    if outcome.status == "blocked":
        await subscribers.deactivate(db, chat_id, outcome.error or "blocked")
    elif outcome.status == "failed":
        log.warning("daily update to %s failed: %s", chat_id, outcome.error)
    return outcome.status


async def deliver_daily(bot: Bot, db: Database, subscriber: Subscriber, now: datetime) -> str:
    """One subscriber's daily update for the slot that is due; returns what happened."""
    return await _send(bot, db, await _prepare(db, subscriber, now, {}))


async def run_due(bot: Bot, db: Database, now: datetime, batch: int = 500) -> Counter[str]:
    """Deliver to every subscriber who is due at ``now``; returns the counts.

    Sends go out one at a time, each finished in the ledger before the next starts, so a crash
    repeats at most the one message in flight. The next subscriber's claim and rendering are
    prepared while the current message is on the wire: a claimed row that never got sent is
    simply sent after a restart, never twice.
    """
    counts: Counter[str] = Counter()
    while True:
        due = await subscribers.due(db, to_iso(now), batch)
        if not due:
            return counts
        cache: dict[object, object] = {}
        ahead = asyncio.ensure_future(_prepare(db, due[0], now, cache))
        try:
            for following in [*due[1:], None]:
                job = await ahead
                if following is not None:
                    ahead = asyncio.ensure_future(_prepare(db, following, now, cache))
                counts[await _send(bot, db, job)] += 1
        finally:
            ahead.cancel()


async def push(bot: Bot, db: Database, texts: list[str], **kwargs: object) -> Counter[str]:
    """Send the same messages to every active subscriber now (/push); blocked chats are deactivated."""
    counts: Counter[str] = Counter()
    for subscriber in await subscribers.active(db):
        outcome = await send_all(bot, subscriber.chat_id, texts, **kwargs)
        counts[outcome.status] += 1
        if outcome.status == "blocked":
            await subscribers.deactivate(db, subscriber.chat_id, outcome.error or "blocked")
    return counts
