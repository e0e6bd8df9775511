"""What a new reader trips over (issue 14): subscribe settings kept, /digest after subscribing,
/help, search results to tap, daily-update quotes under their story."""

from __future__ import annotations

from tests.conftest import ADMIN, ARTICLE, READER, BotProcess

TITLE = ARTICLE.read_text().splitlines()[0]
FERRY_TITLE = "Ferry timetable changes for the winter"
FERRY = (
    f"{FERRY_TITLE}\n"
    "The island ferry will run fewer crossings from Monday, the operator said on Friday.\n"
    "“We will run four crossings a day until the spring,” said port manager Ann Lee, who "
    "announced the change at a meeting in the harbour office.\n"
    "Passengers are asked to book ahead during the holidays."
)


async def say(api, user: int, text: str) -> str:
    api.send_text(user, text)
    return (await api.reply(user)).plain


async def post(api, text: str) -> None:
    assert (await say(api, ADMIN, f"/post {text}")).startswith("Posted as #")


async def test_subscribe_with_only_a_time_keeps_the_zone_and_only_a_zone_keeps_the_time(standin, bot):
    assert "Europe/Berlin" in await say(standin, READER, "/subscribe Europe/Berlin")
    answer = await say(standin, READER, "/subscribe 8:05")
    assert "08:05 (Europe/Berlin)" in answer
    settings = await say(standin, READER, "/settings")
    assert "Time: 08:05" in settings and "Zone: Europe/Berlin" in settings

    assert "08:05 (Asia/Tokyo)" in await say(standin, READER, "/subscribe Asia/Tokyo")
    assert "08:05 (Asia/Tokyo)" in await say(standin, READER, "/subscribe")  # nothing given: both kept
    assert "06:30 (UTC)" in await say(standin, READER, "/subscribe UTC 6:30")
    # A new subscriber still gets the defaults (08:00 UTC) for what they do not give.
    assert "09:15 (UTC)" in await say(standin, ADMIN, "/subscribe 9:15")


async def test_digest_right_after_subscribing_says_what_is_true(standin, bot):
    await post(standin, ARTICLE.read_text())
    await say(standin, READER, "/subscribe 07:30 Europe/Berlin")
    reply = await say(standin, READER, "/digest")
    assert "since your last update" not in reply
    assert reply.startswith("Nothing has been posted since you subscribed.")
    assert "07:30" in reply

    await post(standin, FERRY)
    assert FERRY_TITLE in await say(standin, READER, "/digest")  # what came after subscribing
    assert (await say(standin, READER, "/digest")).startswith("Nothing new since your last update.")


async def test_help_lists_start(standin, bot):
    reply = await say(standin, READER, "/help")
    assert reply.startswith("/start")
    assert "/start" in await say(standin, ADMIN, "/help")


async def test_search_results_can_be_tapped_open(standin, bot):
    await post(standin, ARTICLE.read_text())
    await post(standin, FERRY)
    standin.send_text(READER, "/search harbour")
    results = await standin.reply(READER)
    assert "/brief ID" not in results.plain
    labels = results.buttons
    assert len(labels) == 2 and {label.split(" · ")[0] for label in labels} == {"#1", "#2"}
    assert all(len(label) <= 60 for label in labels)
    ferry_label = next(label for label in labels if label.startswith("#2"))

    standin.press_button(READER, results, ferry_label)
    card = await standin.reply(READER)
    assert card.plain.startswith(FERRY_TITLE)
    assert "Quotes" in card.buttons  # the usual card, with its buttons


async def test_daily_update_groups_key_quotes_under_their_story(standin, bot: BotProcess):
    await say(standin, READER, "/subscribe")
    await post(standin, ARTICLE.read_text())
    await post(standin, FERRY)
    update = await say(standin, READER, "/digest")
    ferry_at, harbour_at = update.index(FERRY_TITLE), update.index(TITLE)
    assert ferry_at < harbour_at  # newest first
    ferry_story, harbour_story = update[ferry_at:harbour_at], update[harbour_at:]
    assert "We will run four crossings a day" in ferry_story and "Ann Lee" in ferry_story
    assert "Jane Doe" not in ferry_story  # the harbour's speakers stay with the harbour
    assert "» “" in harbour_story and "Ann Lee" not in harbour_story
