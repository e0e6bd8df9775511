"""Story cards sent on their own: a breaking alert to a reader, a post in a linked channel."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import ENGLISH, N_, Translator
from bot.render.articles import article_card
from bot.render.split import LIMIT, shown
from storage.articles import StoredArticle

ALERT_HEADER = N_("🔔 <b>Alert</b> · a story on a topic you follow")
ALERT_FOOTER = N_("<i>/following lists your topics · /alert off stops alerts</i>")


def _framed(parts: list[str], card: str) -> str:
    """The card with its header and footer, or the card alone if together they would be too long."""
    text = "\n\n".join(parts).replace("{card}", card)
    return text if len(text) <= LIMIT else card


def alert_card(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    """The card framed as an alert, in the reader's language (``tr``; the catalog's own markup)."""
    return _framed([tr(ALERT_HEADER), "{card}", tr(ALERT_FOOTER)], article_card(article, tr))


def channel_post(article: StoredArticle) -> str:
    return article_card(article)


def channel_keyboard(article_id: int, bot_username: str | None) -> InlineKeyboardMarkup | None:
    """A link to the story in the bot (callback buttons would answer into the channel itself)."""
    if not bot_username:
        return None
    url = f"https://t.me/{bot_username}?start={article_id}"
    return InlineKeyboardMarkup([[InlineKeyboardButton("Quotes and full text", url=url)]])


def channel_paused(name: str, reason: str) -> str:
    return (
        f"Channel {shown(name, 100)} is paused: I can no longer post there ({shown(reason, 200)}). "
        f"Make me an admin with the right to post, then /channel add {shown(name, 100)} resumes it."
    )
