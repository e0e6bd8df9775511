"""Numbered schema migrations, applied in order and recorded in ``schema_migrations``.

A migration is only ever appended: an older database upgrades in place by running the ones it
has not recorded yet. None of them drops data. They run before ``PRAGMA foreign_keys = ON`` (see
Database.open): migration 4 rebuilds ``articles``, and with foreign keys on, dropping the old table
would run its ON DELETE actions on the rows that point at it.
"""

from __future__ import annotations

import re
import sqlite3

import aiosqlite

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, subscribers, deliveries",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            credit TEXT,
            source TEXT,
            url TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            posted_by INTEGER,
            posted_at TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            briefing TEXT,
            quotes TEXT,
            summarizer_version TEXT
        );
        CREATE INDEX articles_posted_at ON articles (posted_at);
        CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;

        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, body, content='articles', content_rowid='id', tokenize='porter unicode61'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;

        CREATE TABLE subscribers (
            chat_id INTEGER PRIMARY KEY,
            delivery_time TEXT NOT NULL,
            tz TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            last_delivered_date TEXT,
            last_article_id INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            blocked_at TEXT,
            blocked_reason TEXT
        );
        CREATE INDEX subscribers_active ON subscribers (active);

        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
            local_date TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'empty', 'blocked', 'failed')),
            claimed_at TEXT NOT NULL,
            finished_at TEXT,
            article_ids TEXT,
            error TEXT,
            UNIQUE (chat_id, local_date)
        );
        CREATE INDEX deliveries_status ON deliveries (status);
        """,
    ),
    (
        2,
        "subscribers.next_due_utc: who is due is one indexed query",
        """
        ALTER TABLE subscribers ADD COLUMN next_due_utc TEXT;
        CREATE INDEX subscribers_due ON subscribers (active, next_due_utc);
        """,
    ),
    (
        3,
        "feeds and the feed entries already seen",
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            added_by INTEGER,
            added_at TEXT NOT NULL,
            last_polled_at TEXT,
            last_error TEXT
        );
        CREATE INDEX feeds_polled ON feeds (last_polled_at);

        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, entry_key)
        );
        """,
    ),
    (
        4,
        "article ids are never reused (AUTOINCREMENT, counting every id ever referenced)",
        "python:never_reuse_article_ids",
    ),
    (
        5,
        "articles.site_name and published_at: cards name their source and its date",
        """
        ALTER TABLE articles ADD COLUMN site_name TEXT;
        ALTER TABLE articles ADD COLUMN published_at TEXT;
        """,
    ),
    (
        6,
        "feeds.language (a feed's articles in a given language); /search folds accents fully",
        # remove_diacritics 2 also folds letters with several marks ("ệ", "ǘ"), which 1 leaves alone.
        # Triggers on articles name articles_fts, so they keep writing to the rebuilt index.
        """
        ALTER TABLE feeds ADD COLUMN language TEXT;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, body, content='articles', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
        """,
    ),
    (
        7,
        "topics readers follow, indexed by one term each; readers' follow settings",
        """
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            chat_id INTEGER NOT NULL,
            phrase TEXT NOT NULL,
            groups TEXT NOT NULL,
            anchor TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (chat_id, groups)
        );
        CREATE INDEX topics_anchor ON topics (anchor);

        CREATE TABLE readers (
            chat_id INTEGER PRIMARY KEY,
            daily_mode TEXT NOT NULL DEFAULT 'first' CHECK (daily_mode IN ('all', 'first', 'only')),
            alerts INTEGER NOT NULL DEFAULT 0
        );
        """,
    ),
    (
        8,
        "story sends (alerts, channel posts: one ledger row per chat and story); linked channels",
        """
        CREATE TABLE story_sends (
            chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('alert', 'channel')),
            status TEXT NOT NULL
                CHECK (status IN ('pending', 'claimed', 'sent', 'skipped', 'blocked', 'failed')),
            due_utc TEXT NOT NULL,
            local_date TEXT,
            claimed_at TEXT,
            finished_at TEXT,
            error TEXT,
            PRIMARY KEY (chat_id, article_id)
        );
        CREATE INDEX story_sends_due ON story_sends (status, due_utc);
        CREATE INDEX story_sends_day ON story_sends (chat_id, local_date) WHERE kind = 'alert';

        CREATE TABLE story_cursor (name TEXT PRIMARY KEY, article_id INTEGER NOT NULL);
        INSERT INTO story_cursor (name, article_id)
            SELECT 'stories', COALESCE(MAX(id), 0) FROM articles;

        CREATE TABLE channels (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            chat_id INTEGER NOT NULL UNIQUE,
            username TEXT,
            title TEXT,
            added_by INTEGER,
            added_at TEXT NOT NULL,
            paused_at TEXT,
            paused_reason TEXT
        );
        """,
    ),
    (
        9,
        "topics matched from the index alone (anchor, chat, groups)",
        """
        DROP INDEX topics_anchor;
        CREATE INDEX topics_match ON topics (anchor, chat_id, groups);
        """,
    ),
    (
        10,
        "stories queued for alerts and channels, one row each (a deleted story's id can be queued again)",
        """
        CREATE TABLE stories_queued (
            article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
        );
        INSERT INTO stories_queued (article_id)
            SELECT id FROM articles WHERE id <= (SELECT article_id FROM story_cursor WHERE name = 'stories');
        DROP TABLE story_cursor;
        """,
    ),
    (
        11,
        "subscribers.language: the interface language of their daily update and alerts",
        # Not in migration 6: that one had already been merged and run when this column came.
        "ALTER TABLE subscribers ADD COLUMN language TEXT;",
    ),
]


async def migrate(conn: aiosqlite.Connection) -> list[str]:
    """Apply every migration the database has not recorded yet; returns their names."""
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    async with conn.execute("SELECT version FROM schema_migrations") as cursor:
        done = {row[0] for row in await cursor.fetchall()}
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        if sql.startswith("python:"):
            await _STEPS[sql.removeprefix("python:")](conn)
        else:
            for statement in _statements(sql):
                await conn.execute(statement)
        await conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
        applied.append(f"{version:03d} {name}")
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; sqlite3 knows where trigger bodies end."""
    statements, current = [], ""
    for line in sql.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


async def never_reuse_article_ids(conn: aiosqlite.Connection) -> None:
    """Migration 4: rebuild ``articles`` with AUTOINCREMENT and start its sequence after the
    highest article id the database has ever referenced, so a deleted article's id is never given
    to another (old buttons, ``/start N`` links and subscribers' "last seen" would point at it).

    Written in Python because it must work whichever later migrations ran first on an older
    database: it copies every column the table has now and re-creates its indexes and triggers
    (the FTS index keeps its rowids, so it stays in step), and it looks for article ids in every
    table that has them. Runs with foreign keys off (see Database.open), so dropping the old
    table touches no row that points at it.
    """
    table_sql = (await _rows(conn, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'"))[0][0]
    if "AUTOINCREMENT" not in table_sql.upper():
        rebuilt_sql, count = re.subn(
            r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT", table_sql, count=1, flags=re.I
        )
        if count != 1:
            raise RuntimeError("articles.id is not an INTEGER PRIMARY KEY; cannot add AUTOINCREMENT")
        rebuilt_sql = re.sub(r"^CREATE TABLE\s+\"?articles\"?", "CREATE TABLE articles_rebuilt", rebuilt_sql, count=1, flags=re.I)
        attached = await _rows(
            conn,
            "SELECT sql FROM sqlite_schema WHERE tbl_name = 'articles' AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY type, name",
        )
        columns = ", ".join(f'"{row[1]}"' for row in await _rows(conn, "PRAGMA table_info(articles)"))
        await conn.execute(rebuilt_sql)
        await conn.execute(f"INSERT INTO articles_rebuilt ({columns}) SELECT {columns} FROM articles")
        await conn.execute("DROP TABLE articles")
        # Legacy rename: the other tables' references to "articles" stay as written (they point at
        # the rebuilt table once it has the name), and no other schema object is re-parsed.
        await conn.execute("PRAGMA legacy_alter_table = ON")
        try:
            await conn.execute("ALTER TABLE articles_rebuilt RENAME TO articles")
        finally:
            await conn.execute("PRAGMA legacy_alter_table = OFF")
        for (sql,) in attached:
            await conn.execute(sql)
    highest = await highest_article_id(conn)
    await conn.execute("DELETE FROM sqlite_sequence WHERE name IN ('articles', 'articles_rebuilt')")
    await conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('articles', ?)", (highest,))


async def highest_article_id(conn: aiosqlite.Connection) -> int:
    """The highest article id anything in the database refers to: the articles themselves, and
    every ``article_id``/``last_article_id``/``*_article_id`` column and ``article_ids`` JSON list."""
    highest = 0
    tables = [row[0] for row in await _rows(conn, "SELECT name FROM sqlite_schema WHERE type = 'table'")]
    for table in tables:
        if table.startswith("sqlite_") or table.startswith("articles_fts"):
            continue
        for row in await _rows(conn, f'PRAGMA table_info("{table}")'):
            column = row[1]
            if (table == "articles" and column == "id") or column == "article_id" or column.endswith("_article_id"):
                query = f'SELECT max(CAST("{column}" AS INTEGER)) FROM "{table}"'
            elif column == "article_ids":
                query = (
                    f'SELECT max(CAST(j.value AS INTEGER)) FROM "{table}", json_each(CASE WHEN'
                    f' json_valid("{column}") AND json_type("{column}") = \'array\' THEN "{column}"'
                    " ELSE '[]' END) AS j"
                )
            else:
                continue
            value = (await _rows(conn, query))[0][0]
            highest = max(highest, int(value or 0))
    return highest


async def _rows(conn: aiosqlite.Connection, sql: str) -> list[tuple]:
    async with conn.execute(sql) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


_STEPS = {"never_reuse_article_ids": never_reuse_article_ids}
