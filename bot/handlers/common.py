"""What every handler needs: the database and settings from ``bot_data``, admin checks, id parsing."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import Settings
from storage.db import Database

BAD = -1  # parse_article_id: the argument is not an article id


def db_of(context: ContextTypes.DEFAULT_TYPE) -> Database:
    return context.bot_data["db"]


def settings_of(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    return context.bot_data["settings"]


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in settings_of(context).admins


def parse_article_id(args: list[str] | None) -> int | None:
    """None for no argument, the id for one positive number, BAD for anything else."""
    if not args:
        return None
    if len(args) == 1 and args[0].lstrip("#").isdigit() and len(args[0]) <= 12:
        number = int(args[0].lstrip("#"))
        return number if number > 0 else BAD
    return BAD


async def answer(update: Update, text: str, **kwargs: object) -> None:
    """Reply in the chat the update came from."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(text, **kwargs)
