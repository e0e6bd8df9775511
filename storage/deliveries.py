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
    sent (at worst a second time: the one message that was in flight).
    """
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO deliveries (chat_id, local_date, status, claimed_at)"
            " VALUES (?, ?, 'claimed', ?) ON CONFLICT (chat_id, local_date) DO NOTHING",
            (chat_id, local_date, utc_now()),
        )
        if cursor.rowcount == 1:
            return True
        cursor = await conn.execute(
            "SELECT status FROM deliveries WHERE chat_id = ? AND local_date = ?", (chat_id, local_date)
        )
        row = await cursor.fetchone()
    return row is not None and row[0] == "claimed"


async def finish(
    db: Database,
    chat_id: int,
    local_date: str,
    status: str,
    article_ids: list[int] | None = None,
    error: str | None = None,
    next_due_utc: str | None = None,
) -> None:
    """Record how a claimed delivery ended (sent, empty, blocked or failed), with the next due time."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE deliveries SET status = ?, finished_at = ?, article_ids = ?, error = ?"
            " WHERE chat_id = ? AND local_date = ?",
            (
                status,
                utc_now(),
                json.dumps(article_ids) if article_ids else None,
                error,
                chat_id,
                local_date,
            ),
        )
        if status == "sent" and article_ids:
            await conn.execute(
                "UPDATE subscribers SET last_delivered_date = ?,"
                " last_article_id = MAX(last_article_id, ?) WHERE chat_id = ?",
                (local_date, max(article_ids), chat_id),
            )
        elif status in ("sent", "empty"):
            await conn.execute(
                "UPDATE subscribers SET last_delivered_date = ? WHERE chat_id = ?",
                (local_date, chat_id),
            )
        if next_due_utc is not None:
            await conn.execute(
                "UPDATE subscribers SET next_due_utc = ? WHERE chat_id = ?", (next_due_utc, chat_id)
            )


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
