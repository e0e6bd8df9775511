"""The stand-in's world for tests: the product's in-memory Telegram plus faults, blocks and statistics."""

from __future__ import annotations

import asyncio
import time

from bot.localapi.people import People
from bot.localapi.records import SEND_METHODS, ApiError
from bot.localapi.world import on_serving_loop
from tests.standin.records import Fault, max_in_window


class TestWorld(People):
    """``People`` whose sends can be refused on purpose (blocked users, 429, 5xx) and counted over time."""

    __test__ = False  # not a pytest class

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.blocked: dict[int, str] = {}
        self.faults: list[Fault] = []
        self.delay = 0.0  # seconds every API call waits before it is answered
        self.attempts: list[tuple[str, int | None, float]] = []  # every send-like call: method, chat, at
        #: When set, Telegram's per-chat limit: a send to a chat within this many seconds of the
        #: last one accepted for that chat is refused with 429 (retry_after 1).
        self.chat_interval: float | None = None
        self._chat_accepted: dict[int, float] = {}

    def admit(self, method: str, chat_id: int) -> None:
        """Chat exists, no injected fault strikes, the user has not blocked the bot; else raise."""
        super().admit(method, chat_id)
        at = time.monotonic()
        self.attempts.append((method, chat_id, at))
        for fault in self.faults:
            if fault.strikes(method, chat_id, at):
                raise fault.error()
        if self.faults:
            self.faults = [f for f in self.faults if not f.expired(at)]
        if self.chat_interval and at - self._chat_accepted.get(chat_id, -1e9) < self.chat_interval:
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        if chat_id in self.blocked:
            raise ApiError(403, self.blocked[chat_id])
        if self.chat_interval:
            self._chat_accepted[chat_id] = at

    async def before_call(self, method: str) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)

    @on_serving_loop
    def reset_records(self) -> None:
        """Forget what was sent (users, chats, messages and files stay)."""
        super().reset_records.__wrapped__(self)  # type: ignore[attr-defined]
        self.attempts.clear()

    # -- statistics --------------------------------------------------------------------------------

    def max_per_window(
        self, window: float = 1.0, chat_id: int | None = None, *, attempts: bool = False
    ) -> int:
        """Most sends in any ``window``-second interval, overall or to one chat.

        With ``attempts`` every send-like call counts, refused ones (429, 403, ...) included.
        """
        if attempts:
            times = [at for _, chat, at in self.attempts if chat_id is None or chat == chat_id]
        else:
            source = self.sent if chat_id is None else self._by_chat.get(chat_id, [])
            times = [s.at for s in source if s.method in SEND_METHODS]
        return max_in_window(times, window)

    def max_per_chat_window(self, window: float = 1.0) -> int:
        """The busiest chat's most sends in any ``window``-second interval."""
        return max((self.max_per_window(window, chat) for chat in self._by_chat), default=0)

    # -- fault injection ---------------------------------------------------------------------------

    @on_serving_loop
    def block(self, chat_id: int, description: str = "Forbidden: bot was blocked by the user") -> None:
        """Sends to this chat answer 403 (use "Forbidden: user is deactivated" for a deleted account)."""
        self.blocked[chat_id] = description

    @on_serving_loop
    def unblock(self, chat_id: int) -> None:
        self.blocked.pop(chat_id, None)

    def fail_next(
        self,
        count: int,
        status: int = 429,
        retry_after: int = 1,
        chat_id: int | None = None,
        methods: frozenset[str] = SEND_METHODS,
    ) -> Fault:
        """Answer the next ``count`` sends (to one chat, or any) with 429 (``retry_after``) or a 5xx."""
        return self.add_fault(Fault(status, count, None, 1.0, retry_after, chat_id, methods))

    def fail_for(
        self,
        seconds: float,
        status: int = 429,
        retry_after: int = 1,
        fraction: float = 1.0,
        chat_id: int | None = None,
        methods: frozenset[str] = SEND_METHODS,
    ) -> Fault:
        """Answer sends with ``status`` for the next ``seconds`` (all, or a ``fraction`` of them)."""
        until = time.monotonic() + seconds
        return self.add_fault(Fault(status, None, until, fraction, retry_after, chat_id, methods))

    def fail_fraction(
        self,
        fraction: float,
        status: int = 429,
        retry_after: int = 1,
        seed: int = 0,
        methods: frozenset[str] = SEND_METHODS,
    ) -> Fault:
        """Answer a random ``fraction`` of sends with ``status`` until ``clear_faults()``."""
        fault = Fault(status, None, None, fraction, retry_after, None, methods)
        fault.rng.seed(seed)
        return self.add_fault(fault)

    @on_serving_loop
    def add_fault(self, fault: Fault) -> Fault:
        self.faults.append(fault)
        return fault

    @on_serving_loop
    def clear_faults(self) -> None:
        self.faults.clear()
