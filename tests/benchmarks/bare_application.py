"""The fair baseline for ``updates.py``: a bare python-telegram-bot ``Application``, one handler.

Run as its own process, as the bot is: it long-polls its own stand-in with the same PTB settings the
bot uses (HTML default, no link previews, eight concurrent updates) and answers ``/latest`` with the
very reply the bot sent (text, parse mode and keyboard, read from a JSON file). No database, no
flood limiter, no rendering: what is left of the bot's time over this is ours.

Usage: python tests/benchmarks/bare_application.py API_URL TOKEN REPLY.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes, Defaults


def main(api_url: str, token: str, reply_path: str) -> None:
    reply = json.loads(Path(reply_path).read_text(encoding="utf-8"))
    markup = InlineKeyboardMarkup.de_json(reply["reply_markup"], None) if reply.get("reply_markup") else None

    async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(reply["text"], reply_markup=markup)

    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{api_url}/bot")
        .base_file_url(f"{api_url}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(8)
        .build()
    )
    application.add_handler(CommandHandler("latest", latest))
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
