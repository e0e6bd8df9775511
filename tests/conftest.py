"""Shared fixtures: a temp database, the Bot API stand-in, a local web server, and the real bot.

The bot runs in the test's own process and loop by default (``bot``, ``InProcessBot``): the real
``Application`` with every handler, its job queue and flood limiter, polling the stand-in through
``LocalRequest`` instead of HTTP. ``BotProcess`` starts ``python -m bot`` for the stories that need
a real process: SIGKILL, webhook mode, start-up errors.

Sends to one chat are spaced ``FAST_CHAT_INTERVAL`` apart instead of Telegram's one second
(``NEWSBRIEF_CHAT_INTERVAL``); test_inprocess.py keeps a test of the real per-chat limit.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import build_application, close_storage, open_storage
from bot.config import Settings, load_settings
from bot.localapi import LOCAL_API_URL, LocalRequest
from storage.db import Database
from tests.local_server import LocalServer
from tests.standin import StandIn

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 500
READER = 600
ARTICLE = ROOT / "tests" / "data" / "harbour.txt"
FAST_CHAT_INTERVAL = "0.01"  # seconds between two sends to one chat in tests (Telegram: 1)
#: How long a test waits for `python -m bot` to announce its commands before calling it a failed start.
START_SECONDS = 60.0


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsbrief.db"


@pytest.fixture
async def db(db_path: Path) -> AsyncIterator[Database]:
    """An open database (migrated) in the test's temp folder."""
    database = await Database.open(str(db_path))
    yield database
    await database.close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local web server whose pages each test sets (``server.routes[path] = Answer(...)``)."""
    with LocalServer() as local:
        yield local


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    async with StandIn() as api:
        yield api
        # Every reply in every test must pass Telegram's checks: no 400 ever.
        bad = [r for r in api.rejected if r[1] == 400]
        assert not bad, f"the bot sent messages Telegram would refuse: {bad}"


class BotProcess:
    """``python -m bot`` against the stand-in, as an operator would start it."""

    args: tuple[str, ...] = ()  # after ``python -m bot``: ``("--webhook",)`` is the Procfile's web

    def __init__(self, api: StandIn, db_path: Path, **env: str) -> None:
        self.api = api
        self.db_path = db_path
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = db_path.with_suffix(".log")

    def environment(self) -> dict[str, str]:
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBRIEF_"))},
            "TELEGRAM_BOT_TOKEN": self.api.token,
            "TELEGRAM_API_URL": self.api.base_url,
            "NEWSBRIEF_DB": str(self.db_path),
            "NEWSBRIEF_ADMINS": str(ADMIN),
            "NEWSBRIEF_RATE": "200",
            "NEWSBRIEF_CHAT_INTERVAL": FAST_CHAT_INTERVAL,
            **self.env,
        }

    async def start(self) -> BotProcess:
        commands_before = self.api.calls["setMyCommands"]
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *self.args],
            cwd=self.db_path.parent,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        # Ready once it has announced its commands (post_init). A start takes 1-3 s on an idle machine;
        # the deadline is patience for a loaded one (xdist workers and other jobs on two cores), where
        # 15 s was seen to run out.
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.api.calls["setMyCommands"] > commands_before:
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"the bot exited: {self.log_path.read_text()[-2000:]}")
            await asyncio.sleep(0.05)
        raise TimeoutError(f"the bot did not start: {self.log_path.read_text()[-2000:]}")

    async def __aenter__(self) -> BotProcess:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    async def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            for _ in range(100):
                self.api.release_polls()
                if self.process.poll() is not None:
                    break
                await asyncio.sleep(0.05)
            self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


async def run_to_end(
    env: dict[str, str], *args: str, cwd: Path | str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` run until it exits (a refused start-up), off the event loop, its output as text."""
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class _Lines(logging.Handler):
    """Keeps the formatted log records (tracebacks included) of one in-process bot."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


class InProcessBot:
    """The real bot in the test's process: same settings (from the same variables) as ``BotProcess``.

    It long-polls the stand-in through ``LocalRequest``, so a test talks to it exactly as to a
    process (``standin.send_text``, ``await standin.reply``), minus the 2-3 s start and the HTTP.
    """

    def __init__(self, api: StandIn, db_path: Path, **env: str) -> None:
        self.api = api
        self.db_path = db_path
        self.env = env
        self.application: Application | None = None
        self._log = _Lines()

    def settings(self) -> Settings:
        environ = {
            "TELEGRAM_BOT_TOKEN": self.api.token,
            "TELEGRAM_API_URL": LOCAL_API_URL,
            "NEWSBRIEF_DB": str(self.db_path),
            "NEWSBRIEF_ADMINS": str(ADMIN),
            "NEWSBRIEF_RATE": "200",
            "NEWSBRIEF_CHAT_INTERVAL": FAST_CHAT_INTERVAL,
            **self.env,
        }
        return load_settings(environ, dotenv=Path(os.devnull))

    async def start(self) -> InProcessBot:
        logging.getLogger().addHandler(self._log)
        application = build_application(self.settings(), request=LocalRequest(self.api))
        self.application = application
        await application.initialize()
        await open_storage(application)  # post_init, as run_polling calls it
        await application.start()
        await application.updater.start_polling(  # type: ignore[union-attr]
            poll_interval=0, timeout=10, allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
        )
        return self

    async def stop(self) -> None:
        application, self.application = self.application, None
        if application is not None:
            self.api.release_polls()
            if application.updater and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
            await close_storage(application)  # post_shutdown, as run_polling calls it
        logging.getLogger().removeHandler(self._log)

    async def __aenter__(self) -> InProcessBot:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def log(self) -> str:
        return "\n".join(self._log.lines)


@pytest.fixture
async def bot(standin: StandIn, db_path: Path) -> AsyncIterator[InProcessBot]:
    running = await InProcessBot(standin, db_path).start()
    yield running
    await running.stop()
    assert "Traceback" not in running.log() or "error while handling" not in running.log(), running.log()[
        -3000:
    ]
