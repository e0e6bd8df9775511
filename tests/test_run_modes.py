"""Run modes as an operator meets them: `python -m bot` (the Procfile), `make run`, start-up errors, logging."""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import READER, ROOT, BotProcess, run_to_end
from tests.test_webhook import SECRET, WebhookBot, free_port

PROCFILE = ROOT / "Procfile"


def clean_env(**extra: str) -> dict[str, str]:
    """The operator's environment with none of our settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBRIEF_", "PORT"))}
    return {**env, **extra}


class Took(float):
    """Wall seconds a process ran, with the CPU seconds it used itself (``cpu``)."""

    cpu: float


def run_bot(cwd: Path, *args: str, timeout: float = 60, **env: str) -> tuple[subprocess.CompletedProcess, Took]:
    started, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    took = Took(time.monotonic() - started)
    took.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, took


def procfile_args(process_type: str) -> list[str]:
    """The arguments after ``python -m bot`` on the Procfile's line for ``process_type``."""
    for line in PROCFILE.read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == process_type:
            words = command.split()
            assert words[:3] == ["python", "-m", "bot"], line
            return words[3:]
    raise AssertionError(f"no {process_type} process in the Procfile")


def assert_one_line_naming_the_console(done: subprocess.CompletedProcess, seconds: Took) -> None:
    assert done.returncode == 2, done.stderr
    # Within 5 s; on a machine whose cores are busy with other work, the wall clock measures them,
    # so there it is the process's own CPU time that must stay well under.
    assert seconds < 5 or seconds.cpu < 2.5, (float(seconds), seconds.cpu)
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "TELEGRAM_BOT_TOKEN" in lines[0] and "newsbrief console" in lines[0]


def test_without_a_token_the_bot_exits_2_with_one_line_and_touches_nothing(tmp_path: Path):
    done, seconds = run_bot(tmp_path)
    assert_one_line_naming_the_console(done, seconds)
    assert list(tmp_path.iterdir()) == []  # no database written, no console opened


def test_with_webhook_settings_but_no_token_it_is_the_same_line(tmp_path: Path):
    port = str(free_port())
    webhook = {
        "NEWSBRIEF_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "NEWSBRIEF_WEBHOOK_SECRET": SECRET,
        "PORT": port,
    }
    for process_type in ("web", "worker"):
        done, seconds = run_bot(tmp_path, *procfile_args(process_type), **webhook)
        assert_one_line_naming_the_console(done, seconds)
    done, seconds = run_bot(tmp_path, **webhook)
    assert_one_line_naming_the_console(done, seconds)
    assert list(tmp_path.iterdir()) == []


async def test_the_web_process_refuses_to_start_without_the_webhook_settings(standin, db_path: Path):
    port = free_port()
    env = BotProcess(standin, db_path).environment() | {"PORT": str(port)}
    done = await run_to_end(env, *procfile_args("web"), cwd=db_path.parent)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: NEWSBRIEF_WEBHOOK_URL: not set")
    assert standin.calls["getUpdates"] == 0 and standin.calls["getMe"] == 0  # it never started polling


class WebProcess(WebhookBot):
    args = tuple(procfile_args("web"))


class WorkerProcess(BotProcess):
    args = tuple(procfile_args("worker"))


async def test_the_web_process_serves_the_webhook_on_port(standin, db_path: Path):
    async with WebProcess(standin, db_path) as web:
        async with httpx.AsyncClient() as client:
            assert (await client.get(web.health_url)).status_code == 200
        assert standin.webhook["url"] == web.url
        standin.send_text(READER, "/latest")
        assert "No articles yet" in (await standin.reply(READER)).text
    assert standin.calls["getUpdates"] == 0


async def test_the_worker_polls_even_when_the_webhook_url_is_set(standin, db_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    worker = WorkerProcess(
        standin, db_path, NEWSBRIEF_WEBHOOK_URL=url, NEWSBRIEF_WEBHOOK_SECRET=SECRET, PORT=str(port)
    )
    async with worker:
        standin.send_text(READER, "/latest")
        assert "No articles yet" in (await standin.reply(READER)).text
        assert standin.calls["getUpdates"] > 0 and standin.calls["setWebhook"] == 0
        async with httpx.AsyncClient() as client:  # nothing listens on $PORT
            try:
                await client.get(f"http://127.0.0.1:{port}/healthz")
                raise AssertionError("the worker bound $PORT")
            except httpx.TransportError:
                pass


async def test_a_wrong_token_is_one_line_in_either_mode(standin, db_path: Path):
    port = free_port()
    webhook = {"NEWSBRIEF_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "NEWSBRIEF_WEBHOOK_SECRET": SECRET}
    for process_type in ("worker", "web"):
        env = BotProcess(standin, db_path).environment() | webhook | {
            "PORT": str(port),
            "TELEGRAM_BOT_TOKEN": "999:WRONG",
        }
        done = await run_to_end(env, *procfile_args(process_type), cwd=db_path.parent)
        assert done.returncode == 2, (process_type, done.stderr)  # a setting to fix, as bad values are
        # Start-up INFO lines aside (the database is opened first), the one line.
        lines = [line for line in done.stderr.strip().splitlines() if " INFO " not in line]
        assert len(lines) == 1, (process_type, done.stderr)
        assert "TELEGRAM_BOT_TOKEN" in lines[0] and "refused" in lines[0]
        assert "Traceback" not in done.stderr


def test_an_unreachable_bot_api_is_one_line(tmp_path: Path):
    done, _ = run_bot(
        tmp_path, TELEGRAM_BOT_TOKEN="1:x", TELEGRAM_API_URL=f"http://127.0.0.1:{free_port()}"
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.strip().splitlines() if " INFO " not in line]
    assert len(lines) == 1 and lines[0].startswith("newsbrief: cannot reach the Bot API")
    assert "Traceback" not in done.stderr


async def wait_for_ticks(process: BotProcess) -> None:
    """The daily clock first ticks 1 s after start (then every 20 s): wait past it, then prove the
    bot still answers."""
    await asyncio.sleep(2.5)
    process.api.send_text(READER, "/latest")
    await process.api.reply(READER)


async def test_routine_ticks_are_debug_lines_and_the_level_is_a_setting(standin, db_path: Path):
    async with BotProcess(standin, db_path) as default:
        await wait_for_ticks(default)
    assert "polling" in default.log()  # INFO lines still show
    assert "daily-clock" not in default.log() and "Running job" not in default.log()

    db_debug = db_path.with_name("debug.db")
    async with BotProcess(standin, db_debug, NEWSBRIEF_LOG_LEVEL="debug") as debug:
        await wait_for_ticks(debug)
    assert "daily-clock" in debug.log()

    db_quiet = db_path.with_name("quiet.db")
    async with BotProcess(standin, db_quiet, NEWSBRIEF_LOG_LEVEL="WARNING") as quiet:
        await wait_for_ticks(quiet)
    assert "polling" not in quiet.log()


def test_a_bad_log_level_stops_start_up_with_one_line(tmp_path: Path):
    done, _ = run_bot(tmp_path, TELEGRAM_BOT_TOKEN="1:x", NEWSBRIEF_LOG_LEVEL="loud")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "newsbrief: NEWSBRIEF_LOG_LEVEL: 'loud' is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
    ]


def make_run(cwd: Path, stdin: str, **env: str) -> subprocess.CompletedProcess:
    """``make run`` with this interpreter's environment (STAMP= skips the install step)."""
    return subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "run", "STAMP=", f"VENV={sys.prefix}"],
        cwd=cwd,
        env=clean_env(**env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_run_opens_the_console_without_a_token_and_serves_with_one(tmp_path: Path):
    offline = make_run(tmp_path, "/help\n/quit\n", NEWSBRIEF_DB=str(tmp_path / "live.db"))
    assert offline.returncode == 0, offline.stderr
    assert "offline console" in offline.stdout and "/latest" in offline.stdout

    # With a token it is `newsbrief run`: here the Bot API is unreachable, which it says in one line.
    online = make_run(
        tmp_path, "", TELEGRAM_BOT_TOKEN="1:x", TELEGRAM_API_URL=f"http://127.0.0.1:{free_port()}"
    )
    assert online.returncode != 0
    assert "newsbrief: cannot reach the Bot API" in online.stderr
    assert "console" not in online.stdout


def test_log_level_names_as_logging_knows_them():
    from bot.config import load_settings

    for raw, level in [("debug", "DEBUG"), ("Info", "INFO"), ("warn", "WARNING"), ("ERROR", "ERROR"), ("", "INFO")]:
        assert load_settings({"NEWSBRIEF_LOG_LEVEL": raw}, dotenv=Path("/nonexistent")).log_level == level
