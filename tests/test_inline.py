"""Inline mode: ``@newsbrief_bot words`` in any chat, through the real bot (in-process) and the stand-in."""

from __future__ import annotations

from typing import Any

import pytest

from bot.render.inline import article_result, result_message
from storage.articles import StoredArticle
from tests.conftest import ADMIN, ARTICLE, READER, InProcessBot
from tests.standin import StandIn, check_message, to_plain_text

TITLE = ARTICLE.read_text().splitlines()[0]
HOSTILE_TITLE = "Tom & Jerry <script>alert(1)</script>"


async def post(api: StandIn, text: str) -> None:
    api.send_text(ADMIN, f"/post {text}")
    assert to_plain_text((await api.reply(ADMIN)).text).startswith("Posted as #")


async def ask(api: StandIn, words: str) -> list[dict[str, Any]]:
    """What a reader sees after typing ``@newsbrief_bot words`` (the stand-in checked it like Telegram)."""
    return (await api.inline_answer(api.inline_query(READER, words)))["results"]


def sent_text(result: dict[str, Any]) -> str:
    """The message the chat gets when the reader picks ``result``, as Telegram would show it."""
    content = result["input_message_content"]
    return check_message(content["message_text"], content.get("parse_mode")).text


async def test_matching_articles_are_offered_ready_to_send(standin: StandIn, bot: InProcessBot):
    await post(standin, ARTICLE.read_text())
    await post(
        standin, f"{HOSTILE_TITLE}\nThe cartoon pair & friends return to the harbour cinema next week."
    )
    await post(standin, "Library opens late\nThe library will open until ten at night from next week.")

    results = await ask(standin, "sea wall harbour")
    assert [r["id"] for r in results] == ["1"]
    harbour = results[0]
    assert harbour["title"] == TITLE and harbour["description"]
    shown = sent_text(harbour)
    assert shown.startswith(TITLE) and "#1 · " in shown and "sea wall" in shown
    assert harbour["description"][:40] in shown  # the description is the briefing's start
    assert "https://t.me/newsbrief_bot?start=1" in harbour["input_message_content"]["message_text"]

    results = await ask(standin, "cartoon")
    assert [r["id"] for r in results] == ["2"]
    assert results[0]["title"] == HOSTILE_TITLE  # titles are plain text: shown as typed
    message = results[0]["input_message_content"]["message_text"]
    assert "&lt;script&gt;" in message and "<script>" not in message
    assert sent_text(results[0]).startswith(HOSTILE_TITLE)


async def test_an_empty_query_offers_the_newest_and_no_match_offers_nothing(
    standin: StandIn, bot: InProcessBot
):
    assert await ask(standin, "") == []  # no articles yet
    await post(
        standin, "Ferry timetable changes\nThe winter timetable starts on Monday with fewer crossings."
    )
    await post(standin, ARTICLE.read_text())
    assert [r["id"] for r in await ask(standin, "")] == ["2", "1"]
    assert await ask(standin, "quantum chromodynamics") == []
    assert [r["id"] for r in await ask(standin, "ferr")] == ["1"]  # the last word is also a prefix


@pytest.mark.parametrize(
    "words", ['"', "*", "NEAR(", "<b>", "harbour OR", "title:wall", "-", "'); DROP TABLE x"]
)
async def test_hostile_queries_are_only_ever_searches(standin: StandIn, bot: InProcessBot, words: str):
    await post(standin, ARTICLE.read_text())
    results = await ask(standin, words)
    assert all(r["id"] == "1" for r in results)
    assert "Traceback" not in bot.log()
    standin.send_text(READER, "/latest")  # the bot is still serving
    assert to_plain_text((await standin.reply(READER)).text).startswith(TITLE)


def stored(title: str, briefing: list[str] | None) -> StoredArticle:
    return StoredArticle(
        id=42,
        title=title,
        body="Body.",
        credit=None,
        source=None,
        url=None,
        language="en",
        posted_by=None,
        posted_at="2026-11-25T08:00:00Z",
        content_hash="x",
        briefing=briefing,
        quotes=None,
        summarizer_version=None,
    )


@pytest.mark.parametrize(
    ("title", "briefing"),
    [
        ("Huge briefing", ["A sentence with <tags> & ampersands goes on and on. " * 60] * 3),
        ("Giant word", ["&" * 5000]),
        ("T" * 6000, ["Short."]),
        ("No sentences", None),
    ],
)
def test_a_result_message_always_fits_and_passes_telegrams_checks(title: str, briefing: list[str] | None):
    for username in ("newsbrief_bot", None):
        message = result_message(stored(title, briefing), username)
        assert len(message) <= 4096
        check_message(message, "HTML")  # raises on broken entities or markup
        if username:
            assert message.endswith("Quotes and full text in @newsbrief_bot</a>")
    result = article_result(stored(title, briefing)).to_dict()
    assert result["id"] == "42" and 0 < len(result["title"]) <= 120 and len(result["description"]) <= 160
