"""Flood control for everything the bot sends: a sliding one-second window over all chats, one
message a second per chat, and Telegram's 429 ``retry_after`` honoured for every sender at once.

python-telegram-bot's AIORateLimiter uses a leaky bucket, which lets a full bucket's burst through
on top of the steady rate; a sliding window keeps *every* one-second interval at or under the
configured rate, which is what Telegram's limit and our tests measure.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import math
import time
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

SEND_ENDPOINTS = frozenset(
    {"sendMessage", "editMessageText", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}
)
# A window is counted from the end of a send, so jitter cannot crowd it; this only keeps two
# sends from landing exactly one second apart, which a receiver may count in the same second.
WINDOW_SLACK = 0.002


class _Slot:
    """One send's place in the window: it counts from when Telegram may last have received it."""

    __slots__ = ("_event", "ended")

    def __init__(self) -> None:
        self.ended = math.inf  # in flight: Telegram may receive it at any moment until it answers
        self._event = asyncio.Event()

    def end(self) -> None:
        self.ended = time.monotonic()
        self._event.set()

    async def wait(self) -> None:
        await self._event.wait()


class FloodLimiter(BaseRateLimiter[int]):
    def __init__(self, rate: float, per_chat_interval: float = 1.0, max_retries: int = 20) -> None:
        self.capacity = max(1, math.floor(rate))
        self.window = self.capacity / rate + WINDOW_SLACK
        self.per_chat_interval = per_chat_interval
        self.max_retries = max_retries
        self._sent: deque[_Slot] = deque(maxlen=self.capacity)
        self._chat_last: dict[object, _Slot] = {}  # each chat's latest send
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint not in SEND_ENDPOINTS:
            return await callback(*args, **kwargs)
        chat = data.get("chat_id")
        for attempt in range(self.max_retries + 1):
            slot = await self._acquire(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == self.max_retries:
                    raise
                seconds = retry_seconds(exc)
                log.warning("429 from Telegram: every send waits %.1f s (attempt %d)", seconds, attempt + 1)
                self._paused_until = max(self._paused_until, time.monotonic() + seconds)
            finally:
                slot.end()
        raise AssertionError("unreachable")

    async def _acquire(self, chat: object) -> _Slot:
        """Wait for this chat's per-chat slot, then for a slot in the overall window.

        The window runs from the *end* of the send ``capacity`` places back to the *start* of this
        one: Telegram received that one before it answered and receives this one after we start it,
        so no second on Telegram's clock holds more than the rate, whatever the network's jitter.
        """
        # The per-chat wait happens outside the lock, so one chat's second message never stalls
        # the other chats' sends; it is checked again under the lock, because several sends to
        # one chat may have waited for the same moment and only the first of them may go.
        while True:
            wait = await self._chat_wait(chat)
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            async with self._lock:
                if await self._chat_wait(chat, blocking=False) > 0:
                    continue
                return await self._take_window_slot(chat)

    async def _chat_wait(self, chat: object, *, blocking: bool = True) -> float:
        """Seconds until ``chat`` may receive its next message: one per_chat_interval after Telegram
        answered the previous one (so the gap holds on Telegram's clock too, whatever the jitter).
        A previous send still in flight waits for its answer first (or, without ``blocking``,
        counts as a full interval)."""
        if chat is None or self.per_chat_interval <= 0:
            return 0.0
        last = self._chat_last.get(chat)
        if last is None:
            return 0.0
        if last.ended == math.inf:
            if not blocking:
                return self.per_chat_interval
            await last.wait()
        return last.ended + self.per_chat_interval - time.monotonic()

    async def _take_window_slot(self, chat: object) -> _Slot:
        """A place in the overall window (called holding the lock)."""
        while True:
            now = time.monotonic()
            wait = self._paused_until - now
            if len(self._sent) == self.capacity:
                oldest = self._sent[0]
                if oldest.ended == math.inf:
                    await oldest.wait()
                    continue
                wait = max(wait, oldest.ended + self.window - now)
            if wait <= 0:
                break
            await asyncio.sleep(wait)
        slot = _Slot()
        self._sent.append(slot)
        if chat is not None:
            self._chat_last[chat] = slot
            if len(self._chat_last) > 50_000:  # forget chats whose interval has passed
                self._chat_last = {
                    c: s for c, s in self._chat_last.items() if s.ended + self.per_chat_interval > now
                }
        return slot


def retry_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whichever type this PTB version gives it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        delay = error.retry_after
    return delay.total_seconds() if isinstance(delay, dt.timedelta) else float(delay)
