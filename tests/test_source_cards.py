"""Cards lead to the source (issue 14): the source's name, its publication date and a "Read at" button."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from storage import articles
from storage.db import Database
from tests.conftest import ADMIN, READER, InProcessBot
from tests.local_server import Answer, LocalServer
from tests.standin import StandIn
from tests.test_feeds import rss, story
from tests.test_fetch import HTML, PAGE

RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def page(title: str, site: str | None, published: str | None) -> bytes:
    """A news page whose head names its site and date the way publishers do (Open Graph)."""
    meta = ""
    if site:
        meta += f'<meta property="og:site_name" content="{escape(site)}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>"
        "<p>The harbour board agreed on Wednesday to dredge the channel before the summer season, "
        "after two cargo ships ran aground in the spring.</p>"
        "<p>“We cannot wait another year for this work,” said harbour master Olu Mensah, who asked "
        "for the money in January.</p>"
        f"<p>The story, {escape(title.lower())}, is expected to run for six weeks.</p>"
        "</article></body></html>"
    ).encode()


def link_only_feed(title: str, links: list[str], *, dated: bool) -> bytes:
    items = "".join(
        f"<item><guid>urn:link:{n}</guid><title>Story {n}</title><link>{escape(link)}</link>"
        + ("<pubDate>Tue, 02 Jun 2026 09:30:00 GMT</pubDate>" if dated else "")
        + "</item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link>{items}</channel></rss>"
    ).encode()


def url_buttons(sent) -> list[dict]:
    rows = (sent.reply_markup or {}).get("inline_keyboard", [])
    return [button for row in rows for button in row if "url" in button]


def today() -> str:
    return datetime.now(UTC).strftime("%-d %b %Y")


@pytest.fixture
async def linked_bot(standin: StandIn, db_path: Path) -> AsyncIterator[InProcessBot]:
    process = InProcessBot(standin, db_path, NEWSBRIEF_FETCH_PRIVATE="1")
    await process.start()
    yield process
    await process.stop()
    assert "error while handling" not in process.log(), process.log()[-3000:]


async def latest(api: StandIn):
    api.send_text(READER, "/latest")
    return await api.reply(READER)


async def test_a_feed_entry_card_names_the_feed_dates_the_entry_and_links_to_it(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    server.routes["/feed.xml"] = Answer(rss(3, server.url("")), headers=RSS)
    standin.send_text(ADMIN, f"/feed add {server.url('/feed.xml')}")
    await standin.replies(ADMIN, 2)

    card = await latest(standin)
    title = story(2)[0]
    assert card.plain.startswith(f"{title}\n#3 · Valley News · 3 Jun 2026\n")  # the entry's pubDate
    assert url_buttons(card) == [{"text": "Read at Valley News", "url": server.url("/story/2")}]
    assert card.buttons[:4] == ["Quotes", "Full text", "« Older", "Newer »"]

    # Older/Newer edits keep the source line and the link of the article now shown.
    standin.press_button(READER, card, "« Older")
    edited = await standin.reply(READER)
    assert "#2 · Valley News · 2 Jun 2026" in edited.plain
    assert url_buttons(edited)[0]["url"] == server.url("/story/1")


async def test_a_linked_feed_entry_takes_its_date_from_the_feed_or_else_the_page(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    server.routes["/a"] = Answer(page("Channel to be dredged", "Port Herald", "2026-04-07T06:00:00Z"), headers=HTML)
    server.routes["/b"] = Answer(page("Night closures for the channel", None, None), headers=HTML)
    server.routes["/undated.xml"] = Answer(
        link_only_feed("Tom & Jerry's <Harbour> Wire", [server.url("/a"), server.url("/b")], dated=False),
        headers=RSS,
    )
    standin.send_text(ADMIN, f"/feed add {server.url('/undated.xml')}")
    await standin.replies(ADMIN, 2)

    # Feeds list the newest first: /a is the newer entry (#2), /b the older (#1).
    card = await latest(standin)  # /a: the page's own published_time
    assert card.plain.startswith("Channel to be dredged\n#2 · Tom & Jerry's <Harbour> Wire · 7 Apr 2026\n")
    assert url_buttons(card) == [{"text": "Read at Tom & Jerry's <Harbour> Wire", "url": server.url("/a")}]
    standin.press_button(READER, card, "« Older")
    older = await standin.reply(READER)  # /b: no date anywhere, so the day it was posted here
    assert f"#1 · Tom & Jerry's <Harbour> Wire · {today()}" in older.plain
    assert url_buttons(older)[0]["url"] == server.url("/b")

    server.routes["/c"] = Answer(page("Dredger arrives", "Port Herald", "2026-04-09"), headers=HTML)
    server.routes["/dated.xml"] = Answer(link_only_feed("Dated Wire", [server.url("/c")], dated=True), headers=RSS)
    standin.send_text(ADMIN, f"/feed add {server.url('/dated.xml')}")
    await standin.replies(ADMIN, 2)
    assert "#3 · Dated Wire · 2 Jun 2026" in (await latest(standin)).plain  # the feed's date wins


async def test_a_posted_link_card_names_the_site_and_links_to_the_page(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    server.routes["/dredging"] = Answer(
        page("Channel to be dredged", "The Coast Gazette", "2026-03-04T10:00:00Z"), headers=HTML
    )
    standin.send_text(ADMIN, f"/post {server.url('/dredging')}")
    _, posted = await standin.replies(ADMIN, 2)
    assert posted.plain.startswith("Posted as #1.\n\nChannel to be dredged\n#1 · The Coast Gazette · 4 Mar 2026")
    assert url_buttons(posted) == [{"text": "Read at The Coast Gazette", "url": server.url("/dredging")}]

    card = await latest(standin)
    assert "#1 · The Coast Gazette · 4 Mar 2026" in card.plain
    assert url_buttons(card) == url_buttons(posted)

    standin.send_text(READER, "/brief 1")
    assert url_buttons(await standin.reply(READER)) == url_buttons(posted)


async def test_a_page_without_metadata_still_names_where_it_is_from(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    server.routes["/ferry"] = Answer(PAGE, headers=HTML)
    standin.send_text(ADMIN, f"/post {server.url('/ferry')}")
    await standin.replies(ADMIN, 2)
    card = await latest(standin)
    [button] = url_buttons(card)
    assert button["url"] == server.url("/ferry") and button["text"].startswith("Read at 127.0.0.1")
    assert f"· {today()}" in card.plain.splitlines()[1]


async def test_text_posts_have_no_source_line_or_link(standin: StandIn, bot: InProcessBot):
    standin.send_text(ADMIN, "/post Quiet night\nNothing happened in the harbour last night, the coastguard said.")
    await standin.reply(ADMIN)
    card = await latest(standin)
    assert card.plain.splitlines()[1] == f"#1 · {today()}"
    assert url_buttons(card) == []


async def test_an_entry_with_a_link_telegram_would_refuse_gets_no_button(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer, db_path: Path
):
    body = "<p>The lighthouse keeper retired on Friday after forty years of service on the point.</p>"
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Odd Wire</title>'
        "<item><guid>odd</guid><title>Keeper retires</title><link>javascript:alert(1)</link>"
        f"<description>{escape(body)}</description></item></channel></rss>"
    ).encode()
    server.routes["/odd.xml"] = Answer(feed, headers=RSS)
    standin.send_text(ADMIN, f"/feed add {server.url('/odd.xml')}")
    await standin.replies(ADMIN, 2)
    card = await latest(standin)
    assert card.plain.startswith("Keeper retires\n#1 · Odd Wire")
    assert url_buttons(card) == []  # and the stand-in saw no BUTTON_URL_INVALID (fixture check)
    async with await Database.open(db_path) as db:
        stored = await articles.get(db, 1)
    assert stored is not None and stored.site_name == "Odd Wire"


def stored(**fields) -> articles.StoredArticle:
    base = {
        "id": 7,
        "title": "Pier reopens",
        "body": "The pier reopened on Saturday.",
        "credit": None,
        "source": "feed",
        "url": None,
        "language": "en",
        "posted_by": None,
        "posted_at": "2026-11-30T08:00:00.000000Z",
        "content_hash": "x",
        "briefing": ["The pier reopened on Saturday."],
        "quotes": [],
        "summarizer_version": None,
    }
    return articles.StoredArticle(**{**base, **fields})


def test_source_line_and_button_for_articles_stored_before_migration_5_and_odd_values():
    from bot.render.articles import article_keyboard, heading
    from tests.standin import to_plain_text

    def buttons(article):
        return [b.to_dict() for row in article_keyboard(article).inline_keyboard for b in row if b.url]

    # Stored before the columns existed: the link's host names it, the posting date dates it.
    old = stored(url="https://www.harbour-news.example/pier")
    assert to_plain_text(heading(old), "HTML").splitlines()[1] == "#7 · harbour-news.example · 30 Nov 2026"
    assert buttons(old) == [{"text": "Read at harbour-news.example", "url": old.url}]

    # Markup in a site name is text; a long one is cut on the button; a date that is no date is ignored.
    odd = stored(
        url="https://example.org/a",
        site_name="<b>Port & Harbour</b> " + "Gazette " * 10,
        published_at="2026-13-45",
    )
    line = to_plain_text(heading(odd), "HTML").splitlines()[1]
    assert line.startswith("#7 · <b>Port & Harbour</b> Gazette") and line.endswith(" · 30 Nov 2026")
    [button] = buttons(odd)
    assert button["text"].startswith("Read at <b>Port & Harbour</b>") and len(button["text"]) <= len("Read at ") + 40

    # Links Telegram would refuse get no button; the card's own buttons stay.
    for url in ("javascript:alert(1)", "ftp://example.org/x", "https://exa mple.org/", "/relative", ""):
        article = stored(url=url or None, site_name="Wire")
        assert buttons(article) == [], url
        assert len(article_keyboard(article).inline_keyboard) == 2


async def test_an_inline_result_names_the_source_and_carries_the_link(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    server.routes["/dredging"] = Answer(
        page("Channel to be dredged", "The Coast Gazette", "2026-03-04T10:00:00Z"), headers=HTML
    )
    standin.send_text(ADMIN, f"/post {server.url('/dredging')}")
    await standin.replies(ADMIN, 2)
    standin.send_text(ADMIN, "/post Quiet night\nNothing happened in the channel last night, the coastguard said.")
    await standin.reply(ADMIN)

    answer = await standin.inline_answer(standin.inline_query(READER, "channel"))
    by_id = {r["id"]: r for r in answer["results"]}
    linked, plain = by_id["1"], by_id["2"]
    assert "#1 · The Coast Gazette · 4 Mar 2026" in linked["input_message_content"]["message_text"]
    assert linked["reply_markup"]["inline_keyboard"] == [
        [{"text": "Read at The Coast Gazette", "url": server.url("/dredging")}]
    ]
    assert "reply_markup" not in plain
