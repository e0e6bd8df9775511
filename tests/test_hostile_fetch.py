"""Issue 13, item 9: fetching links cannot be turned against the bot's own network."""

from __future__ import annotations

import asyncio
import socket

import pytest

from bot import fetch
from bot.config import Settings
from storage import articles
from storage.db import Database
from tests.local_server import Answer, LocalServer

ADMIN = 500
PAGE = (
    b"<html><head><title>Pinned page</title></head><body><article><h1>Pinned page</h1>"
    b"<p>The ferry left on time this morning, and the islanders were glad of it.</p>"
    b"<p>The operator said the timetable would hold all week, with extra crossings.</p>"
    b"</article></body></html>"
)


@pytest.mark.parametrize(
    "host",
    [
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::a00:1",  # IPv4-compatible 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 169.254.169.254 (cloud metadata)
        "64:ff9b:1::c0a8:1",  # local-use NAT64 192.168.0.1
        "2002:7f00:1::",  # 6to4 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 192.168.1.1
        "::ffff:7f00:1",  # IPv4-mapped 127.0.0.1
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, client end in TEST-NET
        "[::7f00:1]",
    ],
)
async def test_ipv6_forms_of_private_ipv4_addresses_are_refused(host: str):
    with pytest.raises(fetch.FetchError, match="local or private-network address"):
        await fetch.check_host(host, 80, allow_private=False)


@pytest.mark.parametrize("host", ["93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1", "2606:4700::1111"])
async def test_public_addresses_in_those_forms_pass(host: str):
    assert await fetch.check_host(host, 80, allow_private=False)


async def test_the_connection_goes_to_the_address_that_was_checked(
    db: Database, server: LocalServer, monkeypatch
):
    """DNS rebinding: the name answers 127.0.0.1 when checked and another address after that.
    The connection must use the checked answer, never a second lookup's."""
    server.routes["/pinned"] = Answer(PAGE, headers={"Content-Type": "text/html"})
    port = server.httpd.server_address[1]
    loop = asyncio.get_running_loop()
    real = loop.getaddrinfo
    lookups: list[str] = []

    async def rebinding(host, *args, **kwargs):
        if host == "rebind.test":
            lookups.append(host)
            address = "127.0.0.1" if len(lookups) == 1 else "10.255.255.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return await real(host, *args, **kwargs)

    monkeypatch.setattr(loop, "getaddrinfo", rebinding)
    result = await fetch.post_url(
        db, f"http://rebind.test:{port}/pinned", Settings(fetch_private=True), ADMIN, timeout=3
    )
    assert result.article.title == "Pinned page"
    assert lookups == ["rebind.test"]  # looked up once, by the check
    assert [path for path, _ in server.requests] == ["/pinned"]


@pytest.mark.parametrize(
    "location", ["http:\\\\example.com/x", "http://exa mple.com/", "http://[::1/x", "http://example.com:99999/"]
)
async def test_a_redirect_to_a_malformed_link_gets_a_one_line_reason(
    db: Database, server: LocalServer, location: str
):
    server.routes["/bad"] = Answer(status=302, headers={"Location": location})
    with pytest.raises(fetch.FetchError) as caught:
        await fetch.post_url(db, server.url("/bad"), Settings(fetch_private=True), ADMIN, timeout=3)
    message = str(caught.value)
    reasons = ("not a valid link", "not valid", "Invalid URL", "could not find the server exa%20mple.com")
    assert "\n" not in message and any(reason in message for reason in reasons), message
    assert await articles.count(db) == 0


async def test_a_page_with_a_6300_character_title_is_stored_bounded(db: Database, server: LocalServer):
    title = "Headline " * 700
    page = PAGE.replace(b"<title>Pinned page</title>", f"<title>{title}</title>".encode()).replace(
        b"<h1>Pinned page</h1>", f"<h1>{title}</h1>".encode()
    )
    server.routes["/long"] = Answer(page, headers={"Content-Type": "text/html"})
    result = await fetch.post_url(db, server.url("/long"), Settings(fetch_private=True), ADMIN, timeout=5)
    assert result.created and len(result.article.title) <= 300
