"""Topics end to end: /follow, /unfollow, /following, hostile topics, and the daily update's order
for each choice (everything, followed first, only followed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.ingest import post_text
from bot.localapi import to_plain_text
from bot.schedule import to_iso
from storage import subscribers, topics
from storage.db import Database
from tests.conftest import ADMIN, ARTICLE, READER, InProcessBot
from tests.standin import StandIn
from tests.test_alerts_kill import daytime_zone

HARBOUR = ARTICLE.read_text().splitlines()[0]
FERRY = "Ferry timetable changes"
LIBRARY = "Library opens late"


async def say(api: StandIn, text: str, chat: int = READER) -> str:
    api.send_text(chat, text)
    return to_plain_text((await api.reply(chat)).text)


async def test_follow_list_unfollow_and_limits(standin: StandIn, bot: InProcessBot):
    assert (await say(standin, "/follow")).startswith("Usage: /follow")
    reply = await say(standin, "/follow Sea WALLS")
    assert reply.startswith("Following “Sea WALLS” (#1).")
    assert (await say(standin, "/follow sea wall")).startswith("You already follow “sea wall”")  # folded
    assert (await say(standin, '/follow "Pôrt Ellery"')).startswith('Following “"Pôrt Ellery"” (#2)')

    standin.send_text(READER, "/following")
    listing = await standin.reply(READER)
    text = to_plain_text(listing.text)
    assert "1. Sea WALLS" in text and '2. "Pôrt Ellery"' in text
    assert listing.buttons == ["Everything", "✓ Followed first", "Only followed"]

    assert (await say(standin, "/unfollow 7")).startswith("There is no topic #7: you follow 2.")
    assert (
        await say(standin, "/unfollow port ellery")
    ) == "You don't follow “port ellery”. /following lists your topics."
    assert (await say(standin, '/unfollow "port ellery"')) == 'Stopped following “"Pôrt Ellery"”.'
    assert (await say(standin, "/unfollow 1")) == "Stopped following “Sea WALLS”."
    assert (await say(standin, "/following")).startswith("You follow no topics.")

    for n in range(20):
        assert (await say(standin, f"/follow topic{n}")).startswith(f"Following “topic{n}” (#{n + 1})")
    assert (await say(standin, "/follow one more")).startswith("You follow 20 topics, the most there can be.")


HOSTILE = [
    ('NEAR("a" b) OR title:x* ^c', 'Following “NEAR("a" b) OR title:x* ^c”'),  # FTS syntax is just words
    ("x" * 10_000, "A topic is at most 100 characters; that one has 10,000."),
    ("🎉🔥", "“🎉🔥” has no words to match"),
    ("\u200f\u202e\u200b", "That has no words to match"),
    ("\u202eharbour\u200f", "Following “harbour” (#2)"),
    ("<b>&amp;</b>", "Following “<b>&amp;</b>” (#3)"),
    ('"" * AND', 'Following “"" * AND” (#4)'),
]


async def test_hostile_topics_get_one_line_answers(standin: StandIn, bot: InProcessBot):
    for topic, expected in HOSTILE:
        standin.send_text(READER, f"/follow {topic}")
        text = to_plain_text((await standin.reply(READER)).text)
        assert text.startswith(expected), (topic, text)
        assert "\n" not in text and len(text) < 300
        assert await standin.quiet(READER, 0.3) == []  # one answer, not a second "unknown command"
    for command in ("/unfollow " + "y" * 10_000, "/unfollow 🎉", "/alert maybe", "/unfollow 99999999999"):
        standin.send_text(READER, command)
        text = to_plain_text((await standin.reply(READER)).text)
        assert "\n" not in text and len(text) < 300, (command[:20], text)


async def prepare_update(db_path: Path, mode: str | None) -> None:
    """A subscriber due a minute ago who follows "sea wall"; three stories since, harbour first."""
    due = to_iso(datetime.now(UTC) - timedelta(minutes=1))
    async with await Database.open(db_path) as db:
        await subscribers.subscribe(db, READER, "08:00", "UTC", 0, due)
        await topics.add(db, READER, "sea wall", await topics.parse(db, "sea wall"))
        if mode is not None:
            await topics.set_daily_mode(db, READER, mode)
        await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="test")
        await post_text(db, f"{FERRY}\nThe winter timetable starts on Monday with fewer crossings.")
        await post_text(db, f"{LIBRARY}\nThe library will open until ten at night from next week.")


def order(update: str) -> list[str]:
    return [title for title in sorted((HARBOUR, FERRY, LIBRARY), key=update.find) if title in update]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("all", [LIBRARY, FERRY, HARBOUR]),
        ("first", [HARBOUR, LIBRARY, FERRY]),
        (None, [HARBOUR, LIBRARY, FERRY]),  # a reader who never chose: followed first
        ("only", [HARBOUR]),
    ],
)
async def test_daily_update_order_for_each_choice(standin: StandIn, db_path: Path, mode, expected):
    await prepare_update(db_path, mode)
    standin.register(READER)
    async with InProcessBot(standin, db_path):
        update = to_plain_text((await standin.reply(READER, timeout=30)).text)
    assert update.startswith("Your daily briefing")
    assert order(update) == expected


async def test_subscribe_offers_the_choice(standin: StandIn, bot: InProcessBot):
    standin.send_text(READER, "/subscribe 07:30 Europe/Berlin")
    reply = await standin.reply(READER)
    assert "Daily update: followed topics first, then the rest" in to_plain_text(reply.text)
    assert reply.buttons == ["Everything", "✓ Followed first", "Only followed"]


async def test_settings_buttons_choose_the_update(standin: StandIn, db_path: Path):
    async with await Database.open(db_path) as db:
        await subscribers.subscribe(
            db, READER, "08:00", "UTC", 0, to_iso(datetime.now(UTC) + timedelta(hours=5))
        )
    async with InProcessBot(standin, db_path):
        standin.send_text(READER, "/settings")
        settings = await standin.reply(READER)
        assert "Daily update: followed topics first, then the rest" in to_plain_text(settings.text)
        standin.press_button(READER, settings, "Only followed")
        edited = await standin.reply(READER)  # the keyboard, edited in place
        assert edited.method == "editMessageReplyMarkup"
        assert edited.buttons == ["Everything", "Followed first", "✓ Only followed"]
        assert "Daily update: only followed topics" in await say(standin, "/settings")
    async with await Database.open(db_path) as db:
        assert (await topics.reader(db, READER)).daily_mode == "only"


async def test_digest_follows_the_choice_too(standin: StandIn, db_path: Path):
    await prepare_update(db_path, "only")
    async with await Database.open(db_path) as db:  # not due: only /digest sends today's update
        await subscribers.set_next_due(db, READER, "2099-01-01T00:00:00Z")
    async with InProcessBot(standin, db_path):
        update = await say(standin, "/digest")
    assert order(update) == [HARBOUR]


async def test_follow_and_alert_then_a_matching_post_arrives_at_once(standin: StandIn, bot: InProcessBot):
    zone = daytime_zone()
    await say(standin, f"/subscribe 08:00 {zone}")
    await say(standin, '/follow "Sea Walls"')
    assert (await say(standin, "/alert on")).startswith("Alerts on: a story matching a topic you follow")
    await say(standin, "/post Ferry timetable changes\nThe winter timetable starts on Monday.", ADMIN)
    await say(standin, f"/post {ARTICLE.read_text()}", ADMIN)
    alert = to_plain_text((await standin.reply(READER, timeout=10)).text)
    assert alert.startswith("🔔 Alert") and HARBOUR in alert
    assert await standin.quiet(READER, 2.5) == []  # the ferry story matches nothing; the alert came once
    assert (await say(standin, "/alert off")).startswith("Alerts off.")


async def test_a_settings_press_without_its_message_still_stores_the_choice(standin: StandIn, bot: InProcessBot):
    """A forged "dm:" press on an inline message (no message comes with it) sets the presser's own
    choice and says so, instead of failing with "something went wrong"."""
    assert (await say(standin, "/subscribe 08:00 UTC")).startswith("Subscribed")
    query = {
        "id": "forged-inline-1",
        "from": standin.user(READER),
        "chat_instance": "1",
        "inline_message_id": "AAAAforged",
        "data": "dm:only",
    }
    standin.open_queries.add(query["id"])
    standin.push_update("callback_query", query)
    answered = await standin.callback_answer(query["id"], timeout=10)
    assert "only" in answered.get("text", "").lower()
    assert "Daily update: only followed topics" in await say(standin, "/settings")
