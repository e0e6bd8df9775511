"""Issue 13, items 7 and 11: a start-up that cannot work exits at once, non-zero, with one line.

Each case runs the real ``python -m bot`` against the Bot API stand-in and times it: no traceback,
no live process left hanging, and the line names the setting and what to do.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import BotProcess, run_to_end
from tests.standin import StandIn

SECONDS = 20  # the generous ceiling; each case is measured against it and usually takes ~1-2 s


async def run_bot(api: StandIn, db_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    environment = BotProcess(api, db_path).environment()
    for key, value in env.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    started = time.monotonic()
    try:
        done = await run_to_end(
            environment, cwd=db_path.parent if db_path.parent.is_dir() else "/", timeout=SECONDS
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the bot was still running after {SECONDS} s (it must exit when it cannot start)")
    return done, time.monotonic() - started


def assert_one_line_exit(done: subprocess.CompletedProcess[str], *expected: str) -> str:
    lines = [line for line in done.stderr.strip().splitlines() if " INFO " not in line]
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert len(lines) == 1, done.stderr[-3000:]  # start-up INFO lines aside, only the one line
    line = lines[0]
    assert line.startswith("newsbrief: ")
    for text in expected:
        assert text in line, line
    return line


async def test_junk_or_truncated_database_file_exits_with_one_line(standin: StandIn, tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all\n" * 100)
    done, took = await run_bot(standin, junk)
    assert_one_line_exit(done, "NEWSBRIEF_DB", str(junk), "not a newsbrief database")
    assert took < SECONDS

    truncated = tmp_path / "truncated.db"
    with sqlite3.connect(truncated) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    truncated.write_bytes(truncated.read_bytes()[:3000])
    done, _ = await run_bot(standin, truncated)
    assert_one_line_exit(done, "NEWSBRIEF_DB", "move it away")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
async def test_read_only_database_exits_with_one_line(standin: StandIn, tmp_path: Path):
    path = tmp_path / "ro.db"
    sqlite3.connect(path).close()
    path.chmod(0o444)
    done, _ = await run_bot(standin, path)
    assert_one_line_exit(done, "NEWSBRIEF_DB", "permission")


async def test_read_only_database_folder_exits_with_one_line(standin: StandIn, tmp_path: Path):
    """Root ignores file modes; a database under /proc can be opened by nobody, root included."""
    done, _ = await run_bot(standin, Path("/proc/newsbrief/news.db"))
    assert_one_line_exit(done, "NEWSBRIEF_DB", "/proc/newsbrief")


async def test_database_locked_by_another_process_exits_with_one_line(standin: StandIn, tmp_path: Path):
    path = tmp_path / "locked.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done, took = await run_bot(standin, path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_line_exit(done, "NEWSBRIEF_DB", "another process holds its write lock")
    assert took < SECONDS


async def test_database_path_that_is_a_folder(standin: StandIn, tmp_path: Path):
    done, _ = await run_bot(standin, tmp_path)
    assert_one_line_exit(done, "NEWSBRIEF_DB", "is a folder")
    assert standin.calls["getMe"] == 0


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("NEWSBRIEF_RATE", "nan", "NEWSBRIEF_RATE"),
        ("NEWSBRIEF_RATE", "inf", "NEWSBRIEF_RATE"),
        ("NEWSBRIEF_RATE", "-Infinity", "NEWSBRIEF_RATE"),
        ("NEWSBRIEF_RATE", "1e400", "NEWSBRIEF_RATE"),
        ("NEWSBRIEF_FEED_INTERVAL", "nan", "NEWSBRIEF_FEED_INTERVAL"),
        ("NEWSBRIEF_FEED_INTERVAL", "inf", "NEWSBRIEF_FEED_INTERVAL"),
        ("NEWSBRIEF_FEED_INTERVAL", "1e12", "NEWSBRIEF_FEED_INTERVAL"),
        ("PORT", "70000", "PORT"),
        ("PORT", "0", "PORT"),
        ("PORT", "80.5", "PORT"),
        ("PORT", "nan", "PORT"),
        ("TELEGRAM_BOT_TOKEN", "not a token", "TELEGRAM_BOT_TOKEN"),
        ("TELEGRAM_BOT_TOKEN", "123456:", "TELEGRAM_BOT_TOKEN"),
        ("TELEGRAM_BOT_TOKEN", "abc:DEF", "TELEGRAM_BOT_TOKEN"),
        ("NEWSBRIEF_TZ", "Europe", "NEWSBRIEF_TZ"),
        ("NEWSBRIEF_TZ", "America", "NEWSBRIEF_TZ"),
        ("NEWSBRIEF_TZ", "Europe/" + "x" * 300, "NEWSBRIEF_TZ"),
        ("NEWSBRIEF_TZ", "../../etc/passwd", "NEWSBRIEF_TZ"),
    ],
)
async def test_bad_settings_exit_with_one_line(
    standin: StandIn, db_path: Path, name: str, value: str, expected: str
):
    done, took = await run_bot(standin, db_path, **{name: value})
    assert_one_line_exit(done, expected)
    assert took < SECONDS
    assert standin.calls["getMe"] == 0  # refused before anything is sent


async def test_token_telegram_refuses_exits_with_one_line(standin: StandIn, db_path: Path):
    done, _ = await run_bot(standin, db_path, TELEGRAM_BOT_TOKEN="999:WRONG-token_but_well_formed")
    assert_one_line_exit(done, "TELEGRAM_BOT_TOKEN", "refused")


async def test_webhook_settings_without_a_token_exit_2(standin: StandIn, db_path: Path):
    done, _ = await run_bot(
        standin,
        db_path,
        TELEGRAM_BOT_TOKEN=None,
        NEWSBRIEF_WEBHOOK_URL="https://example.com/hook",
        NEWSBRIEF_WEBHOOK_SECRET="s3cret",
    )
    assert_one_line_exit(done, "TELEGRAM_BOT_TOKEN", "NEWSBRIEF_WEBHOOK_URL")
    assert "console" not in done.stdout
