"""The daily update: new articles newest first, each title + short briefing + its own key quotes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.render.articles import SITE_CHARS, TITLE_CHARS, quote_line, source_name, stored_quotes
from bot.render.split import fit, shown, split_blocks
from storage.articles import StoredArticle
from summarizer.quotes import key_quotes

SHORT_BRIEFING = 2  # sentences per article in the daily update
QUOTES_PER_STORY = 2


def daily_update(
    articles: Sequence[StoredArticle], day_label: str, title: str = "Your daily briefing"
) -> list[str]:
    """The update as messages of at most 4096 characters (usually one): each story with its own
    key quotes under it, so a reader knows whose words belong to which story."""
    blocks = [f"<b>{shown(title, 100)}</b> · {shown(day_label, 100)}"]
    for article in articles:
        sentences = " ".join((article.briefing or [])[:SHORT_BRIEFING])
        source = source_name(article)
        where = f" · {shown(source, SITE_CHARS)}" if source else ""
        lines = [f"<b>{shown(article.title, TITLE_CHARS)}</b> <i>#{article.id}{where}</i>"]
        if sentences:
            lines.append(escape(sentences))
        lines.extend(f"» {quote_line(q)}" for q in key_quotes(stored_quotes([article]), QUOTES_PER_STORY))
        blocks.append("\n".join(lines))
    blocks.append("<i>/brief ID for more · /settings to change the time</i>")
    return split_blocks(blocks)


def nothing_new() -> str:
    return "Nothing new since your last update. /latest shows the newest story."


def nothing_since_subscribing(next_local: str) -> str:
    return (
        "Nothing has been posted since you subscribed. Your first update comes on "
        f"{shown(next_local, 100)} with what is posted until then. /latest shows the newest story now."
    )


def push_started(article_id: int, subscribers: int) -> str:
    return f"Pushing #{article_id} to {subscribers:,} subscribers…"


def push_report(article_id: int, counts: dict[str, int]) -> str:
    return (
        f"Push of #{article_id} done: {counts.get('sent', 0):,} delivered, "
        f"{counts.get('blocked', 0):,} blocked, {counts.get('failed', 0):,} failed."
    )


def subscribed(delivery_time: str, tz: str, next_local: str) -> str:
    return fit(
        f"Subscribed: a daily update at {shown(delivery_time)} ({shown(tz)}).\n"
        f"Next delivery: {shown(next_local, 100)}.\n/unsubscribe stops it."
    )


def settings_text(delivery_time: str, tz: str, next_local: str, active: bool) -> str:
    state = "on" if active else "off"
    text = f"<b>Daily update</b>: {state}\nTime: {shown(delivery_time)}\nZone: {shown(tz)}"
    if active:
        text += f"\nNext delivery: {shown(next_local, 100)}"
    else:
        text += "\n/subscribe turns it back on."
    return fit(text)


NOT_SUBSCRIBED = (
    "You are not subscribed. /subscribe gives you a daily update (e.g. /subscribe 07:30 Europe/Berlin)."
)
UNSUBSCRIBED = "Unsubscribed: no more daily updates. /subscribe starts them again."
SUBSCRIBE_USAGE = (
    "Usage: /subscribe [HH:MM] [Area/City], e.g. /subscribe 07:30 Europe/Berlin "
    "(24-hour time; an IANA time zone)."
)


def bad_time(text: str) -> str:
    return f"“{shown(text)}” is not a time of day. {SUBSCRIBE_USAGE}"


def bad_zone(text: str) -> str:
    return f"“{shown(text)}” is not a time zone I know. {SUBSCRIBE_USAGE}"
