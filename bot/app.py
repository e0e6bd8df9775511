"""The Application: built and wired in one place, so the whole command surface reads on one screen."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Bot, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import alerts, i18n, ingest
from bot.config import ConfigError, Settings
from bot.flood import FloodLimiter
from bot.handlers import admin, channels, daily, feeds, follow, inline, reading, subscription
from bot.handlers.common import tr_of
from bot.reader_language import ReaderLanguageStep
from bot.render import messages
from storage.db import Database, is_busy
from summarizer import language

log = logging.getLogger(__name__)

COMMANDS = messages.command_menu()  # English: the default for every other language


def build_application(
    settings: Settings, *, token: str | None = None, request: BaseRequest | None = None
) -> Application:
    """The bot with every handler registered; storage opens in post_init and closes at shutdown.

    ``request`` replaces the HTTP client for Bot API calls (the console's in-process Telegram).
    """
    i18n.load_all()  # readers' interface catalogs, compiled once now (bot/i18n.py)
    # Up to 8 updates at once; before each, a reader's new Telegram language becomes their daily update's.
    updates = ReaderLanguageStep(8)
    builder = ApplicationBuilder()
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = (
        builder.token(token or settings.token or "")
        .base_url(settings.bot_api_base)
        .base_file_url(settings.bot_file_base)
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .rate_limiter(FloodLimiter(settings.rate, per_chat_interval=settings.chat_interval))
        .concurrent_updates(updates)
        .post_init(open_storage)
        .post_shutdown(close_storage)
        .build()
    )
    application.bot_data["settings"] = settings
    updates.bot_data = application.bot_data

    def command(name: str | list[str], callback):  # new messages only: an edited /post must not post again
        return CommandHandler(name, callback, filters=filters.UpdateType.MESSAGE)

    application.add_handlers(
        # Order matters: PTB runs the first handler that matches, so the catch-alls come last.
        [
            command("start", reading.start),
            command("help", reading.help_command),
            command("latest", reading.latest),
            command("brief", reading.brief),
            command("quotes", reading.quotes),
            command("search", reading.search),
            command("subscribe", subscription.subscribe),
            command("unsubscribe", subscription.unsubscribe),
            command("settings", subscription.show_settings),
            command("digest", daily.digest),
            command("post", admin.post),
            MessageHandler(
                filters.UpdateType.MESSAGE
                & filters.Document.ALL
                & filters.CaptionRegex(r"^/post(@\w+)?(\s|$)"),
                admin.post,
            ),
            command("delete", admin.delete),
            command("stats", admin.stats),
            command("push", daily.push),
            command("feed", feeds.feed),
            command("follow", follow.follow),
            command("unfollow", follow.unfollow),
            command("following", follow.following),
            command(["alert", "alerts"], follow.alert),
            command("channel", channels.channel),
            # PTB gives a press without data (a game's, or forged) to the first handler with a
            # pattern, whatever the pattern says; this one takes such presses first, and no other.
            CallbackQueryHandler(reading.stale_button, pattern=lambda data: False),
            CallbackQueryHandler(follow.choose_mode, pattern=r"^dm:(all|first|only)$"),
            CallbackQueryHandler(reading.button, pattern=r"^[qfonc]:[0-9]{1,12}$"),
            CallbackQueryHandler(reading.stale_button),  # any other data: answered all the same
            InlineQueryHandler(inline.inline_query),
            MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, reading.unknown),
            MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & ~filters.COMMAND, reading.plain_text),
        ]
    )
    application.add_error_handler(on_error)
    # Every repeating job, started once storage is open (post_init): the database decides who is
    # due or which feed to poll; the jobs only tick.
    application.bot_data["jobs"] = [
        Job(refresh_briefings, name="refresh-briefings", first=0),
        Job(daily.tick, name="daily-clock", first=1, interval=daily.TICK_SECONDS),
        Job(feeds.poll_job, name="feeds", first=settings.feed_interval, interval=settings.feed_interval),
        Job(alerts.tick, name="stories", first=1, interval=alerts.TICK_SECONDS),
    ]
    return application


@dataclass(frozen=True)
class Job:
    """A job of the job queue: run once ``first`` seconds after start-up, then every ``interval``."""

    callback: Callable[[ContextTypes.DEFAULT_TYPE], Awaitable[None]]
    name: str
    first: float
    interval: float | None = None


def start_jobs(application: Application) -> None:
    """Schedule the jobs listed in ``build_application`` (relative to now, so none is missed)."""
    queue = application.job_queue
    for job in application.bot_data["jobs"]:
        if job.interval is None:
            queue.run_once(job.callback, when=job.first, name=job.name)
        else:
            queue.run_repeating(job.callback, interval=job.interval, first=job.first, name=job.name)


async def open_storage(application: Application) -> None:
    """Open the database, announce the commands, start the jobs (PTB's post_init)."""
    settings: Settings = application.bot_data["settings"]
    application.bot_data["db"] = await Database.open(settings.db_path)
    await asyncio.to_thread(language.warm)  # the first post would otherwise wait for the model
    for code, tr in i18n.load_all().items():  # the menu in each reader's language, English by default
        if code != "en":
            await application.bot.set_my_commands(messages.command_menu(tr), language_code=code)
    await application.bot.set_my_commands(COMMANDS)
    start_jobs(application)


async def check_start(settings: Settings) -> None:
    """What must work before serving, checked once so a failure is one line and exit 2 (bot.cli),
    not a traceback from inside PTB's start-up: the database opens (and migrates), Telegram
    accepts the token. Network trouble is left to PTB, which retries it."""
    db = await Database.open(settings.db_path)
    await db.close()
    bot = Bot(settings.token or "", base_url=settings.bot_api_base, base_file_url=settings.bot_file_base)
    try:
        await bot.get_me()
    except InvalidToken:
        raise ConfigError("TELEGRAM_BOT_TOKEN: Telegram refused the token; copy it again from @BotFather") from None
    except NetworkError:
        pass
    finally:
        await bot.shutdown()


async def refresh_briefings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Articles briefed by an older summarizer (or another method) get fresh briefings and quotes."""
    settings: Settings = context.bot_data["settings"]
    refreshed = await ingest.refresh_stale(context.bot_data["db"], settings.summarizer)
    if refreshed:
        log.info("refreshed the briefings of %d articles made by an older summarizer", refreshed)


async def close_storage(application: Application) -> None:
    db = application.bot_data.pop("db", None)
    if db is not None:
        await db.close()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log unexpected failures with their context; tell the user something short and kind."""
    error = context.error
    if is_busy(error):
        # Another program held the database's write lock for longer than a write waits: no bug here.
        log.warning("a write waited too long for the database lock (%s) while handling %r", error, update)
        reply = messages.DATABASE_BUSY
    else:
        log.error("error while handling %r", update, exc_info=error)
        reply = messages.SOMETHING_WRONG
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(tr_of(update)(reply)))
        except Exception:  # the chat may be gone; the log line above already has the story
            log.warning("could not tell chat %s about the error", update.effective_chat.id, exc_info=True)


class StartupError(Exception):
    """The bot cannot start (the Bot API unreachable); the message is one line."""


def serve(settings: Settings, *, webhook: bool) -> None:
    """Serve Telegram until SIGINT/SIGTERM: the webhook on ``$PORT``, or long polling.

    The caller has checked that there is a token (and the webhook settings when ``webhook``).
    """
    asyncio.run(check_start(settings))  # the database and the token: ConfigError/StorageError, one line
    application = build_application(settings)
    try:
        if webhook:
            from bot.webhook import run_webhook

            run_webhook(application, settings)
        else:
            _poll(application, settings)
    except InvalidToken:  # check_start saw it accepted; refused since (revoked meanwhile)
        raise ConfigError("TELEGRAM_BOT_TOKEN: Telegram refused the token; copy it again from @BotFather") from None
    except NetworkError as exc:
        raise StartupError(f"cannot reach the Bot API at {settings.api_url}: {exc}") from None


def _poll(application: Application, settings: Settings) -> None:
    """Long polling. The application is initialised first on the loop run_polling then uses, so a
    refused token is one exception here: PTB's own bootstrap would log it as a full traceback."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(application.initialize())
    except BaseException:
        loop.close()
        raise
    if settings.webhook_url:
        log.info("polling: NEWSBRIEF_WEBHOOK_URL is ignored (the web process serves the webhook)")
    log.info("polling %s for updates", settings.api_url)
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
