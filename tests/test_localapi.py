"""bot.localapi: the in-process Bot API under a real python-telegram-bot, and what the product ships."""

from __future__ import annotations

import ast
import itertools
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, EndPointNotFound, InvalidToken

from bot.localapi import LOCAL_API_URL, LocalRequest, People
from tests.conftest import READER, ROOT, InProcessBot
from tests.standin import StandIn


@pytest.fixture
async def world() -> People:
    people = People()
    people.register(READER)
    return people


def local_bot(world: People, token: str | None = None) -> Bot:
    return Bot(
        token or world.token,
        base_url=f"{LOCAL_API_URL}/bot",
        base_file_url=f"{LOCAL_API_URL}/file/bot",
        request=LocalRequest(world),
        get_updates_request=LocalRequest(world),
    )


@pytest.fixture
async def bot(world: People) -> AsyncIterator[Bot]:
    async with local_bot(world) as telegram_bot:
        yield telegram_bot


async def test_calls_are_answered_and_checked_as_telegram_would(world: People, bot: Bot):
    assert (await bot.get_me()).username == world.username
    message = await bot.send_message(READER, "<b>bold</b> &amp; plain", parse_mode="HTML")
    assert message.text == "bold & plain" and message.entities[0].type == "bold"
    assert world.messages_in(READER)[0].visible == "bold & plain"
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(READER, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "nobody there")
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")


async def test_a_wrong_token_is_refused(world: People):
    with pytest.raises(InvalidToken):
        await local_bot(world, "999:WRONG").get_me()


async def test_files_a_user_attached_download_through_the_request(world: People, bot: Bot):
    world.send_document(READER, b"line one\nline two\n", "notes.txt")
    [update] = await bot.get_updates()
    document = update.message.document
    assert document.file_name == "notes.txt"
    data = await (await bot.get_file(document.file_id)).download_as_bytearray()
    assert bytes(data) == b"line one\nline two\n"


async def test_the_real_per_chat_limit_one_message_a_second(standin: StandIn, db_path: Path):
    """With Telegram's limit (the default, not the suite's fast one), one chat's replies are a second
    apart, and another chat is not held up by that wait."""
    other = READER + 1
    async with InProcessBot(standin, db_path, NEWSBRIEF_CHAT_INTERVAL="1"):
        for _ in range(3):
            standin.send_text(READER, "/help")
        first = await standin.reply(READER)
        standin.send_text(other, "/help")
        [answered_other] = await standin.replies(other, 1)
        rest = await standin.replies(READER, 2)
    times = [first.at, *(sent.at for sent in rest)]
    assert all(later - earlier >= 0.99 for earlier, later in itertools.pairwise(times))
    assert standin.max_per_window(0.99, READER) == 1
    assert answered_other.at < rest[0].at  # the other chat did not queue behind READER's wait


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _module(path: Path) -> str:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return name.removesuffix(".__init__")


def test_the_product_ships_no_test_server_faults_or_control_surface():
    for package in ("bot", "storage", "summarizer"):
        for path in (ROOT / package).rglob("*.py"):
            roots = {name.split(".")[0] for name in _imports(path)}
            assert "tests" not in roots, path
            if path.parent.name == "localapi" or path.name == "console.py":  # in-process: no server
                assert not roots & {"tornado", "httpx", "aiohttp", "socket", "http"}, path
            text = path.read_text()
            assert "/_standin/" not in text and "fail_next" not in text and "class Fault" not in text, path
    assert not (ROOT / "bot" / "standin").exists()


def test_no_import_circle_among_the_bots_modules():
    paths = {_module(p): p for p in (ROOT / "bot").rglob("*.py")}
    graph = {name: {m for m in _imports(path) if m in paths and m != name} for name, path in paths.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph[start]:
            if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
                return True
        return False

    circles = sorted(name for name in graph if reaches(name, name, {name}))
    assert circles == [], f"modules on an import circle: {circles}"


def test_the_tests_stand_in_serves_on_the_port_it_is_given():
    """``python -m tests.standin --port N`` (issue 14: the old ``bot.standin`` ignored ``--port``)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.standin", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert server.stdout.readline().strip() == f"TELEGRAM_API_URL=http://127.0.0.1:{port}"
        token = server.stdout.readline().strip().split("=", 1)[1]
        answer = httpx.get(f"http://127.0.0.1:{port}/bot{token}/getMe", timeout=10).json()
        assert answer["ok"] and answer["result"]["is_bot"]
    finally:
        server.terminate()
        server.wait(10)
