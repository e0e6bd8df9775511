"""Keeps a subscriber's stored language (the daily update's and the alerts') in step with the one
Telegram reports for them now: one step every update passes through, before any handler runs.

The step lives in the update processor (PTB's hook around each update), so the handlers stay one
ordered list and none of them has to remember it. Checked in memory first (the language last seen
per reader); the database is read the first time a reader is seen after start-up and written only
when their interface language changed.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import SimpleUpdateProcessor

from bot.i18n import translator
from storage import subscribers

log = logging.getLogger(__name__)

MAX_SEEN = 10_000  # readers remembered; one forgotten costs one read when they write again


class ReaderLanguageStep(SimpleUpdateProcessor):
    """PTB's concurrent update processor, which first follows the sender's language.

    ``bot_data`` is the application's (set once it is built): the database is ``bot_data["db"]``.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self.bot_data: dict[str, Any] = {}
        self._seen: OrderedDict[int, str] = OrderedDict()  # reader id -> interface language stored

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if isinstance(update, Update):
            try:
                await self.follow(update)
            except Exception:  # best effort: it must never cost the reader their reply
                log.warning("language of update %s not followed", update.update_id, exc_info=True)
        await coroutine

    async def follow(self, update: Update) -> None:
        """Store the reader's new interface language when their Telegram language changed."""
        user = update.effective_user
        if user is None or not isinstance(user.language_code, str) or not user.language_code.strip():
            return  # Telegram leaves language_code out at times: that says nothing about a change
        chat = update.effective_chat
        if chat is not None and chat.type != ChatType.PRIVATE:
            return  # a group's subscription is the group's, not whoever wrote there last
        db = self.bot_data.get("db")
        if db is None:
            return  # storage not open yet (or closed): nothing to keep in step
        code = translator(user.language_code).code
        if self._seen.get(user.id) == code:
            self._seen.move_to_end(user.id)
            return
        await subscribers.follow_language(db, user.id, code)  # a read; a write only on change
        self._seen[user.id] = code
        self._seen.move_to_end(user.id)
        while len(self._seen) > MAX_SEEN:
            self._seen.popitem(last=False)
