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
        self._chat_next: dict[object, float] = {}
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
        # the other chats' sends. Several sends to one chat may wait at once (concurrent updates):
        # only the first to take a window slot goes; the others see the chat's new time and wait again.
        while True:
            if chat is not None:
                wait = self._chat_next.get(chat, 0.0) - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
            async with self._lock:
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
                if chat is not None and self._chat_next.get(chat, 0.0) > now:
                    continue  # another send to this chat went first while this one waited
                slot = _Slot()
                self._sent.append(slot)
                if chat is not None:
                    self._chat_next[chat] = now + self.per_chat_interval
                    if len(self._chat_next) > 50_000:
                        self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
                return slot


def retry_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whichever type this PTB version gives it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        delay = error.retry_after
    return delay.total_seconds() if isinstance(delay, dt.timedelta) else float(delay)
