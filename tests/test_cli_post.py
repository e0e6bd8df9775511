"""`newsbrief post`: article files into the database, once each."""

from __future__ import annotations

import asyncio
from pathlib import Path

from storage import articles
from storage.db import Database
from tests.test_cli_brief import ARTICLE, newsbrief


def stored(db_path: Path) -> list[articles.StoredArticle]:
    async def read() -> list[articles.StoredArticle]:
        async with await Database.open(db_path) as db:
            return await articles.since(db, 0, limit=100)

    return asyncio.run(read())


def test_posting_the_same_file_twice_stores_one_article_and_says_so(tmp_path: Path):
    db_path = tmp_path / "news.db"
    env = {"NEWSBRIEF_DB": str(db_path)}
    first = newsbrief("post", str(ARTICLE), env=env)
    assert first.returncode == 0, first.stderr.decode()
    assert "posted as #1" in first.stdout.decode()
    second = newsbrief("post", str(ARTICLE), env=env)
    assert second.returncode == 0
    assert "already stored as #1" in second.stdout.decode()

    [article] = stored(db_path)
    assert article.title.startswith("Harbour town")
    assert article.credit == "Featured Image by Ann Lee/Port Ellery Gazette"
    assert "Featured Image" not in article.body
    assert len(article.briefing) == 3 and article.quotes
    assert article.summarizer_version


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_are_posted(tmp_path: Path):
    db_path = tmp_path / "news.db"
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    headline_only = tmp_path / "headline.txt"
    headline_only.write_text("Only a headline\n")
    result = newsbrief("post", str(binary), str(headline_only), str(ARTICLE), env={"NEWSBRIEF_DB": str(db_path)})
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "photo.jpg: not posted" in err and "binary" in err
    assert "headline.txt: not posted" in err and "no body" in err
    assert "Traceback" not in err
    assert [a.title[:7] for a in stored(db_path)] == ["Harbour"]


def test_a_bad_setting_stops_with_one_line_naming_the_variable(tmp_path: Path):
    result = newsbrief("post", str(ARTICLE), env={"NEWSBRIEF_DB": str(tmp_path / "x.db"), "NEWSBRIEF_TZ": "Mars/Base"})
    assert result.returncode == 2  # configuration errors exit 2, like a missing token
    assert result.stderr.decode().strip() == (
        "newsbrief: NEWSBRIEF_TZ: 'Mars/Base' is not a known IANA time zone (try Europe/Berlin)"
    )
    assert not (tmp_path / "x.db").exists()
