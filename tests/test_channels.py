"""Channels end to end through the in-process bot and the stand-in: linking checked with Telegram,
each new story posted once, and a channel that took the bot's rights away paused and reported."""

from __future__ import annotations

from bot.localapi import to_plain_text
from bot.localapi.channels import add_channel, set_bot_role
from tests.conftest import ADMIN, ARTICLE, READER, InProcessBot
from tests.standin import StandIn

CHANNEL = -1001234567890
TITLE = ARTICLE.read_text().splitlines()[0]


async def say(api: StandIn, text: str, chat: int = ADMIN) -> str:
    api.send_text(chat, text)
    return to_plain_text((await api.reply(chat)).text)


async def post(api: StandIn, text: str) -> None:
    assert (await say(api, f"/post {text}")).startswith("Posted as #")


async def test_linking_is_checked_with_telegram(standin: StandIn, bot: InProcessBot):
    add_channel(standin, CHANNEL, "harbournews", "Harbour News")
    add_channel(standin, -1009, "readonlynews", "Read Only", bot_role="admin")  # admin, may not post
    add_channel(standin, -1010, "gonenews", "Gone", bot_role="left")
    standin.register(-1011)
    standin.chats[-1011]["username"] = "somegroup"  # a group, not a channel

    assert await say(standin, "/channel add @harbournews", READER) == "Sorry, only newsbrief admins can do that."
    assert (await say(standin, "/channel add @nosuchname")).startswith("I can't find @nosuchname")
    assert (await say(standin, "/channel add @somegroup")).startswith("@somegroup is not a channel")
    assert (await say(standin, "/channel add @readonlynews")).startswith("I'm not an admin of @readonlynews")
    assert (await say(standin, "/channel add @gonenews")).startswith("I can't find @gonenews")
    assert (await say(standin, "/channel add <b>x</b>")).startswith("Usage: /channel add @name")
    assert (await say(standin, "/channel add @harbournews")).startswith("Channel #1 @harbournews linked")
    assert "#1 @harbournews — Harbour News · posting" in await say(standin, "/channel list")
    assert (await say(standin, "/channel remove 7")).startswith("There is no channel #7.")
    assert (await say(standin, "/channel remove 1")).startswith("Channel #1 @harbournews removed")
    assert (await say(standin, "/channel list")).startswith("No channels linked.")
    # The look-ups of a channel that does not exist were refused on purpose; no send ever was.
    assert {r.method for r in standin.rejected} == {"getChat", "getChatMember"}
    standin.rejected.clear()


async def test_each_new_story_is_posted_once_and_a_lost_channel_is_paused(standin: StandIn, bot: InProcessBot):
    add_channel(standin, CHANNEL, "harbournews", "Harbour News")
    await say(standin, "/channel add @harbournews")

    await post(standin, ARTICLE.read_text())
    card = await standin.reply(CHANNEL, timeout=10)
    assert to_plain_text(card.text).startswith(TITLE)
    assert card.buttons == ["Quotes and full text"]  # a link into the bot, not callback buttons
    assert await standin.quiet(CHANNEL, 2.5) == []  # posted once, though the job ticks on

    # The owner takes the bot's admin rights away: the next story cannot be posted.
    set_bot_role(standin, CHANNEL, "left")
    await post(standin, "Ferry timetable changes\nThe winter timetable starts on Monday with fewer crossings.")
    report = to_plain_text((await standin.reply(ADMIN, timeout=10)).text)
    assert report.startswith("Channel @harbournews is paused: I can no longer post there")
    refused = sum(1 for r in standin.rejected if r.chat_id == CHANNEL)
    assert refused == 1

    await post(standin, "Library opens late\nThe library will open until ten at night from next week.")
    assert await standin.quiet(CHANNEL, 2.5) == []
    assert sum(1 for r in standin.rejected if r.chat_id == CHANNEL) == refused  # not retried
    assert await standin.quiet(ADMIN, 0.1) == []  # reported once
    assert "paused: Forbidden: bot is not a member of the channel chat" in await say(standin, "/channel list")

    # Made admin again and re-added: posting resumes with the next story.
    set_bot_role(standin, CHANNEL, "poster")
    assert (await say(standin, "/channel add @harbournews")).startswith("Channel #1 @harbournews resumed")
    await post(standin, "Bridge reopens\nThe old bridge reopens to traffic on Friday after repairs.")
    assert to_plain_text((await standin.reply(CHANNEL, timeout=10)).text).startswith("Bridge reopens")
