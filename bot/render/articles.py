"""Article messages: the card (/latest), briefing, quotes, full text, search results.

Labels and buttons are in the reader's language (``tr``, bot.i18n); article text never is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import ENGLISH, Translator
from bot.render.split import clip, fit, shown, split_blocks
from storage.articles import StoredArticle
from summarizer.quotes import Quote, key_quotes, ranked

#: Most characters of a title shown; titles are bounded where they enter too (bot.ingest).
TITLE_CHARS = 300
CREDIT_CHARS = 300
SEARCH_ECHO_CHARS = 64
QUOTE_CHARS = 1000  # a quote is a sentence or two; a longer "quote" is a mis-read, shown cut
SPEAKER_CHARS = 200
BRIEFING_CHARS = 3000  # three sentences; a "sentence" longer than a card is shown cut
SITE_CHARS = 100


def _day(stamp: str, tr: Translator = ENGLISH) -> str | None:
    """``25 Nov 2026`` from an ISO date or time; None when it is not one."""
    try:
        return tr.date(datetime.fromisoformat(stamp.strip().replace("Z", "+00:00")).date())
    except ValueError:
        return None


def posted_date(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    """The date the source published the article when known, else the day it was posted here
    (``25 Nov 2026``, ``25 nov. 2026``… in the reader's language)."""
    if article.published_at and (published := _day(article.published_at, tr)):
        return published
    return _day(article.posted_at, tr) or article.posted_at[:10]


def source_name(article: StoredArticle) -> str | None:
    """Where the story comes from: the feed's title or the page's site name, else the link's host."""
    if article.site_name:
        return article.site_name
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else None


def heading(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    source = source_name(article)
    where = f" · {shown(source, SITE_CHARS)}" if source else ""
    return f"<b>{shown(article.title, TITLE_CHARS)}</b>\n<i>#{article.id}{where} · {escape(posted_date(article, tr))}</i>"


def briefing_text(article: StoredArticle, sentences: int | None = None, tr: Translator = ENGLISH) -> str:
    chosen = (article.briefing or [])[:sentences]
    if not chosen:
        return "<i>" + escape(tr("No briefing: the article has no full sentences.")) + "</i>"
    return escape(clip(" ".join(chosen), BRIEFING_CHARS))


def stored_quotes(stored: Sequence[StoredArticle]) -> list[Quote]:
    """The quotes of stored articles (JSON objects in SQLite) as the extractor's ``Quote``s."""
    return [Quote.from_json(q) for article in stored for q in article.quotes or []]


def quote_line(quote: Quote) -> str:
    """A quote and its speaker, each bounded: three key quotes always fit one card."""
    who = f" — <i>{shown(quote.speaker, SPEAKER_CHARS)}</i>" if quote.speaker else ""
    return f"{shown(quote.quote, QUOTE_CHARS)}{who}"


def key_quotes_block(stored: Sequence[StoredArticle], tr: Translator = ENGLISH) -> str | None:
    """The key-quotes block of a card or a daily update: the one picker, over these articles' quotes."""
    chosen = key_quotes(stored_quotes(stored))
    if not chosen:
        return None
    return "<b>" + escape(tr("Key quotes")) + "</b>\n" + "\n".join(quote_line(q) for q in chosen)


@functools.lru_cache(maxsize=1024)
def card_keyboard(article_id: int, tr: Translator = ENGLISH) -> InlineKeyboardMarkup:
    """The card's buttons in the reader's language; made once per article and language (PTB's objects
    are immutable, so they are shared): building them was the largest share of what /latest costs in
    our code (``updates.py --profile``)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(tr("Quotes"), callback_data=f"q:{article_id}"),
                InlineKeyboardButton(tr("Full text"), callback_data=f"f:{article_id}"),
            ],
            [
                InlineKeyboardButton(tr("« Older"), callback_data=f"o:{article_id}"),
                InlineKeyboardButton(tr("Newer »"), callback_data=f"n:{article_id}"),
            ],
        ]
    )


#: What Telegram takes as a URL button: an http(s) link without spaces, at most 2,048 characters.
_BUTTON_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
READ_AT_CHARS = 40


def source_button(article: StoredArticle, tr: Translator = ENGLISH) -> InlineKeyboardButton | None:
    """``Read at <site>``, opening the article's own page; None without a usable link."""
    url = article.url or ""
    if not _BUTTON_URL.match(url) or len(url) > 2048:
        return None
    site = source_name(article) or tr("the source")
    if len(site) > READ_AT_CHARS:
        site = site[: READ_AT_CHARS - 1].rstrip() + "…"
    return InlineKeyboardButton(tr("Read at {site}").format(site=site), url=url)


def article_keyboard(article: StoredArticle, tr: Translator = ENGLISH) -> InlineKeyboardMarkup:
    """The card's buttons, and a row with the link to the source when the article has one."""
    rows = [list(row) for row in card_keyboard(article.id, tr).inline_keyboard]
    button = source_button(article, tr)
    if button is not None:
        rows.append([button])
    return InlineKeyboardMarkup(rows)


def article_card(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    """Title, id and date, the briefing, and the key quotes: what /latest shows."""
    blocks = [heading(article, tr), briefing_text(article, tr=tr)]
    quotes = key_quotes_block([article], tr)
    if quotes:
        blocks.append(quotes)
    return split_blocks(blocks)[0]


def briefing_message(article: StoredArticle, tr: Translator = ENGLISH) -> str:
    return fit(f"{heading(article, tr)}\n\n{briefing_text(article, tr=tr)}")


def quotes_messages(article: StoredArticle, tr: Translator = ENGLISH) -> list[str]:
    """Every quote of the article with its speaker, best first."""
    quotes = ranked(stored_quotes([article]))
    if not quotes:
        none = escape(tr("No direct quotes in this article."))
        return [fit(f"{heading(article, tr)}\n\n{none}")]
    return split_blocks([heading(article, tr), *[quote_line(q) for q in quotes]])


def full_text_messages(article: StoredArticle, tr: Translator = ENGLISH) -> list[str]:
    """The whole article, split on paragraph or sentence boundaries to fit Telegram's limit."""
    blocks = [heading(article, tr), *[escape(p) for p in article.body.split("\n\n") if p.strip()]]
    if article.credit:
        blocks.append(f"<i>{shown(article.credit, CREDIT_CHARS)}</i>")
    return split_blocks(blocks)


SEARCH_BUTTON_CHARS = 60  # a button label is one line on a phone


def search_results(words: str, found: Sequence[StoredArticle], tr: Translator = ENGLISH) -> str:
    echo = shown(words, SEARCH_ECHO_CHARS)
    if not found:
        return escape(tr("No articles match “{words}”. Try fewer or other words.")).replace("{words}", echo)
    lines = ["<b>" + escape(tr("Articles matching “{words}”")).replace("{words}", echo) + "</b>"]
    for article in found:
        first = (article.briefing or [""])[0]
        summary = f"\n{escape(clip(first, 200))}" if first else ""
        lines.append(f"#{article.id} · <b>{shown(article.title, TITLE_CHARS)}</b>{summary}")
    lines.append("<i>" + escape(tr("Tap a story below to open it.")) + "</i>")
    return split_blocks(lines)[0]


def search_keyboard(found: Sequence[StoredArticle]) -> InlineKeyboardMarkup | None:
    """One button per result: pressing it sends that article's card."""
    if not found:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(_label(f"#{a.id} · {a.title}", SEARCH_BUTTON_CHARS), callback_data=f"c:{a.id}")]
            for a in found
        ]
    )


def _label(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def posted_keyboard(article: StoredArticle, created: bool) -> InlineKeyboardMarkup | None:
    """A newly posted article's card keeps its buttons (the link to the source among them)."""
    return article_keyboard(article) if created else None


def posted(article: StoredArticle, created: bool) -> str:
    if not created:
        return f"Already stored as #{article.id}: <b>{shown(article.title, TITLE_CHARS)}</b> (not added again)."
    return fit(f"Posted as #{article.id}.\n\n{article_card(article)}")
