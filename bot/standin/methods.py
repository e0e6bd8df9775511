"""The Bot API methods the stand-in answers, each a small function of (world, params).

Checks run in the order the real service applies them: the request's own content first (400),
then whether the chat exists (400), then flood control and server faults (429, 5xx), then
whether the user blocked the bot (403).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.standin.html import check_message
from bot.standin.records import SEND_METHODS, ApiError, Rejected, Sent
from bot.standin.state import DEFAULT_UPDATES, World, scope_key

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
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
OLD_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
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


def _int(params: Params, key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ApiError(400, f"Bad Request: invalid {key} specified") from None


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _chat_id(world: World, params: Params) -> int:
    value = params.get("chat_id")
    if value in (None, ""):
        raise ApiError(400, "Bad Request: chat_id is empty")
    if isinstance(value, str) and value.startswith("@"):
        for chat in world.chats.values():
            if chat.get("username", "").lower() == value[1:].lower():
                return int(chat["id"])
        raise ApiError(400, "Bad Request: chat not found")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(400, "Bad Request: chat not found") from None


def _deliverable(world: World, method: str, chat_id: int) -> None:
    """Chat exists, no injected fault strikes, the user has not blocked the bot; else raise."""
    if not world.is_known(chat_id):
        raise ApiError(400, "Bad Request: chat not found")
    at = time.monotonic()
    world.attempts.append((method, chat_id, at))
    for fault in world.faults:
        if fault.strikes(method, chat_id, at):
            raise fault.error()
    if world.faults:
        world.faults = [f for f in world.faults if not f.expired(at)]
    if chat_id in world.blocked:
        raise ApiError(403, world.blocked[chat_id])


def _check_markup(markup: Any) -> dict[str, Any] | None:
    if markup in (None, ""):
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup  # reply keyboards, ForceReply, ReplyKeyboardRemove: not checked
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError(
            400, 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
        )
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise ApiError(
                    400,
                    "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and not re.match(r"^(https?|tg)://\S+$", str(url)):
                raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")
            actions = {
                "callback_data",
                "url",
                "switch_inline_query",
                "switch_inline_query_current_chat",
                "switch_inline_query_chosen_chat",
                "web_app",
                "login_url",
                "pay",
                "callback_game",
                "copy_text",
            }
            if not actions.intersection(button):
                raise ApiError(
                    400,
                    "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                )
    return markup


def _bot_message(
    world: World, chat_id: int, message_id: int, text: str, entities: list[Any], markup: dict[str, Any] | None
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": message_id,
        "from": {"id": world.bot_id, "is_bot": True, "first_name": "newsbrief", "username": world.username},
        "chat": world.chat(chat_id),
        "date": int(time.time()),
        "text": text,
    }
    if entities:
        message["entities"] = entities
    if markup and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    return message


def _record(
    world: World,
    method: str,
    chat_id: int | None,
    params: Params,
    message_id: int | None,
    markup: dict[str, Any] | None,
    visible: str,
) -> None:
    text = params.get("text")
    world.record(
        Sent(
            method,
            chat_id,
            text,
            params.get("parse_mode"),
            markup,
            message_id,
            time.monotonic(),
            time.time(),
            params,
            visible,
        )
    )


def send_message(world: World, params: Params) -> dict[str, Any]:
    chat_id = _chat_id(world, params)
    try:
        parsed = check_message(params.get("text"), params.get("parse_mode"), world.strict_ampersand)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    if isinstance(params.get("entities"), list) and not params.get("parse_mode"):
        parsed.entities = params["entities"]
    markup = _check_markup(params.get("reply_markup"))
    _deliverable(world, "sendMessage", chat_id)
    reply = params.get("reply_parameters") or {}
    reply_id = reply.get("message_id") if isinstance(reply, dict) else None
    reply_id = reply_id or params.get("reply_to_message_id")
    target = None
    if reply_id:
        target = world.messages.get((int(reply.get("chat_id") or chat_id), _int({"id": reply_id}, "id")))
        allow = _truthy(reply.get("allow_sending_without_reply")) or _truthy(
            params.get("allow_sending_without_reply")
        )
        if target is None and not allow:
            raise ApiError(400, "Bad Request: message to be replied not found")
    message_id = next(world._message_ids[chat_id])
    message = _bot_message(world, chat_id, message_id, parsed.text, parsed.entities, markup)
    if target is not None:
        message["reply_to_message"] = {k: v for k, v in target.items() if k != "reply_to_message"}
    world.messages[(chat_id, message_id)] = message
    _record(world, "sendMessage", chat_id, params, message_id, markup, parsed.text)
    return message


def _editable(world: World, params: Params) -> tuple[int, int, dict[str, Any]]:
    chat_id = _chat_id(world, params)
    message_id = _int(params, "message_id", 0)
    message = world.messages.get((chat_id, message_id))
    if message is None:
        raise ApiError(400, "Bad Request: message to edit not found")
    if message.get("from", {}).get("id") != world.bot_id:
        raise ApiError(400, "Bad Request: message can't be edited")
    return chat_id, message_id, message


def edit_message_text(world: World, params: Params) -> dict[str, Any] | bool:
    try:
        parsed = check_message(params.get("text"), params.get("parse_mode"), world.strict_ampersand)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    markup = _check_markup(params.get("reply_markup"))
    if params.get("inline_message_id"):
        _record(world, "editMessageText", None, params, None, markup, parsed.text)
        return True
    chat_id, message_id, old = _editable(world, params)
    if (old.get("text"), old.get("entities", []), old.get("reply_markup")) == (
        parsed.text,
        parsed.entities,
        markup,
    ):
        raise ApiError(400, NOT_MODIFIED)
    _deliverable(world, "editMessageText", chat_id)
    message = _bot_message(world, chat_id, message_id, parsed.text, parsed.entities, markup)
    message["date"], message["edit_date"] = old["date"], int(time.time())
    world.messages[(chat_id, message_id)] = message
    _record(world, "editMessageText", chat_id, params, message_id, markup, parsed.text)
    return message


def edit_message_reply_markup(world: World, params: Params) -> dict[str, Any] | bool:
    markup = _check_markup(params.get("reply_markup"))
    if params.get("inline_message_id"):
        return True
    chat_id, message_id, old = _editable(world, params)
    if old.get("reply_markup") == markup:
        raise ApiError(400, NOT_MODIFIED)
    _deliverable(world, "editMessageReplyMarkup", chat_id)
    message = {**old, "edit_date": int(time.time())}
    message.pop("reply_markup", None)
    if markup:
        message["reply_markup"] = markup
    world.messages[(chat_id, message_id)] = message
    world.record(
        Sent(
            "editMessageReplyMarkup",
            chat_id,
            old.get("text"),
            None,
            markup,
            message_id,
            time.monotonic(),
            time.time(),
            params,
            old.get("text", ""),
        )
    )
    return message


def delete_message(world: World, params: Params) -> bool:
    chat_id = _chat_id(world, params)
    if world.messages.pop((chat_id, _int(params, "message_id", 0)), None) is None:
        raise ApiError(400, "Bad Request: message to delete not found")
    return True


def send_chat_action(world: World, params: Params) -> bool:
    chat_id = _chat_id(world, params)
    if not params.get("action"):
        raise ApiError(400, "Bad Request: action is empty")
    _deliverable(world, "sendChatAction", chat_id)
    return True


def answer_callback_query(world: World, params: Params) -> bool:
    query_id = str(params.get("callback_query_id", ""))
    if query_id not in world.open_queries:
        raise ApiError(400, OLD_QUERY)
    world.open_queries.discard(query_id)
    world.callback_answers.append(params)
    world._wake(world._record_waiters)
    return True


def answer_inline_query(world: World, params: Params) -> bool:
    query_id = str(params.get("inline_query_id", ""))
    if query_id not in world.open_queries:
        raise ApiError(400, OLD_QUERY)
    results = params.get("results")
    if not isinstance(results, list):
        raise ApiError(400, "Bad Request: can't parse results JSON object")
    if len(results) > 50:
        raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        result_id = str(result.get("id", ""))
        if not 1 <= len(result_id.encode()) <= 64:
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        if result_id in seen:
            raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        seen.add(result_id)
        if result.get("type") == "article" and not str(result.get("title", "")).strip():
            raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
        content = result.get("input_message_content")
        if content is None and result.get("type") == "article":
            raise ApiError(
                400, "Bad Request: input_message_content is required for inline query result of type article"
            )
        if content is not None and "message_text" in content:
            try:
                check_message(content.get("message_text"), content.get("parse_mode"), world.strict_ampersand)
            except ValueError as exc:
                raise ApiError(400, str(exc)) from None
        _check_markup(result.get("reply_markup"))
    world.open_queries.discard(query_id)
    world.inline_answers[query_id] = {**params, "results": results}
    world._wake(world._record_waiters)
    return True


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
    offset = _int(params, "offset", 0)
    if offset > 0:
        world.updates = [u for u in world.updates if u["update_id"] >= offset]
    elif offset < 0:
        world.updates = world.updates[offset:]
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        world.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATES
    limit = min(max(_int(params, "limit", 100), 1), 100)
    deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0)
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
    if _truthy(params.get("drop_pending_updates")):
        world.updates.clear()
    if isinstance(params.get("allowed_updates"), list):
        world.allowed_updates = frozenset(params["allowed_updates"]) or DEFAULT_UPDATES
    world.webhook = {"url": url, "secret_token": secret or None}
    world._wake(world._update_waiters)
    return True


def delete_webhook(world: World, params: Params) -> bool:
    if _truthy(params.get("drop_pending_updates")):
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
    chat_id = _chat_id(world, params)
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
_LOWER = {name.lower(): function for name, function in METHODS.items()}


async def call(world: World, method: str, params: Params) -> Any:
    """Answer one Bot API call; raises ApiError with Telegram's status and description."""
    function = _LOWER.get(method.lower())  # Telegram's method names are case-insensitive
    if function is None:
        raise ApiError(404, "Not Found")
    name = function.__name__
    world.calls[method] += 1
    if world.delay and name != "get_updates":
        await asyncio.sleep(world.delay)
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
