"""Subscription commands: /subscribe [HH:MM] [Area/City], /unsubscribe, /settings."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import parse_time, valid_zone
from bot.handlers.common import answer, db_of, settings_of, tr_of
from bot.i18n import ENGLISH, Translator
from bot.render import daily as render
from bot.render import follow as render_follow
from bot.schedule import from_iso, next_due
from storage import articles, subscribers, topics


def parse_subscribe_args(args: list[str], tr: Translator = ENGLISH) -> tuple[str | None, str | None] | str:
    """(time, zone) from the arguments in either order, None for one not given, or the reply
    explaining what is wrong (in the reader's language)."""
    if len(args) > 2:
        return tr(render.SUBSCRIBE_USAGE)
    delivery_time: str | None = None
    tz: str | None = None
    for arg in args:
        if ":" in arg and arg.replace(":", "").isdigit():
            parsed = parse_time(arg)
            if parsed is None:
                return render.bad_time(arg, tr)
            delivery_time = parsed
        elif valid_zone(arg):
            tz = arg
        elif "/" in arg or arg.isalpha():
            return render.bad_zone(arg, tr)
        else:
            return render.bad_time(arg, tr)
    return delivery_time, tz


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    tr = tr_of(update)
    parsed = parse_subscribe_args(context.args or [], tr)
    if isinstance(parsed, str):
        await answer(update, parsed)
        return
    db = db_of(context)
    # What is not given stays as it was: `/subscribe 8:05` keeps the zone, `/subscribe Area/City`
    # keeps the time; a new subscriber gets the defaults.
    settings = settings_of(context)
    current = await subscribers.get(db, update.effective_chat.id)
    delivery_time = parsed[0] or (current.delivery_time if current else settings.default_time)
    tz = parsed[1] or (current.tz if current else settings.default_tz)
    due = next_due(delivery_time, tz, datetime.now(UTC))
    # A new subscriber's first update holds what is posted from now on.
    await subscribers.subscribe(db, update.effective_chat.id, delivery_time, tz, await articles.max_id(db), due)
    await subscribers.set_language(db, update.effective_chat.id, tr.code)
    mode = (await topics.reader(db, update.effective_chat.id)).daily_mode
    subscribed = render.subscribed(delivery_time, tz, render.local_time(from_iso(due), tz, tr), tr)
    await answer(
        update,
        f"{subscribed}\n{render_follow.mode_line(mode, tr)}",
        reply_markup=render_follow.mode_keyboard(mode, tr),
    )


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    stopped = await subscribers.unsubscribe(db_of(context), update.effective_chat.id)
    await answer(update, tr_of(update)(render.UNSUBSCRIBED if stopped else render.NOT_SUBSCRIBED))


async def show_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    subscriber = await subscribers.get(db_of(context), update.effective_chat.id)
    tr = tr_of(update)
    if subscriber is None:
        await answer(update, tr(render.NOT_SUBSCRIBED))
        return
    due = from_iso(next_due(subscriber.delivery_time, subscriber.tz, datetime.now(UTC)))
    reader = await topics.reader(db_of(context), subscriber.chat_id)
    text = render.settings_text(
        subscriber.delivery_time,
        subscriber.tz,
        render.local_time(due, subscriber.tz, tr),
        subscriber.active,
        tr,
    )
    await answer(
        update,
        f"{text}\n{render_follow.mode_line(reader.daily_mode, tr)}",
        reply_markup=render_follow.mode_keyboard(reader.daily_mode, tr),
    )
