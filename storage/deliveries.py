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


@dataclass(frozen=True)
class Advance:
    """Moving a subscriber on after a finished day: what they have seen, when they are next due."""

    chat_id: int
    local_date: str
    status: str
    last_article_id: int
    next_due_utc: str | None


_ADVANCE = (
    "UPDATE subscribers SET"
    " last_delivered_date = CASE WHEN ? THEN ? ELSE last_delivered_date END,"
    " last_article_id = CASE WHEN ? THEN MAX(last_article_id, ?) ELSE last_article_id END,"
    " next_due_utc = COALESCE(?, next_due_utc) WHERE chat_id = ?"
)


def _advance_params(a: Advance) -> tuple[Any, ...]:
    delivered = a.status in ("sent", "empty")
    return (delivered, a.local_date, a.status == "sent", a.last_article_id, a.next_due_utc, a.chat_id)


async def advance_many(db: Database, moves: list[Advance]) -> None:
    """Move many subscribers on in one transaction. A crash before it is repaired by ``settle``."""
    await db.write_many(_ADVANCE, [_advance_params(a) for a in moves])


async def finish(
    db: Database,
    chat_id: int,
    local_date: str,
    status: str,
    article_ids: list[int] | None = None,
    error: str | None = None,
    next_due_utc: str | None = None,
) -> None:
    """Record how one claimed delivery ended (sent, empty, blocked or failed), then move the
    subscriber on (what they have seen, when they are next due).

    The ledger row is written first, so a crash between the two leaves the day marked done with
    the subscriber not yet moved on; ``settle`` (called when a claim finds the day done) finishes
    that from the ledger row.
    """
    await record(db, chat_id, local_date, status, article_ids, error)
    last = max(article_ids) if article_ids else 0
    await advance_many(db, [Advance(chat_id, local_date, status, last, next_due_utc)])


async def settle(db: Database, chat_id: int, local_date: str, next_due_utc: str) -> None:
    """Move a subscriber on from a day the ledger already holds as done (idempotent)."""
    done = await get(db, chat_id, local_date)
    if done is not None:
        await advance_many(db, [Advance(chat_id, local_date, done.status, done.last_article, next_due_utc)])


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
