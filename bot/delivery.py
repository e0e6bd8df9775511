"""Sending through delivery ledgers: the daily update (the clock and /digest), alerts and channel posts, /push.

The database is the source of truth, and this is the one module that runs the ledger protocol:

1. **claim** the slot (a ledger row keyed by chat and slot) before sending: a slot already done is
   not claimed, so it is never sent twice; a row a crash left 'claimed' is claimed again and sent;
2. **send** (``send_all``: 403 means blocked, 5xx and network errors retry with backoff, 429 waits);
3. **record** how it ended on that row before any other send starts;
4. **move the recipient on** (the daily update: last article seen, next due time), which ``settle``
   repairs from the ledger after a crash between 3 and 4.

So a crash repeats at most the one message in flight, and a restart sends whatever was due.

Every kind of delivery runs steps 1-3 through ``deliver``, handing it its own ledger's two calls:
``claim`` (true if the row is now ours to send) and ``record`` (the ``Outcome`` onto that row). The
daily update uses ``storage.deliveries`` (chat, local date); breaking alerts and channel posts
(``bot.alerts``) use ``storage.story_sends`` (chat, story). ``deliver`` returns the ``Outcome``, or
None when the row was done already, and the caller does step 4 its own way (a subscriber moved on,
a blocked reader or a channel without rights paused). The daily broadcast (``run_due``) runs the
same steps batched: claims per batch of 500, one record per send, moves at least every second.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.flood import retry_seconds
from bot.i18n import ENGLISH, Translator, translator
from bot.personal import POOL, Personaliser
from bot.render.daily import daily_update, local_day, local_time
from bot.schedule import from_iso, local_date, next_due, to_iso
from storage import articles, deliveries, subscribers
from storage.db import Database
from storage.subscribers import Advance, Subscriber

log = logging.getLogger(__name__)

DAILY_ARTICLES = 5
RETRIES = 4  # for 5xx and network errors; 429s are retried by the flood limiter
BACKOFF = 0.5  # seconds, doubled each retry
#: Most seconds a sent subscriber waits to be moved on (last article seen, next due time).
ADVANCE_SECONDS = 1.0


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


#: A ledger row claimed for this send: true if it is ours to send (not done already).
Claim = Callable[[], Awaitable[bool]]
#: How the send ended, written onto the claimed row before any other send starts.
Record = Callable[[Outcome], Awaitable[None]]


async def deliver(
    bot: Bot, chat_id: int, texts: list[str], claim: Claim, record: Record, **kwargs: object
) -> Outcome | None:
    """Claim, send, record: one delivery through a ledger. None when that row is done already."""
    if not await claim():
        return None
    return await _send_and_record(bot, chat_id, texts, record, **kwargs)


async def _send_and_record(bot: Bot, chat_id: int, texts: list[str], record: Record, **kwargs: object) -> Outcome:
    """The send and the ledger's record of it: finished before any other send may start."""
    outcome = await send_all(bot, chat_id, texts, **kwargs)
    await record(outcome)
    return outcome


def daily_record(db: Database, chat_id: int, day: str, article_ids: list[int]) -> Record:
    """``record`` for the daily update's ledger row (chat, local date)."""

    async def record(outcome: Outcome) -> None:
        await deliveries.record(db, chat_id, day, outcome.status, article_ids, outcome.error)

    return record


async def settle(db: Database, chat_id: int, day: str, next_due_utc: str) -> None:
    """Move a subscriber on from a day the ledger already holds as done (idempotent)."""
    done = await deliveries.get(db, chat_id, day)
    if done is not None:
        await subscribers.advance_many(db, [Advance(chat_id, day, done.status, done.last_article, next_due_utc)])


@dataclass
class _Job:
    """One subscriber's update, claimed and rendered, ready to send (or nothing to send)."""

    subscriber: Subscriber
    day: str
    following: str
    texts: list[str]
    article_ids: list[int]
    seen: int = 0  # the newest article considered (sent or, for topic readers, passed over)
    status: str | None = None  # 'empty' or 'done' when there is nothing to send

    @property
    def slot(self) -> tuple[int, str]:
        return (self.subscriber.chat_id, self.day)


async def _prepare(
    db: Database, due: list[Subscriber], now: datetime, chooser: Personaliser | None = None
) -> list[_Job]:
    """Everything before the sends, for a batch: what is new for each, the ledger claims, the text.

    Most subscribers share a zone and a time and have seen the same articles, so each distinct
    clock, query and rendering is worked out once per batch; the whole batch is claimed in one
    statement.
    """
    found: dict[int, list[articles.StoredArticle]] = {}
    rendered: dict[tuple[tuple[int, ...], str, str], list[str]] = {}
    clocks: dict[tuple[str | None, str, str], tuple[str, str, datetime]] = {}
    jobs = []
    chooser = chooser or Personaliser(db)
    await chooser.load([s.chat_id for s in due], min(s.last_article_id for s in due))
    for subscriber in due:
        clock = (subscriber.next_due_utc, subscriber.delivery_time, subscriber.tz)
        if clock not in clocks:  # most of a batch shares a zone, a time and so a slot
            slot = from_iso(subscriber.next_due_utc) if subscriber.next_due_utc else now
            following = next_due(subscriber.delivery_time, subscriber.tz, now, slot)
            clocks[clock] = (local_date(slot, subscriber.tz), following, slot)
        day, following, slot = clocks[clock]
        tr = translator(subscriber.language)  # the language they subscribed in (English by default)
        if subscriber.last_article_id not in found:
            found[subscriber.last_article_id] = await articles.since(db, subscriber.last_article_id, POOL)
        pool = found[subscriber.last_article_id]
        new = await chooser.choose(subscriber.chat_id, pool, DAILY_ARTICLES)
        job = _Job(subscriber, day, following, [], [a.id for a in new], max((a.id for a in pool), default=0))
        if new:
            key = (tuple(job.article_ids), tr.code, slot.isoformat() + subscriber.tz)
            if key not in rendered:
                rendered[key] = daily_update(new, local_day(slot, subscriber.tz, tr), tr=tr)
            job.texts = rendered[key]
        else:
            job.status = "empty"
            await subscribers.set_next_due(db, subscriber.chat_id, following)
        jobs.append(job)
    claimed = await deliveries.claim_many(db, [job.slot for job in jobs if not job.status])
    for job in jobs:
        if not job.status and job.slot not in claimed:
            job.status = "done"  # already delivered that day (e.g. by /digest): just move them on
            await settle(db, job.subscriber.chat_id, job.day, job.following)
    return jobs


async def _send(bot: Bot, db: Database, job: _Job) -> str:
    chat_id = job.subscriber.chat_id
    outcome = await _send_and_record(bot, chat_id, job.texts, daily_record(db, chat_id, job.day, job.article_ids))
    if outcome.status == "blocked":
        await subscribers.deactivate(db, chat_id, outcome.error or "blocked")
    elif outcome.status == "failed":
        log.warning("daily update to %s failed: %s", chat_id, outcome.error)
    return outcome.status


def _advance(job: _Job, status: str) -> Advance:
    return Advance(job.subscriber.chat_id, job.day, status, job.seen, job.following)


async def run_due(bot: Bot, db: Database, now: datetime, batch: int = 500) -> Counter[str]:
    """Deliver to every subscriber who is due at ``now``; returns the counts.

    Sends go out one at a time, each recorded in the ledger before the next starts, so a crash
    repeats at most the one message in flight. Everything else is batched: the claims before the
    sends (a claimed row never sent is simply sent after a restart), and moving subscribers on
    after them, at least every ``ADVANCE_SECONDS`` (a crash before that is repaired from the
    ledger by ``settle`` when they come up due again).
    """
    counts: Counter[str] = Counter()
    chooser = Personaliser(db)  # each story matched against the topics once per run
    while True:
        due = await subscribers.due(db, to_iso(now), batch)
        if not due:
            return counts
        moves: list[Advance] = []
        flushed = time.monotonic()
        try:
            for job in await _prepare(db, due, now, chooser):
                if job.status:
                    counts[job.status] += 1
                    continue
                status = await _send(bot, db, job)
                counts[status] += 1
                moves.append(_advance(job, status))
                if time.monotonic() - flushed > ADVANCE_SECONDS:
                    await subscribers.advance_many(db, moves)
                    moves, flushed = [], time.monotonic()
        finally:
            await subscribers.advance_many(db, moves)


@dataclass(frozen=True)
class Digest:
    """What /digest did. ``sent``, ``blocked`` or ``failed``: today's update went through the ledger.
    Otherwise nothing was sent and the handler shows ``articles``: ``not-subscribed`` (the latest),
    ``again`` (today's update went out already: what is new since, the ledger untouched) or
    ``nothing-new`` (no articles), or ``none-yet`` (no update yet and nothing posted since subscribing;
    ``label`` is when the first comes)."""

    status: str
    articles: list[articles.StoredArticle] = field(default_factory=list)
    label: str = ""


async def digest(bot: Bot, db: Database, chat_id: int, now: datetime, tr: Translator = ENGLISH) -> Digest:
    """Today's update now; for a subscriber it counts as today's, so the clock won't repeat it.

    ``tr``: the reader's interface language (the update's headers and day label).
    """
    subscriber = await subscribers.get(db, chat_id)
    if subscriber is None or not subscriber.active:
        return Digest("not-subscribed", await articles.since(db, 0, DAILY_ARTICLES), tr.date(now, "EEE d MMM"))
    day = local_date(now, subscriber.tz)
    # The ledger knows first: a broadcast moves subscribers on in batches, a second after sending.
    seen = max(subscriber.last_article_id, await deliveries.last_sent_article(db, chat_id, day))
    chooser = Personaliser(db)  # followed first or only, and nothing already alerted
    await chooser.load([chat_id], seen)
    new = await chooser.choose(chat_id, await articles.since(db, seen, POOL), DAILY_ARTICLES)
    if not new:
        if subscriber.last_delivered_date is None and seen == subscriber.last_article_id:
            first = next_due(subscriber.delivery_time, subscriber.tz, now)
            return Digest("none-yet", label=local_time(from_iso(first), subscriber.tz, tr))
        return Digest("nothing-new")
    label = local_day(now, subscriber.tz, tr)
    ids = [a.id for a in new]
    outcome = await deliver(
        bot,
        chat_id,
        daily_update(new, label, tr=tr),
        claim=lambda: deliveries.claim(db, chat_id, day),
        record=daily_record(db, chat_id, day, ids),
    )
    if outcome is None:
        return Digest("again", new, label)
    following = next_due(subscriber.delivery_time, subscriber.tz, now)
    await subscribers.advance_many(db, [Advance(chat_id, day, outcome.status, max(ids), following)])
    return Digest(outcome.status, new, label)


async def push(bot: Bot, db: Database, texts: list[str], **kwargs: object) -> Counter[str]:
    """Send the same messages to every active subscriber now (/push); blocked chats are deactivated."""
    counts: Counter[str] = Counter()
    for subscriber in await subscribers.active(db):
        outcome = await send_all(bot, subscriber.chat_id, texts, **kwargs)
        counts[outcome.status] += 1
        if outcome.status == "blocked":
            await subscribers.deactivate(db, subscriber.chat_id, outcome.error or "blocked")
    return counts
