"""What the local Bot API keeps about the bot's calls: messages it accepted, calls it refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bot.localapi.html import keyboard_lines, to_plain_text

#: Methods that put something in a chat (flood counting and the tests' faults apply to these).
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
