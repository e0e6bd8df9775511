"""Daily delivery: the clock job, /digest (today's update now) and /push (one article to everyone)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot import delivery
from bot.handlers.common import BAD, answer, db_of, is_admin, parse_article_id, tr_of
from bot.personal import POOL, Personaliser
from bot.render import articles as render_articles
from bot.render import daily as render
from bot.render import messages
from bot.schedule import local_date, next_delivery, to_iso
from storage import articles, deliveries, subscribers

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
    """Today's update now; for a subscriber it counts as today's, so the clock won't repeat it."""
    db = db_of(context)
    chat_id = update.effective_chat.id
    subscriber = await subscribers.get(db, chat_id)
    now = datetime.now(UTC)
    tr = tr_of(update)
    if subscriber is None or not subscriber.active:
        latest = await articles.since(db, 0, delivery.DAILY_ARTICLES)
        if not latest:
            await answer(update, tr(messages.NO_ARTICLES))
            return
        day = tr.date(now, "EEE d MMM")
        for text in render.daily_update(latest, day, title=render.LATEST_TITLE, tr=tr):
            await answer(update, text)
        return
    day = local_date(now, subscriber.tz)
    # The ledger knows first: a broadcast moves subscribers on in batches, a second after sending.
    seen = max(subscriber.last_article_id, await deliveries.last_sent_article(db, chat_id, day))
    chooser = Personaliser(db)  # followed first or only, and nothing already alerted
    await chooser.load([chat_id], seen)
    new = await chooser.choose(chat_id, await articles.since(db, seen, POOL), delivery.DAILY_ARTICLES)
    if not new:
        await answer(update, render.nothing_new(tr))
        return
    following = to_iso(next_delivery(subscriber.delivery_time, subscriber.tz, now))
    if not await deliveries.claim(db, chat_id, day):
        # Today's update went out already: show what is new without touching the ledger.
        for text in render.daily_update(
            new, render.local_day(now, subscriber.tz, tr), title=render.NEW_SINCE_TITLE, tr=tr
        ):
            await answer(update, text)
        return
    texts = render.daily_update(new, render.local_day(now, subscriber.tz, tr), tr=tr)
    outcome = await delivery.send_all(context.bot, chat_id, texts)
    await deliveries.finish(
        db, chat_id, day, outcome.status, [a.id for a in new], outcome.error, next_due_utc=following
    )


async def push(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, messages.ADMIN_ONLY)
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
        reply_markup=render_articles.card_keyboard(article.id),
    )
    await context.bot.send_message(admin_chat, render.push_report(article.id, counts))
