"""Briefings cached by an older summarizer are made again with the current one, without losing articles."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.ingest import analysis_version, refresh_stale
from storage import articles
from storage.db import Database
from summarizer.article import parse_article
from summarizer.briefing import briefing
from tests.conftest import ARTICLE, READER, InProcessBot
from tests.standin import StandIn, to_plain_text

OLD_BRIEFING = ["An outdated briefing sentence from the old summarizer."]


async def store_as_old_summarizer(db_path: Path) -> None:
    article = parse_article(ARTICLE.read_text(encoding="utf-8"))
    async with await Database.open(db_path) as db:
        await articles.add(
            db,
            title=article.title or "",
            body=article.body,
            credit=article.credit,
            briefing=OLD_BRIEFING,
            quotes=[],
            summarizer_version="1",
        )


async def test_refresh_rebriefs_articles_of_an_older_summarizer_once(db_path: Path):
    await store_as_old_summarizer(db_path)
    expected = briefing(parse_article(ARTICLE.read_text(encoding="utf-8")), 3)

    async with await Database.open(db_path) as db:
        assert await refresh_stale(db) == 1
        stored = (await articles.since(db, 0, 5))[0]
        assert stored.briefing == expected and stored.briefing != OLD_BRIEFING
        assert any("Tom Baker" in (q["speaker"] or "") for q in stored.quotes)
        assert stored.summarizer_version == analysis_version()
        assert await refresh_stale(db) == 0  # nothing left to do on the next start
        assert await refresh_stale(db, "lexrank") == 1  # another method is another cache


async def test_the_bot_serves_fresh_briefings_after_an_upgrade(standin: StandIn, db_path: Path):
    await store_as_old_summarizer(db_path)
    async with InProcessBot(standin, db_path):
        async with await Database.open(db_path) as db:
            for _ in range(200):
                if not await articles.stale(db, analysis_version()):
                    break
                await asyncio.sleep(0.05)
        standin.send_text(READER, "/latest")
        card = to_plain_text((await standin.reply(READER)).text)
        assert "outdated briefing" not in card
        assert "Key quotes" in card and "Tom Baker" in card
