"""The database handle: one aiosqlite connection in WAL mode, with serialised write transactions
(plus, for the broadcast's hot path only, a plain connection on the event loop's thread)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from storage.migrations import migrate

log = logging.getLogger(__name__)


class Database:
    """An open newsbrief database.

    Every write that spans several statements runs inside :meth:`transaction`, which holds an
    asyncio lock: aiosqlite shares one connection between all tasks, so without the lock two
    tasks' statements would interleave inside one SQLite transaction.
    """

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()
        self._direct: sqlite3.Connection | None = None

    @classmethod
    async def open(cls, path: str | Path) -> Database:
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA busy_timeout = 10000")
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        db = cls(conn, path)
        async with db.transaction():
            applied = await migrate(conn)
        if applied:
            log.info("database %s migrated: %s", path, ", ".join(applied))
        return db

    async def close(self) -> None:
        if self._direct is not None:
            self._direct.close()
            self._direct = None
        await self.conn.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE), committed on success and rolled back on error."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, tuple(params)) as cursor:
            return await cursor.fetchone()

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, tuple(params)) as cursor:
            return list(await cursor.fetchall())

    async def write_now(self, sql: str, params: Iterable[Any] = ()) -> int:
        """One small write run on the event loop's own thread; returns the rows it changed.

        For the one write between two sends of a broadcast: an indexed single-row UPDATE in WAL
        mode takes tens of microseconds, several times less than the hop to aiosqlite's thread and
        back. It holds the same write lock as every other write, so our own connection never has
        SQLite's lock meanwhile; if another process has it, the write waits on aiosqlite's thread
        instead of blocking the loop.
        """
        async with self._write_lock:
            direct = self._direct_connection()
            if direct is not None:
                try:
                    return direct.execute(sql, tuple(params)).rowcount
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) and "busy" not in str(exc):
                        raise
            cursor = await self.conn.execute(sql, tuple(params))
            return cursor.rowcount

    def _direct_connection(self) -> sqlite3.Connection | None:
        if self._direct is None and self.path != ":memory:":
            self._direct = sqlite3.connect(self.path, isolation_level=None)
            self._direct.execute("PRAGMA busy_timeout = 0")  # never block the event loop
            self._direct.execute("PRAGMA synchronous = NORMAL")
            self._direct.execute("PRAGMA foreign_keys = ON")
            self._direct.execute("PRAGMA wal_autocheckpoint = 0")  # checkpoints stay on aiosqlite's thread
        return self._direct

    async def write_returning(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        """One write statement with a ``RETURNING`` clause, atomic on its own; returns its rows."""
        async with self._write_lock:
            return list(await self.conn.execute_fetchall(sql, tuple(params)))

    async def write_many(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        """One statement for many parameter rows, in one transaction."""
        rows = [tuple(r) for r in rows]
        if rows:
            async with self.transaction() as conn:
                await conn.executemany(sql, rows)

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one write statement in its own transaction; returns the rows it changed."""
        async with self.transaction() as conn, conn.execute(sql, tuple(params)) as cursor:
            return cursor.rowcount
