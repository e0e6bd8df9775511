"""Admin /channel add @name, /channel list, /channel remove id: channels each new story is posted to."""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from bot.handlers.common import answer, db_of, is_admin, parse_id, tr_of
from bot.render import channels as render
from bot.render import messages
from storage import channels

log = logging.getLogger(__name__)
_HANDLE = re.compile(r"^@[A-Za-z][A-Za-z0-9_]{3,31}$")


async def channel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    args = context.args or []
    action = args[0].lower() if args else ""
    if action == "add" and len(args) == 2 and _HANDLE.match(args[1]):
        await _add(update, context, args[1])
    elif action == "list" and len(args) == 1:
        for text in render.channel_list(await channels.all_channels(db_of(context))):
            await answer(update, text)
    elif action in ("remove", "delete") and len(args) == 2 and (channel_id := parse_id(args[1])) is not None:
        await _remove(update, context, channel_id)
    else:
        await answer(update, render.USAGE)


async def _add(update: Update, context: ContextTypes.DEFAULT_TYPE, handle: str) -> None:
    """Link a channel once Telegram confirms it is a channel where the bot may post."""
    bot = context.bot
    try:
        chat = await bot.get_chat(handle)
        if chat.type != ChatType.CHANNEL:
            await answer(update, render.not_a_channel(handle))
            return
        member = await bot.get_chat_member(chat.id, bot.id)
    except (BadRequest, Forbidden) as exc:
        log.info("channel %s not linked: %s", handle, exc.message)
        await answer(update, render.not_found(handle))
        return
    if member.status != ChatMemberStatus.ADMINISTRATOR or not getattr(member, "can_post_messages", False):
        await answer(update, render.not_admin(handle))
        return
    linked, new = await channels.link(
        db_of(context), chat.id, chat.username, chat.title, update.effective_user.id
    )
    await answer(update, render.linked(linked, new))


async def _remove(update: Update, context: ContextTypes.DEFAULT_TYPE, channel_id: int) -> None:
    db = db_of(context)
    found = await channels.get(db, channel_id)
    if found is None or not await channels.remove(db, channel_id):
        await answer(update, render.no_such_channel(channel_id))
        return
    await answer(update, render.removed(found))
