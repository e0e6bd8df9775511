"""HTML to article: the one path for pages fetched by ``/post <url>``, attached .html files and feed entries.

trafilatura finds the main text and the metadata. A feed entry's content is often a short fragment
that *is* the article, in which trafilatura may find nothing it trusts; then the fragment's own text
blocks (minus scripts, menus and link-only lines) are the article.
Pure and offline: trafilatura parses the given markup and never downloads anything. CPU-bound: callers
on an event loop run it in a thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from summarizer import boilerplate
from summarizer.language import detect

#: trafilatura's settings, chosen on the page benchmark (tests/benchmarks/extract_eval.py): precision
#: first, since a stray menu line spoils a briefing more than a lost paragraph; tables kept, because
#: pages whose article is a table (results, standings, price lists) otherwise lose it, and a table
#: inside an article is part of what the reader came for. Links are not asked for: trafilatura 2.3
#: then splits paragraphs at some links (summarizer/boilerplate.py finds link-only lines itself).
_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
}
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th")
_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageArticle:
    """What a page holds for the bot: the article (title, paragraphs) and what is known about it."""

    title: str | None
    paragraphs: tuple[str, ...]
    site: str | None = None
    published: str | None = None  # YYYY-MM-DD, as the page states it

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @cached_property
    def language(self) -> str:
        """ISO 639-1 code of the body's language, worked out when first asked (the bot stores none yet)."""
        return detect(self.body)

    def article_text(self) -> str:
        """The article file convention: a title line, then one paragraph a line.

        Without a title the first paragraph becomes one, as for any posted text.
        """
        return "\n".join([self.title, *self.paragraphs] if self.title else self.paragraphs)


def looks_like_html(text: str) -> bool:
    """A text that is markup rather than an article file (an attachment named .txt may still be a page)."""
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def is_fragment(markup: str | bytes) -> bool:
    """Markup without a document around it: the content of a feed entry rather than a web page."""
    head = (markup[:2000].decode("utf-8", "replace") if isinstance(markup, bytes) else markup[:2000]).lower()
    return "<html" not in head and "<body" not in head and "<head" not in head


def extract(markup: str | bytes, url: str | None = None, *, title: str | None = None) -> PageArticle | None:
    """The article of an HTML page or fragment; None when it holds none.

    ``title``: the title known from elsewhere (a feed entry's), used instead of the page's own.
    """
    tree = load_html(markup)
    document = None
    if tree is not None:
        links = boilerplate.LinkTexts(tree)
        boilerplate.unwrap_embedded_posts(tree)
        document = trafilatura.bare_extraction(tree, url=url, **_OPTIONS)
    found: list[str] = []
    if document is not None and document.body is not None:
        headline = boilerplate.drop_furniture(document.body, links)
        title = title or document.title or headline
        found = _lines(xmltotxt(document.body, include_formatting=False))
    if not found and is_fragment(markup):
        found = fragment_text(markup)
    title = _one_line(title)
    # The headline often opens the main text as well; it is stored once, as the title.
    while found and title and _same_line(found[0], title):
        found = found[1:]
    if not found or (title is None and len(found) < 2):  # one stray line is no article
        return None
    site = _one_line(document.sitename if document is not None else None) or _host(url)
    published = (document.date if document is not None else None) or None
    return PageArticle(title=title, paragraphs=tuple(found), site=site, published=published)


def fragment_text(markup: str | bytes) -> list[str]:
    """The readable lines of a fragment: its text blocks, without scripts, menus and link-only lines."""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return []
    for element in list(root.iter(*_SKIP)):
        if element.getparent() is not None:
            element.drop_tree()
    blocks = [e for e in root.iter(*_BLOCKS) if not any(True for _ in e.iterdescendants(*_BLOCKS))]
    if not blocks:
        blocks = [root]
    lines = []
    for block in blocks:
        text = " ".join(block.text_content().split())
        linked = sum(len(" ".join(a.text_content().split())) for a in block.iter("a"))
        if text and linked < 0.8 * len(text):
            lines.append(text)
    return lines


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def _same_line(line: str, title: str) -> bool:
    return _WORD.findall(line.casefold()) == _WORD.findall(title.casefold())


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


__all__ = ["PageArticle", "extract", "fragment_text", "is_fragment", "looks_like_html"]
