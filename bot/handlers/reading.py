"""Reader commands: /start, /help, /latest, /brief, /quotes, /search and the article buttons."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import BAD, answer, db_of, is_admin, parse_article_id
from bot.render import articles as render
from bot.render import messages
from storage import articles, subscribers


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db = db_of(context)
    if update.effective_chat is not None:
        await subscribers.reactivate(db, update.effective_chat.id)
    article_id = parse_article_id(context.args)
    if article_id is None:
        await answer(update, messages.WELCOME)
        return
    await _send_card(update, context, article_id, usage="start")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, messages.help_text(is_admin(update, context)))


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await articles.latest(db_of(context))
    if article is None:
        await answer(update, messages.NO_ARTICLES)
        return
    await answer(update, render.article_card(article), reply_markup=render.article_keyboard(article))


async def brief(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await _article_from_args(update, context, "brief")
    if article is not None:
        await answer(update, render.briefing_message(article), reply_markup=render.article_keyboard(article))


async def quotes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await _article_from_args(update, context, "quotes")
    if article is not None:
        for text in render.quotes_messages(article):
            await answer(update, text)


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    words = " ".join(context.args or []).strip()
    if not words:
        await answer(update, messages.usage("search"))
        return
    found = await articles.search(db_of(context), words, limit=10)
    await answer(update, render.search_results(words, found), reply_markup=render.search_keyboard(found))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Inline buttons: under an article q quotes, f full text, o older, n newer (``q:12``);
    under search results c opens that article's card."""
    query = update.callback_query
    action, _, raw_id = (query.data or "").partition(":")
    db = db_of(context)
    current = await articles.get(db, int(raw_id)) if raw_id.isdigit() else None
    if current is None:
        await query.answer("That article is no longer available.", show_alert=True)
        return
    if action in ("o", "n"):
        neighbour = await (articles.older if action == "o" else articles.newer)(db, current.id)
        if neighbour is None:
            await query.answer(messages.edge(action))
            return
        await query.answer()
        await query.edit_message_text(
            render.article_card(neighbour), reply_markup=render.article_keyboard(neighbour)
        )
        return
    await query.answer()
    if action == "c":
        await context.bot.send_message(
            query.message.chat.id, render.article_card(current), reply_markup=render.article_keyboard(current)
        )
        return
    texts = render.quotes_messages(current) if action == "q" else render.full_text_messages(current)
    for text in texts:
        await context.bot.send_message(query.message.chat.id, text)


async def unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = update.effective_message.text or ""
    await answer(update, messages.unknown_command(text.split()[0].split("@")[0]))


async def plain_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, messages.not_a_command())


async def _article_from_args(
    update: Update, context: ContextTypes.DEFAULT_TYPE, command: str
) -> articles.StoredArticle | None:
    article_id = parse_article_id(context.args)
    if article_id == BAD:
        await answer(update, messages.usage(command))
        return None
    db = db_of(context)
    article = await (articles.latest(db) if article_id is None else articles.get(db, article_id))
    if article is None:
        await answer(
            update, messages.NO_ARTICLES if article_id is None else messages.no_such_article(article_id)
        )
    return article


async def _send_card(update: Update, context: ContextTypes.DEFAULT_TYPE, article_id: int, usage: str) -> None:
    if article_id == BAD:
        await answer(update, messages.usage(usage))
        return
    article = await articles.get(db_of(context), article_id)
    if article is None:
        await answer(update, messages.no_such_article(article_id))
        return
    await answer(update, render.article_card(article), reply_markup=render.article_keyboard(article))
