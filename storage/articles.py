"""The articles table: add with dedupe, read by id / latest / neighbours, full-text search."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
from storage.db import Database

_SEARCH_WORD = re.compile(r"\w+", re.UNICODE)
_COLUMNS = (
    "id, title, body, credit, source, url, language, posted_by, posted_at,"
    " content_hash, briefing, quotes, summarizer_version, site_name, published_at"
)


@dataclass(frozen=True)
class StoredArticle:
    id: int
    title: str
    body: str
    credit: str | None
    source: str | None
    url: str | None
    language: str
    posted_by: int | None
    posted_at: str
    content_hash: str
    briefing: list[str] | None
    quotes: list[dict[str, Any]] | None
    summarizer_version: str | None
    site_name: str | None = None  # the source: a feed's title or a web page's site name
    published_at: str | None = None  # as the source dates it (ISO date or UTC time), when known


def content_hash(title: str, body: str) -> str:
    """Hash of the normalised title and body: the same article posted twice hashes the same."""
    normal = " ".join(f"{title}\n{body}".lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _from_row(row: Any) -> StoredArticle:
    data = dict(row)
    data["briefing"] = json.loads(data["briefing"]) if data["briefing"] else None
    data["quotes"] = json.loads(data["quotes"]) if data["quotes"] else None
    return StoredArticle(**data)


async def add(
    db: Database,
    *,
    title: str,
    body: str,
    credit: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str = "en",
    posted_by: int | None = None,
    briefing: list[str] | None = None,
    quotes: list[dict[str, Any]] | None = None,
    summarizer_version: str | None = None,
    site_name: str | None = None,
    published_at: str | None = None,
) -> tuple[StoredArticle, bool]:
    """Store an article unless the same one is already there; returns it and whether it is new."""
    digest = content_hash(title, body)
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO articles (title, body, credit, source, url, language, posted_by,"
            " posted_at, content_hash, briefing, quotes, summarizer_version, site_name, published_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (content_hash) DO NOTHING",
            (
                title,
                body,
                credit,
                source,
                url,
                language,
                posted_by,
                utc_now(),
                digest,
                json.dumps(briefing, ensure_ascii=False) if briefing is not None else None,
                json.dumps(quotes, ensure_ascii=False) if quotes is not None else None,
                summarizer_version,
                site_name,
                published_at,
            ),
        )
        created = cursor.rowcount == 1
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM articles WHERE content_hash = ?", (digest,))
    return _from_row(row), created


async def get(db: Database, article_id: int) -> StoredArticle | None:
    row = await db.fetchone_now(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,))
    return _from_row(row) if row else None


async def by_hash(db: Database, digest: str) -> StoredArticle | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM articles WHERE content_hash = ?", (digest,))
    return _from_row(row) if row else None


async def by_url(db: Database, url: str) -> StoredArticle | None:
    """The first article stored from this link (posted by URL or from a feed)."""
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM articles WHERE url = ? ORDER BY id LIMIT 1", (url,))
    return _from_row(row) if row else None


async def latest(db: Database) -> StoredArticle | None:
    row = await db.fetchone_now(f"SELECT {_COLUMNS} FROM articles ORDER BY id DESC LIMIT 1")
    return _from_row(row) if row else None


async def older(db: Database, article_id: int) -> StoredArticle | None:
    """The article posted just before this one."""
    row = await db.fetchone(
        f"SELECT {_COLUMNS} FROM articles WHERE id < ? ORDER BY id DESC LIMIT 1", (article_id,)
    )
    return _from_row(row) if row else None


async def newer(db: Database, article_id: int) -> StoredArticle | None:
    """The article posted just after this one."""
    row = await db.fetchone(
        f"SELECT {_COLUMNS} FROM articles WHERE id > ? ORDER BY id ASC LIMIT 1", (article_id,)
    )
    return _from_row(row) if row else None


async def since(db: Database, after_id: int, limit: int = 5) -> list[StoredArticle]:
    """Articles with an id above ``after_id``, newest first."""
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM articles WHERE id > ? ORDER BY id DESC LIMIT ?", (after_id, limit)
    )
    return [_from_row(r) for r in rows]


async def max_id(db: Database) -> int:
    row = await db.fetchone("SELECT COALESCE(MAX(id), 0) FROM articles")
    return int(row[0])


async def count(db: Database) -> int:
    row = await db.fetchone("SELECT COUNT(*) FROM articles")
    return int(row[0])


async def delete(db: Database, article_id: int) -> bool:
    return await db.execute("DELETE FROM articles WHERE id = ?", (article_id,)) == 1


async def set_summary(
    db: Database,
    article_id: int,
    briefing: list[str],
    quotes: list[dict[str, Any]],
    summarizer_version: str,
) -> None:
    await db.execute(
        "UPDATE articles SET briefing = ?, quotes = ?, summarizer_version = ? WHERE id = ?",
        (
            json.dumps(briefing, ensure_ascii=False),
            json.dumps(quotes, ensure_ascii=False),
            summarizer_version,
            article_id,
        ),
    )


async def stale(db: Database, summarizer_version: str, limit: int = 100) -> list[StoredArticle]:
    """Articles whose cached briefing was made by another summarizer version (or not at all)."""
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM articles WHERE summarizer_version IS NOT ? ORDER BY id DESC LIMIT ?",
        (summarizer_version, limit),
    )
    return [_from_row(r) for r in rows]


Expand = Callable[[str], list[str]]


def match_expression(words: str, expand: Expand | None = None) -> str | None:
    """An FTS5 query from user words: each word a quoted term, the last one also as a prefix.

    ``expand`` gives a word's stems in other languages (summarizer.stems), each added as a prefix
    alternative. User text never reaches FTS5 syntax: operators, quotes and column filters are
    reduced to plain words, so a hostile search string can only ever be a search for words.
    """
    terms = _SEARCH_WORD.findall(words)[:16]
    if not terms:
        return None
    parts = []
    for n, term in enumerate(terms):
        options = [f'"{term}"']
        if n == len(terms) - 1 and len(term) > 2:
            options.append(f'"{term}"*')
        options += [f'"{stem}"*' for stem in (expand(term) if expand else []) if _SEARCH_WORD.fullmatch(stem)]
        parts.append(options[0] if len(options) == 1 else f"({' OR '.join(options)})")
    return " AND ".join(parts)


async def languages(db: Database) -> set[str]:
    """The languages the stored articles are written in."""
    return {row[0] for row in await db.fetchall("SELECT DISTINCT language FROM articles")}


async def search(db: Database, words: str, limit: int = 10, expand: Expand | None = None) -> list[StoredArticle]:
    """Articles matching every word (or, with ``expand``, one of its stems), best match first (bm25,
    title weighted)."""
    expression = match_expression(words, expand)
    if expression is None:
        return []
    rows = await db.fetchall(
        f"SELECT {', '.join('a.' + c.strip() for c in _COLUMNS.split(','))}"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.id DESC LIMIT ?",
        (expression, limit),
    )
    return [_from_row(r) for r in rows]
