"""One HTML-to-article path: a page gives the same article by link, as an attached file or in a feed entry.

Also ``newsbrief extract``, which prints what ``/post`` would store, and the cases each arrival way
brings on its own (a feed entry's short fragment, a page whose article is a table, another language).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from html import escape
from pathlib import Path

import pytest

from bot import cli
from bot import feeds as feed_polling
from storage import articles
from storage.db import Database
from tests.conftest import ADMIN, InProcessBot
from tests.local_server import Answer, LocalServer
from tests.standin import StandIn, to_plain_text

HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
HEADLINE = "Night trains return to the valley line"
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2026-03-14T07:30:00Z">
</head><body>
<header><a href="/">The Valley Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<main><article>
<h1>{HEADLINE}</h1>
<p class="byline">By Ruth Okafor</p>
<p>Night trains will run on the valley line again from the first of May, the regional rail authority
said on Friday, ending a gap of almost six years since the last sleeper service was cut.</p>
<p>“People told us again and again that they wanted to travel at night and arrive rested,” said Tomas
Berg, the authority's director, at a press conference in the old station hall.</p>
<p>The service will leave the coast at ten in the evening and reach the mountain towns shortly after
six in the morning, with two stops on the way for passengers who work early shifts.</p>
<table><tr><th>Station</th><th>Departs</th></tr>
<tr><td>Harbour Central</td><td>22:05</td></tr><tr><td>Millbrook</td><td>23:40</td></tr>
<tr><td>High Pass</td><td>04:15</td></tr></table>
<p>Tickets go on sale next month; the authority expects the first weeks to be fully booked.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Council approves new bridge</a></li>
<li><a href="/b">Football club signs goalkeeper</a></li></ul></aside>
</main>
<footer><p>Sign up for our morning newsletter.</p><p>© 2026 The Valley Courier. All rights reserved.</p></footer>
<script>window.analytics = "tracking";</script>
</body></html>
"""


def rss_with_content(link: str, title: str, content: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Valley Courier</title><link>{escape(link)}</link>"
        f"<item><guid>urn:valley:1</guid><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<content:encoded>{escape(content)}</content:encoded></item></channel></rss>"
    ).encode()


@pytest.fixture(autouse=True)
def night_trains(server: LocalServer) -> None:
    server.routes["/night-trains"] = Answer(PAGE.encode(), headers=HTML)
    server.routes["/feed.xml"] = Answer(
        rss_with_content(server.url("/night-trains"), HEADLINE, PAGE), headers=RSS
    )


@pytest.fixture
async def linked_bot(standin: StandIn, db_path: Path) -> AsyncIterator[InProcessBot]:
    async with InProcessBot(standin, db_path, NEWSBRIEF_FETCH_PRIVATE="1") as running:
        yield running


async def only_article(db_path: Path) -> articles.StoredArticle:
    async with await Database.open(db_path) as db:
        assert await articles.count(db) == 1
        article = await articles.latest(db)
        assert article is not None
        return article


async def said(api: StandIn, text: str, count: int = 1) -> list[str]:
    api.send_text(ADMIN, text)
    return [to_plain_text(m.text) for m in await api.replies(ADMIN, count)]


async def test_one_page_gives_one_article_by_link_as_an_attachment_and_in_a_feed(
    standin: StandIn, linked_bot: InProcessBot, server: LocalServer, db_path: Path
):
    arrivals = []
    _, posted = await said(standin, f"/post {server.url('/night-trains')}", 2)
    assert posted.startswith("Posted as #") and f"\n\n{HEADLINE}\n" in posted
    arrivals.append(await only_article(db_path))
    assert await said(standin, f"/delete {arrivals[-1].id}") == [f"Deleted #{arrivals[-1].id}: {HEADLINE}."]

    standin.send_document(ADMIN, PAGE.encode(), "night-trains.html", "text/html", caption="/post")
    posted = to_plain_text((await standin.reply(ADMIN)).text)
    assert posted.startswith("Posted as #") and f"\n\n{HEADLINE}\n" in posted
    arrivals.append(await only_article(db_path))
    assert await said(standin, f"/delete {arrivals[-1].id}") == [f"Deleted #{arrivals[-1].id}: {HEADLINE}."]

    assert await said(standin, f"/feed add {server.url('/feed.xml')}", 2) == [
        "Fetching the feed…",
        "Feed #1 added: Valley Courier — 1 new article.",
    ]
    arrivals.append(await only_article(db_path))

    by_link, as_file, in_feed = [(a.title, a.body) for a in arrivals]
    assert by_link == as_file == in_feed
    title, body = by_link
    assert title == HEADLINE
    assert body.startswith("Night trains will run on the valley line again")
    assert "Harbour Central" in body  # the timetable is part of the article
    for boilerplate in ("Most read", "Council approves", "newsletter", "All rights", "analytics", "Sport"):
        assert boilerplate not in body


async def test_a_short_feed_fragment_is_kept_whole_and_a_menu_only_fragment_is_not_an_article(
    db_path: Path, server: LocalServer
):
    from bot.config import Settings

    short = "<p>The A9 is closed near Millbrook after a crash.</p><p>Police expect it to reopen by noon.</p>"
    server.routes["/short.xml"] = Answer(
        rss_with_content(server.url("/closed"), "A9 closed", short), headers=RSS
    )
    async with await Database.open(db_path) as db:
        _, result = await feed_polling.add_feed(
            db, server.url("/short.xml"), Settings(fetch_private=True), ADMIN
        )
        assert result.added == 1
        article = await articles.latest(db)
        assert article is not None and article.title == "A9 closed"
        assert article.body == (
            "The A9 is closed near Millbrook after a crash.\n\nPolice expect it to reopen by noon."
        )


def extract_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, str | None]:
    assert cli.main(["extract", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_newsbrief_extract_prints_what_post_stores_from_a_file_or_a_link(
    tmp_path: Path, server: LocalServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    saved = tmp_path / "night-trains.html"
    saved.write_text(PAGE, encoding="utf-8")
    from_file = extract_json(capsys, "--url", "https://www.valley-courier.example/night-trains", str(saved))
    assert from_file == {
        "title": HEADLINE,
        "site": "The Valley Courier",
        "published": "2026-03-14",
        "language": "en",
        "body": from_file["body"],
    }
    assert from_file["body"].startswith("Night trains will run") and "Most read" not in from_file["body"]

    monkeypatch.setenv("NEWSBRIEF_FETCH_PRIVATE", "1")
    assert extract_json(capsys, server.url("/night-trains")) == from_file

    assert cli.main(["extract", str(saved)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [HEADLINE, "The Valley Courier · 2026-03-14 · en", ""]

    assert cli.main(["extract", str(tmp_path / "missing.html")]) == 1
    assert "missing.html" in capsys.readouterr().err
    server.routes["/menu"] = Answer(
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>", headers=HTML
    )
    assert cli.main(["extract", server.url("/menu")]) == 1
    assert capsys.readouterr().err.strip().endswith("no article found on that page")


def test_the_language_is_the_body_s_and_a_page_without_a_site_name_gets_its_host(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "zug.html"
    page.write_text(
        "<html><head><title>Nachtzüge kehren zurück</title></head><body><article>"
        "<h1>Nachtzüge kehren zurück</h1>"
        "<p>Ab dem ersten Mai fahren wieder Nachtzüge durch das Tal, teilte die Bahnbehörde am Freitag mit.</p>"
        "<p>Die Fahrgäste hätten sich das seit Jahren gewünscht, sagte der Direktor der Behörde.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    found = extract_json(capsys, "--url", "https://www.tal-bote.example/zug", str(page))
    assert found["language"] == "de"
    assert found["site"] == "tal-bote.example"
    assert found["title"] == "Nachtzüge kehren zurück"
    assert found["published"] is None


FURNISHED = """<!doctype html><html><head><title>Night trains are back | The Valley Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Night trains are back</h1>
<h2>The sleeper service returns after six years, with three stops on the way</h2>
<p>Night trains will run on the valley line again from the first of May, the rail authority said on Friday.</p>
<p><strong>SEE MORE:</strong> <a href="/other">Council approves a new bridge over the river</a></p>
<p>The service will leave the coast at ten in the evening and reach the mountains shortly after six.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">We are back on the rails at
night from May! <a href="https://t.co/abc">https://t.co/abc</a></p>&mdash; Valley Rail (@valleyrail)
<a href="https://twitter.com/valleyrail/status/1">March 14, 2026</a></blockquote></div>
<p>Tickets go on sale next month, and the authority expects the first weeks to be fully booked.</p>
<h3>Sign up for our morning newsletter</h3>
</article></body></html>
"""


def test_standfirst_cross_links_and_widget_headings_go_and_an_embedded_post_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "furnished.html"
    page.write_text(FURNISHED, encoding="utf-8")
    found = extract_json(capsys, str(page))
    assert found["title"] == "Night trains are back"
    assert found["body"].split("\n\n") == [
        "Night trains will run on the valley line again from the first of May, the rail authority said on Friday.",
        "The service will leave the coast at ten in the evening and reach the mountains shortly after six.",
        "We are back on the rails at night from May! https://t.co/abc",
        "— Valley Rail (@valleyrail) March 14, 2026",
        "Tickets go on sale next month, and the authority expects the first weeks to be fully booked.",
    ]
