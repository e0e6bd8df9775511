"""Ingestion: article text in, analysed off the event loop, stored once (deduplicated)."""

from __future__ import annotations

import asyncio
import logging
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from bot.render.split import clip
from storage import articles
from storage.db import Database
from summarizer import quotes as quote_extractor
from summarizer.article import Article, parse_article
from summarizer.briefing import DEFAULT_METHOD, VERSION, briefing
from summarizer.clean import NotText, decode_article_bytes
from summarizer.extract import PageArticle, extract, looks_like_html
from summarizer.language import detect

log = logging.getLogger(__name__)

#: Longest article text accepted, in characters: long-form features run to ~60,000.
MAX_ARTICLE_CHARS = 300_000
BRIEFING_SENTENCES = 3
#: Longest title and credit line stored, in characters; longer ones are cut on a word with "…".
#: Every source of articles (/post, files, links, feeds) comes through article_from_text.
MAX_TITLE_CHARS = 300
MAX_CREDIT_CHARS = 300
NO_ARTICLE = "no article found on that page"


class IngestError(ValueError):
    """An article that cannot be posted; the message is one line for the poster."""


@dataclass(frozen=True)
class Analysis:
    briefing: list[str]
    quotes: list[dict[str, Any]]


@dataclass(frozen=True)
class PostResult:
    article: articles.StoredArticle
    created: bool


def analyse(article: Article, method: str | None = None, language: str | None = None) -> Analysis:
    """Briefing and quotes of an article body (CPU-bound: call it in a worker thread).

    ``language``: the article's stored language, passed on to the summarizer.
    """
    body = article.body
    found = quote_extractor.extract(body, language)
    return Analysis(
        briefing=briefing(article, BRIEFING_SENTENCES, method, language=language),
        quotes=[q.to_json() for q in found],
    )


def analysis_version(method: str | None = None) -> str:
    """What made a cached briefing: summarizer version and method. Any other value is stale."""
    return f"{VERSION}:{method or DEFAULT_METHOD}"


async def refresh_stale(db: Database, method: str | None = None, batch: int = 20) -> int:
    """Re-analyse articles cached by another summarizer version or method, newest first.

    Runs after an upgrade (or a change of ``NEWSBRIEF_SUMMARIZER``) so old articles read like new
    ones; each batch is analysed in a worker thread, so the bot keeps answering meanwhile.
    Returns how many articles were refreshed.
    """
    version, refreshed = analysis_version(method), 0
    while chunk := await articles.stale(db, version, batch):
        for stored in chunk:
            paragraphs = tuple(p for p in stored.body.split("\n\n") if p.strip())
            article = Article(stored.title, paragraphs, stored.credit)
            analysis = await asyncio.to_thread(analyse, article, method, stored.language)
            await articles.set_summary(db, stored.id, analysis.briefing, analysis.quotes, version)
            refreshed += 1
    return refreshed


def article_language(article: Article) -> str:
    """The language the article is written in, detected from its title and body (ISO 639-1 code;
    ``"und"`` when there are no words to go by). CPU-bound for long articles: run it in a thread."""
    return detect(f"{article.title or ''}\n\n{article.body}")


def article_from_text(text: str) -> Article:
    """Parse posted text, refusing what cannot be an article with a one-line reason."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(f"the article is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}")
    article = parse_article(text)
    if article.title is None:
        raise IngestError("there is no article: send a title line, then the body")
    if article.is_empty:
        raise IngestError("the article has a title but no body: put the body after the title line")
    if not clean_line(article.title, MAX_TITLE_CHARS):
        raise IngestError("the title line is empty: send a title line, then the body")
    return bounded(article)


def bounded(article: Article) -> Article:
    """The article with its title and credit cleaned and bounded (see clean_line)."""
    title = clean_line(article.title or "", MAX_TITLE_CHARS) or "Untitled article"
    credit = clean_line(article.credit, MAX_CREDIT_CHARS) if article.credit else None
    return replace(article, title=title, credit=credit or None)


def clean_line(text: str, limit: int) -> str:
    """One line of outside text as stored: no direction overrides or control characters, single
    spaces, at most ``limit`` characters (cut on a word, with "…")."""
    # Cc: control characters; Cf: format characters, among them the bidirectional overrides and
    # isolates (U+202A-202E, U+2066-2069) that turn the rest of a line around. ZWJ joins emoji.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\u200d")
    return clip(" ".join(text.split()), limit)


#: A site name is one short line on a card; a longer one is not a name.
MAX_SITE_CHARS = 100


def _bounded(text: str | None, limit: int) -> str | None:
    text = " ".join((text or "").split())
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_article(markup: str | bytes, url: str | None = None, *, title: str | None = None) -> PageArticle:
    """The article of an HTML page or fragment, whichever way it came (link, attachment, feed entry).

    The one HTML-to-article path; IngestError when there is none. CPU-bound: run it in a thread.
    """
    try:
        page = extract(markup, url, title=title)
    except Exception:  # a parser crash on hostile markup is still just "no article" for the poster
        log.warning("article extraction failed for %s", url or "an HTML document", exc_info=True)
        page = None
    if page is None:
        raise IngestError(NO_ARTICLE)
    return page


def text_from_bytes(data: bytes) -> str:
    """Decode an uploaded file, turning unreadable data into an IngestError."""
    try:
        return decode_article_bytes(data)
    except NotText as exc:
        raise IngestError(str(exc)) from None


async def document_text(data: bytes, name: str) -> str:
    """An attached file's article text; an .html file (or text that is markup) goes through the HTML path."""
    text = text_from_bytes(data)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        return (await asyncio.to_thread(page_article, text)).article_text()
    return text


async def post_article(
    db: Database,
    article: Article,
    *,
    posted_by: int | None = None,
    source: str | None = None,
    url: str | None = None,
    method: str | None = None,
    site_name: str | None = None,
    published_at: str | None = None,
    language: str | None = None,
) -> PostResult:
    """Store an article with its briefing and quotes; an article already stored is not re-added.

    ``site_name`` and ``published_at``: the source's name and date, when the feed or page gives them.
    ``language`` (an ISO 639-1 code: ``/post lang=xx``, a feed's own setting) overrides detection.
    """
    assert article.title is not None
    article = bounded(article)  # every way in (text, file, link, feed) is bounded here at the latest
    digest = articles.content_hash(article.title, article.body)
    existing = await articles.by_hash(db, digest)
    if existing is not None:
        return PostResult(existing, created=False)
    if not language:
        language = await asyncio.to_thread(article_language, article)
    analysis = await asyncio.to_thread(analyse, article, method, language)
    stored, created = await articles.add(
        db,
        title=article.title,
        body=article.body,
        credit=article.credit,
        source=source,
        url=url,
        language=language,
        posted_by=posted_by,
        briefing=analysis.briefing,
        site_name=_bounded(site_name, MAX_SITE_CHARS),
        published_at=published_at,
        quotes=analysis.quotes,
        summarizer_version=analysis_version(method),
    )
    if created:
        log.info("article %d posted: %s", stored.id, stored.title)
    return PostResult(stored, created)


async def post_text(db: Database, text: str, **kwargs: Any) -> PostResult:
    return await post_article(db, article_from_text(text), **kwargs)
