"""Keeps a subscriber's stored language (the daily update's and the alerts') in step with the one
Telegram reports for them now: one step every update passes through, before any handler.

Checked in memory first (the last language seen per reader); the database is read the first time a
reader is seen after start-up and written only when their interface language changed.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import OrderedDict

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.handlers.common import db_of
from bot.i18n import translator
from storage import subscribers

log = logging.getLogger(__name__)

SEEN_KEY = "reader_languages"  # bot_data: reader id -> interface language last seen (and stored)
MAX_SEEN = 10_000  # readers remembered; one forgotten costs one read when they write again


async def follow_reader_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store the reader's new interface language when their Telegram language changed."""
    user = update.effective_user
    if user is None or not isinstance(user.language_code, str) or not user.language_code.strip():
        return  # Telegram leaves language_code out at times: that says nothing about a change
    chat = update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE:
        return  # a group's subscription is the group's, not whoever wrote there last
    code = translator(user.language_code).code
    seen: OrderedDict[int, str] = context.bot_data.setdefault(SEEN_KEY, OrderedDict())
    if seen.get(user.id) == code:
        seen.move_to_end(user.id)
        return
    try:
        await subscribers.follow_language(db_of(context), user.id, code)
    except sqlite3.Error:  # best effort: the reader's own reply must not fail for this
        log.warning("language of subscriber %s not updated to %s", user.id, code, exc_info=True)
        return
    seen[user.id] = code
    seen.move_to_end(user.id)
    while len(seen) > MAX_SEEN:
        seen.popitem(last=False)
