"""Bot API methods that put something in a chat or answer a user: send, edit, delete, answer.

Checks run in the order the real service applies them: the request's own content first (400),
then ``World.admit``: whether the chat exists (400) and, in the tests' stand-in, injected flood
control and server faults (429, 5xx) and whether the user blocked the bot (403).
"""

from __future__ import annotations

import re
import time
from typing import Any

from bot.localapi.html import check_message
from bot.localapi.records import ApiError, Sent
from bot.localapi.world import World

Params = dict[str, Any]
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
OLD_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def int_param(params: Params, key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ApiError(400, f"Bad Request: invalid {key} specified") from None


def truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def chat_id_param(world: World, params: Params) -> int:
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
    """Raise what Telegram would answer instead of delivering (unknown chat; a test double adds more)."""
    world.admit(method, chat_id)


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
    chat_id = chat_id_param(world, params)
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
        target = world.messages.get((int(reply.get("chat_id") or chat_id), int_param({"id": reply_id}, "id")))
        allow = truthy(reply.get("allow_sending_without_reply")) or truthy(
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
    chat_id = chat_id_param(world, params)
    message_id = int_param(params, "message_id", 0)
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
    chat_id = chat_id_param(world, params)
    if world.messages.pop((chat_id, int_param(params, "message_id", 0)), None) is None:
        raise ApiError(400, "Bad Request: message to delete not found")
    return True


def send_chat_action(world: World, params: Params) -> bool:
    chat_id = chat_id_param(world, params)
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
