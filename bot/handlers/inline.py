"""Inline mode: ``@bot words`` in any chat offers the matching articles, each ready to send."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import db_of, tr_of
from bot.render import inline as render
from storage import articles

RESULTS = 20  # Telegram takes up to 50; a phone screen shows far fewer
CACHE_SECONDS = 10  # short: a newly posted article should show up almost at once


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Matching articles (FTS5, best first); the newest ones for an empty query; none for no match."""
    query = update.inline_query
    words = query.query.strip()
    db = db_of(context)
    found = await articles.search(db, words, limit=RESULTS) if words else await articles.since(db, 0, RESULTS)
    username = context.bot.username  # known since start-up (getMe)
    tr = tr_of(update)  # the results' labels and dates are in the asking reader's language
    await query.answer(
        [render.article_result(article, username, tr) for article in found],
        cache_time=CACHE_SECONDS,
        # Personal: Telegram would otherwise show one reader's cached results, in their language, to all.
        is_personal=True,
    )

