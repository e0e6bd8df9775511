"""The daily update: new articles newest first, each title + short briefing + its own key quotes.

A reader's texts here are in their language (``tr``, bot.i18n); /push's reports are for admins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.i18n import ENGLISH, N_, Translator
from bot.render.articles import SITE_CHARS, TITLE_CHARS, quote_line, source_name, stored_quotes
from bot.render.split import fit, shown, split_blocks
from storage.articles import StoredArticle
from summarizer.quotes import key_quotes

SHORT_BRIEFING = 2  # sentences per article in the daily update
QUOTES_PER_STORY = 2
DAILY_TITLE = N_("Your daily briefing")
LATEST_TITLE = N_("The latest news")
NEW_SINCE_TITLE = N_("New since your update")


def local_time(instant: datetime, zone: str, tr: Translator = ENGLISH) -> str:
    """``Thu 26 Nov 2026, 07:30`` in the reader's zone (a valid IANA name) and language."""
    return tr.date(instant.astimezone(ZoneInfo(zone)), "EEE d MMM y, HH:mm")


def local_day(instant: datetime, zone: str, tr: Translator = ENGLISH) -> str:
    """``Thu 26 Nov 2026`` in the reader's zone (a valid IANA name) and language."""
    return tr.date(instant.astimezone(ZoneInfo(zone)), "EEE d MMM y")


def daily_update(
    articles: Sequence[StoredArticle], day_label: str, title: str = DAILY_TITLE, tr: Translator = ENGLISH
) -> list[str]:
    """The update as messages of at most 4096 characters (usually one): each story with its own
    key quotes under it, so a reader knows whose words belong to which story."""
    blocks = [f"<b>{shown(tr(title), 100)}</b> · {shown(day_label, 100)}"]
    for article in articles:
        sentences = " ".join((article.briefing or [])[:SHORT_BRIEFING])
        source = source_name(article)
        where = f" · {shown(source, SITE_CHARS)}" if source else ""
        lines = [f"<b>{shown(article.title, TITLE_CHARS)}</b> <i>#{article.id}{where}</i>"]
        if sentences:
            lines.append(escape(sentences))
        lines.extend(f"» {quote_line(q)}" for q in key_quotes(stored_quotes([article]), QUOTES_PER_STORY))
        blocks.append("\n".join(lines))
    blocks.append("<i>" + escape(tr("/brief ID for more · /settings to change the time")) + "</i>")
    return split_blocks(blocks)


def nothing_new(tr: Translator = ENGLISH) -> str:
    return tr("Nothing new since your last update. /latest shows the newest story.")


def nothing_since_subscribing(next_local: str, tr: Translator = ENGLISH) -> str:
    text = tr(
        "Nothing has been posted since you subscribed. Your first update comes on "
        "{next} with what is posted until then. /latest shows the newest story now."
    )
    return escape(text).format(next=shown(next_local, 100))


def push_started(article_id: int, subscribers: int) -> str:
    return f"Pushing #{article_id} to {subscribers:,} subscribers…"


def push_report(article_id: int, counts: dict[str, int]) -> str:
    return (
        f"Push of #{article_id} done: {counts.get('sent', 0):,} delivered, "
        f"{counts.get('blocked', 0):,} blocked, {counts.get('failed', 0):,} failed."
    )


def subscribed(delivery_time: str, tz: str, next_local: str, tr: Translator = ENGLISH) -> str:
    text = tr("Subscribed: a daily update at {time} ({zone}).\nNext delivery: {next}.\n/unsubscribe stops it.")
    return fit(escape(text).format(time=shown(delivery_time), zone=shown(tz), next=shown(next_local, 100)))


def settings_text(delivery_time: str, tz: str, next_local: str, active: bool, tr: Translator = ENGLISH) -> str:
    state = tr("on") if active else tr("off")
    text = "<b>" + escape(tr("Daily update")) + f"</b>: {escape(state)}\n"
    text += escape(tr("Time: {time}\nZone: {zone}")).format(time=shown(delivery_time), zone=shown(tz))
    if active:
        text += "\n" + escape(tr("Next delivery: {next}")).format(next=shown(next_local, 100))
    else:
        text += "\n" + escape(tr("/subscribe turns it back on."))
    return fit(text)


NOT_SUBSCRIBED = N_(
    "You are not subscribed. /subscribe gives you a daily update (e.g. /subscribe 07:30 Europe/Berlin)."
)
UNSUBSCRIBED = N_("Unsubscribed: no more daily updates. /subscribe starts them again.")
SUBSCRIBE_USAGE = N_(
    "Usage: /subscribe [HH:MM] [Area/City], e.g. /subscribe 07:30 Europe/Berlin "
    "(24-hour time; an IANA time zone)."
)


def bad_time(text: str, tr: Translator = ENGLISH) -> str:
    message = tr("“{text}” is not a time of day.")
    return escape(message).format(text=shown(text)) + " " + escape(tr(SUBSCRIBE_USAGE))


def bad_zone(text: str, tr: Translator = ENGLISH) -> str:
    message = tr("“{text}” is not a time zone I know.")
    return escape(message).format(text=shown(text)) + " " + escape(tr(SUBSCRIBE_USAGE))
