"""/post <url>: a page server on 127.0.0.1, and everything that must be refused without storing anything."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot import fetch
from bot.config import Settings
from storage import articles
from storage.db import Database
from tests.local_server import Answer, LocalServer

ADMIN = 500
HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = """<!doctype html>
<html><head><title>Ferry strike ends | The Coast Gazette</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry strike ends after two weeks</h1>
<p>Ferry crews returned to work on Thursday after the union and the operator agreed a new pay deal,
ending a strike that had cut the islands off for two weeks.</p>
<p>“We are glad to be back and the islanders can travel again,” said Maria Lopez, a union spokeswoman,
as the first boat left the harbour at seven in the morning.</p>
<p>The operator said the timetable would be back to normal by the weekend, with extra crossings on Saturday.</p>
</article>
<footer>© The Coast Gazette. All rights reserved.</footer>
</body></html>
""".encode()
TEN_MB = 10 * 1024 * 1024


@pytest.fixture(autouse=True)
def ferry_page(server: LocalServer) -> None:
    server.routes["/ferry"] = Answer(PAGE, headers=HTML)


LOCAL = Settings(fetch_private=True)


async def refused(db: Database, url: str, settings: Settings = LOCAL, **kwargs: float) -> str:
    """Post a link that must fail; returns the reply line and checks nothing was stored."""
    with pytest.raises(fetch.FetchError) as caught:
        await fetch.post_url(db, url, settings, ADMIN, **kwargs)
    assert await articles.count(db) == 0
    message = str(caught.value)
    assert message and "\n" not in message
    return message


async def test_a_local_page_yields_its_title_and_body(db: Database, server: LocalServer):
    result = await fetch.post_url(db, server.url("/ferry"), LOCAL, ADMIN)
    article = result.article
    assert result.created
    assert article.title == "Ferry strike ends after two weeks"
    assert article.body.startswith("Ferry crews returned to work on Thursday")
    assert "said Maria Lopez, a union spokeswoman" in article.body
    assert "extra crossings on Saturday" in article.body
    assert "All rights reserved" not in article.body and "Sport" not in article.body
    assert article.url == server.url("/ferry") and article.source == "web" and article.posted_by == ADMIN
    assert article.briefing and article.quotes and article.quotes[0]["speaker"].startswith("Maria Lopez")


async def test_the_same_link_posted_twice_is_stored_once(db: Database, server: LocalServer):
    first = await fetch.post_url(db, server.url("/ferry"), LOCAL, ADMIN)
    again = await fetch.post_url(db, server.url("/ferry"), LOCAL, ADMIN)
    assert not again.created and again.article.id == first.article.id
    assert await articles.count(db) == 1


async def test_redirects_are_followed_to_the_article(db: Database, server: LocalServer):
    server.routes["/short"] = Answer(status=301, headers={"Location": "/ferry"})
    result = await fetch.post_url(db, server.url("/short"), LOCAL, ADMIN)
    assert result.article.title == "Ferry strike ends after two weeks"


async def test_a_10_mb_page_is_refused(db: Database, server: LocalServer):
    server.routes["/huge"] = Answer(b"<html><body><p>" + b"x" * TEN_MB + b"</p></body></html>", headers=HTML)
    assert await refused(db, server.url("/huge")) == "the page is 10.0 MB; the limit is 5 MB"


async def test_a_10_mb_page_without_a_declared_length_is_cut_off_while_streaming(
    db: Database, server: LocalServer
):
    def chunks() -> Iterator[bytes]:
        yield b"<html><body><p>"
        for _ in range(160):
            yield b"y" * 65536

    server.routes["/stream"] = Answer(chunks, headers=HTML, length=False)
    assert await refused(db, server.url("/stream")) == "the page is larger than 5 MB, the limit"


async def test_a_file_that_is_not_a_web_page_is_refused(db: Database, server: LocalServer):
    server.routes["/report.pdf"] = Answer(b"%PDF-1.7 binary", headers={"Content-Type": "application/pdf"})
    assert (
        await refused(db, server.url("/report.pdf")) == "that link is not a web page (it is application/pdf)"
    )


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/pub/story.html", "file:///etc/passwd"])
async def test_a_redirect_to_a_non_http_scheme_is_refused(db: Database, server: LocalServer, target: str):
    server.routes["/moved"] = Answer(status=302, headers={"Location": target})
    message = await refused(db, server.url("/moved"))
    assert message == f"the page redirects to {target}, which is not an http or https link"


async def test_a_server_that_does_not_answer_in_time_is_given_up(db: Database, server: LocalServer):
    server.routes["/slow"] = Answer(PAGE, headers=HTML, delay=3)
    message = await refused(db, server.url("/slow"), timeout=0.5)
    assert message == "the server did not answer within 0.5 seconds"


async def test_private_addresses_are_refused_unless_allowed(db: Database, server: LocalServer):
    message = await refused(db, server.url("/ferry"), Settings(fetch_private=False))
    assert message.startswith("127.0.0.1 is a local or private-network address")
    assert server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    "host", ["10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "localhost", "0.0.0.0"]
)
async def test_every_kind_of_non_public_host_is_refused(host: str):
    with pytest.raises(fetch.FetchError, match="local or private-network address"):
        await fetch.check_host(host, 80, allow_private=False)
    await fetch.check_host(host, 80, allow_private=True)


async def test_a_public_address_passes_the_check():
    await fetch.check_host("93.184.216.34", 80, allow_private=False)


async def test_every_redirect_hop_is_checked_again(db: Database, server: LocalServer, monkeypatch):
    """The first hop is allowed; its redirect to another local name is not."""
    real = fetch.check_host

    async def first_hop_only(host: str, port: int, *, allow_private: bool) -> None:
        if host != "127.0.0.1":
            await real(host, port, allow_private=False)

    monkeypatch.setattr(fetch, "check_host", first_hop_only)
    port = server.httpd.server_address[1]
    server.routes["/away"] = Answer(status=307, headers={"Location": f"http://localhost:{port}/ferry"})
    assert (await refused(db, server.url("/away"))).startswith("localhost is a local or private-network")
    assert [path for path, _ in server.requests] == ["/away"]


async def test_a_name_that_resolves_to_a_private_address_after_the_check_is_still_refused(
    db: Database, server: LocalServer, monkeypatch
):
    """DNS rebinding: the check saw a public address, the connection went to 127.0.0.1."""

    async def fooled(host: str, port: int, *, allow_private: bool) -> None:
        return None

    monkeypatch.setattr(fetch, "check_host", fooled)
    message = await refused(db, server.url("/ferry"), Settings(fetch_private=False))
    assert message.startswith("127.0.0.1 is a local or private-network address")


async def test_a_page_without_an_article_says_so(db: Database, server: LocalServer):
    server.routes["/index"] = Answer(
        b"<html><head><title>Index</title></head><body><ul><li><a href='/a'>Home</a></li>"
        b"<li><a href='/b'>About us</a></li></ul></body></html>",
        headers=HTML,
    )
    assert await refused(db, server.url("/index")) == "no article found on that page"


async def test_other_bad_links_get_one_line_reasons(db: Database, server: LocalServer):
    assert await refused(db, server.url("/missing")) == "the server answered 404 Not Found"
    assert await refused(db, "ftp://127.0.0.1/story") == "only http:// and https:// links can be fetched"
    server.routes["/loop"] = Answer(status=302, headers={"Location": "/loop"})
    assert await refused(db, server.url("/loop")) == "the link redirects more than 5 times"
    port = server.httpd.server_address[1]
    server.httpd.shutdown()
    server.httpd.server_close()
    message = await refused(db, f"http://127.0.0.1:{port}/ferry")
    assert message.startswith("could not fetch the page")
