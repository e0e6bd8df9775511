"""The subscribers table: who wants a daily update, at what local time, in which zone.

The one module that writes it, ``next_due_utc`` included (computed by ``bot.schedule.next_due``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
from storage.db import Database

_COLUMNS = (
    "chat_id, delivery_time, tz, active, last_delivered_date, last_article_id,"
    " created_at, blocked_at, blocked_reason, next_due_utc, language"
)


@dataclass(frozen=True)
class Subscriber:
    chat_id: int
    delivery_time: str  # "HH:MM", the subscriber's local time
    tz: str  # IANA zone name
    active: bool
    last_delivered_date: str | None  # local date (YYYY-MM-DD) of the last daily update
    last_article_id: int  # newest article id the subscriber has been sent
    created_at: str
    blocked_at: str | None
    blocked_reason: str | None
    next_due_utc: str | None = None  # the next daily delivery instant, ISO UTC
    language: str | None = None  # interface language of the daily update (Telegram's, at /subscribe)


def _from_row(row: Any) -> Subscriber:
    data = dict(row)
    data["active"] = bool(data["active"])
    return Subscriber(**data)


async def subscribe(
    db: Database,
    chat_id: int,
    delivery_time: str,
    tz: str,
    last_article_id: int = 0,
    next_due_utc: str | None = None,
) -> Subscriber:
    """Add or update a subscription and (re)activate it; keeps the delivery history."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO subscribers (chat_id, delivery_time, tz, active, last_article_id, created_at,"
            " next_due_utc) VALUES (?, ?, ?, 1, ?, ?, ?)"
            " ON CONFLICT (chat_id) DO UPDATE SET delivery_time = excluded.delivery_time,"
            " tz = excluded.tz, active = 1, blocked_at = NULL, blocked_reason = NULL,"
            " next_due_utc = excluded.next_due_utc",
            (chat_id, delivery_time, tz, last_article_id, utc_now(), next_due_utc),
        )
    found = await get(db, chat_id)
    assert found is not None
    return found


async def set_language(db: Database, chat_id: int, language: str | None) -> None:
    """The language the subscriber's daily update is written in (None: English)."""
    await db.execute("UPDATE subscribers SET language = ? WHERE chat_id = ?", (language, chat_id))


async def follow_language(db: Database, chat_id: int, language: str) -> bool:
    """Store ``language`` as the subscriber's if it differs from theirs (None counts as "en").
    A read, and a write only on change; True when written. No subscriber: nothing to do."""
    row = await db.fetchone("SELECT language FROM subscribers WHERE chat_id = ?", (chat_id,))
    if row is None or (row["language"] or "en") == language:
        return False
    await set_language(db, chat_id, language)
    return True


async def get(db: Database, chat_id: int) -> Subscriber | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM subscribers WHERE chat_id = ?", (chat_id,))
    return _from_row(row) if row else None


async def unsubscribe(db: Database, chat_id: int) -> bool:
    """Stop daily updates; the row stays so a later /subscribe keeps the history."""
    changed = await db.execute(
        "UPDATE subscribers SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,)
    )
    return changed == 1


async def deactivate(db: Database, chat_id: int, reason: str) -> None:
    """Mark a chat that blocked the bot: kept, but not sent to until it subscribes again."""
    await db.execute(
        "UPDATE subscribers SET active = 0, blocked_at = ?, blocked_reason = ? WHERE chat_id = ?",
        (utc_now(), reason, chat_id),
    )


async def reactivate(db: Database, chat_id: int) -> bool:
    """Re-enable a subscriber the bot had deactivated because it was blocked (on /start)."""
    changed = await db.execute(
        "UPDATE subscribers SET active = 1, blocked_at = NULL, blocked_reason = NULL"
        " WHERE chat_id = ? AND blocked_at IS NOT NULL",
        (chat_id,),
    )
    return changed == 1


async def active(db: Database) -> list[Subscriber]:
    rows = await db.fetchall(f"SELECT {_COLUMNS} FROM subscribers WHERE active = 1 ORDER BY chat_id")
    return [_from_row(r) for r in rows]


async def counts(db: Database) -> dict[str, int]:
    row = await db.fetchone(
        "SELECT COUNT(*) AS total, COALESCE(SUM(active), 0) AS active,"
        " COUNT(blocked_at) AS blocked FROM subscribers"
    )
    return {"total": row["total"], "active": row["active"], "blocked": row["blocked"]}


async def due(db: Database, now_utc: str, limit: int = 500) -> list[Subscriber]:
    """Active subscribers whose next delivery instant has come, earliest first."""
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM subscribers WHERE active = 1 AND next_due_utc <= ?"
        " ORDER BY next_due_utc, chat_id LIMIT ?",
        (now_utc, limit),
    )
    return [_from_row(r) for r in rows]


async def set_next_due(db: Database, chat_id: int, next_due_utc: str) -> None:
    await db.execute("UPDATE subscribers SET next_due_utc = ? WHERE chat_id = ?", (next_due_utc, chat_id))


@dataclass(frozen=True)
class Advance:
    """Moving a subscriber on after a finished day: what they have seen, when they are next due."""

    chat_id: int
    local_date: str
    status: str  # how the day's delivery ended: sent, empty, blocked, failed
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
    """Move many subscribers on in one transaction (after their ledger rows are recorded)."""
    await db.write_many(_ADVANCE, [_advance_params(a) for a in moves])
