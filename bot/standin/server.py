"""A local Telegram Bot API stand-in on 127.0.0.1 for tests and ``newsbrief console``.

It answers the methods the bot uses the way Telegram does, including Telegram's errors (400 for
bad HTML or over-long text, 403 for a chat that blocked the bot, 429 with ``retry_after``), keeps
what the bot sent, and lets a test or the console act as users: send text, reply, attach a
document, press an inline button, type an inline query.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import tornado.httpserver
import tornado.httputil
import tornado.netutil
import tornado.web

from bot.standin.html import check_text

log = logging.getLogger(__name__)

BOT_ID = 7_000_000_001
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram's cloud Bot API does


@dataclass
class Sent:
    """One call the bot made that put something in a chat (or tried to)."""

    method: str
    chat_id: int | None
    text: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    message_id: int | None
    at: float  # time.monotonic()
    wall: float  # time.time()
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def buttons(self) -> list[str]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button["text"] for row in rows for button in row]


@dataclass
class Fault:
    """A forced answer for the next sends: 429 with retry_after, 5xx, or a delay."""

    status: int
    remaining: int
    retry_after: int = 1
    chat_id: int | None = None


class TelegramError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


class StandIn:
    """The Bot API double. ``async with StandIn() as api:`` starts it on a free local port."""

    def __init__(self, token: str = "123456:TEST-TOKEN", username: str = "newsbrief_bot") -> None:
        self.token = token
        self.username = username
        self.port = 0
        self._server: tornado.httpserver.HTTPServer | None = None
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._updates: list[dict[str, Any]] = []
        self._new_update = asyncio.Event()
        self._new_record = asyncio.Event()
        self.sent: list[Sent] = []
        self.rejected: list[tuple[str, int, str]] = []  # (method, status, description)
        self.calls: defaultdict[str, int] = defaultdict(int)
        self.inline_answers: list[dict[str, Any]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.commands: list[dict[str, Any]] = []
        self.blocked: dict[int, str] = {}
        self.known_chats: set[int] = set()
        self.faults: list[Fault] = []
        self.delay = 0.0
        self.auto_register = False  # when true, any chat id counts as known (broadcast tests)
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._files: dict[str, tuple[bytes, str]] = {}
        self._cursor: defaultdict[int, int] = defaultdict(int)
        self.webhook_url = ""

    # -- life cycle ---------------------------------------------------------------------------

    async def start(self, port: int = 0) -> StandIn:
        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/(\w+)", _ApiHandler, {"standin": self}),
                (r"/file/bot([^/]+)/(.+)", _FileHandler, {"standin": self}),
            ],
            log_function=lambda handler: None,  # the stand-in's own calls are recorded, not logged
        )
        self._server = tornado.httpserver.HTTPServer(app, max_body_size=64 * 1024 * 1024)
        sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> StandIn:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """The value for ``TELEGRAM_API_URL``."""
        return f"http://127.0.0.1:{self.port}"

    # -- acting as users ------------------------------------------------------------------------

    @staticmethod
    def user(user_id: int, first_name: str = "Reader", username: str | None = None) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}
        if username:
            user["username"] = username
        return user

    def _message(self, user_id: int, chat_id: int | None, **fields: Any) -> dict[str, Any]:
        chat_id = chat_id if chat_id is not None else user_id
        self.known_chats.add(chat_id)
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Reader"},
            "from": self.user(user_id),
            **fields,
        }
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def send_text(
        self, user_id: int, text: str, *, chat_id: int | None = None, reply_to: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """A user types ``text``; commands get a ``bot_command`` entity as Telegram adds one."""
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0].split("\n")[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            fields["reply_to_message"] = reply_to
        message = self._message(user_id, chat_id, **fields)
        self._push({"message": message})
        return message

    def send_document(
        self,
        user_id: int,
        data: bytes,
        file_name: str,
        mime_type: str = "text/plain",
        caption: str | None = None,
        *,
        chat_id: int | None = None,
    ) -> dict[str, Any]:
        """A user attaches a file (with an optional caption such as ``/post``)."""
        file_id = f"doc{next(self._file_ids)}"
        self._files[file_id] = (data, f"documents/{file_id}_{file_name}")
        fields: dict[str, Any] = {
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": file_name,
                "mime_type": mime_type,
                "file_size": len(data),
            }
        }
        if caption is not None:
            fields["caption"] = caption
            if caption.startswith("/"):
                command = caption.split(maxsplit=1)[0]
                fields["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        message = self._message(user_id, chat_id, **fields)
        self._push({"message": message})
        return message

    def press_button(self, user_id: int, sent: Sent, text: str) -> dict[str, Any]:
        """A user presses the inline button labelled ``text`` under a message the bot sent."""
        rows = (sent.reply_markup or {}).get("inline_keyboard", [])
        for row in rows:
            for button in row:
                if button["text"] == text and "callback_data" in button:
                    message = self._messages.get((sent.chat_id, sent.message_id)) or {}
                    query = {
                        "id": str(next(self._update_ids) * 1000),
                        "from": self.user(user_id),
                        "chat_instance": str(sent.chat_id),
                        "data": button["callback_data"],
                        "message": message,
                    }
                    self._push({"callback_query": query})
                    return query
        raise LookupError(f"no button {text!r} under message {sent.message_id}; buttons: {sent.buttons}")

    def inline_query(self, user_id: int, query: str) -> str:
        query_id = str(next(self._update_ids) * 1000 + 1)
        self._push(
            {"inline_query": {"id": query_id, "from": self.user(user_id), "query": query, "offset": ""}}
        )
        return query_id

    def release_polls(self) -> None:
        """Answer waiting long polls now (with no updates), so a stopping bot need not wait."""
        self._new_update.set()

    def _push(self, payload: dict[str, Any]) -> None:
        self._updates.append({"update_id": next(self._update_ids), **payload})
        self._new_update.set()

    # -- what the bot did -----------------------------------------------------------------------

    async def replies(self, chat_id: int, count: int = 1, timeout: float = 15.0) -> list[Sent]:
        """The next ``count`` messages (or edits) the bot made in ``chat_id`` that a test has not read."""
        deadline = time.monotonic() + timeout
        while True:
            unread = [s for s in self.sent if s.chat_id == chat_id][self._cursor[chat_id] :]
            if len(unread) >= count:
                self._cursor[chat_id] += count
                return unread[:count]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"chat {chat_id}: wanted {count} new messages, got {len(unread)}: "
                    f"{[u.text for u in unread]}; rejected: {self.rejected[-3:]}"
                )
            self._new_record.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_record.wait(), remaining)

    async def reply(self, chat_id: int, timeout: float = 15.0) -> Sent:
        return (await self.replies(chat_id, 1, timeout))[0]

    async def quiet(self, chat_id: int, seconds: float = 0.5) -> list[Sent]:
        """Wait ``seconds`` and return whatever unread messages arrived in the chat (maybe none)."""
        await asyncio.sleep(seconds)
        unread = [s for s in self.sent if s.chat_id == chat_id][self._cursor[chat_id] :]
        self._cursor[chat_id] += len(unread)
        return unread

    def delivered(self, method: str = "sendMessage") -> list[Sent]:
        return [s for s in self.sent if s.method == method]

    def max_per_window(self, window: float = 1.0, chat_id: int | None = None) -> int:
        """Most successful sends in any ``window``-second interval (overall or to one chat)."""
        times = sorted(s.at for s in self.sent if chat_id is None or s.chat_id == chat_id)
        best, low = 0, 0
        for high, at in enumerate(times):
            while at - times[low] >= window:
                low += 1
            best = max(best, high - low + 1)
        return best

    # -- fault injection ------------------------------------------------------------------------

    def block(self, chat_id: int, description: str = "Forbidden: bot was blocked by the user") -> None:
        self.blocked[chat_id] = description

    def fail_next(
        self, count: int, status: int = 429, retry_after: int = 1, chat_id: int | None = None
    ) -> None:
        """Answer the next ``count`` sends (to one chat, or any) with 429 or a 5xx."""
        self.faults.append(Fault(status, count, retry_after, chat_id))

    # -- the API --------------------------------------------------------------------------------

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        self.calls[method] += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            raise TelegramError(404, "Not Found")
        return await handler(params) if asyncio.iscoroutinefunction(handler) else handler(params)

    def _chat(self, params: dict[str, Any]) -> int:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, ValueError, TypeError):
            raise TelegramError(400, "Bad Request: chat not found") from None
        if chat_id in self.blocked:
            raise TelegramError(403, self.blocked[chat_id])
        for fault in self.faults:
            if fault.remaining > 0 and fault.chat_id in (None, chat_id):
                fault.remaining -= 1
                if fault.status == 429:
                    raise TelegramError(
                        429,
                        f"Too Many Requests: retry after {fault.retry_after}",
                        {"retry_after": fault.retry_after},
                    )
                raise TelegramError(
                    fault.status, "Bad Gateway" if fault.status == 502 else "Internal Server Error"
                )
        self.faults = [f for f in self.faults if f.remaining > 0]
        if chat_id not in self.known_chats and not self.auto_register:
            raise TelegramError(400, "Bad Request: chat not found")
        return chat_id

    def _record(
        self, method: str, chat_id: int | None, params: dict[str, Any], message_id: int | None
    ) -> Sent:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        sent = Sent(
            method,
            chat_id,
            params.get("text") or params.get("caption"),
            params.get("parse_mode"),
            markup,
            message_id,
            time.monotonic(),
            time.time(),
            params,
        )
        self.sent.append(sent)
        self._new_record.set()
        return sent

    def _check_markup(self, params: dict[str, Any]) -> None:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    raise TelegramError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _bot_message(self, chat_id: int, message_id: int, params: dict[str, Any]) -> dict[str, Any]:
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "newsbrief", "username": self.username},
            "text": params.get("text", ""),
        }
        markup = params.get("reply_markup")
        if markup:
            message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
        self._messages[(chat_id, message_id)] = message
        return message

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "newsbrief",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        limit = int(params.get("limit") or 100)
        return self._updates[:limit]

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat(params)
        problem = check_text(params.get("text"), params.get("parse_mode"))
        if problem:
            raise TelegramError(400, problem)
        self._check_markup(params)
        message_id = next(self._message_ids)
        self._record("sendMessage", chat_id, params, message_id)
        return self._bot_message(chat_id, message_id, params)

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat(params)
        message_id = int(params.get("message_id") or 0)
        if (chat_id, message_id) not in self._messages:
            raise TelegramError(400, "Bad Request: message to edit not found")
        problem = check_text(params.get("text"), params.get("parse_mode"))
        if problem:
            raise TelegramError(400, problem)
        self._check_markup(params)
        old = self._messages[(chat_id, message_id)]
        if old.get("text") == params.get("text") and old.get("reply_markup") == params.get("reply_markup"):
            raise TelegramError(400, "Bad Request: message is not modified")
        self._record("editMessageText", chat_id, params, message_id)
        return self._bot_message(chat_id, message_id, params)

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        self.callback_answers.append(params)
        return True

    def _api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if isinstance(results, str):
            results = json.loads(results)
        for result in results:
            content = result.get("input_message_content") or {}
            problem = check_text(content.get("message_text"), content.get("parse_mode"))
            if problem:
                raise TelegramError(400, problem)
        self.inline_answers.append({**params, "results": results})
        self._new_record.set()
        return True

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self._files:
            raise TelegramError(400, "Bad Request: invalid file_id")
        data, path = self._files[file_id]
        if len(data) > MAX_DOWNLOAD:
            raise TelegramError(400, "Bad Request: file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(data),
            "file_path": path,
        }

    def file_bytes(self, path: str) -> bytes | None:
        for data, stored in self._files.values():
            if stored == path:
                return data
        return None

    def _api_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._chat(params)
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        self.commands = json.loads(commands) if isinstance(commands, str) else commands
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.commands

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = str(params.get("url") or "")
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    def _api_logOut(self, params: dict[str, Any]) -> bool:
        return True


def _params(request: tornado.httputil.HTTPServerRequest) -> dict[str, Any]:
    content_type = request.headers.get("Content-Type", "")
    if "application/json" in content_type and request.body:
        return json.loads(request.body)
    params: dict[str, Any] = {}
    for source in (request.query_arguments, request.body_arguments):
        for key, values in source.items():
            params[key] = values[-1].decode("utf-8")
    for key, value in params.items():
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, standin: StandIn) -> None:
        self.standin = standin

    def check_xsrf_cookie(self) -> None:  # an API, not a form
        return None

    async def post(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def _answer(self, token: str, method: str) -> None:
        self.set_header("Content-Type", "application/json")
        if token != self.standin.token:
            self.set_status(401)
            self.finish(json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}))
            return
        try:
            result = await self.standin.call(method, _params(self.request))
        except TelegramError as exc:
            if exc.status != 404:
                self.standin.rejected.append((method, exc.status, exc.description))
            body: dict[str, Any] = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
            self.set_status(exc.status)
            self.finish(json.dumps(body))
            return
        self.finish(json.dumps({"ok": True, "result": result}))


class _FileHandler(tornado.web.RequestHandler):
    def initialize(self, standin: StandIn) -> None:
        self.standin = standin

    def get(self, token: str, path: str) -> None:
        data = self.standin.file_bytes(path) if token == self.standin.token else None
        if data is None:
            self.set_status(404)
            self.finish(json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}))
            return
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(data)
