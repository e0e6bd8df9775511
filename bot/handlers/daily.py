"""Daily delivery: the clock job, /digest (today's update now) and /push (one article to everyone)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot import delivery
from bot.handlers.common import BAD, answer, db_of, is_admin, parse_article_id, tr_of
from bot.render import articles as render_articles
from bot.render import daily as render
from bot.render import messages
from storage import articles, subscribers

log = logging.getLogger(__name__)

#: How often the clock asks storage who is due. The database decides; the job only ticks.
TICK_SECONDS = 20


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """One repeating job for every subscriber (no job per subscriber, nothing to rebuild)."""
    if context.bot_data.get("delivering"):
        return  # the previous tick is still working through a large broadcast
    context.bot_data["delivering"] = True
    try:
        counts = await delivery.run_due(context.bot, context.bot_data["db"], datetime.now(UTC))
        if counts:
            log.info("daily updates: %s", dict(counts))
    finally:
        context.bot_data["delivering"] = False


async def digest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Today's update now (sent by the delivery service, through the ledger), or what to show instead."""
    tr = tr_of(update)
    result = await delivery.digest(context.bot, db_of(context), update.effective_chat.id, datetime.now(UTC), tr)
    if result.status == "not-subscribed" and not result.articles:
        texts = [tr(messages.NO_ARTICLES)]
    elif result.status == "not-subscribed":
        texts = render.daily_update(result.articles, result.label, title=render.LATEST_TITLE, tr=tr)
    elif result.status == "nothing-new":
        texts = [render.nothing_new(tr)]
    elif result.status == "none-yet":
        texts = [render.nothing_since_subscribing(result.label, tr)]
    elif result.status == "again":
        texts = render.daily_update(result.articles, result.label, title=render.NEW_SINCE_TITLE, tr=tr)
    else:
        return  # sent (or recorded as blocked or failed) by the delivery service
    for text in texts:
        await answer(update, text)


async def push(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    article_id = parse_article_id(context.args)
    if article_id is None or article_id == BAD:
        await answer(update, messages.usage("push"))
        return
    db = db_of(context)
    article = await articles.get(db, article_id)
    if article is None:
        await answer(update, messages.no_such_article(article_id))
        return
    count = (await subscribers.counts(db))["active"]
    await answer(update, render.push_started(article.id, count))
    context.application.create_task(_push(context, update.effective_chat.id, article), update=update)


async def _push(context: ContextTypes.DEFAULT_TYPE, admin_chat: int, article: articles.StoredArticle) -> None:
    counts = await delivery.push(
        context.bot,
        context.bot_data["db"],
        [render_articles.article_card(article)],
        reply_markup=render_articles.article_keyboard(article),
    )
    await context.bot.send_message(admin_chat, render.push_report(article.id, counts))
