"""Webhook mode: Telegram POSTs updates to ``NEWSBRIEF_WEBHOOK_URL``; ``GET /healthz`` answers the platform.

PTB's ``Application.run_webhook`` serves the webhook path only, and its maintainers point to a
custom webhook server for extra routes (python-telegram-bot issue #1438, ``customwebhookbot.py``).
This is that setup on tornado (already installed by PTB's ``webhooks`` extra): our server puts each
update on ``application.update_queue``, with the life cycle ``run_webhook`` would run around it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import math
import re
import signal
import time
from collections import Counter
from http import HTTPStatus
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError
from telegram.ext import Application, ExtBot

from bot.config import ConfigError, Settings

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: What Telegram accepts as ``secret_token`` (setWebhook): 1-256 of A-Z, a-z, 0-9, ``_`` and ``-``.
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
#: An update is a few KB; a body far above that is not from Telegram.
MAX_BODY_BYTES = 1024 * 1024
SET_WEBHOOK_ATTEMPTS = 5


def webhook_path(url: str) -> str:
    """The path the bot listens on: the URL's path without a trailing slash (``""`` for the root)."""
    return urlsplit(url).path.rstrip("/")


def check_webhook_settings(settings: Settings) -> None:
    """Refuse to start half-configured: a webhook needs a secret Telegram will send back to us."""
    if not settings.webhook_url:
        raise ConfigError("NEWSBRIEF_WEBHOOK_URL: not set (webhook mode needs it)")
    secret = settings.webhook_secret
    if not secret:
        raise ConfigError(
            "NEWSBRIEF_WEBHOOK_SECRET: not set; webhook mode refuses updates without the secret, "
            "so it needs one (1-256 characters: A-Z, a-z, 0-9, _ and -)"
        )
    if not _SECRET.match(secret):
        raise ConfigError(
            "NEWSBRIEF_WEBHOOK_SECRET: Telegram allows only 1-256 characters of A-Z, a-z, 0-9, _ and -"
        )
    if webhook_path(settings.webhook_url) == HEALTH_PATH:
        raise ConfigError(f"NEWSBRIEF_WEBHOOK_URL: the path {HEALTH_PATH} is kept for the health check")


def make_web_app(application: Application, path: str, secret: str) -> tornado.web.Application:
    """The tornado app: POST updates at ``path`` (secret checked), ``GET /healthz``."""
    return tornado.web.Application(
        [
            (re.escape(HEALTH_PATH), HealthHandler, {"bot_app": application}),
            (rf"{re.escape(path)}/?", UpdateHandler, {"bot_app": application, "secret": secret}),
        ],
        log_function=_log_request,
    )


def run_webhook(application: Application, settings: Settings) -> None:
    """Serve until SIGINT/SIGTERM: listen on ``0.0.0.0:$PORT``, tell Telegram the URL and secret."""
    check_webhook_settings(settings)
    asyncio.run(_serve(application, settings))


async def _serve(application: Application, settings: Settings) -> None:
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows loops
            loop.add_signal_handler(sig, stopping.set)

    url, secret = settings.webhook_url or "", settings.webhook_secret or ""
    path = webhook_path(url)
    server = tornado.httpserver.HTTPServer(
        make_web_app(application, path, secret), max_body_size=MAX_BODY_BYTES, idle_connection_timeout=75
    )
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        server.listen(settings.port, address="0.0.0.0")
        log.info(
            "webhook: listening on 0.0.0.0:%d at %s (health check at %s)",
            settings.port,
            path or "/",
            HEALTH_PATH,
        )
        await _set_webhook(application, url, secret)
        await application.start()
        log.info("webhook: Telegram sends updates to %s", url)
        await stopping.wait()
        log.info("webhook: stopping")
    finally:
        server.stop()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.close_all_connections(), 5)
        if application.running:
            await application.stop()  # handles what is already queued first
            if application.post_stop:
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def _set_webhook(application: Application, url: str, secret: str) -> None:
    """setWebhook, retried a few times on network trouble (a bad URL or token fails at once)."""
    for attempt in range(1, SET_WEBHOOK_ATTEMPTS + 1):
        try:
            await application.bot.set_webhook(
                url=url, secret_token=secret, allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
            )
            return
        except (BadRequest, InvalidToken):
            raise
        except NetworkError as exc:
            if attempt == SET_WEBHOOK_ATTEMPTS:
                raise
            log.warning("webhook: setWebhook failed (%s); trying again in %d s", exc, attempt)
            await asyncio.sleep(attempt)


class RefusalLog:
    """Refused requests, summarised: the first is logged with its details, then at most one line a
    ``interval`` seconds with the counts, so an unauthenticated flood cannot flood the log."""

    def __init__(self, interval: float = 60.0) -> None:
        self.interval = interval
        self.counts: Counter[int] = Counter()
        self.last_line = -math.inf

    def refused(self, status: int, method: str, path: str, remote_ip: str | None) -> None:
        now = time.monotonic()
        self.counts[status] += 1
        if now - self.last_line < self.interval:
            return
        total = sum(self.counts.values())
        if total == 1:
            log.warning("webhook: %d for %s %s from %s", status, method, _short(path), remote_ip)
        else:
            by_status = ", ".join(f"{n} × {s}" for s, n in sorted(self.counts.items()))
            log.warning(
                "webhook: refused %d requests in the last %.0f s (%s); latest %s %s from %s",
                total, min(now - self.last_line, self.interval), by_status, method, _short(path), remote_ip,
            )
        self.counts.clear()
        self.last_line = now


REFUSALS = RefusalLog()


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Refusals are worth a line (summarised); every accepted update is not."""
    status = handler.get_status()
    if status >= 400:
        REFUSALS.refused(status, handler.request.method or "", handler.request.path, handler.request.remote_ip)


class HealthHandler(tornado.web.RequestHandler):
    """200 while the bot handles updates, 503 while it starts or stops."""

    def initialize(self, bot_app: Application) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        running = self.bot_app.running
        self.set_status(HTTPStatus.OK if running else HTTPStatus.SERVICE_UNAVAILABLE)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("ok\n" if running else "starting or stopping\n")

    def head(self) -> None:
        self.set_status(HTTPStatus.OK if self.bot_app.running else HTTPStatus.SERVICE_UNAVAILABLE)
        self.finish()


class UpdateHandler(tornado.web.RequestHandler):
    """Telegram's POST of one update: refused (403) without the secret header, 400 when unreadable."""

    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, bot_app: Application, secret: str) -> None:
        self.bot_app = bot_app
        self.secret = secret.encode()

    def check_xsrf_cookie(self) -> None:  # an API endpoint, not a form
        return None

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):  # constant time: the secret is the only key
            self._refuse(HTTPStatus.FORBIDDEN, "missing or wrong secret token")
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.bot_app.bot) if isinstance(data, dict) else None
        except Exception as exc:  # any malformed body is the sender's fault, never ours to crash on
            log.debug("webhook: unreadable update (%r)", exc)  # counted with the refusals
            update = None
        if update is None:
            self._refuse(HTTPStatus.BAD_REQUEST, "not a Telegram update")
            return
        bot = self.bot_app.bot
        if isinstance(bot, ExtBot):  # as PTB's own webhook handler does, for arbitrary callback data
            bot.insert_callback_data(update)
        await self.bot_app.update_queue.put(update)
        self.set_status(HTTPStatus.OK)
        self.finish()

    def _refuse(self, status: HTTPStatus, reason: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status.value} {reason}\n")
