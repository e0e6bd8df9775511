"""Subscription commands: /subscribe [HH:MM] [Area/City], /unsubscribe, /settings."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import parse_time, valid_zone
from bot.handlers.common import answer, db_of, settings_of
from bot.render import daily as render
from bot.render import follow as render_follow
from bot.schedule import describe_local, from_iso, next_due
from storage import articles, subscribers, topics


def parse_subscribe_args(args: list[str]) -> tuple[str | None, str | None] | str:
    """(time, zone) from the arguments in either order, None for one not given, or the reply
    explaining what is wrong."""
    if len(args) > 2:
        return render.SUBSCRIBE_USAGE
    delivery_time: str | None = None
    tz: str | None = None
    for arg in args:
        if ":" in arg and arg.replace(":", "").isdigit():
            parsed = parse_time(arg)
            if parsed is None:
                return render.bad_time(arg)
            delivery_time = parsed
        elif valid_zone(arg):
            tz = arg
        elif "/" in arg or arg.isalpha():
            return render.bad_zone(arg)
        else:
            return render.bad_time(arg)
    return delivery_time, tz


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    parsed = parse_subscribe_args(context.args or [])
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
    mode = (await topics.reader(db, update.effective_chat.id)).daily_mode
    subscribed = render.subscribed(delivery_time, tz, describe_local(from_iso(due), tz))
    await answer(
        update,
        f"{subscribed}\n{render_follow.mode_line(mode)}",
        reply_markup=render_follow.mode_keyboard(mode),
    )


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    stopped = await subscribers.unsubscribe(db_of(context), update.effective_chat.id)
    await answer(update, render.UNSUBSCRIBED if stopped else render.NOT_SUBSCRIBED)


async def show_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    subscriber = await subscribers.get(db_of(context), update.effective_chat.id)
    if subscriber is None:
        await answer(update, render.NOT_SUBSCRIBED)
        return
    due = from_iso(next_due(subscriber.delivery_time, subscriber.tz, datetime.now(UTC)))
    reader = await topics.reader(db_of(context), subscriber.chat_id)
    text = render.settings_text(
        subscriber.delivery_time, subscriber.tz, describe_local(due, subscriber.tz), subscriber.active
    )
    await answer(
        update,
        f"{text}\n{render_follow.mode_line(reader.daily_mode)}",
        reply_markup=render_follow.mode_keyboard(reader.daily_mode),
    )
