"""RSS and Atom feeds: add one, poll it with a conditional GET, turn new entries into articles.

New entries go through the same ingestion path as ``/post``; an entry is skipped when the feed has
seen it before, when an article from the same link is stored, or when the same text is (content hash).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import feedparser

from bot import fetch, ingest
from bot.config import Settings
from storage import articles, feeds
from storage.db import Database
from summarizer.article import Article

log = logging.getLogger(__name__)

#: Most entries turned into articles in one poll (the rest wait for the next poll).
MAX_ENTRIES_PER_POLL = 50
#: Most linked pages fetched in one poll for entries that carry only a link.
MAX_PAGE_FETCHES_PER_POLL = 10
NOT_A_FEED = "that link is not an RSS or Atom feed"


@dataclass(frozen=True)
class PollResult:
    added: int = 0  # new articles stored
    not_modified: bool = False  # the server answered 304
    error: str | None = None  # one line, when the poll failed


def is_feed_type(media_type: str) -> bool:
    """RSS/Atom arrive as all sorts of XML and text types; images, PDFs and the like do not."""
    return media_type == "" or "xml" in media_type or media_type.startswith("text/")


#: A document type declaration with its internal subset, and any entity declaration: how a feed
#: defines entities that expand to gigabytes (a "billion laughs"). RSS and Atom need neither.
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.I | re.S)
_ENTITY = re.compile(rb"<!ENTITY.*?>", re.I | re.S)


def without_dtd(body: bytes) -> bytes:
    """The feed with its DOCTYPE and ENTITY declarations taken out, so no parser expands them."""
    if b"<!" not in body:
        return body
    return _ENTITY.sub(b"", _DOCTYPE.sub(b"", body))


def parse(body: bytes, media_type: str = "") -> Any:
    """The parsed feed; FetchError when the document is not RSS or Atom (pure Python: run in a thread)."""
    body = without_dtd(body)
    parsed = feedparser.parse(body, response_headers={"content-type": media_type or "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        raise fetch.FetchError(NOT_A_FEED)
    return parsed


def entry_key(entry: Any) -> str:
    """What identifies an entry across polls: its id, else its link, else a hash of its text."""
    for name in ("id", "link"):
        value = (entry.get(name) or "").strip()
        if value:
            return value[:2000]
    text = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_text(entry: Any) -> str | None:
    """Article file text (title line, then paragraphs) from an entry's content or summary; None without.

    HTML content goes through the same path as a page posted by link (CPU-bound: run it in a thread).
    """
    title = " ".join((entry.get("title") or "").split())
    if not title:
        return None
    detail = (entry.get("content") or [None])[0] or entry.get("summary_detail")
    value = (detail or {}).get("value") or entry.get("summary") or ""
    kind = (detail or {}).get("type") or "text/html"
    if "html" in kind:
        try:
            page = ingest.page_article(value, (entry.get("link") or "").strip() or None, title=title)
        except ingest.IngestError:
            return None
        return page.article_text()
    paragraphs = [" ".join(line.split()) for line in value.splitlines()]
    paragraphs = [p for p in paragraphs if p and p != title]
    return "\n".join([title, *paragraphs]) if paragraphs else None


def oldest_first(entries: list[Any]) -> list[Any]:
    """Entries in publication order, so article ids follow it (feeds list the newest first)."""
    stamps = [e.get("published_parsed") or e.get("updated_parsed") for e in entries]
    if entries and all(stamps):
        return [e for _, _, e in sorted(zip(stamps, range(len(entries)), entries, strict=True))]
    return list(reversed(entries))


async def add_feed(
    db: Database,
    url: str,
    settings: Settings,
    user_id: int | None,
    *,
    timeout: float = fetch.TIMEOUT,
    language: str | None = None,
) -> tuple[feeds.Feed, PollResult]:
    """``/feed add``: fetch and check the feed, store it, and take in its entries right away.

    ``language``: its articles' language (``/feed add URL lang=xx``); None: each one's is detected.
    """
    fetch.check_url(url)
    page = await _fetch_feed(url, settings, {}, timeout)
    parsed = await asyncio.to_thread(parse, page.body, page.media_type)
    feed = await feeds.add(db, url, title=_feed_title(parsed), added_by=user_id, language=language)
    return feed, await _take_in(db, feed, page, parsed, settings, timeout)


async def poll_feed(
    db: Database, feed: feeds.Feed, settings: Settings, *, timeout: float = fetch.TIMEOUT
) -> PollResult:
    """One poll: a conditional GET with the stored validators; 304 means nothing new."""
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        page = await _fetch_feed(feed.url, settings, headers, timeout)
        if page.status == 304:
            await feeds.polled(
                db,
                feed.id,
                etag=page.headers.get("etag") or feed.etag,
                last_modified=page.headers.get("last-modified") or feed.last_modified,
            )
            return PollResult(not_modified=True)
        parsed = await asyncio.to_thread(parse, page.body, page.media_type)
    except fetch.FetchError as exc:
        log.info("feed %d (%s) not polled: %s", feed.id, feed.url, exc)
        await feeds.failed(db, feed.id, str(exc))
        return PollResult(error=str(exc))
    return await _take_in(db, feed, page, parsed, settings, timeout)


async def poll_due(db: Database, settings: Settings, now: datetime) -> dict[int, PollResult]:
    """Poll every feed not polled within the last half interval (one just added is left alone)."""
    results: dict[int, PollResult] = {}
    # A feed never polled is left alone too while just added: ``/feed add`` is taking in its entries,
    # and a second take-in at the same time would store them under the job and leave /feed add
    # reporting "no new articles".
    half = now - timedelta(seconds=settings.feed_interval / 2)
    for feed in await feeds.due(db, half, added_before=half):
        try:
            results[feed.id] = await poll_feed(db, feed, settings)
        except Exception:  # one broken feed must not stop the others; the log has the details
            log.exception("polling feed %d (%s) failed", feed.id, feed.url)
            await feeds.failed(db, feed.id, "internal error while polling (see the bot's log)")
            results[feed.id] = PollResult(error="internal error")
    return results


async def _fetch_feed(url: str, settings: Settings, headers: dict[str, str], timeout: float) -> fetch.Fetched:
    return await fetch.fetch(
        url,
        allow_private=settings.fetch_private,
        accept=is_feed_type,
        not_accepted=NOT_A_FEED,
        headers=headers,
        timeout=timeout,
    )


async def _take_in(
    db: Database, feed: feeds.Feed, page: fetch.Fetched, parsed: Any, settings: Settings, timeout: float
) -> PollResult:
    added, page_fetches, waiting = 0, 0, 0
    site_name = _feed_title(parsed) or feed.title or _host(parsed.feed.get("link")) or _host(feed.url)
    unseen = [e for e in oldest_first(list(parsed.entries)) if not await feeds.seen(db, feed.id, entry_key(e))]
    # The oldest unseen first, at most MAX_ENTRIES_PER_POLL a poll; the rest wait for the next poll.
    waiting = max(0, len(unseen) - MAX_ENTRIES_PER_POLL)
    for entry in unseen[:MAX_ENTRIES_PER_POLL]:
        key = entry_key(entry)
        link = (entry.get("link") or "").strip() or None
        known = await articles.by_url(db, link) if link else None
        if known is not None:
            await feeds.mark_seen(db, feed.id, key, known.id)
            continue
        text = await asyncio.to_thread(entry_text, entry)
        published = entry_published(entry)
        try:
            if text is not None:
                article = ingest.article_from_text(text)
            elif link and page_fetches < MAX_PAGE_FETCHES_PER_POLL:
                page_fetches += 1
                article, page_published = await _linked_article(link, settings, timeout)
                published = published or page_published
            else:
                waiting += 1  # only a link, and this poll fetched enough pages: next poll
                continue
        except ingest.IngestError as exc:
            log.info("feed %d entry %s holds no article: %s", feed.id, key, exc)
            await feeds.mark_seen(db, feed.id, key, None)
            continue
        except fetch.FetchError as exc:  # the linked page may come back: not marked, tried next poll
            log.info("feed %d entry %s: linked page not fetched: %s", feed.id, key, exc)
            continue
        result = await ingest.post_article(
            db,
            article,
            source="feed",
            url=link,
            method=settings.summarizer,
            site_name=site_name,
            published_at=published,
            language=feed.language,
        )
        await feeds.mark_seen(db, feed.id, key, result.article.id)
        added += result.created
    # With entries still waiting, the next poll must get the whole feed again, not "304 Not Modified".
    await feeds.polled(
        db,
        feed.id,
        etag=None if waiting else page.headers.get("etag"),
        last_modified=None if waiting else page.headers.get("last-modified"),
        title=_feed_title(parsed),
    )
    if added or waiting:
        log.info("feed %d (%s): %d new articles, %d left for the next poll", feed.id, feed.url, added, waiting)
    return PollResult(added=added)


async def _linked_article(link: str, settings: Settings, timeout: float) -> tuple[Article, str | None]:
    """The linked page's article and the date the page gives it."""
    page = await fetch.fetch(link, allow_private=settings.fetch_private, timeout=timeout)
    article, found = await fetch.article_and_source(page)
    return article, found.published


def entry_published(entry: Any) -> str | None:
    """When the feed says the entry was published (or last updated), as UTC ISO time; None if it does not."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return datetime(*stamp[:6], tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _feed_title(parsed: Any) -> str | None:
    title = " ".join((parsed.feed.get("title") or "").split())
    return title[:200] or None


__all__ = ["PollResult", "add_feed", "entry_text", "parse", "poll_due", "poll_feed"]
