"""``newsbrief extract``: what ``/post`` would store from a web page, given as a saved file or a link.

A saved file goes the way of an attached .html file (UTF-8 text, then the one HTML path); a link is
fetched as ``/post <url>`` fetches it (``NEWSBRIEF_FETCH_PRIVATE`` applies). ``--url`` names a saved
page's address, which gives its site and helps the extractor as a fetched page's address does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import load_settings

if TYPE_CHECKING:  # the extractor (trafilatura) loads when the command runs, not with every CLI call
    from summarizer.extract import PageArticle


def add_parser(commands: Any) -> None:
    """The subcommand's arguments, on ``newsbrief``'s subparsers."""
    extract = commands.add_parser(
        "extract",
        help="print what /post would store from a web page or link",
        description="Print what /post <url> would store from a web page: a saved .html file or a "
        "link (fetched as /post fetches it). Exits 1 when the page holds no article.",
    )
    extract.add_argument("source", metavar="FILE.html|URL")
    extract.add_argument(
        "--json", action="store_true", help='print {"title", "site", "published", "language", "body"}'
    )
    extract.add_argument("--url", help="the saved page's address (its site; links resolved against it)")


def run(args: argparse.Namespace) -> int:
    from bot import ingest

    try:
        page = _page(args.source, args.url)
        article = ingest.article_from_text(page.article_text())
    except (ingest.IngestError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"newsbrief: {args.source}: {reason}", file=sys.stderr)
        return 1
    found = {
        "title": article.title,
        "site": page.site,
        "published": page.published,
        "language": page.language,
        "body": article.body,
    }
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    print(article.title)
    print(" · ".join(str(found[key]) for key in ("site", "published", "language") if found[key]))
    print()
    print(article.body)
    return 0


def _page(source: str, url: str | None) -> PageArticle:
    from bot import ingest

    if source.lower().startswith(("http://", "https://")):
        return asyncio.run(_fetched_page(source))
    text = ingest.text_from_bytes(Path(source).read_bytes())
    return ingest.page_article(text, url)


async def _fetched_page(url: str) -> PageArticle:
    from bot import fetch, ingest

    try:
        page = await fetch.fetch(url, allow_private=load_settings().fetch_private)
        return await fetch.read_page(page)
    except fetch.FetchError as exc:
        raise ingest.IngestError(str(exc)) from None


__all__ = ["add_parser", "run"]
