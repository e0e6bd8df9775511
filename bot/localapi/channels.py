"""Channels in the in-memory Bot API: a channel with a public @name, the bot's rights in it,
and sends to a channel refused as Telegram refuses them once the bot is no longer its admin."""

from __future__ import annotations

from typing import Any

from bot.localapi.messaging import chat_id_param, int_param, send_message
from bot.localapi.records import ApiError
from bot.localapi.world import World, on_serving_loop

Params = dict[str, Any]
_ADMIN_RIGHTS = (
    "can_be_edited",
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_edit_messages",
)


def _rights(world: World) -> dict[int, str]:
    """The bot's role per channel: 'poster' (admin allowed to post), 'admin' (admin without
    the right to post), 'member' or 'left'."""
    return world.__dict__.setdefault("channel_rights", {})


@on_serving_loop
def add_channel(world: World, chat_id: int, username: str, title: str, bot_role: str = "poster") -> None:
    """A public channel ``@username``; ``bot_role`` as in ``set_bot_role``."""
    world.chats[chat_id] = {"id": chat_id, "type": "channel", "title": title, "username": username}
    _rights(world)[chat_id] = bot_role


@on_serving_loop
def set_bot_role(world: World, chat_id: int, role: str) -> None:
    """The channel's owner changes the bot's rights: 'poster', 'admin', 'member' or 'left'."""
    _rights(world)[chat_id] = role


def get_chat_member(world: World, params: Params) -> dict[str, Any]:
    chat_id = chat_id_param(world, params)
    user_id = int_param(params, "user_id")
    if chat_id not in world.chats:
        raise ApiError(400, "Bad Request: chat not found")
    chat = world.chats[chat_id]
    if user_id == world.bot_id:
        user = {"id": world.bot_id, "is_bot": True, "first_name": "newsbrief", "username": world.username}
        role = _rights(world).get(chat_id, "member")
        if chat["type"] == "channel" and role == "left":
            raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
        if role in ("poster", "admin"):
            member = {"user": user, "status": "administrator", **dict.fromkeys(_ADMIN_RIGHTS, False)}
            member.update(can_manage_chat=True, can_post_messages=role == "poster")
            return member
        return {"user": user, "status": role if role in ("member", "left") else "member"}
    if chat_id == user_id:
        return {"user": world.user(user_id), "status": "member"}
    return {"user": world.user(user_id), "status": "left"}


def send_to_chat(world: World, params: Params) -> dict[str, Any]:
    """sendMessage, refusing a channel where the bot may not post (as Telegram does)."""
    chat_id = chat_id_param(world, params)
    chat = world.chats.get(chat_id)
    if chat is not None and chat.get("type") == "channel":
        role = _rights(world).get(chat_id, "left")
        if role == "left":
            raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
        if role != "poster":
            raise ApiError(400, "Bad Request: need administrator rights in the channel chat")
    return send_message(world, params)


send_to_chat.__name__ = "send_message"  # recorded and timed as sendMessage
METHODS = {"getChatMember": get_chat_member, "sendMessage": send_to_chat}
