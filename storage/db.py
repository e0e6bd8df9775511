"""The database handle: one aiosqlite connection in WAL mode for writes, serialised; a second one
for reads, so a reader never queues behind a write that waits for SQLite's lock (WAL lets readers
run while another connection, or another process, writes); plus, for the broadcast's hot path
only, a plain connection on the event loop's thread."""

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

#: How long a write waits for another process's lock before it fails.
WRITE_BUSY_MS = 10_000
#: Reads in WAL mode wait only in rare moments (a checkpoint's recovery); never for long.
READ_BUSY_MS = 2_000


class StorageError(RuntimeError):
    """The database cannot be opened; the message is one line saying what to fix."""


class Database:
    """An open newsbrief database.

    Every write that spans several statements runs inside :meth:`transaction`, which holds an
    asyncio lock: aiosqlite shares one connection between all tasks, so without the lock two
    tasks' statements would interleave inside one SQLite transaction.
    """

    def __init__(self, conn: aiosqlite.Connection, path: str, reader: aiosqlite.Connection | None = None) -> None:
        self.conn = conn
        self.reader = reader or conn
        self.path = path
        self._write_lock = asyncio.Lock()
        self._direct: sqlite3.Connection | None = None

    @classmethod
    async def open(cls, path: str | Path) -> Database:
        """Open (creating and migrating as needed); StorageError, with nothing left open, on failure."""
        path = str(path)
        if path != ":memory:":
            if Path(path).is_dir():
                raise StorageError(f"NEWSBRIEF_DB: {path} is a folder; point it at a file, e.g. {path}/newsbrief.db")
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"NEWSBRIEF_DB: cannot create the folder of {path}: {exc.strerror or exc}") from None
        opened: list[aiosqlite.Connection] = []
        try:
            conn = await _connect(
                path, opened, f"busy_timeout = {WRITE_BUSY_MS}", "journal_mode = WAL", "synchronous = NORMAL"
            )
            db = cls(conn, path)
            async with db.transaction():  # foreign keys off meanwhile: see storage.migrations
                applied = await migrate(conn)
            await conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                db.reader = await _connect(
                    path, opened, f"busy_timeout = {READ_BUSY_MS}", "foreign_keys = ON", "query_only = ON"
                )
        except BaseException as exc:
            for connection in opened:
                await connection.close()
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise StorageError(open_failure(path, exc)) from exc
            raise
        if applied:
            log.info("database %s migrated: %s", path, ", ".join(applied))
        return db

    async def close(self) -> None:
        if self._direct is not None:
            self._direct.close()
            self._direct = None
        if self.reader is not self.conn:
            await self.reader.close()
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
        """One row, read on the read connection: it sees every committed write, and never waits
        for a write in progress (ours or another process's)."""
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        # One call on the reader's thread runs the statement to its end: a cursor left open between
        # two awaits would keep a read transaction open, and the next reader would see that old
        # snapshot instead of what was committed since.
        return list(await self.reader.execute_fetchall(sql, tuple(params)))

    async def fetchone_now(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Row | None:
        """One row by an indexed lookup, read on the event loop's own thread.

        For the reads every reader's command starts with (the latest article, one article by id):
        in WAL mode such a read never waits for a writer and takes tens of microseconds, far less
        than the hop to the reader's thread and back. SQLite busy (a checkpoint's brief lock, a
        database being recovered) sends it to the reader's thread instead of blocking the loop.
        """
        direct = self._direct_connection()
        if direct is not None:
            try:
                return direct.execute(sql, tuple(params)).fetchone()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
        return await self.fetchone(sql, params)

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
                    if not is_busy(exc):
                        raise
            cursor = await self.conn.execute(sql, tuple(params))
            return cursor.rowcount

    def _direct_connection(self) -> sqlite3.Connection | None:
        if self._direct is None and self.path != ":memory:":
            self._direct = sqlite3.connect(self.path, isolation_level=None)
            self._direct.row_factory = sqlite3.Row
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


def is_busy(exc: BaseException | None) -> bool:
    """True when SQLite refused because another connection holds the lock ("database is locked")."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


async def _connect(path: str, opened: list[aiosqlite.Connection], *pragmas: str) -> aiosqlite.Connection:
    """An aiosqlite connection in autocommit mode with rows by name, after ``PRAGMA``s in order.

    It joins ``opened`` as soon as it exists, so a pragma that fails still gets it closed.
    """
    conn = await aiosqlite.connect(path, isolation_level=None)
    opened.append(conn)
    conn.row_factory = aiosqlite.Row
    for pragma in pragmas:
        await conn.execute(f"PRAGMA {pragma}")
    return conn


def open_failure(path: str, exc: BaseException) -> str:
    """One line for the operator: which file, what is wrong, what to do."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    lowered = reason.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        advice = "it is damaged or not a newsbrief database; move it away (or set NEWSBRIEF_DB to another file)"
    elif "readonly" in lowered or "read-only" in lowered:
        advice = "the bot may not write to it; give it write permission on the file and its folder"
    elif "locked" in lowered or "busy" in lowered:
        advice = "another process holds its write lock; stop that process and start again"
    else:
        advice = "check the path and the folder's permissions"
    return f"NEWSBRIEF_DB: cannot open {path} ({reason}): {advice}"
