"""The delivery ledger: one row per subscriber and local date, claimed before sending.

Only the ledger table: moving a subscriber on afterwards is ``storage.subscribers``' job, and the
protocol (claim, send, record, move on) is ``bot.delivery``'s.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
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

    @property
    def last_article(self) -> int:
        """The newest article this delivery carried (0 if none)."""
        return max(self.article_ids or [], default=0)


async def claim(db: Database, chat_id: int, local_date: str) -> bool:
    """Claim the (subscriber, local date) slot before sending; false if that day is already done.

    A row still 'claimed' was left by a crash mid-send: it is claimed again, so the update is
    sent (at worst a second time: the one message that was in flight).
    """
    return (chat_id, local_date) in await claim_many(db, [(chat_id, local_date)])


async def claim_many(db: Database, slots: list[tuple[int, str]]) -> set[tuple[int, str]]:
    """``claim`` for a whole batch in one statement; returns the (chat, local date) slots claimed.

    Claiming ahead is safe: a claimed row that was never sent is simply sent after a restart.
    """
    if not slots:
        return set()
    now = utc_now()
    rows = await db.write_returning(
        "INSERT INTO deliveries (chat_id, local_date, status, claimed_at) VALUES "
        + ", ".join(["(?, ?, 'claimed', ?)"] * len(slots))
        + " ON CONFLICT (chat_id, local_date) DO UPDATE SET claimed_at = excluded.claimed_at"
        " WHERE deliveries.status = 'claimed' RETURNING chat_id, local_date",
        [value for chat_id, day in slots for value in (chat_id, day, now)],
    )
    return {(row[0], row[1]) for row in rows}


async def record(
    db: Database,
    chat_id: int,
    local_date: str,
    status: str,
    article_ids: list[int] | None = None,
    error: str | None = None,
) -> None:
    """Mark a claimed delivery done (sent, empty, blocked or failed): the one write between sends."""
    await db.write_now(
        "UPDATE deliveries SET status = ?, finished_at = ?, article_ids = ?, error = ?"
        " WHERE chat_id = ? AND local_date = ?",
        (status, utc_now(), json.dumps(article_ids) if article_ids else None, error, chat_id, local_date),
    )


async def last_sent_article(db: Database, chat_id: int, local_date: str) -> int:
    """The newest article the ledger says this chat was sent on that day (0 if none)."""
    delivery = await get(db, chat_id, local_date)
    return delivery.last_article if delivery is not None and delivery.status == "sent" else 0


_COLUMNS = "chat_id, local_date, status, claimed_at, finished_at, article_ids, error"


def _from_row(row: Any) -> Delivery:
    data = dict(row)
    data["article_ids"] = json.loads(data["article_ids"]) if data["article_ids"] else None
    return Delivery(**data)


async def get(db: Database, chat_id: int, local_date: str) -> Delivery | None:
    row = await db.fetchone(
        f"SELECT {_COLUMNS} FROM deliveries WHERE chat_id = ? AND local_date = ?", (chat_id, local_date)
    )
    return _from_row(row) if row is not None else None


async def for_chat(db: Database, chat_id: int) -> list[Delivery]:
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM deliveries WHERE chat_id = ? ORDER BY local_date", (chat_id,)
    )
    return [_from_row(r) for r in rows]
