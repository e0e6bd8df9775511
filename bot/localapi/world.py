"""Telegram as the bot sees it, in memory: users and chats, their messages and files, pending updates.

Its methods may be called from another thread than the one answering the bot: wake-ups are handed
over to the serving loop, and ``async`` waits run there.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import itertools
import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from bot.localapi.records import ApiError, Rejected, Sent

T = TypeVar("T")
P = ParamSpec("P")
#: Update types Telegram sends when a bot never said which it wants (all but chat_member and reactions).
DEFAULT_UPDATES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "purchased_paid_media",
        "chat_boost",
        "removed_chat_boost",
    }
)


def scope_key(scope: dict[str, Any] | None, language_code: str | None) -> str:
    """Commands are kept per scope and language, as Telegram keeps them."""
    return json.dumps([scope or {"type": "default"}, language_code or ""], sort_keys=True)


def on_serving_loop(method: Callable[P, T]) -> Callable[P, T]:
    """Run a state-changing method on the serving loop when it is called from another thread."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        world: World = args[0]  # type: ignore[assignment]
        if world._on_loop():
            return method(*args, **kwargs)
        done: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            try:
                done.set_result(method(*args, **kwargs))
            except Exception as exc:  # handed to the calling thread
                done.set_exception(exc)

        world._loop.call_soon_threadsafe(run)  # type: ignore[union-attr]
        return done.result(timeout=30)

    return wrapper


class World:
    """Telegram as the bot sees it, minus the network."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        username: str = "newsbrief_bot",
        *,
        strict_ampersand: bool = True,
        auto_register: bool = False,
    ) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 7_000_000_001
        self.username = username
        #: A bare "&" is an error (Telegram itself would show it as text): catches unescaped text.
        self.strict_ampersand = strict_ampersand
        #: When true, any chat id counts as known (broadcast tests with thousands of subscribers).
        self.auto_register = auto_register
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}  # file_id -> (bytes, file_path)
        self.file_paths: dict[str, bytes] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATES
        self.webhook: dict[str, Any] = {"url": "", "secret_token": None}
        self.sent: list[Sent] = []
        self.rejected: list[Rejected] = []
        self.calls: Counter[str] = Counter()
        self.callback_answers: list[dict[str, Any]] = []
        self.inline_answers: dict[str, dict[str, Any]] = {}
        self.open_queries: set[str] = set()
        self.scoped_commands: dict[str, list[dict[str, Any]]] = {}  # by scope and language
        self.poll_generation = 0
        self.closing = False  # set on shutdown so hanging long polls end at once
        self.releases = 0  # bumped by release_polls()
        self.polls_in_flight = 0
        self._by_chat: defaultdict[int, list[Sent]] = defaultdict(list)
        self._cursor: defaultdict[int, int] = defaultdict(int)
        self._update_ids = itertools.count(1)
        self._message_ids: defaultdict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._query_ids = itertools.count(4_000_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._record_waiters: list[asyncio.Future[None]] = []
        self._update_waiters: list[asyncio.Future[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None

    # -- users and chats -------------------------------------------------------------------------

    @on_serving_loop
    def add_user(
        self, user_id: int, first_name: str = "Reader", username: str | None = None, language_code: str = "en"
    ) -> dict[str, Any]:
        """Make a user known by name (users are also made up on first use)."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        user["language_code"] = language_code
        self.users[user_id] = user
        return user

    def user(self, user_id: int) -> dict[str, Any]:
        return self.users.get(user_id) or self.add_user(user_id, f"Reader {user_id}")

    @on_serving_loop
    def register(self, *chat_ids: int) -> None:
        """Make chats known, as if each had written to the bot (so sends to them succeed)."""
        for chat_id in chat_ids:
            self.chat(chat_id)

    def chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id not in self.chats:
            if chat_id > 0:
                user = self.user(chat_id)
                chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
                if "username" in user:
                    chat["username"] = user["username"]
            else:
                chat = {"id": chat_id, "type": "supergroup", "title": f"Group {-chat_id}"}
            self.chats[chat_id] = chat
        return self.chats[chat_id]

    @property
    def commands(self) -> list[dict[str, Any]]:
        """The bot's command list for the default scope and language (``setMyCommands``)."""
        return self.scoped_commands.get(scope_key(None, None), [])

    @on_serving_loop
    def release_polls(self) -> None:
        """Answer waiting long polls now (with what is pending), so a stopping bot need not wait."""
        self.releases += 1
        self._wake(self._update_waiters)

    def is_known(self, chat_id: int) -> bool:
        return self.auto_register or chat_id in self.chats

    def push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for getUpdates; Telegram drops types the bot did not ask for."""
        if kind not in self.allowed_updates:
            return None
        update = {"update_id": next(self._update_ids), kind: payload}
        self.updates.append(update)
        self._wake(self._update_waiters)
        return update

    # -- records -----------------------------------------------------------------------------------

    def record(self, sent: Sent) -> None:
        self.sent.append(sent)
        if sent.chat_id is not None:
            self._by_chat[sent.chat_id].append(sent)
        self._wake(self._record_waiters)

    def messages_in(self, chat_id: int) -> list[Sent]:
        """Everything the bot sent or edited in a chat, read or not."""
        return list(self._by_chat.get(chat_id, ()))

    def delivered(self, method: str | None = "sendMessage") -> list[Sent]:
        return [s for s in self.sent if method is None or s.method == method]

    @on_serving_loop
    def reset_records(self) -> None:
        """Forget what was sent (users, chats, messages and files stay)."""
        self.sent.clear()
        self.rejected.clear()
        self.calls.clear()
        self._by_chat.clear()
        self._cursor.clear()

    # -- waiting (always on the serving loop) -----------------------------------------------------

    def _on_loop(self) -> bool:
        return self._loop is None or self._loop_thread == threading.get_ident()

    def _wake(self, waiters: list[asyncio.Future[None]]) -> None:
        if not waiters:
            return
        if not self._on_loop():
            self._loop.call_soon_threadsafe(self._wake, waiters)  # type: ignore[union-attr]
            return
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
        waiters.clear()

    async def _run_on_loop(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._on_loop():
            return await coro
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self._loop))  # type: ignore[arg-type]

    async def _wait(self, waiters: list[asyncio.Future[None]], timeout: float) -> bool:
        """Sleep until woken or ``timeout`` passes; False on timeout."""
        waiter = asyncio.get_running_loop().create_future()
        waiters.append(waiter)
        try:
            await asyncio.wait_for(waiter, max(timeout, 0))
        except TimeoutError:
            return False
        finally:
            if waiter in waiters:
                waiters.remove(waiter)
        return True

    async def wait_until(self, predicate: Callable[[], T], timeout: float = 15.0, what: str = "") -> T:
        """Wait until ``predicate()`` is truthy after a send; returns its value."""

        async def wait() -> T:
            deadline = time.monotonic() + timeout
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not await self._wait(self._record_waiters, remaining):
                    value = predicate()
                    if value:
                        return value
                    raise TimeoutError(what or "the condition did not hold in time")

        return await self._run_on_loop(wait())

    # -- hooks a test double extends ---------------------------------------------------------------

    def admit(self, method: str, chat_id: int) -> None:
        """Raise the ApiError Telegram would answer a send to ``chat_id`` with; here: unknown chats."""
        if not self.is_known(chat_id):
            raise ApiError(400, "Bad Request: chat not found")

    async def before_call(self, method: str) -> None:
        """Runs before every call but getUpdates is answered (a test double may add latency)."""
        return None

    def take_updates(self) -> list[dict[str, Any]]:
        """The pending updates, removed: for a driver that hands them to the bot itself."""
        taken, self.updates = self.updates, []
        return taken
