"""Issue 13, item 10: a hostile or simply large feed costs no memory blow-up and loses no entry."""

from __future__ import annotations

import resource
import time
from html import escape

from bot import feeds as feed_polling
from bot.config import Settings
from storage import articles, feeds
from storage.db import Database
from tests.local_server import Answer, LocalServer

LOCAL = Settings(fetch_private=True, feed_interval=600)
ADMIN = 500
RSS = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"big"'}


def laughs(size: int = 3 * 1024 * 1024, uses: int = 99) -> bytes:
    """A 3 MB entity referenced 99 times: ~300 MB of text once expanded, on every poll."""
    entity = "ha" * (size // 2)
    used = "&laugh;" * uses
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY laugh "{entity}">]>'
        '<rss version="2.0"><channel><title>Laughs</title>'
        f"<item><guid>urn:laugh</guid><title>Laugh track</title><description>{used} The end of the story."
        "</description></item></channel></rss>"
    ).encode()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_dtd_entities_are_never_expanded():
    before = peak_rss_mb()
    started = time.monotonic()
    parsed = feed_polling.parse(laughs(), "application/rss+xml")
    took = time.monotonic() - started
    grew = peak_rss_mb() - before
    print(f"\nentity feed: parsed in {took:.2f} s, peak memory grew by {grew:.0f} MB")
    assert grew < 100  # the expanded text alone would be ~300 MB
    text = " ".join(e.get("summary", "") for e in parsed.entries)
    assert "haha" not in text


def test_an_external_entity_is_not_read():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>X</title><item><guid>1</guid><title>T</title>'
        b"<description>&secret; text</description></item></channel></rss>"
    )
    parsed = feed_polling.parse(body, "application/rss+xml")
    assert "root:" not in str(parsed.entries)


def many(count: int, base: str) -> bytes:
    items = []
    for n in reversed(range(count)):
        items.append(
            f"<item><guid>urn:n:{n}</guid><title>Story number {n} of the day</title>"
            f"<link>{base}/s/{n}</link><description>{escape(f'<p>Story {n} happened in the town square today.</p>')}"
            f"</description><pubDate>Mon, 01 Jun 2026 {n // 60:02d}:{n % 60:02d}:00 GMT</pubDate></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Busy</title>{"".join(items)}</channel></rss>'
    ).encode()


async def test_entries_beyond_fifty_arrive_on_the_next_polls(db: Database, server: LocalServer):
    """120 entries, with an ETag: 50 a poll, and the feed is fetched whole again until all are in."""
    server.routes["/busy.xml"] = lambda headers: (
        Answer(status=304, headers=RSS)
        if headers.get("if-none-match") == RSS["ETag"]
        else Answer(many(120, server.url("")), headers=RSS)
    )
    feed, first = await feed_polling.add_feed(db, server.url("/busy.xml"), LOCAL, ADMIN)
    assert first.added == 50
    second = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    third = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    assert (second.added, third.added) == (50, 20)
    fourth = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    assert fourth.not_modified  # all in: now the validators are kept
    stored = await articles.since(db, 0, limit=500)
    assert sorted(a.title for a in stored) == sorted(f"Story number {n} of the day" for n in range(120))
    assert [a.title for a in reversed(stored)][:2] == ["Story number 0 of the day", "Story number 1 of the day"]


async def test_a_feed_entry_with_a_6300_character_title_is_stored_bounded(db: Database, server: LocalServer):
    title = "Headline " * 700  # 6,300 characters
    body = escape("<p>The story itself is short and ordinary, as stories go.</p>")
    server.routes["/long.xml"] = Answer(
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>'
            f"<item><guid>urn:long</guid><title>{title}</title><description>{body}</description></item>"
            "</channel></rss>"
        ).encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    _, result = await feed_polling.add_feed(db, server.url("/long.xml"), LOCAL, ADMIN)
    assert result.added == 1
    stored = (await articles.since(db, 0, limit=5))[0]
    assert stored.title.startswith("Headline Headline") and len(stored.title) <= 300
    assert stored.title.endswith("…")
