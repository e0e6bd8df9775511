"""One key-quote picker: ``newsbrief brief --json`` and the bot's card show the same key quotes.

Over the whole dev split of ``../shared/eval/quotes/`` (read at run time, never copied here): each
article is briefed by the CLI and posted through the bot's own ingest path (stored in SQLite, read
back), and the key quotes the card shows are compared with the CLI's, speaker included.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from bot import cli, ingest
from bot.render.articles import article_card
from storage.db import Database
from tests.conftest import ADMIN, ARTICLE, READER

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "quotes" / "polnear_attributions_dev.jsonl"


def dev_articles() -> list[tuple[str, str]]:
    if not DEV.exists():
        return []
    found = []
    with DEV.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("is_primary"):
                found.append((record["doc_id"], record["text"]))
    return found


def card_key_quotes(card: str) -> list[tuple[str, str | None]]:
    """(quote, speaker) as the card shows them, read back from its HTML."""
    if "<b>Key quotes</b>\n" not in card:
        return []
    block = card.split("<b>Key quotes</b>\n", 1)[1]
    shown = []
    for line in block.split("\n"):
        quote, _, speaker = line.partition(" — <i>")
        shown.append((html.unescape(quote), html.unescape(speaker.removesuffix("</i>")) or None))
    return shown


def spaced(shown: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Quotes with spacing made uniform: the CLI prints them as written in the file, the bot as stored
    (runs of spaces and no-break spaces cleaned to one space); the words and marks must be the same."""
    return [(" ".join(quote.split()), speaker) for quote, speaker in shown]


def cli_key_quotes(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str | None]]:
    assert cli.main(["brief", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    return [(q["quote"], q["speaker"]) for q in data["quotes"]]


async def test_cli_and_card_show_the_same_key_quotes_for_every_dev_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = dev_articles()
    if not articles:
        pytest.skip(f"evaluation data not present at {DEV}")
    differ, with_quotes = [], 0
    async with await Database.open(str(tmp_path / "agree.db")) as db:
        for doc_id, text in articles:
            path = tmp_path / "article.txt"
            path.write_text(text, encoding="utf-8")
            from_cli = cli_key_quotes(path, capsys)
            posted = await ingest.post_text(db, text)
            on_card = card_key_quotes(article_card(posted.article))
            with_quotes += bool(from_cli)
            if spaced(from_cli) != spaced(on_card):
                differ.append((doc_id, from_cli, on_card))
    assert with_quotes > len(articles) // 2  # the comparison is about something
    assert not differ, f"{len(differ)} of {len(articles)} articles differ, first: {differ[0]}"


def test_brief_json_quote_offsets_point_into_the_file_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Picked from the cleaned body, reported in the input: spacing, title and blank lines included."""
    text = (
        "  Harbour   wall vote\n\n\n"
        "The council met on Monday.\u00a0 “We cannot  wait for another storm to take our homes,” said  "
        "Jane\u00a0Doe, a resident.\n\n"
        "“The old wall was built for a gentler sea,” said Tom Baker, the mayor.\n"
    )
    path = tmp_path / "spaced.txt"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["brief", "--json", str(path)]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert sorted(q["speaker"].split(",")[0] for q in quotes) == ["Jane Doe", "Tom Baker"]
    for q in quotes:
        assert text[q["start"] : q["end"]] == q["quote"]
        assert q["quote"].startswith("“") and q["quote"].endswith("”")
        assert " ".join(text[q["mention_start"] : q["mention_end"]].split()) in ("Jane Doe", "Tom Baker")


async def test_the_running_bot_shows_the_cli_key_quotes_on_latest(
    standin: Any, bot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The story end to end: an admin posts an article, a reader asks /latest, the card's key quotes
    are the ones ``newsbrief brief --json`` prints for the same file."""
    text = ARTICLE.read_text(encoding="utf-8")
    standin.send_text(ADMIN, f"/post {text}")
    await standin.reply(ADMIN)
    standin.send_text(READER, "/latest")
    card = (await standin.reply(READER)).text
    expected = cli_key_quotes(ARTICLE, capsys)
    assert len(expected) >= 2
    assert spaced(card_key_quotes(card)) == spaced(expected)
