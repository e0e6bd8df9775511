"""Numbered schema migrations, applied in order and recorded in ``schema_migrations``.

A migration is only ever appended: an older database upgrades in place by running the ones it
has not recorded yet. None of them drops data.
"""

from __future__ import annotations

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
        5,
        "articles.site_name and published_at: cards name their source and its date",
        """
        ALTER TABLE articles ADD COLUMN site_name TEXT;
        ALTER TABLE articles ADD COLUMN published_at TEXT;
        """,
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
