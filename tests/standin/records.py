"""Faults a test can make the stand-in answer with, and counting sends over time."""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus

from bot.localapi.records import SEND_METHODS, ApiError


@dataclass
class Fault:
    """A forced error for matching calls: the next ``remaining`` of them, until ``until``, or a share.

    ``status`` 429 answers "Too Many Requests: retry after N" with ``retry_after``; any other status
    answers its HTTP phrase (502 "Bad Gateway"), or ``description`` when given.
    """

    status: int = 429
    remaining: int | None = None
    until: float | None = None  # time.monotonic() deadline
    fraction: float = 1.0
    retry_after: int = 1
    chat_id: int | None = None
    methods: frozenset[str] = SEND_METHODS
    description: str | None = None
    hits: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(0))

    def expired(self, now: float) -> bool:
        return (self.remaining is not None and self.remaining <= 0) or (
            self.until is not None and now >= self.until
        )

    def strikes(self, method: str, chat_id: int | None, now: float) -> bool:
        """Whether this call gets the fault (uses up one of ``remaining`` if so)."""
        if self.expired(now) or method not in self.methods:
            return False
        if self.chat_id is not None and chat_id != self.chat_id:
            return False
        if self.fraction < 1.0 and self.rng.random() >= self.fraction:
            return False
        if self.remaining is not None:
            self.remaining -= 1
        self.hits += 1
        return True

    def error(self) -> ApiError:
        if self.status == 429:
            return ApiError(
                429, f"Too Many Requests: retry after {self.retry_after}", {"retry_after": self.retry_after}
            )
        try:
            phrase = HTTPStatus(self.status).phrase
        except ValueError:
            phrase = "Error"
        return ApiError(self.status, self.description or phrase)


def max_in_window(times: Iterable[float], window: float = 1.0) -> int:
    """Most events in any half-open interval ``window`` seconds long."""
    ordered = sorted(times)
    best = low = 0
    for high, at in enumerate(ordered):
        while at - ordered[low] >= window:
            low += 1
        best = max(best, high - low + 1)
    return best


def per_second(times: Iterable[float], start: float | None = None) -> list[int]:
    """Counts per consecutive one-second bucket from ``start`` (default: the first event)."""
    ordered = sorted(times)
    if not ordered:
        return []
    origin = ordered[0] if start is None else start
    counts: list[int] = []
    for at in ordered:
        bucket = int(at - origin)
        while len(counts) <= bucket:
            counts.append(0)
        counts[bucket] += 1
    return counts


def now() -> tuple[float, float]:
    return time.monotonic(), time.time()
