"""Feeds: a local feed server that changes between polls and answers 304; the feeds storage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape

import pytest

from bot import feeds as feed_polling
from bot import fetch
from bot.config import Settings
from storage import articles, feeds
from storage.db import Database
from tests.local_server import Answer, LocalServer

LOCAL = Settings(fetch_private=True, feed_interval=600)
ADMIN = 500
TOWNS = ["Ashford", "Bexley", "Corfe", "Dunmore", "Elmstead", "Fairlie"]


def story(n: int) -> tuple[str, str]:
    town = TOWNS[n]
    return (
        f"{town} opens a new bridge",
        f"<p>The new bridge in {town} opened on Monday after three years of work.</p>"
        f"<p>“It saves us half an hour every morning,” said {town} resident Sam Green, who drives to work.</p>",
    )


def rss(count: int, base: str, *, with_text: bool = True) -> bytes:
    items = []
    for n in reversed(range(count)):  # newest first, as feeds list them
        title, body = story(n)
        description = f"<description>{escape(body)}</description>" if with_text else ""
        items.append(
            f"<item><guid>urn:story:{n}</guid><title>{escape(title)}</title>"
            f"<link>{base}/story/{n}</link>{description}"
            f"<pubDate>Mon, 0{n + 1} Jun 2026 08:00:00 GMT</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Valley News</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


class ChangingFeed:
    """Serves 3 entries, then 5 (2 new) with a new ETag, answering 304 to a matching conditional GET."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.count = 3

    def __call__(self, headers: dict[str, str]) -> Answer:
        etag = f'"v{self.count}"'
        if headers.get("if-none-match") == etag:
            return Answer(status=304, headers={"ETag": etag})
        return Answer(
            rss(self.count, self.server.url("")),
            headers={
                "Content-Type": "application/rss+xml; charset=utf-8",
                "ETag": etag,
                "Last-Modified": f"Mon, 0{self.count} Jun 2026 08:00:00 GMT",
            },
        )


async def test_3_entries_then_5_then_a_304_give_exactly_5_articles(db: Database, server: LocalServer):
    changing = ChangingFeed(server)
    server.routes["/feed.xml"] = changing
    feed, first = await feed_polling.add_feed(db, server.url("/feed.xml"), LOCAL, ADMIN)
    assert first.added == 3 and feed.title == "Valley News"

    changing.count = 5
    feed = await feeds.get(db, feed.id)
    second = await feed_polling.poll_feed(db, feed, LOCAL)
    assert second.added == 2 and not second.not_modified

    feed = await feeds.get(db, feed.id)
    assert feed.etag == '"v5"' and feed.last_modified == "Mon, 05 Jun 2026 08:00:00 GMT"
    third = await feed_polling.poll_feed(db, feed, LOCAL)
    assert third.not_modified and third.added == 0
    conditional = server.requests[-1][1]
    assert conditional["if-none-match"] == '"v5"'
    assert conditional["if-modified-since"] == "Mon, 05 Jun 2026 08:00:00 GMT"

    stored = await articles.since(db, 0, limit=100)
    assert len(stored) == 5
    assert sorted(a.title for a in stored) == sorted(story(n)[0] for n in range(5))
    assert len({a.url for a in stored}) == 5 and len({a.content_hash for a in stored}) == 5
    # oldest entry first: ids follow publication order
    assert [a.title for a in reversed(stored)] == [story(n)[0] for n in range(5)]
    first_article = stored[-1]
    assert first_article.body.startswith("The new bridge in Ashford opened on Monday")
    assert first_article.source == "feed" and first_article.url == server.url("/story/0")
    assert first_article.briefing and first_article.quotes


async def test_a_feed_without_validators_is_polled_again_without_duplicates(
    db: Database, server: LocalServer
):
    server.routes["/plain.xml"] = Answer(rss(4, "http://news.example"), headers={"Content-Type": "text/xml"})
    feed, first = await feed_polling.add_feed(db, server.url("/plain.xml"), LOCAL, ADMIN)
    again = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    assert (first.added, again.added, again.not_modified) == (4, 0, False)
    assert "if-none-match" not in server.requests[-1][1]
    assert await articles.count(db) == 4


async def test_entries_already_stored_by_link_or_by_text_are_not_added_again(
    db: Database, server: LocalServer
):
    base = server.url("")
    title, body = story(0)
    server.routes["/story/0"] = Answer(
        f"<html><body><article><h1>{title}</h1>{body}</article></body></html>".encode(),
        headers={"Content-Type": "text/html"},
    )
    posted = await fetch.post_url(db, f"{base}/story/0", LOCAL, ADMIN)  # same link, posted by hand
    server.routes["/a.xml"] = Answer(rss(2, base), headers={"Content-Type": "application/rss+xml"})
    # Another feed carries the same two stories under other links and ids: same text, same hash.
    server.routes["/b.xml"] = Answer(
        rss(2, base).replace(b"/story/", b"/mirror/").replace(b"urn:story:", b"urn:mirror:"),
        headers={"Content-Type": "application/rss+xml"},
    )
    _, from_a = await feed_polling.add_feed(db, f"{base}/a.xml", LOCAL, ADMIN)
    _, from_b = await feed_polling.add_feed(db, f"{base}/b.xml", LOCAL, ADMIN)
    assert (from_a.added, from_b.added) == (1, 0)
    assert await articles.count(db) == 2
    assert (await articles.by_url(db, f"{base}/story/0")).id == posted.article.id


async def test_entries_with_only_a_link_bring_in_the_linked_page(db: Database, server: LocalServer):
    base = server.url("")
    for n in range(2):
        title, body = story(n)
        server.routes[f"/story/{n}"] = Answer(
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>".encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    server.routes["/links.xml"] = Answer(rss(2, base, with_text=False), headers={"Content-Type": "text/xml"})
    _, result = await feed_polling.add_feed(db, f"{base}/links.xml", LOCAL, ADMIN)
    assert result.added == 2
    bexley = await articles.by_url(db, f"{base}/story/1")
    assert bexley.title == "Bexley opens a new bridge" and "Sam Green" in bexley.body


async def test_an_atom_feed_works_too(db: Database, server: LocalServer):
    title, body = story(2)
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Corfe Courier</title><id>urn:courier</id><updated>2026-06-03T08:00:00Z</updated>"
        f"<entry><id>urn:courier:1</id><title>{escape(title)}</title><updated>2026-06-03T08:00:00Z</updated>"
        f'<link href="http://courier.example/1"/><content type="html">{escape(body)}</content></entry></feed>'
    )
    server.routes["/atom"] = Answer(atom.encode(), headers={"Content-Type": "application/atom+xml"})
    feed, result = await feed_polling.add_feed(db, server.url("/atom"), LOCAL, ADMIN)
    assert feed.title == "Corfe Courier" and result.added == 1
    assert (await articles.latest(db)).title == title


async def test_a_web_page_or_an_image_is_not_a_feed_and_is_not_stored(db: Database, server: LocalServer):
    server.routes["/page"] = Answer(
        b"<html><body><p>Hello there.</p></body></html>", headers={"Content-Type": "text/html"}
    )
    server.routes["/logo.png"] = Answer(b"\x89PNG\r\n", headers={"Content-Type": "image/png"})
    for path, reason in [
        ("/page", "that link is not an RSS or Atom feed"),
        ("/logo.png", "that link is not an RSS or Atom feed (it is image/png)"),
        ("/missing", "the server answered 404 Not Found"),
    ]:
        with pytest.raises(fetch.FetchError) as caught:
            await feed_polling.add_feed(db, server.url(path), LOCAL, ADMIN)
        assert str(caught.value) == reason
    assert await feeds.all_feeds(db) == []
    with pytest.raises(fetch.FetchError, match="local or private-network address"):
        await feed_polling.add_feed(db, server.url("/feed.xml"), Settings(fetch_private=False), ADMIN)


async def test_a_failed_poll_is_recorded_and_the_next_good_one_clears_it(db: Database, server: LocalServer):
    changing = ChangingFeed(server)
    server.routes["/feed.xml"] = changing
    feed, _ = await feed_polling.add_feed(db, server.url("/feed.xml"), LOCAL, ADMIN)
    server.routes["/feed.xml"] = Answer(b"down", status=503, headers={"Content-Type": "text/plain"})
    failed = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    assert failed.error == "the server answered 503 Service Unavailable"
    assert (await feeds.get(db, feed.id)).last_error == failed.error
    changing.count = 4
    server.routes["/feed.xml"] = changing
    ok = await feed_polling.poll_feed(db, await feeds.get(db, feed.id), LOCAL)
    assert ok.added == 1 and (await feeds.get(db, feed.id)).last_error is None


async def test_poll_due_skips_feeds_polled_within_half_an_interval(db: Database, server: LocalServer):
    server.routes["/feed.xml"] = ChangingFeed(server)
    feed, _ = await feed_polling.add_feed(db, server.url("/feed.xml"), LOCAL, ADMIN)
    now = datetime.now(UTC)
    assert await feed_polling.poll_due(db, LOCAL, now) == {}
    later = await feed_polling.poll_due(db, LOCAL, now + timedelta(seconds=LOCAL.feed_interval))
    assert list(later) == [feed.id] and later[feed.id].not_modified


# --- storage ---------------------------------------------------------------------------------------


async def test_feeds_storage_add_list_due_and_remove(db: Database):
    first = await feeds.add(db, "http://a.example/rss", title="A", added_by=ADMIN)
    second = await feeds.add(db, "http://b.example/rss")
    assert (await feeds.add(db, "http://a.example/rss", title="other")).id == first.id
    assert [f.url for f in await feeds.all_feeds(db)] == ["http://a.example/rss", "http://b.example/rss"]
    assert await feeds.count(db) == 2
    assert first.added_by == ADMIN and first.last_polled_at is None

    now = datetime.now(UTC)
    assert [f.id for f in await feeds.due(db, now)] == [first.id, second.id]
    await feeds.polled(db, first.id, etag='"x"', last_modified="Mon, 01 Jun 2026 08:00:00 GMT", title="A2")
    polled = await feeds.get(db, first.id)
    assert (polled.etag, polled.title, polled.last_error) == ('"x"', "A2", None)
    assert [f.id for f in await feeds.due(db, now - timedelta(minutes=1))] == [second.id]
    assert [f.id for f in await feeds.due(db, now + timedelta(minutes=1))] == [first.id, second.id]

    await feeds.failed(db, second.id, "the server answered 500")
    assert (await feeds.get(db, second.id)).last_error == "the server answered 500"

    assert await feeds.remove(db, second.id) and not await feeds.remove(db, second.id)
    assert await feeds.get(db, second.id) is None and await feeds.by_url(db, "http://b.example/rss") is None


async def test_removing_a_feed_forgets_its_entries_but_keeps_its_articles(db: Database):
    feed = await feeds.add(db, "http://a.example/rss")
    stored, _ = await articles.add(db, title="Kept", body="A body that stays.", url="http://a.example/1")
    await feeds.mark_seen(db, feed.id, "urn:1", stored.id)
    await feeds.mark_seen(db, feed.id, "urn:1", None)  # seen twice: still one row, first wins
    await feeds.mark_seen(db, feed.id, "urn:2", None)
    assert await feeds.seen(db, feed.id, "urn:1") and not await feeds.seen(db, feed.id, "urn:3")
    await feeds.remove(db, feed.id)
    again = await feeds.add(db, "http://a.example/rss")
    assert not await feeds.seen(db, again.id, "urn:1")
    row = await db.fetchone("SELECT COUNT(*) FROM feed_entries")
    assert row[0] == 0
    assert (await articles.by_url(db, "http://a.example/1")).title == "Kept"
