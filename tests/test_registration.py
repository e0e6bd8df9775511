"""Registration in one place: every command, the inline mode and every job come from build_application."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import build_application, close_storage, open_storage
from bot.config import load_settings
from bot.handlers import reading

ROOT = Path(__file__).resolve().parents[1]
#: Every command of DESIGN.md's command list that this bot answers (channels and follows come later).
COMMANDS = [
    "start", "help", "latest", "brief", "quotes", "digest", "search", "subscribe", "unsubscribe",
    "settings", "post", "delete", "stats", "push", "feed", "follow", "unfollow", "following", "alert", "channel",
]  # fmt: skip


def application_for(tmp_path: Path, token: str = "123:TEST", **changes: Any) -> Application:
    settings = load_settings({"NEWSBRIEF_DB": str(tmp_path / "bot.db")}, dotenv=tmp_path / "none.env")
    return build_application(dataclasses.replace(settings, **changes), token=token)


def update(application: Application, **payload: Any) -> Update:
    return Update.de_json({"update_id": 1, **payload}, application.bot)


def command(application: Application, text: str) -> Update:
    name = text.split()[0]
    return update(
        application,
        message={
            "message_id": 1,
            "date": 0,
            "chat": {"id": 600, "type": "private"},
            "from": {"id": 600, "is_bot": False, "first_name": "Reader"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(name)}],
        },
    )


def first_match(application: Application, incoming: Update) -> Any:
    """The callback PTB would run: the first matching handler of the first group (as PTB dispatches)."""
    for group in sorted(application.handlers):
        for handler in application.handlers[group]:
            if handler.check_update(incoming) not in (None, False):
                return handler.callback
    return None


async def test_one_ordered_list_answers_every_command_before_the_catch_all(tmp_path: Path, standin: Any) -> None:
    application = application_for(tmp_path, standin.token, api_url=standin.base_url)
    async with application:  # getMe: commands addressed to the bot by name are recognised
        check_dispatch(application)


def check_dispatch(application: Application) -> None:
    assert list(application.handlers) == [0], "one group: order in the list decides, no group tricks"
    for name in COMMANDS:
        callback = first_match(application, command(application, f"/{name} 1"))
        assert callback is not None and callback is not reading.unknown, f"/{name} is not answered by its handler"
    assert first_match(application, command(application, "/nonsense")) is reading.unknown
    inline = update(
        application,
        inline_query={"id": "1", "from": {"id": 600, "is_bot": False, "first_name": "R"}, "query": "x", "offset": ""},
    )
    assert first_match(application, inline).__name__ == "inline_query"


def test_no_discovery_in_the_product() -> None:
    """Nothing is found by name at run time: every import is visible at the top of a module."""
    for folder in ("bot", "storage", "summarizer"):
        for path in (ROOT / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            # importlib.resources (package data) is fine; loading modules by name is not.
            assert "__import__" not in source and "import_module" not in source, path
            assert not re.search(r"add_handlers?\([^)]*group\s*=", source), path
            assert "ApplicationHandlerStop" not in source, path


async def test_jobs_start_once_storage_is_open(tmp_path: Path, standin: Any) -> None:
    application = application_for(tmp_path, standin.token, api_url=standin.base_url, feed_interval=900.0)
    async with application:  # the stand-in answers getMe and setMyCommands
        assert application.job_queue.jobs() == ()  # nothing runs before the database is open
        await open_storage(application)
        try:
            jobs = {job.name: job for job in application.job_queue.jobs()}
            assert set(jobs) == {"refresh-briefings", "daily-clock", "feeds", "stories"}
            assert "db" in application.bot_data
        finally:
            await close_storage(application)


@pytest.mark.parametrize("name", ["daily-clock", "feeds"])
def test_repeating_jobs_are_listed_with_their_intervals(tmp_path: Path, name: str) -> None:
    application = application_for(tmp_path, feed_interval=900.0)
    listed = {job.name: job for job in application.bot_data["jobs"]}
    assert listed[name].interval == (900.0 if name == "feeds" else 20)
