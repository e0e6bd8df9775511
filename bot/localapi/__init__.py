"""Telegram's Bot API in memory, answered in-process: what ``newsbrief console`` talks to.

``World`` holds users, chats, messages and pending updates; ``People`` acts as its users (type,
attach, press a button); ``methods`` answers the Bot API calls the bot makes with Telegram's own
checks (``html`` parses HTML as Telegram does); ``LocalRequest`` plugs it into python-telegram-bot.
The tests' stand-in (tests/standin/) builds on this core and adds an HTTP server, faults and
statistics; none of that ships with the product.
"""

from bot.localapi.html import (
    EntityError,
    check_message,
    check_text,
    keyboard_lines,
    parse_html,
    to_plain_text,
)
from bot.localapi.people import People
from bot.localapi.records import SEND_METHODS, ApiError, Rejected, Sent
from bot.localapi.request import LOCAL_API_URL, LocalRequest
from bot.localapi.world import World

__all__ = [
    "LOCAL_API_URL",
    "SEND_METHODS",
    "ApiError",
    "EntityError",
    "LocalRequest",
    "People",
    "Rejected",
    "Sent",
    "World",
    "check_message",
    "check_text",
    "keyboard_lines",
    "parse_html",
    "to_plain_text",
]
