"""Inline mode results: one article as a ready-to-send message (escaped HTML, within Telegram's limit)."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode

from bot.i18n import ENGLISH, Translator
from bot.render.articles import heading, source_button
from bot.render.split import LIMIT, fit, split_blocks
from storage.articles import StoredArticle

TITLE_CHARS = 120  # what a result list shows of a title
DESCRIPTION_CHARS = 160  # the grey line under it
MESSAGE_TITLE_CHARS = 400  # a title line is not a place for a whole article


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def deep_link(bot_username: str, article_id: int) -> str:
    """``https://t.me/<bot>?start=<id>``: opens the chat with the bot, which sends ``/start <id>``."""
    return f"https://t.me/{bot_username}?start={article_id}"


def result_message(article: StoredArticle, bot_username: str | None = None, tr: Translator = ENGLISH) -> str:
    """Title, id and date, the briefing, and a link to the article in the bot; never over 4096.

    In the language of the reader who asked (``tr``): the message goes out under their name."""
    head = heading(replace(article, title=_shorten(article.title, MESSAGE_TITLE_CHARS)), tr)
    tail = ""
    if bot_username and len(bot_username) <= 64:  # Telegram's are at most 32 characters
        link = escape(deep_link(bot_username, article.id), quote=True)
        label = escape(tr("Quotes and full text in @{bot}")).format(bot=escape(bot_username))
        tail = f'\n\n<a href="{link}">{label}</a>'
    sentences = article.briefing or []
    if not sentences:
        return f"{head}\n\n<i>{escape(tr('No briefing: the article has no full sentences.'))}</i>{tail}"
    budget = LIMIT - len(head) - len(tail) - 3  # the blank line, and "…" when cut
    body = escape(" ".join(sentences))
    if len(body) > budget:  # cut on a sentence or word, never inside an entity like &amp;
        body = split_blocks([body], budget)[0] + "…"
    return fit(f"{head}\n\n{body}{tail}")


def result_description(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    """Plain text (Telegram shows it as is): the start of the briefing."""
    first = " ".join(article.briefing or [])
    return _shorten(first, DESCRIPTION_CHARS) if first.strip() else tr("No briefing")


def article_result(
    article: StoredArticle, bot_username: str | None = None, tr: Translator = ENGLISH
) -> InlineQueryResultArticle:
    """One result in the reader's language (``tr``); the article's own text is never translated."""
    return InlineQueryResultArticle(
        id=str(article.id),
        title=_shorten(article.title, TITLE_CHARS) or tr("Article #{id}").format(id=article.id),
        description=result_description(article, tr),
        input_message_content=InputTextMessageContent(
            result_message(article, bot_username, tr),
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=InlineKeyboardMarkup([[button]]) if (button := source_button(article, tr)) else None,
    )
