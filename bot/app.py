"""The Application: built and wired in one place, so the whole command surface reads on one screen."""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Bot, BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)

from bot import ingest
from bot.config import ConfigError, Settings
from bot.flood import FloodLimiter
from bot.handlers import admin, daily, reading, subscription
from bot.render import messages
from storage.db import Database

log = logging.getLogger(__name__)

COMMANDS = [
    BotCommand("latest", "the newest story"),
    BotCommand("brief", "briefing of an article: /brief [id]"),
    BotCommand("quotes", "who said what: /quotes [id]"),
    BotCommand("search", "find articles: /search words"),
    BotCommand("digest", "today's update now"),
    BotCommand("subscribe", "daily update: /subscribe [HH:MM] [Area/City]"),
    BotCommand("settings", "your daily update settings"),
    BotCommand("unsubscribe", "stop the daily update"),
    BotCommand("help", "what I can do"),
]


def build_application(settings: Settings, *, token: str | None = None) -> Application:
    """The bot with every handler registered; storage opens in post_init and closes at shutdown."""
    application = (
        ApplicationBuilder()
        .token(token or settings.token or "")
        .base_url(settings.bot_api_base)
        .base_file_url(settings.bot_file_base)
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .rate_limiter(FloodLimiter(settings.rate))
        .concurrent_updates(8)
        .post_init(open_storage)
        .post_shutdown(close_storage)
        .build()
    )
    application.bot_data["settings"] = settings

    def command(name: str, callback):  # new messages only: an edited /post must not post again
        return CommandHandler(name, callback, filters=filters.UpdateType.MESSAGE)

    application.add_handlers(
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
            CallbackQueryHandler(reading.button, pattern=r"^[qfon]:[0-9]{1,12}$"),
            CallbackQueryHandler(reading.stale_button),  # any other data: answered all the same
            MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, reading.unknown),
            MessageHandler(filters.ChatType.PRIVATE & ~filters.COMMAND, reading.plain_text),
        ]
    )
    for extension in _extensions():
        extension.register(application)
    application.add_error_handler(on_error)
    return application


def _extensions() -> list:
    """Optional features (feeds, inline mode) that register their own handlers when present."""
    found = []
    for name in ("bot.handlers.inline", "bot.handlers.feeds"):
        try:
            found.append(__import__(name, fromlist=["register"]))
        except ImportError:
            continue
    return found


async def open_storage(application: Application) -> None:
    """Open the database, announce the commands, start the daily clock (PTB's post_init)."""
    settings: Settings = application.bot_data["settings"]
    application.bot_data["db"] = await Database.open(settings.db_path)
    await application.bot.set_my_commands(COMMANDS)
    daily.start_clock(application)
    application.job_queue.run_once(refresh_briefings, when=0, name="refresh-briefings")


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
    log.error("error while handling %r", update, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(messages.SOMETHING_WRONG))
        except Exception:  # the chat may be gone; the log line above already has the story
            log.warning("could not tell chat %s about the error", update.effective_chat.id, exc_info=True)


def serve(settings: Settings) -> int:
    """``newsbrief run``: long polling (or webhook); without a token, the offline console."""
    if not settings.token and settings.webhook_url:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN: not set, but NEWSBRIEF_WEBHOOK_URL is; a webhook needs the bot's token"
        )
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set: starting the offline console instead (see README).")
        logging.getLogger().setLevel(logging.WARNING)  # the console's screen is for the chat
        from bot.console import run_console

        return run_console(settings)
    if settings.webhook_url:
        from bot.webhook import check_webhook_settings

        check_webhook_settings(settings)
    asyncio.run(check_start(settings))
    application = build_application(settings)
    if settings.webhook_url:
        from bot.webhook import run_webhook

        run_webhook(application, settings)
    else:
        log.info("polling %s for updates", settings.api_url)
        application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    return 0
