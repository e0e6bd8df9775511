"""Reader commands for topics: /follow, /unfollow, /following, /alert, and the daily-update choice."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.handlers.common import answer, db_of, editable, settings_of, tr_of
from bot.render import follow as render
from storage import subscribers, topics

log = logging.getLogger(__name__)


def _argument(update: Update) -> str:
    """Everything after the command, as typed (quotes and newlines kept)."""
    text = update.effective_message.text or ""
    return text.partition(" ")[2] if " " in text.split("\n", 1)[0] else text.partition("\n")[2]


async def _zone(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> str:
    subscriber = await subscribers.get(db_of(context), chat_id)
    return subscriber.tz if subscriber is not None else settings_of(context).default_tz


async def follow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    tr = tr_of(update)
    raw = _argument(update)
    phrase = topics.clean_phrase(raw)
    if not phrase:
        await answer(update, tr(render.FOLLOW_USAGE) if not raw.strip() else render.no_words("", tr))
        return
    if len(phrase) > topics.MAX_CHARS:
        await answer(update, render.too_long(len(phrase), tr))
        return
    db = db_of(context)
    groups = await topics.parse(db, phrase)
    if not groups:
        await answer(update, render.no_words(phrase, tr))
        return
    chat_id = update.effective_chat.id
    added = await topics.add(db, chat_id, phrase, groups)
    if added == "duplicate":
        await answer(update, render.already_following(phrase, tr))
    elif added == "full":
        await answer(update, render.too_many(tr))
    else:
        reader = await topics.reader(db, chat_id)
        await answer(
            update,
            render.followed(added, await topics.count(db, chat_id), reader.daily_mode, reader.alerts, tr),
        )


async def unfollow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    tr = tr_of(update)
    raw = topics.clean_phrase(_argument(update))
    if not raw:
        await answer(update, tr(render.UNFOLLOW_USAGE))
        return
    db = db_of(context)
    chat_id = update.effective_chat.id
    mine = await topics.for_chat(db, chat_id)
    digits = raw.lstrip("#")
    if digits.isascii() and digits.isdigit() and len(digits) <= 6:  # "²".isdigit() is True too
        number = int(digits)
        if not 1 <= number <= len(mine):
            await answer(update, render.no_such_number(number, len(mine), tr))
            return
        chosen = mine[number - 1]
    else:
        if len(raw) > topics.MAX_CHARS:
            await answer(update, render.not_following(raw, tr))
            return
        key = topics.group_key(await topics.parse(db, raw))
        chosen = next((t for t in mine if t.key == key or t.phrase.casefold() == raw.casefold()), None)
        if chosen is None:
            await answer(update, render.not_following(raw, tr))
            return
    await topics.remove(db, chosen.id)
    await answer(update, render.unfollowed(chosen, tr))


async def following(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db = db_of(context)
    chat_id = update.effective_chat.id
    reader = await topics.reader(db, chat_id)
    mine = await topics.for_chat(db, chat_id)
    tr = tr_of(update)
    text = render.following(mine, reader.daily_mode, reader.alerts, await _zone(context, chat_id), tr)
    await answer(update, text, reply_markup=render.mode_keyboard(reader.daily_mode, tr) if mine else None)


async def alert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    args = [a.lower() for a in context.args or []]
    tr = tr_of(update)
    if args not in (["on"], ["off"]):
        await answer(update, tr(render.ALERT_USAGE))
        return
    db = db_of(context)
    chat_id = update.effective_chat.id
    await topics.set_alerts(db, chat_id, args[0] == "on")
    if args[0] == "off":
        await answer(update, tr(render.ALERTS_OFF))
        return
    has_topics = await topics.count(db, chat_id) > 0
    await answer(update, render.alerts_on(await _zone(context, chat_id), has_topics, tr))


async def choose_mode(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The /settings and /following buttons: everything, followed first, only followed."""
    query = update.callback_query
    mode = (query.data or "").partition(":")[2]
    db = db_of(context)
    # A press on an inline message (forged data: these keyboards live in private chats) has no
    # message; the setting is the presser's own, whose private chat has their id.
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    before = (await topics.reader(db, chat_id)).daily_mode
    await topics.set_daily_mode(db, chat_id, mode)
    tr = tr_of(update)
    await query.answer(render.mode_chosen(mode, tr))
    # The same markup again would be refused as "message is not modified".
    if mode != before and editable(query, context):
        try:
            await query.edit_message_reply_markup(render.mode_keyboard(mode, tr))
        except BadRequest as exc:  # the choice is stored and the toast said so; the old tick stays
            log.debug("settings keyboard not updated: %s", exc)
