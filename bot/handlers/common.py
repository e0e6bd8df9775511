"""What every handler needs: the database and settings from ``bot_data``, admin checks, id parsing."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.i18n import Translator, translator
from storage.db import Database

BAD = -1  # parse_article_id: the argument is not an article id
#: An id as typed: ASCII digits only (``str.isdigit`` also takes "²" and "①", which ``int`` refuses),
#: and short enough for SQLite's 64-bit integers.
_ID = re.compile(r"#?([0-9]{1,12})")


def db_of(context: ContextTypes.DEFAULT_TYPE) -> Database:
    return context.bot_data["db"]


def settings_of(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    return context.bot_data["settings"]


def tr_of(update: Update) -> Translator:
    """The interface language of whoever sent the update (Telegram's ``language_code``; English fallback)."""
    user = update.effective_user
    return translator(user.language_code if user is not None else None)


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in settings_of(context).admins


def parse_article_id(args: list[str] | None) -> int | None:
    """None for no argument, the id for one positive number, BAD for anything else."""
    if not args:
        return None
    number = parse_id(args[0]) if len(args) == 1 else None
    return number if number is not None else BAD


def parse_id(text: str) -> int | None:
    """A positive id from ``12`` or ``#12`` (ASCII digits, at most 12 of them); None otherwise."""
    match = _ID.fullmatch(text.strip())
    if match is None:
        return None
    number = int(match[1])
    return number if number > 0 else None


async def answer(update: Update, text: str, **kwargs: object) -> None:
    """Reply in the chat the update came from."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(text, **kwargs)
