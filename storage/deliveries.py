"""The delivery ledger: one row per subscriber and local date, claimed before sending."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.articles import utc_now
from storage.db import Database


@dataclass(frozen=True)
class Delivery:
    chat_id: int
    local_date: str
    status: str  # claimed, sent, empty, blocked, failed
    claimed_at: str
    finished_at: str | None
    article_ids: list[int] | None
    error: str | None


async def claim(db: Database, chat_id: int, local_date: str) -> bool:
    """Claim the (subscriber, local date) slot before sending; false if that day is already done.

    A row still 'claimed' was left by a crash mid-send: it is claimed again, so the update is
    sent (at worst a second time: the one message that was in flight). One statement.
    """
    changed = await db.write(
        "INSERT INTO deliveries (chat_id, local_date, status, claimed_at) VALUES (?, ?, 'claimed', ?)"
        " ON CONFLICT (chat_id, local_date) DO UPDATE SET claimed_at = excluded.claimed_at"
        " WHERE deliveries.status = 'claimed'",
        (chat_id, local_date, utc_now()),
    )
    return changed == 1


async def finish(
    db: Database,
    chat_id: int,
    local_date: str,
    status: str,
    article_ids: list[int] | None = None,
    error: str | None = None,
    next_due_utc: str | None = None,
) -> None:
    """Record how a claimed delivery ended (sent, empty, blocked or failed), then move the
    subscriber on (what they have seen, when they are next due).

    Two single statements rather than one transaction: this runs between two sends of a
    broadcast, where every round trip counts. The ledger row is written first, so a crash between
    the two leaves the day marked done with the subscriber not yet moved on; ``settle`` (called
    when a claim finds the day done) finishes that from the ledger row.
    """
    await db.write(
        "UPDATE deliveries SET status = ?, finished_at = ?, article_ids = ?, error = ?"
        " WHERE chat_id = ? AND local_date = ?",
        (status, utc_now(), json.dumps(article_ids) if article_ids else None, error, chat_id, local_date),
    )
    await _advance(db, chat_id, local_date, status, max(article_ids) if article_ids else 0, next_due_utc)


async def _advance(
    db: Database, chat_id: int, local_date: str, status: str, last_article_id: int, next_due_utc: str | None
) -> None:
    delivered = status in ("sent", "empty")
    await db.write(
        "UPDATE subscribers SET"
        " last_delivered_date = CASE WHEN ? THEN ? ELSE last_delivered_date END,"
        " last_article_id = CASE WHEN ? THEN MAX(last_article_id, ?) ELSE last_article_id END,"
        " next_due_utc = COALESCE(?, next_due_utc) WHERE chat_id = ?",
        (delivered, local_date, status == "sent", last_article_id, next_due_utc, chat_id),
    )


async def settle(db: Database, chat_id: int, local_date: str, next_due_utc: str) -> None:
    """Move a subscriber on from a day the ledger already holds as done (idempotent)."""
    row = await db.fetchone(
        "SELECT status, article_ids FROM deliveries WHERE chat_id = ? AND local_date = ?", (chat_id, local_date)
    )
    if row is None:
        return
    ids = json.loads(row["article_ids"]) if row["article_ids"] else []
    await _advance(db, chat_id, local_date, row["status"], max(ids, default=0), next_due_utc)


def _from_row(row: Any) -> Delivery:
    data = dict(row)
    data["article_ids"] = json.loads(data["article_ids"]) if data["article_ids"] else None
    return Delivery(**data)


async def for_chat(db: Database, chat_id: int) -> list[Delivery]:
    rows = await db.fetchall(
        "SELECT chat_id, local_date, status, claimed_at, finished_at, article_ids, error"
        " FROM deliveries WHERE chat_id = ? ORDER BY local_date",
        (chat_id,),
    )
    return [_from_row(r) for r in rows]
