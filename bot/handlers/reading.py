"""Reader commands: /start, /help, /latest, /brief, /quotes, /search and the article buttons."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import BAD, answer, db_of, is_admin, parse_article_id, parse_id, tr_of
from bot.render import articles as render
from bot.render import messages
from storage import articles, subscribers
from summarizer.stems import stems


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db = db_of(context)
    if update.effective_chat is not None:
        await subscribers.reactivate(db, update.effective_chat.id)
    article_id = parse_article_id(context.args)
    if article_id is None:
        await answer(update, tr_of(update)(messages.WELCOME))
        return
    await _send_card(update, context, article_id, usage="start")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, messages.help_text(is_admin(update, context), tr_of(update)))


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await articles.latest(db_of(context))
    tr = tr_of(update)
    if article is None:
        await answer(update, tr(messages.NO_ARTICLES))
        return
    await answer(update, render.article_card(article, tr), reply_markup=render.article_keyboard(article, tr))


async def brief(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await _article_from_args(update, context, "brief")
    if article is not None:
        tr = tr_of(update)
        await answer(update, render.briefing_message(article, tr), reply_markup=render.article_keyboard(article, tr))


async def quotes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    article = await _article_from_args(update, context, "quotes")
    if article is not None:
        first, *rest = render.quotes_messages(article, tr_of(update))
        await answer(update, first)
        if rest:  # the other parts go at one a second: by a task, so this update's slot is free
            sending: set[tuple[int, str, int]] = context.bot_data.setdefault("sending", set())
            key = (update.effective_chat.id, "quotes", article.id)
            sending.add(key)
            context.application.create_task(
                _send_parts(context, update.effective_chat.id, rest, sending, key), update=update
            )


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    words = " ".join(context.args or []).strip()
    tr = tr_of(update)
    if not words:
        await answer(update, messages.usage("search", tr))
        return
    db = db_of(context)
    # Stems in the reader's language and in those of the stored articles: "élections" finds "électeurs".
    spoken = {tr.code, *await articles.languages(db)}
    found = await articles.search(db, words, limit=10, expand=lambda word: stems(word, spoken))
    await answer(update, render.search_results(words, found, tr), reply_markup=render.search_keyboard(found))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Inline buttons: under an article q quotes, f full text, o older, n newer (``q:12``);
    under search results c opens that article's card."""
    query = update.callback_query
    action, _, raw_id = (query.data or "").partition(":")
    db = db_of(context)
    article_id = parse_id(raw_id) if action in ("q", "f", "o", "n", "c") else None
    current = await articles.get(db, article_id) if article_id is not None else None
    tr = tr_of(update)
    if current is None:
        await query.answer(tr(messages.GONE), show_alert=True)
        return
    if action in ("o", "n"):
        neighbour = await (articles.older if action == "o" else articles.newer)(db, current.id)
        if neighbour is None:
            await query.answer(messages.edge(action, tr))
            return
        await query.answer()
        await query.edit_message_text(
            render.article_card(neighbour, tr), reply_markup=render.article_keyboard(neighbour, tr)
        )
        return
    chat_id = query.message.chat.id if query.message is not None else update.effective_user.id
    if action == "c":
        await query.answer()
        await context.bot.send_message(
            chat_id, render.article_card(current, tr), reply_markup=render.article_keyboard(current, tr)
        )
        return
    sending: set[tuple[int, str, int]] = context.bot_data.setdefault("sending", set())
    key = (chat_id, action, current.id)
    if key in sending:  # pressed again while the parts are still going out
        await query.answer(tr(messages.ALREADY_SENDING))
        return
    await query.answer()
    texts = render.quotes_messages(current, tr) if action == "q" else render.full_text_messages(current, tr)
    sending.add(key)
    # The parts go out at one a second (Telegram's per-chat limit): sent by a task of their own,
    # so this update's slot is free at once for other users' commands.
    context.application.create_task(_send_parts(context, chat_id, texts, sending, key), update=update)


async def _send_parts(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    texts: list[str],
    sending: set[tuple[int, str, int]],
    key: tuple[int, str, int],
) -> None:
    try:
        for text in texts:
            await context.bot.send_message(chat_id, text)
    finally:
        sending.discard(key)


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Button data no handler knows (an old keyboard, a forged press): answered, so the spinner stops."""
    await update.callback_query.answer(tr_of(update)(messages.UNKNOWN_BUTTON), show_alert=True)


async def unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command: answered in a private chat, or in a group when addressed to this bot."""
    message = update.effective_message
    text = (message.text or message.caption or "").strip()
    command, _, addressee = text.split(maxsplit=1)[0].partition("@") if text else ("", "", "")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return  # /latest@otherbot is for another bot
    if not addressee and update.effective_chat is not None and update.effective_chat.type != "private":
        return  # a group's /command may be for any of its bots
    await answer(update, messages.unknown_command(command, tr_of(update)))


async def plain_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, messages.not_a_command(tr_of(update)))


async def _article_from_args(
    update: Update, context: ContextTypes.DEFAULT_TYPE, command: str
) -> articles.StoredArticle | None:
    article_id = parse_article_id(context.args)
    tr = tr_of(update)
    if article_id == BAD:
        await answer(update, messages.usage(command, tr))
        return None
    db = db_of(context)
    article = await (articles.latest(db) if article_id is None else articles.get(db, article_id))
    if article is None:
        await answer(
            update, tr(messages.NO_ARTICLES) if article_id is None else messages.no_such_article(article_id, tr)
        )
    return article


async def _send_card(update: Update, context: ContextTypes.DEFAULT_TYPE, article_id: int, usage: str) -> None:
    tr = tr_of(update)
    if article_id == BAD:
        await answer(update, messages.usage(usage, tr))
        return
    article = await articles.get(db_of(context), article_id)
    if article is None:
        await answer(update, messages.no_such_article(article_id, tr))
        return
    await answer(update, render.article_card(article, tr), reply_markup=render.article_keyboard(article, tr))
