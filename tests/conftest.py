"""Shared fixtures: a temp database, the Bot API stand-in, and the real bot as a process."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.standin import StandIn

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 500
READER = 600
ARTICLE = ROOT / "tests" / "data" / "harbour.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsbrief.db"


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
        for _ in range(300):  # ready once it has announced its commands (post_init)
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


@pytest.fixture
async def bot(standin: StandIn, db_path: Path) -> AsyncIterator[BotProcess]:
    process = await BotProcess(standin, db_path).start()
    yield process
    await process.stop()
    assert "Traceback" not in process.log() or "error while handling" not in process.log(), process.log()[
        -3000:
    ]
