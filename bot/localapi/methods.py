"""The Bot API methods the local API answers, each a small function of (world, params), and dispatch.

Chat-facing methods live in ``messaging``; here are the bot's own: getMe, getUpdates, getFile,
commands, webhooks.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.localapi.channels import METHODS as CHANNEL_METHODS
from bot.localapi.messaging import (
    answer_callback_query,
    answer_inline_query,
    chat_id_param,
    delete_message,
    edit_message_reply_markup,
    edit_message_text,
    int_param,
    send_chat_action,
    send_message,
    truthy,
)
from bot.localapi.records import SEND_METHODS, ApiError, Rejected
from bot.localapi.world import DEFAULT_UPDATES, World, scope_key

MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram's cloud Bot API does
#: Parameters that carry JSON objects or lists when sent form-encoded.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "link_preview_options",
        "reply_parameters",
        "results",
        "commands",
        "allowed_updates",
        "scope",
        "entities",
        "caption_entities",
        "button",
        "menu_button",
    }
)
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

Params = dict[str, Any]
Method = Callable[[World, Params], Any]


def decode_params(pairs: dict[str, str]) -> Params:
    """Form fields as Telegram reads them: JSON objects in the fields that carry them."""
    params: Params = dict(pairs)
    for key in JSON_FIELDS.intersection(params):
        value = params[key]
        if isinstance(value, str):
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from None
    return params


def get_file(world: World, params: Params) -> dict[str, Any]:
    file_id = str(params.get("file_id", ""))
    if file_id not in world.files:
        raise ApiError(400, "Bad Request: invalid file_id")
    data, path = world.files[file_id]
    if len(data) > MAX_DOWNLOAD:
        raise ApiError(400, "Bad Request: file is too big")
    unique = "AgAD" + file_id[-6:]
    return {"file_id": file_id, "file_unique_id": unique, "file_size": len(data), "file_path": path}


async def get_updates(world: World, params: Params) -> list[dict[str, Any]]:
    if world.webhook["url"]:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        )
    world.poll_generation += 1
    generation, releases = world.poll_generation, world.releases
    world._wake(world._update_waiters)  # an older long poll ends with 409, as on Telegram
    offset = int_param(params, "offset", 0)
    if offset > 0:
        world.updates = [u for u in world.updates if u["update_id"] >= offset]
    elif offset < 0:
        world.updates = world.updates[offset:]
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        world.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATES
    limit = min(max(int_param(params, "limit", 100), 1), 100)
    deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0)
    world.polls_in_flight += 1
    try:
        while not world.updates:
            remaining = deadline - time.monotonic()
            woken = remaining > 0 and await world._wait(world._update_waiters, remaining)
            if world.poll_generation != generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
            if not woken or world.closing or world.releases != releases:
                break
    finally:
        world.polls_in_flight -= 1
    return world.updates[:limit]


def set_my_commands(world: World, params: Params) -> bool:
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError(400, "Bad Request: can't parse commands JSON object")
    for command in commands:
        if not _COMMAND.match(str(command.get("command", "")).lstrip("/")):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
            raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
    world.scoped_commands[_scope_key(params)] = commands
    return True


def _scope_key(params: Params) -> str:
    return scope_key(params.get("scope"), params.get("language_code"))


def get_my_commands(world: World, params: Params) -> list[dict[str, Any]]:
    return world.scoped_commands.get(_scope_key(params), [])


def delete_my_commands(world: World, params: Params) -> bool:
    world.scoped_commands.pop(_scope_key(params), None)
    return True


def set_webhook(world: World, params: Params) -> bool:
    url = str(params.get("url") or "")
    secret = params.get("secret_token")
    if secret and not _SECRET.match(str(secret)):
        raise ApiError(400, "Bad Request: secret token contains unallowed characters")
    if url and not re.match(r"^https?://", url):
        raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
    if truthy(params.get("drop_pending_updates")):
        world.updates.clear()
    if isinstance(params.get("allowed_updates"), list):
        world.allowed_updates = frozenset(params["allowed_updates"]) or DEFAULT_UPDATES
    world.webhook = {"url": url, "secret_token": secret or None}
    world._wake(world._update_waiters)
    return True


def delete_webhook(world: World, params: Params) -> bool:
    if truthy(params.get("drop_pending_updates")):
        world.updates.clear()
    world.webhook = {"url": "", "secret_token": None}
    return True


def get_webhook_info(world: World, params: Params) -> dict[str, Any]:
    info: dict[str, Any] = {
        "url": world.webhook["url"],
        "has_custom_certificate": False,
        "pending_update_count": len(world.updates),
    }
    if world.webhook.get("last_error_message"):
        info["last_error_date"] = world.webhook["last_error_date"]
        info["last_error_message"] = world.webhook["last_error_message"]
    return info


def get_me(world: World, params: Params) -> dict[str, Any]:
    return {
        "id": world.bot_id,
        "is_bot": True,
        "first_name": "newsbrief",
        "username": world.username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def get_chat(world: World, params: Params) -> dict[str, Any]:
    chat_id = chat_id_param(world, params)
    if chat_id not in world.chats:
        raise ApiError(400, "Bad Request: chat not found")
    return {**world.chats[chat_id], "accent_color_id": 0, "max_reaction_count": 11}


def _true(world: World, params: Params) -> bool:
    return True


METHODS: dict[str, Method] = {
    "getMe": get_me,
    "getUpdates": get_updates,  # type: ignore[dict-item]
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "sendChatAction": send_chat_action,
    "answerCallbackQuery": answer_callback_query,
    "answerInlineQuery": answer_inline_query,
    "getFile": get_file,
    "getChat": get_chat,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setMyDescription": _true,
    "setMyShortDescription": _true,
    "setChatMenuButton": _true,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "close": _true,
    "logOut": _true,
}
METHODS.update(CHANNEL_METHODS)  # getChatMember, and sendMessage that knows the bot's channel rights
_LOWER = {name.lower(): function for name, function in METHODS.items()}


async def call(world: World, method: str, params: Params) -> Any:
    """Answer one Bot API call; raises ApiError with Telegram's status and description."""
    function = _LOWER.get(method.lower())  # Telegram's method names are case-insensitive
    if function is None:
        raise ApiError(404, "Not Found")
    name = function.__name__
    world.calls[method] += 1
    world._wake(world._record_waiters)  # so wait_until() can watch calls too
    if name != "get_updates":
        await world.before_call(method)
    try:
        result = function(world, params)
        if isinstance(result, Awaitable):
            result = await result
    except ApiError as exc:
        chat = params.get("chat_id")
        chat_id = int(chat) if isinstance(chat, int | str) and str(chat).lstrip("-").isdigit() else None
        world.rejected.append(
            Rejected(method, exc.status, exc.description, chat_id, time.monotonic(), params)
        )
        world._wake(world._record_waiters)
        raise
    return result


__all__ = ["METHODS", "SEND_METHODS", "call", "decode_params"]
