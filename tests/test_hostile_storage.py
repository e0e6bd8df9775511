"""Issue 13, items 5 and 12: article ids are never reused (new and upgraded databases); a flood of
refused webhook requests is summarised in the log, not written line by line."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from bot.webhook import RefusalLog
from storage import articles, subscribers
from storage.db import Database
from storage.migrations import MIGRATIONS, _statements


async def test_a_new_database_never_gives_a_deleted_id_again(tmp_path: Path):
    async with await Database.open(tmp_path / "new.db") as db:
        first, _ = await articles.add(db, title="A", body="Alpha body.")
        second, _ = await articles.add(db, title="B", body="Beta body.")
        await articles.delete(db, second.id)
        third, _ = await articles.add(db, title="C", body="Gamma body.")
        assert (first.id, second.id, third.id) == (1, 2, 3)


def old_database(path: Path, versions: list[int]) -> sqlite3.Connection:
    """A database as an older newsbrief left it: only the given migrations applied."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT 'then')"
    )
    for version, name, sql in MIGRATIONS:
        if version in versions:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
    return conn


def add_old_article(conn: sqlite3.Connection, article_id: int, title: str) -> None:
    conn.execute(
        "INSERT INTO articles (id, title, body, posted_at, content_hash) VALUES (?, ?, ?, 'then', ?)",
        (article_id, title, f"The {title.lower()} story body.", f"hash{article_id}"),
    )


@pytest.mark.parametrize(
    ("versions", "highest_reference"),
    [
        ([1, 2, 3], "subscriber"),  # as released before migration 4
        ([1, 2, 3], "ledger"),
        ([1, 2, 3], "feed entry"),
        ([1, 2, 3, 7, 8, 9], "story send"),  # later migrations ran first on this one
    ],
)
async def test_an_upgraded_database_never_reuses_an_id_anything_refers_to(
    tmp_path: Path, versions: list[int], highest_reference: str
):
    path = tmp_path / "old.db"
    conn = old_database(path, versions)
    for article_id, title in [(1, "Harbour"), (2, "Ferry"), (3, "Bridge")]:
        add_old_article(conn, article_id, title)
    conn.execute("DELETE FROM articles WHERE id = 3")  # deleted: 3 was plain AUTOINCREMENT-less reuse bait
    conn.execute(
        "INSERT INTO subscribers (chat_id, delivery_time, tz, last_article_id, created_at)"
        " VALUES (600, '08:00', 'UTC', ?, 'then')",
        (7 if highest_reference == "subscriber" else 2,),
    )
    if highest_reference == "ledger":
        conn.execute(
            "INSERT INTO deliveries (chat_id, local_date, status, claimed_at, article_ids)"
            " VALUES (600, '2026-06-01', 'sent', 'then', ?)",
            (json.dumps([2, 7]),),
        )
    conn.execute("INSERT INTO feeds (id, url, added_at) VALUES (1, 'http://f/', 'then')")
    conn.execute(
        "INSERT INTO feed_entries (feed_id, entry_key, article_id, seen_at) VALUES (1, 'k', ?, 'then')",
        (7 if highest_reference == "feed entry" else 1,),
    )
    if highest_reference == "story send":
        conn.execute(
            "INSERT INTO story_sends (chat_id, article_id, kind, status, due_utc)"
            " VALUES (600, 7, 'alert', 'sent', 'then')"
        )
    conn.close()

    async with await Database.open(path) as db:
        new, created = await articles.add(db, title="Brand new", body="A story posted after the upgrade.")
        assert created and new.id == 8  # 7 was referenced somewhere: never given out again
        assert [a.title for a in await articles.search(db, "ferry")] == ["Ferry"]  # FTS still in step
        assert [a.title for a in await articles.search(db, "upgrade")] == ["Brand new"]
        await db.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        assert (await subscribers.get(db, 600)).last_article_id in (2, 7)
        kept = await db.fetchone("SELECT article_id FROM feed_entries WHERE entry_key = 'k'")
        assert kept[0] in (1, 7)  # not cleared by rebuilding the table
        if highest_reference == "story send":
            assert (await db.fetchone("SELECT count(*) FROM story_sends"))[0] == 1
    async with await Database.open(path) as db:  # opened again: nothing re-applied, ids go on
        newer, _ = await articles.add(db, title="Newer", body="Another story again.")
        assert newer.id == 9


def test_a_flood_of_refused_webhook_requests_is_summarised(caplog, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("bot.webhook.time.monotonic", lambda: clock[0])
    refusals = RefusalLog(interval=60)
    with caplog.at_level(logging.WARNING, logger="bot.webhook"):
        for n in range(5000):
            clock[0] += 0.01  # 100 a second for 50 s
            refusals.refused(403 if n % 2 else 400, "POST", "/hook", "203.0.113.9")
        clock[0] += 11
        refusals.refused(403, "POST", "/hook", "203.0.113.9")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2, lines
    assert lines[0].startswith("webhook: 400 for POST /hook from 203.0.113.9")
    assert "refused 5000 requests" in lines[1] and "2501 × 403" in lines[1]
