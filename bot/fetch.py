"""Fetching web pages for ``/post <url>`` and feeds: http(s) only, size-capped, timed, private hosts refused.

Every failure is a :class:`FetchError` whose message is one line for the admin who sent the link.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from bot import ingest
from bot.config import Settings
from storage import articles
from storage.db import Database
from summarizer.article import Article
from summarizer.extract import PageArticle

log = logging.getLogger(__name__)

#: Largest response body read, in bytes; bigger pages are refused (the body is streamed, never held whole).
MAX_BYTES = 5 * 1024 * 1024
#: Seconds for the whole fetch, every redirect hop included.
TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "newsbrief/0.1 (news briefing bot)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A link that cannot be fetched or posted; the message is one line for the poster."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET with nothing new
    headers: httpx.Headers
    body: bytes
    media_type: str  # "text/html", lower case, no parameters; "" when the server sent none
    charset: str | None


def is_html(media_type: str) -> bool:
    """Web pages; a missing content type is given the benefit of the doubt (the extractor decides)."""
    return media_type in HTML_TYPES or media_type == ""


def check_url(url: str, *, redirected_by: str | None = None) -> httpx.URL:
    """The parsed URL if it is an http(s) link with a host; FetchError otherwise.

    ``redirected_by``: the Location header that led here, quoted as sent in the message.
    """
    shown = _short(redirected_by or url)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise FetchError(f"{shown} is not a valid link") from None
    if parsed.scheme not in ("http", "https"):
        if redirected_by is not None:
            raise FetchError(f"the page redirects to {shown}, which is not an http or https link")
        raise FetchError("only http:// and https:// links can be fetched")
    if not parsed.host:
        raise FetchError(f"{shown} has no host name")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise FetchError(f"{shown} is not a valid link (port {parsed.port})")
    return parsed


async def check_host(host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to for ``host``: looked up once, checked, and then pinned for the
    connection (a second lookup at connect time could answer differently: DNS rebinding).

    Refuses loopback, private-network and other non-public addresses unless allowed.
    """
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise FetchError(f"could not find the server {_short(host)}") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise FetchError(f"could not find the server {_short(host)}")
    if not allow_private:
        _refuse_non_public(host, addresses)
    return str(addresses[0])


#: IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 and 8215).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to: mapped (::ffff:a.b.c.d), IPv4-compatible
    (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::) and Teredo (both ends)."""
    if address.version == 4:
        return []
    found: list[ipaddress.IPv4Address] = []
    last32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # :: and ::1 are themselves refused
        found.append(last32)
    if any(address in network for network in _NAT64):
        found.append(last32)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


def _refuse_non_public(host: str, addresses: list[ipaddress.IPv4Address | ipaddress.IPv6Address]) -> None:
    for address in addresses:
        if not all(a.is_global for a in [address, *embedded_ipv4(address)]):
            raise FetchError(
                f"{_short(host)} is a local or private-network address; "
                "such links are refused (NEWSBRIEF_FETCH_PRIVATE=1 allows them)"
            )


def _check_peer(host: str, response: httpx.Response, *, allow_private: bool) -> None:
    """The address actually connected to: a name may resolve differently after check_host (DNS
    rebinding), so the answer of a private peer is dropped before its body is read."""
    if allow_private:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        _refuse_non_public(host, [ipaddress.ip_address(str(peer[0]).split("%")[0])])


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the address check_host approved for a host name, never to a fresh lookup's."""

    def __init__(self) -> None:
        self.pins: dict[str, str] = {}
        self._backend = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        address = self.pins.get(host.strip("[]"), self.pins.get(host, host))
        return await self._backend.connect_tcp(
            address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


async def fetch(
    url: str,
    *,
    allow_private: bool = False,
    accept: Callable[[str], bool] = is_html,
    not_accepted: str = "that link is not a web page",
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> Fetched:
    """GET a URL, following redirects by hand so that every hop is checked again.

    ``accept`` decides on the response's media type before the body is read; ``headers`` may carry
    If-None-Match / If-Modified-Since, in which case a 304 comes back as ``Fetched`` with no body.
    """
    try:
        async with asyncio.timeout(timeout):
            return await _fetch(url, allow_private, accept, not_accepted, headers or {}, max_bytes, timeout)
    except (TimeoutError, httpx.TimeoutException):
        raise FetchError(f"the server did not answer within {timeout:g} seconds") from None
    except (httpx.InvalidURL, httpx.CookieConflict, ValueError):  # not HTTPErrors; a bad Location does it
        raise FetchError("could not fetch the page (it leads to a link that is not valid)") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch the page ({_reason(exc)})") from None


async def _fetch(
    url: str,
    allow_private: bool,
    accept: Callable[[str], bool],
    not_accepted: str,
    headers: Mapping[str, str],
    max_bytes: int,
    timeout: float,
) -> Fetched:
    current = check_url(url)
    backend = PinnedBackend()
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(  # httpx builds its pool without a backend choice
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend
    )
    async with httpx.AsyncClient(
        follow_redirects=False,
        timeout=timeout,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
        transport=transport,
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            pinned = await check_host(
                current.host, current.port or _default_port(current), allow_private=allow_private
            )
            if pinned:
                backend.pins[current.host] = pinned
            async with client.stream("GET", current, headers=dict(headers)) as response:
                _check_peer(current.host, response, allow_private=allow_private)
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    current = _redirect_target(current, location.strip())
                    continue
                if response.status_code == 304:
                    return _fetched(current, response, b"")
                if response.status_code >= 400:
                    phrase = response.reason_phrase or "error"
                    raise FetchError(f"the server answered {response.status_code} {phrase}")
                media_type = _media_type(response)
                if not accept(media_type):
                    raise FetchError(f"{not_accepted} (it is {_short(media_type, 60)})")
                body = await _read_capped(response, max_bytes)
                return _fetched(current, response, body)
    raise FetchError(f"the link redirects more than {MAX_REDIRECTS} times")


def _redirect_target(current: httpx.URL, location: str) -> httpx.URL:
    try:
        target = str(current.join(location))
    except (httpx.InvalidURL, ValueError, TypeError):
        raise FetchError(f"the page redirects to {_short(location)}, which is not a valid link") from None
    return check_url(target, redirected_by=location)


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    limit = f"{max_bytes / 2**20:g} MB"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"the page is {int(declared) / 2**20:.1f} MB; the limit is {limit}")
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is larger than {limit}, the limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _fetched(url: httpx.URL, response: httpx.Response, body: bytes) -> Fetched:
    return Fetched(
        url=str(url),
        status=response.status_code,
        headers=response.headers,
        body=body,
        media_type=_media_type(response),
        charset=response.charset_encoding,
    )


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return _short(text or type(exc).__name__, 100)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- article extraction ---------------------------------------------------------------------------


def page_text(page: Fetched) -> str | bytes:
    """The page as text when the server named a charset we know; otherwise the bytes (trafilatura guesses)."""
    if page.charset:
        try:
            return page.body.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return page.body


async def read_page(page: Fetched) -> PageArticle:
    """What the page holds (article and metadata), through the one HTML path; FetchError when nothing."""
    try:
        return await asyncio.to_thread(ingest.page_article, page_text(page), page.url)
    except ingest.IngestError as exc:
        raise FetchError(str(exc)) from None


async def article_from_page(page: Fetched) -> Article:
    """The article of a fetched page, or FetchError saying why there is none."""
    return (await article_and_source(page))[0]


async def article_and_source(page: Fetched) -> tuple[Article, PageArticle]:
    """The article of a fetched page and what the page says about it (site name, date)."""
    found = await read_page(page)
    try:
        return ingest.article_from_text(found.article_text()), found
    except ingest.IngestError as exc:
        raise FetchError(str(exc)) from None


async def post_url(
    db: Database,
    url: str,
    settings: Settings,
    user_id: int | None,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    language: str | None = None,
) -> ingest.PostResult:
    """``/post <url>``: fetch the page, extract its article and post it; a link posted before is not re-added."""
    check_url(url)
    existing = await articles.by_url(db, url)
    if existing is not None:
        return ingest.PostResult(existing, created=False)
    page = await fetch(url, allow_private=settings.fetch_private, timeout=timeout, max_bytes=max_bytes)
    article, found = await article_and_source(page)
    return await ingest.post_article(
        db,
        article,
        posted_by=user_id,
        source="web",
        url=url,
        method=settings.summarizer,
        site_name=found.site,
        published_at=found.published,
        language=language,
    )
