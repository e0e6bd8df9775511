"""A button whose message can no longer be edited still gives the reader what they pressed for."""

from __future__ import annotations

from tests.conftest import READER, InProcessBot
from tests.standin import StandIn, to_plain_text
from tests.test_hostile_input import ask, post, press_data

BODY = "The council met on Monday. “We will build it,” said Mayor Ann Lee. Work starts in March."


async def test_older_and_newer_on_a_message_that_cannot_be_edited_send_the_card_anew(
    standin: StandIn, bot: InProcessBot
):
    first = await post(standin, f"Harbour wall approved\n{BODY}")
    second = await post(standin, f"Ferry timetable changes\n{BODY}")
    older_id, newer_id = (int(text.split("#")[1].split(".")[0]) for text in (first, second))
    # The pressed message is the reader's own first message (id 1): Telegram refuses to edit it,
    # as it does a deleted one or a keyboard from a forged update.
    await ask(standin, READER, "/help")
    for data, title in ((f"o:{newer_id}", "Harbour wall approved"), (f"n:{older_id}", "Ferry timetable changes")):
        press_data(standin, READER, data)
        card = to_plain_text((await standin.reply(READER)).text)
        assert card.startswith(title), card
        assert "went wrong" not in card
