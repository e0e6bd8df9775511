"""End to end: the real bot (in-process) posts a local page by link and follows a local feed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import articles
from storage.db import Database
from tests.conftest import ADMIN, READER, InProcessBot
from tests.local_server import Answer, LocalServer
from tests.standin import StandIn, to_plain_text
from tests.test_feeds import ChangingFeed, story
from tests.test_fetch import HTML, PAGE


@pytest.fixture(autouse=True)
def ferry_page(server: LocalServer) -> None:
    server.routes["/ferry"] = Answer(PAGE, headers=HTML)


@pytest.fixture
async def linked_bot(standin: StandIn, db_path: Path) -> AsyncIterator[InProcessBot]:
    process = InProcessBot(standin, db_path, NEWSBRIEF_FETCH_PRIVATE="1", NEWSBRIEF_FEED_INTERVAL="1")
    await process.start()
    yield process
    await process.stop()
    assert "error while handling" not in process.log(), process.log()[-3000:]


async def said(api: StandIn, user: int, text: str, count: int = 1) -> list[str]:
    api.send_text(user, text)
    return [to_plain_text(m.text) for m in await api.replies(user, count)]


async def count_articles(db_path: Path) -> int:
    async with await Database.open(db_path) as db:
        return await articles.count(db)


async def test_admin_posts_a_page_by_link_and_bad_links_get_clear_replies(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer, db_path: Path
):
    fetching, posted = await said(standin, ADMIN, f"/post {server.url('/ferry')}", 2)
    assert fetching == "Fetching the page…"
    assert posted.startswith("Posted as #1.\n\nFerry strike ends after two weeks")
    assert "Key quotes" in posted and "Maria Lopez" in posted

    server.routes["/big"] = Answer(
        b"<html><body><p>" + b"z" * (10 * 2**20) + b"</p></body></html>", headers=HTML
    )
    server.routes["/file.pdf"] = Answer(b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    server.routes["/away"] = Answer(status=302, headers={"Location": "file:///etc/passwd"})
    for path, reply in [
        ("/big", "Not posted: the page is 10.0 MB; the limit is 5 MB."),
        ("/file.pdf", "Not posted: that link is not a web page (it is application/pdf)."),
        (
            "/away",
            "Not posted: the page redirects to file:///etc/passwd, which is not an http or https link.",
        ),
    ]:
        assert await said(standin, ADMIN, f"/post {server.url(path)}", 2) == ["Fetching the page…", reply]
    assert await count_articles(db_path) == 1

    assert await said(standin, READER, f"/post {server.url('/ferry')}") == [
        "Sorry, only newsbrief admins can do that."
    ]


async def test_admin_adds_a_feed_and_the_polling_job_brings_in_new_entries_once(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer, db_path: Path
):
    changing = ChangingFeed(server)
    server.routes["/feed.xml"] = changing
    url = server.url("/feed.xml")
    assert await said(standin, ADMIN, f"/feed add {url}", 2) == [
        "Fetching the feed…",
        "Feed #1 added: Valley News — 3 new articles.",
    ]
    assert await said(standin, ADMIN, f"/feed add {url}") == [
        "That feed is already #1: Valley News. /feed list shows every feed."
    ]

    changing.count = 5  # the job (every second here) picks up the 2 new entries, then gets 304s
    for _ in range(100):
        if await count_articles(db_path) == 5:
            break
        await asyncio.sleep(0.1)
    for _ in range(100):
        if any(h.get("if-none-match") == '"v5"' for _, h in server.requests):
            break
        await asyncio.sleep(0.1)
    assert any(h.get("if-none-match") == '"v5"' for _, h in server.requests)
    assert await count_articles(db_path) == 5

    standin.send_text(READER, "/latest")
    assert to_plain_text((await standin.reply(READER)).text).startswith(story(4)[0])

    assert "Articles: 5" in (stats := (await said(standin, ADMIN, "/stats"))[0]) and "Feeds: 1" in stats
    listing = (await said(standin, ADMIN, "/feed list"))[0]
    assert listing.startswith("Feeds") and f"#1 · Valley News\n{url}\npolled " in listing
    assert await said(standin, ADMIN, "/feed remove 1") == [
        "Feed #1 removed: Valley News. The articles it brought in stay."
    ]
    assert await said(standin, ADMIN, "/feed remove 1") == [
        "There is no feed #1. /feed list shows every feed."
    ]
    assert await said(standin, ADMIN, "/feed list") == ["No feeds yet. Add one with /feed add URL."]
    assert await count_articles(db_path) == 5


async def test_feed_commands_with_wrong_arguments_or_from_readers(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer
):
    usage = (
        "Usage: /feed add URL [lang=xx], /feed list, or /feed remove feed-id (e.g. /feed remove 2). "
        "lang=fr stores the feed's articles as French instead of detecting each one's language."
    )
    for command in ["/feed", "/feed add", "/feed remove abc", "/feed list everything", "/feed frobnicate"]:
        assert await said(standin, ADMIN, command) == [usage]
    assert await said(standin, ADMIN, "/feed add ftp://127.0.0.1/rss") == [
        "Feed not added: only http:// and https:// links can be fetched."
    ]
    server.routes["/page"] = Answer(PAGE, headers=HTML)
    assert await said(standin, ADMIN, f"/feed add {server.url('/page')}", 2) == [
        "Fetching the feed…",
        "Feed not added: that link is not an RSS or Atom feed.",
    ]
    assert await said(standin, READER, "/feed list") == ["Sorry, only newsbrief admins can do that."]
    assert await standin.quiet(ADMIN, 0.3) == [] and await standin.quiet(READER, 0.3) == []
