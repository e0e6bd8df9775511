"""Replies of the /feed commands: added, listed, removed, refused, usage."""

from __future__ import annotations

from datetime import datetime
from html import escape

from bot.render.split import clip, shown, split_blocks
from storage.feeds import Feed

USAGE = (
    "Usage: /feed add URL [lang=xx], /feed list, or /feed remove feed-id (e.g. /feed remove 2). "
    "lang=fr stores the feed's articles as French instead of detecting each one's language."
)
NO_FEEDS = "No feeds yet. Add one with /feed add URL."
FETCHING = "Fetching the feed…"


def _name(feed: Feed) -> str:
    return f"<b>{shown(feed.title, 200)}</b>" if feed.title else shown(feed.url, 300)


def _when(stamp: str | None) -> str:
    if not stamp:
        return "not polled yet"
    try:
        return "polled " + datetime.fromisoformat(stamp.replace("Z", "+00:00")).strftime("%-d %b %H:%M UTC")
    except ValueError:
        return f"polled {escape(stamp)}"


def _articles(count: int) -> str:
    return "no new articles" if count == 0 else f"{count} new article{'s' if count != 1 else ''}"


def added(feed: Feed, new_articles: int) -> str:
    return f"Feed #{feed.id} added: {_name(feed)} — {_articles(new_articles)}."


def already_added(feed: Feed) -> str:
    return f"That feed is already #{feed.id}: {_name(feed)}. /feed list shows every feed."


def not_added(reason: str) -> str:
    return f"Feed not added: {shown(reason, 300)}."


def removed(feed: Feed) -> str:
    return f"Feed #{feed.id} removed: {_name(feed)}. The articles it brought in stay."


def no_such_feed(feed_id: int) -> str:
    return f"There is no feed #{feed_id}. /feed list shows every feed."


def _short(text: str, limit: int = 300) -> str:
    return clip(text, limit)


def feed_list(feeds: list[Feed]) -> list[str]:
    """One block per feed (each well under Telegram's limit), packed into as few messages as fit."""
    if not feeds:
        return [NO_FEEDS]
    blocks = ["<b>Feeds</b> · /feed remove id stops one"]
    for feed in feeds:
        block = f"#{feed.id} · {_name(feed)}\n{escape(_short(feed.url))}\n<i>{_when(feed.last_polled_at)}</i>"
        if feed.language:
            block += f" · lang={escape(feed.language)}"
        if feed.last_error:
            block += f" · last error: {escape(_short(feed.last_error))}"
        blocks.append(block)
    return split_blocks(blocks)
