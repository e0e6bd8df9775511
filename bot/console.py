"""``newsbrief console``: chat with the real bot in a terminal, offline, against its own database.

The bot is the real ``Application`` with every handler; Telegram is ``bot.localapi`` in the same
process. Each line typed becomes an update that the console hands to ``Application.process_update``
and awaits, together with any task the update started, so every reply is printed under the command
that caused it (no waiting for quiet).
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application

from bot import ingest
from bot.app import build_application, close_storage, open_storage
from bot.config import Settings, console_db_path
from bot.localapi import LOCAL_API_URL, LocalRequest, People, Sent, to_plain_text
from storage import articles
from storage.db import Database

USER_ID = 1001
CONSOLE_ADMIN_ID = 1
SAMPLE = Path(__file__).with_name("sample_article.txt")
TASK_TIMEOUT = 120.0  # seconds a task an update started (a /push broadcast) may take
TIPS = (
    "Console: one message per line. End a line with \\ to continue the same message on the next line\n"
    "(for /post: '/post \\', then the title line ending in \\, then the body). Buttons under a reply\n"
    "are numbered: type the number (or [Label]) to press one; answers to a press show as (toast).\n"
    "/as admin, /as user switch who you are; /quit leaves."
)


def run_console(
    settings: Settings, as_admin: bool = False, stdin: TextIO | None = None, db_path: str | None = None
) -> int:
    """Run the console until /quit or the end of input; ``db_path`` None means the console's own."""
    path = Path(db_path) if db_path else console_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    local = dataclasses.replace(settings, db_path=str(path), api_url=LOCAL_API_URL, webhook_url=None)
    return asyncio.run(Console(local, own_db=not db_path).run(as_admin, stdin or sys.stdin))


async def _ensure_sample(db_path: str, method: str) -> None:
    async with await Database.open(db_path) as db:
        if await articles.count(db) == 0:
            await ingest.post_text(db, SAMPLE.read_text(encoding="utf-8"), source="sample", method=method)


class Console:
    """One terminal chat: the user (or admin) on one side, the real bot on the other."""

    def __init__(self, settings: Settings, own_db: bool = True) -> None:
        self.admin_id = min(settings.admins) if settings.admins else CONSOLE_ADMIN_ID
        self.settings = dataclasses.replace(settings, admins=settings.admins | {self.admin_id})
        self.own_db = own_db
        self.world = People()
        self.application: Application = build_application(
            self.settings, token=self.world.token, request=LocalRequest(self.world)
        )
        self.buttons: Sent | None = None  # the last message that had buttons
        self._toasts = 0

    async def run(self, as_admin: bool, stdin: TextIO) -> int:
        await _ensure_sample(self.settings.db_path, self.settings.summarizer)
        application = self.application
        async with application:  # run_polling would call these hooks; here the console drives
            await open_storage(application)
            await application.start()
            user = self.admin_id if as_admin else USER_ID
            where = "its own database" if self.own_db else "the database given with --db"
            print(f"newsbrief console: you are {'an admin' if as_admin else 'a user'}; {where}:")
            print(f"  {self.settings.db_path}")
            print(TIPS)
            print("Try /latest or /help.")
            try:
                await self._loop(user, stdin)
            finally:
                await application.stop()
                await close_storage(application)
        return 0

    async def _loop(self, user: int, stdin: TextIO) -> None:
        loop = asyncio.get_running_loop()
        interactive = stdin.isatty()
        pending: list[str] = []
        while True:
            if interactive:
                print("... " if pending else "you> ", end="", flush=True)
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                return
            line = line.rstrip("\r\n")
            if line.endswith("\\"):
                pending.append(line[:-1].rstrip())
                continue
            text = "\n".join([*pending, line]).strip()
            pending = []
            if not text:
                continue
            if not interactive:  # a piped transcript shows each command above its replies
                print("you> " + text.replace("\n", "\n     "))
            if text in ("/quit", "/exit"):
                return
            if text in ("/as admin", "/as user"):
                user = self.admin_id if text.endswith("admin") else USER_ID
                print(f"(you are now {'an admin' if user == self.admin_id else 'a user'})")
                self.show(user, quiet=True)  # what the bot sent this side meanwhile (a /push, say)
                continue
            await self.say(user, text)
            if text.split()[0].split("@")[0] == "/help":
                print(TIPS)
                print()

    async def say(self, user: int, text: str) -> list[Sent]:
        """Send ``text`` (or press the numbered button it names), handle it, print the replies."""
        label = self._button(text)
        if label is not None and self.buttons is not None:
            self.world.press_button(user, self.buttons, label)
        else:
            self.world.send_text(user, text, chat_id=user)
        for update in self.world.take_updates():
            await self._handle(update)
        return self.show(user)

    async def _handle(self, payload: dict[str, Any]) -> None:
        """Process one update and wait for the tasks it started (a broadcast, say) to end."""
        before = asyncio.all_tasks()
        await self.application.process_update(Update.de_json(payload, self.application.bot))
        await self._settle(before)

    async def _settle(self, before: set[asyncio.Task[Any]]) -> None:
        current = asyncio.current_task()
        started = [t for t in asyncio.all_tasks() if t is not current and t not in before]
        if started:
            await asyncio.wait(started, timeout=TASK_TIMEOUT)

    def show(self, chat_id: int, quiet: bool = False) -> list[Sent]:
        """Print what the bot said in ``chat_id`` since last time, and the toasts it showed.

        ``quiet``: print nothing when there is nothing (no "(no reply)").
        """
        unread = self.world.take_unread(chat_id)
        toasts = [a for a in self.world.callback_answers[self._toasts :] if a.get("text")]
        self._toasts = len(self.world.callback_answers)
        for answer in toasts:
            kind = "alert" if str(answer.get("show_alert")).lower() == "true" else "toast"
            print(f"({kind}) {answer['text']}")
        if not unread and not toasts and not quiet:
            print("(no reply)")
        for sent in unread:
            _print(sent)
            if sent.buttons:
                self.buttons = sent
        return unread

    def _button(self, text: str) -> str | None:
        message = self.buttons
        if message is None:
            return None
        labels = _pressable(message)
        if text.startswith("[") and text.endswith("]") and text[1:-1] in labels:
            return text[1:-1]
        if text.isdigit() and 1 <= int(text) <= len(labels):
            return labels[int(text) - 1]
        return None


def _pressable(message: Sent) -> list[str]:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row if "callback_data" in button]


def _print(sent: Sent) -> None:
    text = to_plain_text(sent.text or "", sent.parse_mode)
    prefix = "bot (edited)> " if sent.method.startswith("edit") else "bot> "
    lines = text.split("\n")
    print(prefix + lines[0])
    for line in lines[1:]:
        print("     " + line if line else "")
    rows = (sent.reply_markup or {}).get("inline_keyboard", [])
    number = 0
    shown = []
    for row in rows:
        for button in row:
            if "callback_data" in button:
                number += 1
                shown.append(f"[{number}: {button['text']}]")
            elif "url" in button:
                shown.append(f"[{button['text']}: {button['url']}]")
    if shown:
        print("     " + " ".join(shown) + ("   (type a number to press)" if number else ""))
    print()


__all__ = ["Console", "run_console"]
