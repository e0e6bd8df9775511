"""Storage against a real SQLite file: migrations, dedupe, search, concurrent writers."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from storage import articles, deliveries, subscribers
from storage.db import Database
from storage.migrations import MIGRATIONS


async def test_migrations_from_empty_then_rerun_is_a_no_op(tmp_path: Path):
    path = tmp_path / "news.db"
    db = await Database.open(path)
    await articles.add(db, title="Kept", body="Body text.")
    await db.close()

    db = await Database.open(path)  # second open: nothing to apply, nothing lost
    assert await articles.count(db) == 1
    versions = [r[0] for r in await db.fetchall("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [v for v, _, _ in MIGRATIONS]
    mode = await db.fetchone("PRAGMA journal_mode")
    assert mode[0] == "wal"
    assert (await db.fetchone("PRAGMA foreign_keys"))[0] == 1
    await db.close()


async def test_an_older_database_upgrades_in_place_keeping_its_rows(tmp_path: Path, monkeypatch):
    path = tmp_path / "old.db"
    import storage.migrations as migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:1])
    db = await Database.open(path)
    # Written as version one wrote it: today's articles.add names columns later migrations add.
    await db.execute(
        "INSERT INTO articles (title, body, posted_at, content_hash) VALUES (?, ?, ?, ?)",
        ("From version one", "Still here.", "2026-01-01T00:00:00Z", "v1"),
    )
    await db.close()

    later = (99, "a later column", "ALTER TABLE articles ADD COLUMN reading_minutes INTEGER;")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, later])
    db = await Database.open(path)
    article = await articles.latest(db)
    assert article is not None and article.title == "From version one"
    assert (await db.fetchone("SELECT MAX(version) FROM schema_migrations"))[0] == 99
    await db.close()


async def test_same_article_twice_is_stored_once(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        first, created = await articles.add(db, title="Storm", body="The storm hit the coast.")
        again, created_again = await articles.add(db, title="Storm ", body="The  storm hit the coast.")
        assert created and not created_again
        assert again.id == first.id
        assert await articles.count(db) == 1


async def test_neighbours_latest_and_since(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        ids = [(await articles.add(db, title=f"T{i}", body=f"Body {i}."))[0].id for i in range(4)]
        assert (await articles.latest(db)).id == ids[-1]
        assert (await articles.older(db, ids[2])).id == ids[1]
        assert (await articles.newer(db, ids[2])).id == ids[3]
        assert await articles.older(db, ids[0]) is None
        assert [a.id for a in await articles.since(db, ids[1], limit=5)] == [ids[3], ids[2]]
        assert await articles.delete(db, ids[3])
        assert not await articles.delete(db, ids[3])
        assert (await articles.latest(db)).id == ids[2]


async def test_search_ranks_title_matches_and_survives_hostile_strings(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        await articles.add(db, title="Budget vote delayed", body="The council met on Monday.")
        await articles.add(db, title="Harbour wall", body="The budget for the wall was discussed.")
        found = await articles.search(db, "budget")
        assert [a.title for a in found] == ["Budget vote delayed", "Harbour wall"]
        assert [a.title for a in await articles.search(db, "harb")] == ["Harbour wall"]
        for hostile in ['"', "budget OR", "title:wall", "'; DROP TABLE articles; --", "NEAR(a b)", "*", "AND"]:
            await articles.search(db, hostile)  # never raises
        assert await articles.count(db) == 2
        assert await articles.search(db, "  ") == []


async def test_deleting_an_article_removes_it_from_search(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        article, _ = await articles.add(db, title="Gone soon", body="Ephemeral words.")
        await articles.delete(db, article.id)
        assert await articles.search(db, "ephemeral") == []


async def test_concurrent_writers_from_two_tasks_lose_no_row(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:

        async def writer(name: str) -> None:
            for i in range(150):
                await articles.add(db, title=f"{name} {i}", body=f"Body of {name} number {i}.")
                await subscribers.subscribe(db, hash((name, i)) % 10**9, "08:00", "UTC")

        await asyncio.gather(writer("a"), writer("b"))
        assert await articles.count(db) == 300
        assert (await subscribers.counts(db))["total"] == 300


async def test_two_connections_writing_the_same_file_lose_no_row(tmp_path: Path):
    path = tmp_path / "news.db"
    first, second = await Database.open(path), await Database.open(path)
    try:
        async def writer(db: Database, name: str) -> None:
            for i in range(100):
                await articles.add(db, title=f"{name} {i}", body=f"Body {name} {i}.")

        await asyncio.gather(writer(first, "x"), writer(second, "y"))
        assert await articles.count(first) == 200
    finally:
        await first.close()
        await second.close()


async def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        with pytest.raises(sqlite3.IntegrityError):
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO articles (title, body, posted_at, content_hash) VALUES ('a','b','t','h')"
                )
                await conn.execute(
                    "INSERT INTO articles (title, body, posted_at, content_hash) VALUES ('c','d','t','h')"
                )
        assert await articles.count(db) == 0


async def test_delivery_ledger_claims_each_subscriber_day_once(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        await subscribers.subscribe(db, 42, "08:00", "Europe/Berlin")
        assert await deliveries.claim(db, 42, "2026-03-29")
        # Still 'claimed' (a crash mid-send): the next run claims it again and sends.
        assert await deliveries.claim(db, 42, "2026-03-29")
        await deliveries.record(db, 42, "2026-03-29", "sent", article_ids=[3, 7])
        await subscribers.advance_many(db, [subscribers.Advance(42, "2026-03-29", "sent", 7, None)])
        assert not await deliveries.claim(db, 42, "2026-03-29")
        subscriber = await subscribers.get(db, 42)
        assert subscriber.last_delivered_date == "2026-03-29"
        assert subscriber.last_article_id == 7
        [row] = await deliveries.for_chat(db, 42)
        assert row.status == "sent" and row.article_ids == [3, 7]


async def test_blocked_subscriber_is_kept_but_inactive(tmp_path: Path):
    async with await Database.open(tmp_path / "news.db") as db:
        await subscribers.subscribe(db, 7, "07:30", "Asia/Tokyo")
        await subscribers.deactivate(db, 7, "Forbidden: bot was blocked by the user")
        kept = await subscribers.get(db, 7)
        assert kept is not None and not kept.active and "blocked" in kept.blocked_reason
        assert await subscribers.active(db) == []
        assert await subscribers.reactivate(db, 7)
        assert (await subscribers.get(db, 7)).active


async def test_a_ledger_write_waits_for_another_process_without_freezing_the_bot(tmp_path: Path):
    path = tmp_path / "news.db"
    async with await Database.open(path) as db:
        await subscribers.subscribe(db, 7, "08:00", "UTC", 0, "2026-03-29T08:00:00Z")
        assert await deliveries.claim_many(db, [(7, "2026-03-29")]) == {(7, "2026-03-29")}

        other = sqlite3.connect(path, isolation_level=None)  # e.g. `newsbrief post` mid-write
        other.execute("BEGIN IMMEDIATE")
        ticks = 0

        async def other_work() -> None:  # the bot's loop keeps serving meanwhile
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.ensure_future(other_work())
        recording = asyncio.ensure_future(deliveries.record(db, 7, "2026-03-29", "sent", [1]))
        await asyncio.sleep(0.3)
        assert not recording.done() and ticks >= 10
        other.execute("COMMIT")
        other.close()
        await asyncio.wait_for(recording, 10)
        ticker.cancel()

        [row] = await deliveries.for_chat(db, 7)
        assert row.status == "sent" and row.article_ids == [1]
        assert await deliveries.claim_many(db, [(7, "2026-03-29")]) == set()  # done: never sent twice
