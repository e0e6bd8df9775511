"""Webhook mode end to end: the real bot process serving HTTP; Telegram (the stand-in) and strangers post to it."""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.localapi.people import text_entities
from tests.conftest import ADMIN, ARTICLE, READER, BotProcess, run_to_end
from tests.standin import StandIn, to_plain_text

SECRET = "s3cret-Token_for-tests"
TITLE = ARTICLE.read_text().splitlines()[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def message_update(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    """An update as Telegram would POST it for a user typing ``text`` in a private chat."""
    message: dict[str, Any] = {
        "message_id": 1000 + update_id,
        "from": {"id": user_id, "is_bot": False, "first_name": "Someone"},
        "chat": {"id": user_id, "type": "private", "first_name": "Someone"},
        "date": int(time.time()),
        "text": text,
    }
    if text_entities(text):
        message["entities"] = text_entities(text)
    return {"update_id": update_id, "message": message}


def stored_articles(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


class WebhookBot(BotProcess):
    """The bot in webhook mode; ready once ``/healthz`` says so."""

    def __init__(self, api: StandIn, db_path: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/telegram/hook"
        super().__init__(
            api,
            db_path,
            NEWSBRIEF_WEBHOOK_URL=self.url,
            NEWSBRIEF_WEBHOOK_SECRET=SECRET,
            PORT=str(self.port),
            **env,
        )

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/healthz"

    async def start(self) -> WebhookBot:
        await super().start()
        async with httpx.AsyncClient() as client:
            for _ in range(200):
                try:
                    if (await client.get(self.health_url)).status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
        raise TimeoutError(f"the webhook never became healthy: {self.log()[-2000:]}")

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> httpx.Response:
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with httpx.AsyncClient() as client:
            return await client.post(self.url, json=update, headers=headers)


@pytest.fixture
async def webhook_bot(standin: StandIn, db_path: Path) -> AsyncIterator[WebhookBot]:
    process = await WebhookBot(standin, db_path).start()
    yield process
    await process.stop()
    assert "Traceback" not in process.log(), process.log()[-3000:]


async def test_updates_with_the_secret_get_replies_and_without_it_are_refused(
    standin: StandIn, webhook_bot: WebhookBot, db_path: Path
):
    assert standin.webhook == {"url": webhook_bot.url, "secret_token": SECRET}  # Telegram was told both
    standin.register(ADMIN, READER)
    post = message_update(1, ADMIN, f"/post {ARTICLE.read_text()}")

    assert (await webhook_bot.post(post, secret=None)).status_code == 403
    assert (await webhook_bot.post(post, secret="wrong-secret")).status_code == 403
    assert (await webhook_bot.post(post, secret=SECRET[:-1])).status_code == 403
    assert await standin.quiet(ADMIN, 1.0) == []
    assert stored_articles(db_path) == 0

    assert (await webhook_bot.post(post)).status_code == 200
    confirmation = to_plain_text((await standin.reply(ADMIN)).text)
    assert confirmation.startswith("Posted as #1.") and TITLE in confirmation
    assert stored_articles(db_path) == 1

    # Telegram itself (the stand-in) delivers users' messages with the secret the bot gave it.
    standin.send_text(READER, "/latest")
    assert to_plain_text((await standin.reply(READER)).text).startswith(TITLE)
    offered = await standin.inline_answer(standin.inline_query(READER, "harbour"))
    assert [r["id"] for r in offered["results"]] == ["1"]  # inline queries come by webhook too


async def test_the_platform_stops_it_cleanly_with_sigterm(standin: StandIn, webhook_bot: WebhookBot):
    assert webhook_bot.process is not None
    webhook_bot.process.send_signal(signal.SIGTERM)
    assert await asyncio.to_thread(webhook_bot.process.wait, 30) == 0
    assert "Application.stop() complete" in webhook_bot.log()
    with pytest.raises(httpx.TransportError):
        async with httpx.AsyncClient() as client:
            await client.get(webhook_bot.health_url)


async def test_a_refused_update_leaves_no_trace_for_readers(standin: StandIn, webhook_bot: WebhookBot):
    standin.register(ADMIN)
    forged = message_update(7, ADMIN, "/post Forged story\nThis body was never sent by Telegram.")
    assert (await webhook_bot.post(forged, secret="guess")).status_code == 403
    standin.send_text(READER, "/latest")
    assert to_plain_text((await standin.reply(READER)).text) == "No articles yet. Check back soon."
    standin.send_text(READER, "/search forged")
    assert "No articles match" in to_plain_text((await standin.reply(READER)).text)


async def test_health_check_and_bad_requests_get_plain_answers(standin: StandIn, webhook_bot: WebhookBot):
    async with httpx.AsyncClient() as client:
        health = await client.get(webhook_bot.health_url)
        assert health.status_code == 200 and health.text.strip() == "ok"
        assert (await client.head(webhook_bot.health_url)).status_code == 200
        assert (await client.get(webhook_bot.url)).status_code == 405
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
        for body in (b"not json", b"[1, 2]", b'{"message": "not a message"}'):
            assert (await client.post(webhook_bot.url, content=body, headers=headers)).status_code == 400
        try:  # tornado drops an oversized body's connection rather than reading it
            oversized = await client.post(webhook_bot.url, content=b"x" * (2 * 1024 * 1024), headers=headers)
            assert oversized.status_code in (400, 413)
        except httpx.TransportError:
            pass

    standin.send_text(READER, "/latest")  # still serving
    assert to_plain_text((await standin.reply(READER)).text) == "No articles yet. Check back soon."


@pytest.mark.parametrize(
    ("secret", "complaint"),
    [
        (None, "NEWSBRIEF_WEBHOOK_SECRET: not set"),
        ("has spaces!", "NEWSBRIEF_WEBHOOK_SECRET: Telegram allows"),
    ],
)
async def test_webhook_mode_without_a_usable_secret_does_not_start(
    standin: StandIn, db_path: Path, secret: str | None, complaint: str
):
    process = WebhookBot(standin, db_path)
    env = process.environment()
    env.pop("NEWSBRIEF_WEBHOOK_SECRET")
    if secret is not None:
        env["NEWSBRIEF_WEBHOOK_SECRET"] = secret
    done = await run_to_end(env, cwd=db_path.parent)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"newsbrief: {complaint}")
    assert "Traceback" not in done.stderr
    assert standin.calls["setWebhook"] == 0 and standin.calls["getMe"] == 0
