"""Issue 13: nothing an outsider sends breaks the bot for anyone else (the real process, end to end).

The conftest ``standin`` fixture fails any test in which the bot sent something Telegram would
refuse (400: over 4096 characters, broken HTML); each test here also checks what the user sees.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from typing import Any

from tests.conftest import ADMIN, READER, InProcessBot
from tests.standin import StandIn, to_plain_text

OTHER = 700
GROUP = -1001
_queries = itertools.count(900_000)


async def post(api: StandIn, text: str) -> str:
    api.send_text(ADMIN, f"/post {text}")
    return to_plain_text((await api.reply(ADMIN, timeout=60)).text)


async def ask(api: StandIn, user: int, text: str) -> str:
    api.send_text(user, text)
    return to_plain_text((await api.reply(user)).text)


def press_data(api: StandIn, user: int, data: str) -> str:
    """A button press with any callback data (an old keyboard, or a forged one)."""
    query = {
        "id": str(next(_queries)),
        "from": api.user(user),
        "chat_instance": "1",
        "data": data,
        "message": {"message_id": 1, "chat": api.chat(user), "date": int(time.time()), "text": "old"},
    }
    api.open_queries.add(query["id"])
    api.push_update("callback_query", query)
    return query["id"]


BODY = "The council met on Monday. “We will build it,” said Mayor Ann Lee. Work starts in March."


async def test_long_titles_from_outside_never_take_reading_down(standin: StandIn, bot: InProcessBot):
    """Item 1: titles of 3,969, 5,000 and 20,000 characters (words, one giant word, HTML-ish)."""
    titles = [
        "Harbour " * 496 + "x",  # 3,969 characters: "Posted as #N." used to overflow by one
        "Long title " * 455,  # ~5,000 characters
        "&<b>" * 5000,  # 20,000 characters of markup, every one escaped
        "W" * 6300,  # one word, no space to cut on
    ]
    for number, title in enumerate(titles, 1):
        confirmation = await post(standin, f"{title}\n{BODY} Number {number}.")
        assert confirmation.startswith(f"Posted as #{number}.")
        assert len(confirmation) <= 4096
    for command in ("/latest", "/brief", "/quotes", "/digest", "/search council", "/brief 2", "/start 3"):
        text = await ask(standin, READER, command)
        assert "went wrong" not in text and len(text) <= 4096, (command, text[:200])
    card = await ask(standin, OTHER, "/latest")
    assert card.startswith("W" * 200) and "…" in card and "#4 ·" in card  # bounded title, still the card
    standin.send_text(ADMIN, "/push 4")
    assert "Pushing #4" in to_plain_text((await standin.reply(ADMIN)).text)
    assert "Push of #4 done" in to_plain_text((await standin.reply(ADMIN, timeout=30)).text)
    standin.send_text(ADMIN, "/delete 2")
    deleted = to_plain_text((await standin.reply(ADMIN)).text)
    assert deleted.startswith("Deleted #2: Long title") and len(deleted) < 400


async def test_echoed_input_never_overflows_a_reply(standin: StandIn, bot: InProcessBot):
    """Item 2: every command that echoes what it was sent, with 4,088-4,094 characters of it."""
    for text in (
        "/search " + "w" * 4088,
        "/search " + "&" * 4088,
        "/search " + "<i>" * 1362,
        "/" + "x" * 4094,
        "/subscribe " + "9" * 4085,
        "/subscribe Europe/" + "Berlin" * 680,
        "/subscribe 08:00 " + "z" * 4079,
    ):
        reply = await ask(standin, READER, text)
        assert 0 < len(reply) <= 400 and "went wrong" not in reply, (text[:30], reply[:200])
    standin.send_text(ADMIN, "/post " + "h" * 4090)  # a title and no body: refused, echo bounded
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Not posted:")


async def test_any_digits_and_any_button_data_get_an_answer(standin: StandIn, bot: InProcessBot):
    """Item 3: non-ASCII digits, huge numbers, and button data that matches nothing."""
    await post(standin, f"A story\n{BODY}")
    for command in ("/brief", "/quotes", "/start"):
        for argument in ("²", "¹", "①", "٣", "৩", "１", "9" * 30, "-1", "0", "#", "1.5"):
            reply = await ask(standin, READER, f"{command} {argument}")
            assert reply.startswith(("Usage:", "There is no article")), (command, argument, reply)
    for command in ("/delete", "/push"):
        for argument in ("²", "①", "٣", "9" * 30):
            assert (await ask(standin, ADMIN, f"{command} {argument}")).startswith("Usage:")
    for argument in ("²", "①", "٣", "9" * 30):
        assert (await ask(standin, ADMIN, f"/feed remove {argument}")).startswith("Usage:")
        assert (await ask(standin, ADMIN, f"/channel remove {argument}")).startswith("Usage:")
        assert "went wrong" not in await ask(standin, READER, f"/unfollow {argument}")

    for data in ("o:99999999999999999999", "n:99999999999999999999", "x:1", "q:-1", "f:²", "q:", "", "☃"):
        query_id = press_data(standin, READER, data)
        answered = await standin.callback_answer(query_id, timeout=10)
        assert answered.get("text"), data  # the spinner stops, with a word of why
    assert await ask(standin, OTHER, "/latest") != ""  # and everyone else is still served


async def test_time_zone_folders_and_long_zones_are_refused(standin: StandIn, bot: InProcessBot):
    """Item 4: the zone database's folders, over-long names, paths."""
    for arguments in ("08:00 Europe", "America", "Pacific", "Europe/" + "x" * 300, "../../etc/passwd", "Etc"):
        reply = await ask(standin, READER, f"/subscribe {arguments}")
        assert "is not a time zone I know" in reply or reply.startswith("“"), (arguments, reply)
    assert (await ask(standin, READER, "/subscribe 07:30 Europe/Berlin")).startswith("Subscribed")


async def test_article_ids_are_never_reused(standin: StandIn, bot: InProcessBot):
    """Item 5: subscribe, post A, /digest, delete A, post B: B is #2, and the subscriber gets it."""
    await ask(standin, READER, "/subscribe 08:00 UTC")
    assert (await post(standin, f"Story A\n{BODY}")).startswith("Posted as #1.")
    digest = await ask(standin, READER, "/digest")
    assert "Story A" in digest
    assert (await ask(standin, ADMIN, "/delete 1")).startswith("Deleted #1")
    assert (await post(standin, "Story B\nSomething else entirely happened on Tuesday.")).startswith(
        "Posted as #2."
    )
    assert (await ask(standin, READER, "/start 1")).startswith("There is no article #1")
    assert "Story B" in await ask(standin, READER, "/digest")


async def test_a_full_text_flood_does_not_stall_other_users(standin: StandIn, db_path):
    """Acceptance 3 (item 6): eight Full-text presses on long articles from one chat; another user's
    /latest answered within 2 s, and a stand-in enforcing one message a second per chat sees no 429."""
    standin.chat_interval = 1.0
    async with InProcessBot(standin, db_path, NEWSBRIEF_CHAT_INTERVAL="1"):  # Telegram's own limit
        paragraph = "The council met again and talked about the harbour wall at length, once more. " * 12
        for n in range(3):
            await post(standin, f"Long report {n}\n" + "\n".join([paragraph] * 12))  # 4 parts each
        cards = []
        for n in (1, 2, 3):
            standin.send_text(READER, f"/brief {n}")
            cards.append(await standin.reply(READER))
        standin.reset_records()
        for card in (cards * 3)[:8]:  # eight presses of Full text, as fast as a thumb can go
            standin.press_button(READER, card, "Full text")
        started = time.monotonic()
        standin.send_text(OTHER, "/latest")
        latest = await standin.reply(OTHER, timeout=10)
        answered_in = time.monotonic() - started
        assert to_plain_text(latest.text).startswith("Long report 2")
        print(f"\nfull-text flood: another user's /latest answered in {answered_in:.2f} s")
        assert answered_in < 2.0
        parts = await standin.replies(READER, 9, timeout=60)  # three full texts, 3+ parts each
        assert sum(1 for p in parts if "Long report" in p.text) == 3  # each heading once: no repeats
        too_many = [r for r in standin.rejected if r.status == 429]
        assert too_many == [], too_many[:3]
        assert standin.max_per_window(1.0, READER, attempts=True) <= 1


async def test_latest_answers_within_a_second_while_another_process_holds_the_write_lock(
    standin: StandIn, bot: InProcessBot, db_path
):
    """Acceptance 4 (item 8): BEGIN EXCLUSIVE held elsewhere; /latest still answers at once."""
    await post(standin, f"Held story\n{BODY}")
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        standin.send_text(ADMIN, f"/post Blocked story\n{BODY} Again.")  # a writer now waits
        timings = []
        for user in (READER, OTHER, READER):
            started = time.monotonic()
            text = await ask(standin, user, "/latest")
            timings.append(time.monotonic() - started)
            assert text.startswith("Held story")
        print(f"\nwrite lock held elsewhere: /latest answered in {max(timings):.2f} s at most")
        assert max(timings) < 1.0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert to_plain_text((await standin.reply(ADMIN, timeout=30)).text).startswith("Posted as #2.")


async def test_commands_for_other_bots_channels_and_edits_are_left_alone(standin: StandIn, bot: InProcessBot):
    """Item 12: /latest@otherbot in a group, a channel's commands, an edited /post."""
    standin.chat(GROUP)
    standin.send_text(READER, "/latest@otherbot", chat_id=GROUP)
    standin.send_text(READER, "/frobnicate", chat_id=GROUP)
    assert await standin.quiet(GROUP, 1.0) == []
    standin.send_text(READER, "/frobnicate@newsbrief_bot", chat_id=GROUP)
    assert "I don't know /frobnicate" in to_plain_text((await standin.reply(GROUP)).text)

    channel = {"id": -1002, "type": "channel", "title": "News"}
    standin.chats[-1002] = channel
    post_: dict[str, Any] = {
        "message_id": 5,
        "chat": channel,
        "date": int(time.time()),
        "text": "/whatever",
        "entities": [{"type": "bot_command", "offset": 0, "length": 9}],
    }
    standin.push_update("channel_post", post_)
    assert await standin.quiet(-1002, 1.0) == []

    message = standin.send_text(ADMIN, f"/post Edited story\n{BODY}")
    assert (to_plain_text((await standin.reply(ADMIN, timeout=60)).text)).startswith("Posted as #1.")
    edited = {**message, "text": message["text"] + " Edited.", "edit_date": int(time.time())}
    standin.push_update("edited_message", edited)
    assert await standin.quiet(ADMIN, 1.5) == []
    assert (await ask(standin, READER, "/brief 2")).startswith("There is no article #2")


async def test_direction_overrides_are_taken_out_of_titles(standin: StandIn, bot: InProcessBot):
    """Item 12: U+202E and friends in a title would turn the card around in every client."""
    confirmation = await post(standin, f"Invoice \u202egpj.exe\u202c ready\u2066x\u2069\n{BODY}")
    assert "Invoice gpj.exe readyx" in confirmation
    card = await ask(standin, READER, "/latest")
    assert not any(ch in card for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
