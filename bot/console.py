"""``newsbrief console``: chat with the real bot in a terminal, through the local Bot API stand-in.

One message a line from standard input; the bot's replies are printed as plain text. ``/as admin``
and ``/as user`` switch sides; a line ending in a backslash continues on the next line (for /post);
``[Button text]`` or the button's number presses a button of the last message that had some.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from pathlib import Path
from typing import TextIO

from bot import ingest
from bot.app import build_application, close_storage, open_storage
from bot.config import Settings
from bot.standin import Sent, StandIn, to_plain_text
from storage import articles
from storage.db import Database

USER_ID = 1001
CONSOLE_ADMIN_ID = 1
SAMPLE = Path(__file__).with_name("sample_article.txt")
QUIET_AFTER = 0.4  # seconds of silence that end a reply
REPLY_TIMEOUT = 20.0


def run_console(settings: Settings, as_admin: bool = False, stdin: TextIO | None = None) -> int:
    return asyncio.run(_console(settings, as_admin, stdin or sys.stdin))


async def _ensure_sample(db_path: str, method: str) -> None:
    async with await Database.open(db_path) as db:
        if await articles.count(db) == 0:
            await ingest.post_text(db, SAMPLE.read_text(encoding="utf-8"), source="sample", method=method)


async def _console(settings: Settings, as_admin: bool, stdin: TextIO) -> int:
    admin_id = min(settings.admins) if settings.admins else CONSOLE_ADMIN_ID
    await _ensure_sample(settings.db_path, settings.summarizer)
    async with StandIn() as api:
        local = dataclasses.replace(settings, api_url=api.base_url, admins=settings.admins | {admin_id})
        application = build_application(local, token=api.token)
        async with application:  # run_polling would call these hooks; here we drive the app
            await open_storage(application)
            await application.start()
            await application.updater.start_polling(poll_interval=0, timeout=1)
            interactive = stdin.isatty()
            print(
                f"newsbrief console: you are a {'admin' if as_admin else 'user'}. "
                "Try /latest, /help; /as admin to post; /quit to leave."
            )
            try:
                await _loop(api, stdin, admin_id if as_admin else USER_ID, admin_id, interactive)
            finally:
                await application.updater.stop()
                await application.stop()
                await close_storage(application)
    return 0


async def _loop(api: StandIn, stdin: TextIO, user: int, admin_id: int, interactive: bool) -> None:
    loop = asyncio.get_running_loop()
    last_with_buttons: Sent | None = None
    pending = ""
    while True:
        if interactive:
            print("you> ", end="", flush=True)
        line = await loop.run_in_executor(None, stdin.readline)
        if not line:
            return
        line = line.rstrip("\n")
        if line.endswith("\\"):
            pending += line[:-1] + "\n"
            continue
        text, pending = (pending + line).strip(), ""
        if not text:
            continue
        if text in ("/quit", "/exit"):
            return
        if text in ("/as admin", "/as user"):
            user = admin_id if text.endswith("admin") else USER_ID
            print(f"(you are now {'an admin' if user == admin_id else 'a user'})")
            continue
        button = _button(text, last_with_buttons)
        if button is not None:
            api.press_button(user, last_with_buttons, button)
        else:
            api.send_text(user, text, chat_id=user)
        for sent in await _replies(api, user):
            _print(sent)
            if sent.buttons:
                last_with_buttons = sent


def _button(text: str, message: Sent | None) -> str | None:
    if message is None:
        return None
    labels = message.buttons
    if text.startswith("[") and text.endswith("]") and text[1:-1] in labels:
        return text[1:-1]
    if text.isdigit() and 1 <= int(text) <= len(labels):
        return labels[int(text) - 1]
    return None


async def _replies(api: StandIn, chat_id: int) -> list[Sent]:
    """Everything the bot says in reply, until it has been quiet for a moment."""
    try:
        received = await api.replies(chat_id, 1, timeout=REPLY_TIMEOUT)
    except TimeoutError:
        print("(no reply)")
        return []
    while True:
        more = await api.quiet(chat_id, QUIET_AFTER)
        if not more:
            return received
        received.extend(more)


def _print(sent: Sent) -> None:
    text = to_plain_text(sent.text or "", sent.parse_mode)
    prefix = "bot (edited)> " if sent.method == "editMessageText" else "bot> "
    lines = text.split("\n")
    print(prefix + lines[0])
    for line in lines[1:]:
        print("     " + line if line else "")
    if sent.buttons:
        print("     " + " ".join(f"[{label}]" for label in sent.buttons))
    print()
