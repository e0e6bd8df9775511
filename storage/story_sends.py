"""The ledger of single stories sent to one chat: breaking alerts and channel posts.

One row per (chat, story), written when the story is queued, so it is queued once whatever
happens; claimed before the send and recorded after it, like the daily update's ledger, so a
restart re-sends at most the one message that was in flight.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
from storage.db import Database

#: Statuses that count as sent (a claim left by a crash is sent again, so it counts too).
SENT = ("claimed", "sent")


@dataclass(frozen=True)
class StorySend:
    chat_id: int
    article_id: int
    kind: str  # alert, channel
    status: str  # pending, claimed, sent, skipped, blocked, failed
    due_utc: str
    local_date: str | None
    error: str | None


@dataclass(frozen=True)
class NewStory:
    id: int
    title: str
    briefing: list[str] | None


_COLUMNS = "chat_id, article_id, kind, status, due_utc, local_date, error"


def _from_row(row: Any) -> StorySend:
    return StorySend(**dict(row))


async def cursor(db: Database) -> int:
    """The newest story already queued (0 before any).

    Read from the queued stories themselves: deleting a story deletes its row, so if its id is
    given to the next article (SQLite reuses the highest rowid), that article is queued too.
    """
    row = await db.fetchone("SELECT COALESCE(MAX(article_id), 0) FROM stories_queued")
    return int(row[0])


async def stories_after(db: Database, after_id: int, limit: int = 20) -> list[NewStory]:
    """Stories posted after ``after_id``, oldest first."""
    rows = await db.fetchall(
        "SELECT id, title, briefing FROM articles WHERE id > ? ORDER BY id LIMIT ?", (after_id, limit)
    )
    return [NewStory(r[0], r[1], json.loads(r[2]) if r[2] else None) for r in rows]


async def queue(db: Database, article_id: int, rows: Iterable[tuple[int, str, str]]) -> None:
    """Queue one story for (chat, kind, due instant) rows and mark it queued, atomically: a story
    is queued once, even if the bot dies half-way."""
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO story_sends (chat_id, article_id, kind, status, due_utc) VALUES (?, ?, ?, 'pending', ?)"
            " ON CONFLICT (chat_id, article_id) DO NOTHING",
            [(chat, article_id, kind, due) for chat, kind, due in rows],
        )
        await conn.execute(
            "INSERT INTO stories_queued (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING", (article_id,)
        )


async def due(db: Database, now_utc: str, limit: int = 200) -> list[StorySend]:
    """Queued sends whose time has come, and claims a crash left unfinished; oldest first."""
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM story_sends WHERE status = 'claimed' OR (status = 'pending' AND due_utc <= ?)"
        " ORDER BY due_utc, article_id, chat_id LIMIT ?",
        (now_utc, limit),
    )
    return [_from_row(r) for r in rows]


async def claim(db: Database, chat_id: int, article_id: int, local_date: str | None) -> bool:
    """Claim a send before making it; false if it is no longer pending (or left claimed)."""
    return (
        await db.write_now(
            "UPDATE story_sends SET status = 'claimed', claimed_at = ?, local_date = COALESCE(local_date, ?)"
            " WHERE chat_id = ? AND article_id = ? AND status IN ('pending', 'claimed')",
            (utc_now(), local_date, chat_id, article_id),
        )
        == 1
    )


async def finish(db: Database, chat_id: int, article_id: int, status: str, error: str | None = None) -> None:
    """Record how a send ended (sent, skipped, blocked, failed): the one write after a send."""
    await db.write_now(
        "UPDATE story_sends SET status = ?, finished_at = ?, error = ? WHERE chat_id = ? AND article_id = ?",
        (status, utc_now(), error, chat_id, article_id),
    )


async def hold(db: Database, chat_id: int, article_id: int, due_utc: str) -> None:
    """Put a queued send off until ``due_utc`` (quiet hours)."""
    await db.execute(
        "UPDATE story_sends SET status = 'pending', due_utc = ? WHERE chat_id = ? AND article_id = ?",
        (due_utc, chat_id, article_id),
    )


async def skip_pending(db: Database, chat_id: int, reason: str) -> int:
    """Drop everything still queued for a chat (a channel paused, a reader who blocked the bot)."""
    return await db.execute(
        "UPDATE story_sends SET status = 'skipped', finished_at = ?, error = ?"
        " WHERE chat_id = ? AND status = 'pending'",
        (utc_now(), reason, chat_id),
    )


async def alerts_on(db: Database, chat_id: int, local_date: str) -> int:
    """How many alerts a reader has been sent on their local date."""
    row = await db.fetchone(
        "SELECT COUNT(*) FROM story_sends WHERE chat_id = ? AND local_date = ? AND kind = 'alert'"
        " AND status IN ('claimed', 'sent')",
        (chat_id, local_date),
    )
    return int(row[0])


async def alerted(db: Database, chat_ids: Sequence[int], after_id: int) -> dict[int, set[int]]:
    """The stories newer than ``after_id`` already sent to these readers as alerts."""
    rows = await db.fetchall(
        "SELECT chat_id, article_id FROM story_sends WHERE kind = 'alert' AND status IN ('claimed', 'sent')"
        " AND article_id > ? AND chat_id IN (SELECT value FROM json_each(?))",
        (after_id, json.dumps(list(chat_ids))),
    )
    found: dict[int, set[int]] = {}
    for chat_id, article_id in rows:
        found.setdefault(chat_id, set()).add(article_id)
    return found


async def in_daily_update(db: Database, chat_id: int, article_id: int, since_date: str) -> bool:
    """Whether a daily update sent since ``since_date`` (local) already carried this story."""
    row = await db.fetchone(
        "SELECT 1 FROM deliveries, json_each(deliveries.article_ids) AS carried"
        " WHERE deliveries.chat_id = ? AND deliveries.local_date >= ? AND deliveries.status = 'sent'"
        " AND carried.value = ? LIMIT 1",
        (chat_id, since_date, article_id),
    )
    return row is not None


async def get(db: Database, chat_id: int, article_id: int) -> StorySend | None:
    row = await db.fetchone(
        f"SELECT {_COLUMNS} FROM story_sends WHERE chat_id = ? AND article_id = ?", (chat_id, article_id)
    )
    return _from_row(row) if row is not None else None


async def for_article(db: Database, article_id: int) -> list[StorySend]:
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM story_sends WHERE article_id = ? ORDER BY chat_id", (article_id,)
    )
    return [_from_row(r) for r in rows]
