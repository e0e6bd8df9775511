"""What the stand-in keeps about the bot's calls, and the faults a test can make it answer with."""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, NamedTuple

from bot.standin.html import keyboard_lines, to_plain_text

#: Methods that put something in a chat: the ones faults and flood counting apply to by default.
SEND_METHODS = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendChatAction", "sendDocument"}
)


@dataclass
class Sent:
    """One message the bot sent or edited, as Telegram accepted it."""

    method: str
    chat_id: int | None
    text: str | None  # as the bot sent it (HTML source when parse_mode is HTML)
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    message_id: int | None
    at: float  # time.monotonic()
    wall: float  # time.time()
    params: dict[str, Any] = field(default_factory=dict)
    visible: str = ""  # the text as the user sees it, after entity parsing

    @property
    def buttons(self) -> list[str]:
        """Labels of the inline buttons, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button["text"] for row in rows for button in row]

    @property
    def plain(self) -> str:
        """Text as a person reads it, with the inline keyboard as ``[Label]`` lines."""
        return to_plain_text(self.text or "", self.parse_mode, self.reply_markup)

    @property
    def keyboard(self) -> list[str]:
        return keyboard_lines(self.reply_markup)

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "chat_id": self.chat_id,
            "text": self.text,
            "parse_mode": self.parse_mode,
            "reply_markup": self.reply_markup,
            "message_id": self.message_id,
            "at": self.at,
            "wall": self.wall,
            "visible": self.visible,
        }


class Rejected(NamedTuple):
    """A call Telegram would have refused, with the status and description it answered.

    A tuple whose first three items are (method, status, description), so ``r[1] == 400`` works.
    """

    method: str
    status: int
    description: str
    chat_id: int | None = None
    at: float = 0.0
    params: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "chat_id": self.chat_id,
            "status": self.status,
            "description": self.description,
            "at": self.at,
        }


class ApiError(Exception):
    """An error answer: HTTP status, Telegram's description, optional ``parameters``."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


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
