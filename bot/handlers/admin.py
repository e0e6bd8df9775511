"""Admin commands: /post (text, reply, or attached file), /delete, /stats."""

from __future__ import annotations

import logging
import re

from telegram import Document, Message, Update
from telegram.ext import ContextTypes

from bot import ingest
from bot.handlers.common import BAD, answer, db_of, is_admin, parse_article_id, settings_of, tr_of
from bot.render import articles as render
from bot.render import messages
from storage import articles, feeds, subscribers
from summarizer.language import normalise

log = logging.getLogger(__name__)

#: Largest attached article file read; bigger ones are refused before downloading.
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
DOCUMENT_TYPES = (".txt", ".md", ".markdown", ".html", ".htm")
#: ``/post lang=fr …``: the article's language given, not detected (first word after the command).
_LANG_OPTION = re.compile(r"^[ \t]*lang=(\S*)[ \t]*", re.IGNORECASE)


async def post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    message = update.effective_message
    try:
        language, own = language_option(_after_command(message.text or message.caption or ""))
        if language == "":
            await answer(update, messages.bad_language())
            return
        text = await _article_text(message, context, own)
        if text is None:
            await answer(update, messages.usage("post"))
            return
        if _is_url(text):
            await _post_url(update, context, text.strip(), language)
            return
        article = ingest.article_from_text(text)
    except ingest.IngestError as exc:
        await answer(update, messages.cannot_post(str(exc)))
        return
    result = await ingest.post_article(
        db_of(context),
        article,
        posted_by=update.effective_user.id,
        source="telegram",
        method=settings_of(context).summarizer,
        language=language,
    )
    await answer(
        update,
        render.posted(result.article, result.created),
        reply_markup=render.posted_keyboard(result.article, result.created),
    )


def language_option(text: str) -> tuple[str | None, str]:
    """``lang=xx`` opening the text after /post: (its code, the rest). No option: (None, text);
    an option that is not a language code: ("", text)."""
    match = _LANG_OPTION.match(text)
    if match is None:
        return None, text
    return normalise(match.group(1)) or "", text[match.end() :]


async def _article_text(message: Message, context: ContextTypes.DEFAULT_TYPE, own: str) -> str | None:
    """The article from the command's own text, its attached file, or the message it replies to."""
    if message.document is not None:
        return await _document_text(message.document, context)
    if own.strip():
        return own
    replied = message.reply_to_message
    if replied is not None:
        if replied.document is not None:
            return await _document_text(replied.document, context)
        return replied.text or replied.caption or None
    return None


def _after_command(text: str) -> str:
    """What follows ``/post`` (or ``/post@bot``), keeping the line breaks."""
    if not text.startswith("/"):
        return text
    first, _, rest = text.partition("\n")
    _, _, after = first.partition(" ")
    return f"{after}\n{rest}" if after.strip() else rest


def _is_url(text: str) -> bool:
    stripped = text.strip()
    return (
        "\n" not in stripped and " " not in stripped and stripped.lower().startswith(("http://", "https://"))
    )


async def _document_text(document: Document, context: ContextTypes.DEFAULT_TYPE) -> str:
    name = (document.file_name or "").lower()
    if not name.endswith(DOCUMENT_TYPES):
        raise ingest.IngestError("attach a .txt, .md or .html file")
    size = document.file_size or 0
    if size > MAX_DOCUMENT_BYTES:
        raise ingest.IngestError(
            f"the file is {size / 2**20:.1f} MB; the limit is {MAX_DOCUMENT_BYTES // 2**20} MB"
        )
    telegram_file = await context.bot.get_file(document.file_id)
    data = bytes(await telegram_file.download_as_bytearray())
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ingest.IngestError(f"the file is over {MAX_DOCUMENT_BYTES // 2**20} MB")
    return await ingest.document_text(data, name)


async def _post_url(
    update: Update, context: ContextTypes.DEFAULT_TYPE, url: str, language: str | None = None
) -> None:
    try:
        from bot import fetch
    except ImportError:
        await answer(update, messages.cannot_post("posting links is not available on this server"))
        return
    await answer(update, "Fetching the page…")
    try:
        result = await fetch.post_url(
            db_of(context), url, settings_of(context), update.effective_user.id, language=language
        )
    except fetch.FetchError as exc:
        await answer(update, messages.cannot_post(str(exc)))
        return
    await answer(
        update,
        render.posted(result.article, result.created),
        reply_markup=render.posted_keyboard(result.article, result.created),
    )


async def delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    article_id = parse_article_id(context.args)
    if article_id is None or article_id == BAD:
        await answer(update, messages.usage("delete"))
        return
    db = db_of(context)
    article = await articles.get(db, article_id)
    if article is None or not await articles.delete(db, article_id):
        await answer(update, messages.no_such_article(article_id))
        return
    await answer(update, messages.deleted(article.id, article.title))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await answer(update, tr_of(update)(messages.ADMIN_ONLY))
        return
    db = db_of(context)
    await answer(
        update,
        messages.stats(await articles.count(db), await subscribers.counts(db), feeds=await feeds.count(db)),
    )
