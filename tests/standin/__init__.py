"""The tests' Bot API stand-in: the product's in-memory Telegram (bot.localapi) plus what only tests need.

``TestWorld`` adds blocked users, injected faults (429, 5xx), latency and send statistics;
``StandIn`` serves it over HTTP (with the ``/_standin`` control surface and webhook delivery) for
the stories that need a real bot process. In-process stories hand ``LocalRequest(standin)`` to the
bot instead (see tests/conftest.py).
"""

from bot.localapi import (
    SEND_METHODS,
    ApiError,
    EntityError,
    LocalRequest,
    Rejected,
    Sent,
    check_message,
    check_text,
    keyboard_lines,
    parse_html,
    to_plain_text,
)
from tests.standin.records import Fault
from tests.standin.server import StandIn
from tests.standin.world import TestWorld

__all__ = [
    "SEND_METHODS",
    "ApiError",
    "EntityError",
    "Fault",
    "LocalRequest",
    "Rejected",
    "Sent",
    "StandIn",
    "TestWorld",
    "check_message",
    "check_text",
    "keyboard_lines",
    "parse_html",
    "to_plain_text",
]
