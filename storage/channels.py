"""Channels the bot posts each new story to: linked by an admin, paused when the bot loses its rights."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
from storage.db import Database

_COLUMNS = "id, chat_id, username, title, added_by, added_at, paused_at, paused_reason"


@dataclass(frozen=True)
class Channel:
    id: int
    chat_id: int
    username: str | None
    title: str | None
    added_by: int | None
    added_at: str
    paused_at: str | None
    paused_reason: str | None

    @property
    def active(self) -> bool:
        return self.paused_at is None


def _from_row(row: Any) -> Channel:
    return Channel(**dict(row))


async def link(
    db: Database, chat_id: int, username: str | None, title: str | None, added_by: int
) -> tuple[Channel, bool]:
    """Link a channel, or resume one that was paused; returns it and whether it was new."""
    existing = await by_chat(db, chat_id)
    await db.execute(
        "INSERT INTO channels (chat_id, username, title, added_by, added_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET username = excluded.username, title = excluded.title,"
        " paused_at = NULL, paused_reason = NULL",
        (chat_id, username, title, added_by, utc_now()),
    )
    found = await by_chat(db, chat_id)
    assert found is not None
    return found, existing is None


async def by_chat(db: Database, chat_id: int) -> Channel | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM channels WHERE chat_id = ?", (chat_id,))
    return _from_row(row) if row else None


async def get(db: Database, channel_id: int) -> Channel | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM channels WHERE id = ?", (channel_id,))
    return _from_row(row) if row else None


async def all_channels(db: Database) -> list[Channel]:
    return [_from_row(r) for r in await db.fetchall(f"SELECT {_COLUMNS} FROM channels ORDER BY id")]


async def active_chat_ids(db: Database) -> list[int]:
    rows = await db.fetchall("SELECT chat_id FROM channels WHERE paused_at IS NULL ORDER BY id")
    return [r[0] for r in rows]


async def pause(db: Database, chat_id: int, reason: str) -> bool:
    """Stop posting to a channel; true the first time (so admins are told once)."""
    return (
        await db.execute(
            "UPDATE channels SET paused_at = ?, paused_reason = ? WHERE chat_id = ? AND paused_at IS NULL",
            (utc_now(), reason, chat_id),
        )
        == 1
    )


async def remove(db: Database, channel_id: int) -> bool:
    return await db.execute("DELETE FROM channels WHERE id = ?", (channel_id,)) == 1
