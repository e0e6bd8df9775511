"""``newsbrief console``: its own database, multi-line messages, numbered buttons, toasts, replies in order."""

from __future__ import annotations

import asyncio
import hashlib
import io
from pathlib import Path

import pytest

from bot import ingest
from bot.cli import main
from storage import articles
from storage.db import Database
from tests.conftest import ARTICLE


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], script: str, *args: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    assert main(["console", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def production(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A live bot's database in NEWSBRIEF_DB (one article), and a home of the console's own."""
    path = tmp_path / "live" / "newsbrief.db"
    path.parent.mkdir()

    async def fill() -> None:
        async with await Database.open(path) as db:
            await ingest.post_text(db, ARTICLE.read_text(), source="admin")

    asyncio.run(fill())
    for name in ("TELEGRAM_BOT_TOKEN", "NEWSBRIEF_ADMINS", "NEWSBRIEF_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSBRIEF_DB", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # no stray .env
    return path


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def count(path: Path) -> int:
    async def counted() -> int:
        async with await Database.open(path) as db:
            return await articles.count(db)

    return asyncio.run(counted())


def test_a_multi_line_post_as_the_banner_says_lands_in_the_consoles_own_database(
    production: Path, tmp_path: Path, monkeypatch, capsys
):
    before = fingerprint(production)
    script = (
        "/as admin\n"
        "/post \\\n"
        "Ferry service returns to the island \\\n"
        "The ferry to the island runs again from Monday, the harbour office said. \\\n"
        "Boats leave every two hours until the evening.\n"
        "/latest\n"
        "/quit\n"
    )
    out = run(monkeypatch, capsys, script)
    own = tmp_path / "data" / "newsbrief" / "console.db"
    assert str(own) in out and "its own database" in out
    assert "End a line with \\ to continue" in out  # the banner states the multi-line rule
    posted = out.split("you> /post")[1]
    assert "Posted as #2." in posted and "Ferry service returns to the island" in posted
    assert "runs again from Monday" in posted and "every two hours" in posted
    card = out.split("you> /latest")[1]
    assert card.lstrip().startswith("bot> Ferry service returns to the island")
    assert fingerprint(production) == before and count(production) == 1
    assert count(own) == 2  # the sample article, then the post


def test_db_names_the_database_and_nothing_else_is_created(production: Path, tmp_path: Path, monkeypatch, capsys):
    chosen = tmp_path / "trial.db"
    out = run(monkeypatch, capsys, "/latest\n", "--db", str(chosen))
    assert str(chosen) in out and "given with --db" in out
    assert count(chosen) == 1
    assert not (tmp_path / "data").exists()
    out = run(monkeypatch, capsys, "/latest\n", "--db", str(production))  # --db may name the live file
    assert "Harbour town votes" in out and count(production) == 1


def test_buttons_are_numbered_a_number_presses_one_and_toasts_show(production: Path, monkeypatch, capsys):
    out = run(monkeypatch, capsys, "/latest\n3\n2\n/help\n")
    turns = out.split("\nyou> ")[1:]  # each command with what was printed under it
    latest, older, full, help_ = turns
    assert [t.split("\n")[0] for t in turns] == ["/latest", "3", "2", "/help"]
    assert "[1: Quotes] [2: Full text] [3: « Older] [4: Newer »]" in latest
    assert "type a number to press" in latest
    assert older.split("\n")[1] == "(toast) This is the oldest article."  # only one article: nowhere older
    assert full.split("\n")[1].startswith("bot")  # the full text, under the press that asked for it
    assert "End a line with \\" in help_ and "/latest" in help_


def test_each_reply_prints_under_its_command_even_one_from_a_task_the_update_started(
    production: Path, monkeypatch, capsys
):
    out = run(monkeypatch, capsys, "/subscribe\n/as admin\n/push 1\n/stats\n/as user\n/help\n")
    push = out.split("you> /push 1\n")[1].split("you> /stats")[0]
    # /push answers at once and broadcasts in a background task; its report is part of the same turn.
    assert "Pushing #1 to 1 subscribers" in push and "Push of #1 done: 1 delivered" in push
    assert "Push of" not in out.split("you> /stats")[1]
    # Back on the reader's side, the pushed card shows at once, before the next command.
    back = out.split("you> /as user\n")[1].split("you> /help")[0]
    assert back.startswith("(you are now a user)\nbot> Harbour town votes")
