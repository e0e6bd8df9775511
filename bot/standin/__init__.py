"""A local Telegram Bot API stand-in: tests and ``newsbrief console`` talk to it instead of Telegram."""

from bot.standin.html import EntityError, check_message, check_text, keyboard_lines, parse_html, to_plain_text
from bot.standin.records import SEND_METHODS, ApiError, Fault, Rejected, Sent
from bot.standin.server import StandIn

__all__ = [
    "SEND_METHODS",
    "ApiError",
    "EntityError",
    "Fault",
    "Rejected",
    "Sent",
    "StandIn",
    "check_message",
    "check_text",
    "keyboard_lines",
    "parse_html",
    "to_plain_text",
]
