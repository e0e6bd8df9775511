"""The feeds table and the entries already seen per feed: add, list, remove, due, poll bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.clock import utc_now
from storage.db import Database

_COLUMNS = "id, url, title, etag, last_modified, added_by, added_at, last_polled_at, last_error, language"


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_by: int | None
    added_at: str
    last_polled_at: str | None
    last_error: str | None
    #: ISO 639-1 code its articles are stored with (``/feed add URL lang=xx``); None: detected.
    language: str | None = None


def _from_row(row: Any) -> Feed:
    return Feed(**dict(row))


async def add(
    db: Database, url: str, *, title: str | None = None, added_by: int | None = None, language: str | None = None
) -> Feed:
    """Store a new feed; a feed already stored under this URL is returned unchanged."""
    await db.execute(
        "INSERT INTO feeds (url, title, added_by, added_at, language) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO NOTHING",
        (url, title, added_by, utc_now(), language),
    )
    feed = await by_url(db, url)
    assert feed is not None
    return feed


async def get(db: Database, feed_id: int) -> Feed | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,))
    return _from_row(row) if row else None


async def by_url(db: Database, url: str) -> Feed | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", (url,))
    return _from_row(row) if row else None


async def all_feeds(db: Database) -> list[Feed]:
    rows = await db.fetchall(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")
    return [_from_row(r) for r in rows]


async def count(db: Database) -> int:
    row = await db.fetchone("SELECT COUNT(*) FROM feeds")
    return int(row[0])


async def remove(db: Database, feed_id: int) -> bool:
    """Forget a feed and its seen entries; the articles it brought in stay."""
    return await db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)) == 1


async def due(db: Database, polled_before: datetime, *, added_before: datetime | None = None) -> list[Feed]:
    """Feeds never polled, or last polled before ``polled_before`` (aware datetimes).

    ``added_before``: a feed never polled counts only when added before then (one being added is
    still being taken in by ``/feed add``).
    """
    # Same text format as utc_now(), so the comparison in SQL is a plain string comparison.
    before = _stamp(polled_before)
    added = _stamp(added_before) if added_before is not None else None
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM feeds WHERE (last_polled_at IS NULL AND (? IS NULL OR added_at < ?))"
        " OR last_polled_at < ? ORDER BY id",
        (added, added, before),
    )
    return [_from_row(r) for r in rows]


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def polled(
    db: Database,
    feed_id: int,
    *,
    etag: str | None,
    last_modified: str | None,
    title: str | None = None,
) -> None:
    """A successful poll: keep the validators for the next conditional GET, clear the error."""
    await db.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title),"
        " last_polled_at = ?, last_error = NULL WHERE id = ?",
        (etag, last_modified, title, utc_now(), feed_id),
    )


async def failed(db: Database, feed_id: int, error: str) -> None:
    """A failed poll: remember why (shown by /feed list); the validators stay as they were."""
    await db.execute(
        "UPDATE feeds SET last_polled_at = ?, last_error = ? WHERE id = ?", (utc_now(), error, feed_id)
    )


async def seen(db: Database, feed_id: int, entry_key: str) -> bool:
    row = await db.fetchone(
        "SELECT 1 FROM feed_entries WHERE feed_id = ? AND entry_key = ?", (feed_id, entry_key)
    )
    return row is not None


async def mark_seen(db: Database, feed_id: int, entry_key: str, article_id: int | None) -> None:
    """Record an entry as handled (``article_id`` None: it held no article), so it is not tried again."""
    await db.execute(
        "INSERT INTO feed_entries (feed_id, entry_key, article_id, seen_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (feed_id, entry_key) DO NOTHING",
        (feed_id, entry_key, article_id, utc_now()),
    )
