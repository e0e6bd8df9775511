"""A local Telegram Bot API stand-in: tests and ``newsbrief console`` talk to it instead of Telegram."""

from bot.standin.html import check_text, parse_html, to_plain_text
from bot.standin.server import Sent, StandIn

__all__ = ["Sent", "StandIn", "check_text", "parse_html", "to_plain_text"]
