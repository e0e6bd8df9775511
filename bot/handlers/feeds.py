"""Admin /feed add|list|remove, and the repeating job that polls every feed."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot import feeds as feed_polling
from bot.fetch import FetchError, check_url
from bot.handlers.common import answer, db_of, is_admin, parse_id, settings_of, tr_of
from bot.render import feeds as render
from bot.render import messages
from storage import feeds
from summarizer.language import normalise

log = logging.getLogger(__name__)


async def feed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    args = context.args or []
    action = args[0].lower() if args else ""
    if action == "add" and len(args) in (2, 3):
        language = _language_arg(args[2]) if len(args) == 3 else None
        if language == "":
            await answer(update, render.USAGE)
            return
        await _add(update, context, args[1], language)
    elif action == "list" and len(args) == 1:
        for text in render.feed_list(await feeds.all_feeds(db_of(context))):
            await answer(update, text)
    elif action in ("remove", "delete") and len(args) == 2 and (feed_id := parse_id(args[1])) is not None:
        await _remove(update, context, feed_id)
    else:
        await answer(update, render.USAGE)


def _language_arg(arg: str) -> str:
    """``lang=xx`` after the URL: the feed's language code; "" for anything else."""
    key, _, value = arg.partition("=")
    return (normalise(value) or "") if key.lower() == "lang" else ""


async def _add(update: Update, context: ContextTypes.DEFAULT_TYPE, url: str, language: str | None = None) -> None:
    try:
        check_url(url)
    except FetchError as exc:
        await answer(update, render.not_added(str(exc)))
        return
    db = db_of(context)
    existing = await feeds.by_url(db, url)
    if existing is not None:
        await answer(update, render.already_added(existing))
        return
    await answer(update, render.FETCHING)
    try:
        async with _feeds_lock(context):
            added, result = await feed_polling.add_feed(
                db, url, settings_of(context), update.effective_user.id, language=language
            )
    except FetchError as exc:
        await answer(update, render.not_added(str(exc)))
        return
    await answer(update, render.added(added, result.added))


async def _remove(update: Update, context: ContextTypes.DEFAULT_TYPE, feed_id: int) -> None:
    db = db_of(context)
    found = await feeds.get(db, feed_id)
    if found is None or not await feeds.remove(db, feed_id):
        await answer(update, render.no_such_feed(feed_id))
        return
    await answer(update, render.removed(found))


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every feed_interval seconds: poll the feeds that are due; a slow round is never doubled up."""
    db = context.bot_data.get("db")
    lock = _feeds_lock(context)
    if db is None or lock.locked():  # a round or a /feed add is under way: the next tick comes soon
        return
    async with lock:
        results = await feed_polling.poll_due(db, settings_of(context), datetime.now(UTC))
    added = sum(r.added for r in results.values())
    if added:
        log.info("feeds polled: %d new articles from %d feeds", added, len(results))


def _feeds_lock(context: ContextTypes.DEFAULT_TYPE) -> asyncio.Lock:
    """One take-in of feed entries at a time: ``/feed add`` and the polling job never overlap.

    Otherwise the job could store a new feed's entries while ``/feed add`` is still taking them in,
    and ``/feed add`` would under-report what it brought in.
    """
    return context.bot_data.setdefault("feeds_lock", asyncio.Lock())
