"""End to end: the real bot (Application, handlers, flood limiter) against the Bot API stand-in, in-process."""

from __future__ import annotations

from tests.conftest import ADMIN, ARTICLE, READER, InProcessBot
from tests.standin import StandIn, to_plain_text

ARTICLE_TEXT = ARTICLE.read_text()
TITLE = ARTICLE_TEXT.splitlines()[0]


async def post_by_text(api: StandIn, text: str = ARTICLE_TEXT) -> str:
    api.send_text(ADMIN, f"/post {text}")
    return to_plain_text((await api.reply(ADMIN)).text)


async def test_admin_posts_by_text_and_a_reader_reads_it_every_way(standin: StandIn, bot: InProcessBot):
    confirmation = await post_by_text(standin)
    assert confirmation.startswith("Posted as #1.") and TITLE in confirmation

    standin.send_text(READER, "/latest")
    card = await standin.reply(READER)
    text = to_plain_text(card.text)
    assert text.startswith(TITLE) and "#1 · " in text
    assert "Key quotes" in text and "— Jane Doe, a local resident" in text
    assert card.buttons == ["Quotes", "Full text", "« Older", "Newer »"]

    standin.send_text(READER, "/brief 1")
    brief = to_plain_text((await standin.reply(READER)).text)
    assert brief.startswith(TITLE) and "sea wall" in brief and "Key quotes" not in brief

    standin.send_text(READER, "/quotes 1")
    quotes = to_plain_text((await standin.reply(READER)).text)
    assert "“Nobody will lose their livelihood because of this project,” — Mayor Tom Baker" in quotes
    assert "vanity project" not in quotes

    standin.send_text(READER, "/search harbour wall")
    found = to_plain_text((await standin.reply(READER)).text)
    assert f"#1 · {TITLE}" in found

    standin.send_text(READER, "/search quantum chromodynamics")
    assert "No articles match" in to_plain_text((await standin.reply(READER)).text)


async def test_admin_posts_by_reply_and_by_document(standin: StandIn, bot: InProcessBot):
    held = standin.send_text(
        ADMIN, "Ferry timetable changes\nThe winter timetable starts on Monday with fewer crossings."
    )
    await standin.reply(ADMIN)  # the bot's "send /latest…" answer to plain text
    standin.send_text(ADMIN, "/post", reply_to=held)
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith(
        "Posted as #1.\n\nFerry timetable changes"
    )

    standin.send_document(ADMIN, ARTICLE_TEXT.encode(), "harbour.txt", caption="/post")
    assert "Posted as #2." in to_plain_text((await standin.reply(ADMIN)).text)

    page = b"<html><head><title>Site</title></head><body><h1>Library opens late</h1><p>The library will open until ten at night from next week.</p><script>alert(1)</script></body></html>"
    standin.send_document(ADMIN, page, "library.html", "text/html", caption="/post")
    posted = to_plain_text((await standin.reply(ADMIN)).text)
    assert posted.startswith("Posted as #3.\n\nLibrary opens late") and "alert" not in posted

    standin.send_document(ADMIN, ARTICLE_TEXT.encode(), "again.txt", caption="/post")
    assert "Already stored as #2" in to_plain_text((await standin.reply(ADMIN)).text)


async def test_a_reader_cannot_post_or_delete(standin: StandIn, bot: InProcessBot):
    standin.send_text(READER, f"/post {ARTICLE_TEXT}")
    assert to_plain_text((await standin.reply(READER)).text) == "Sorry, only newsbrief admins can do that."
    standin.send_text(READER, "/delete 1")
    assert "only newsbrief admins" in (await standin.reply(READER)).text
    standin.send_text(READER, "/latest")
    assert to_plain_text((await standin.reply(READER)).text) == "No articles yet. Check back soon."


async def test_every_inline_button_works(standin: StandIn, bot: InProcessBot):
    await post_by_text(standin, "Older story\nThe first story posted today.")
    await post_by_text(standin)
    standin.send_text(READER, "/latest")
    card = await standin.reply(READER)

    standin.press_button(READER, card, "Quotes")
    assert "Mayor Tom Baker" in to_plain_text((await standin.reply(READER)).text)

    standin.press_button(READER, card, "Full text")
    full = to_plain_text((await standin.reply(READER)).text)
    assert "Work on the foundations is due to begin in March" in full and "Featured Image by Ann Lee" in full

    standin.press_button(READER, card, "« Older")
    older = await standin.reply(READER)
    assert older.method == "editMessageText" and to_plain_text(older.text).startswith("Older story")

    standin.press_button(READER, older, "Newer »")
    newer = await standin.reply(READER)
    assert to_plain_text(newer.text).startswith(TITLE)

    standin.press_button(READER, newer, "Newer »")  # nothing newer: a notice, no message
    assert await standin.quiet(READER, 0.5) == []
    assert standin.callback_answers[-1].get("text") == "This is the newest article."


async def test_html_in_articles_is_escaped(standin: StandIn, bot: InProcessBot):
    hostile = "Tom & Jerry <script>alert(1)</script>\nBody with <b>tags</b> & ampersands & a <a href='x'>link</a>. “A quote with <i>markup</i> & more,” said Ann."
    confirmation = await post_by_text(standin, hostile)
    assert "Tom & Jerry <script>alert(1)</script>" in confirmation
    standin.send_text(READER, "/latest")
    card = await standin.reply(READER)
    assert "&lt;script&gt;" in card.text and "<script>" not in card.text
    standin.press_button(READER, card, "Full text")
    assert "<b>tags</b> & ampersands" in to_plain_text((await standin.reply(READER)).text)
    standin.press_button(READER, card, "Quotes")
    assert "<i>markup</i> & more" in to_plain_text((await standin.reply(READER)).text)
    standin.send_text(READER, "/search <script>")
    await standin.reply(READER)


async def test_long_full_text_arrives_in_several_messages_split_on_paragraphs(
    standin: StandIn, bot: InProcessBot
):
    paragraphs = [
        f"Paragraph {i} says the council met again and talked about the harbour wall at length." * 4
        for i in range(40)
    ]
    await post_by_text(standin, "A very long report\n" + "\n".join(paragraphs))
    standin.send_text(READER, "/latest")
    card = await standin.reply(READER)
    standin.press_button(READER, card, "Full text")
    parts = await standin.replies(READER, 4)
    texts = [to_plain_text(p.text) for p in parts]
    assert all(len(p.text) <= 4096 for p in parts)
    assert texts[0].startswith("A very long report")
    joined = "\n\n".join(texts)
    for paragraph in paragraphs:
        assert paragraph in joined  # no paragraph cut in two


async def test_malformed_input_gets_one_line_hints_and_the_bot_keeps_serving(
    standin: StandIn, bot: InProcessBot
):
    cases = {
        "/brief abc": "Usage: /brief [article id]",
        "/brief 999999": "There is no article #999999.",
        "/quotes -3": "Usage: /quotes",
        "/subscribe 25:00": "“25:00” is not a time of day.",
        "/subscribe 08:00 Mars/Base": "“Mars/Base” is not a time zone I know.",
        "/frobnicate": "I don't know /frobnicate.",
        "/search": "Usage: /search words",
    }
    for command, expected in cases.items():
        standin.send_text(READER, command)
        reply = to_plain_text((await standin.reply(READER)).text)
        assert reply.startswith(expected), (command, reply)
        assert "\n" not in reply and "Traceback" not in reply

    standin.send_text(ADMIN, "/post")
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Usage: /post")

    standin.send_document(ADMIN, b"x" * (20 * 1024 * 1024 + 1), "huge.txt", caption="/post")
    assert (
        to_plain_text((await standin.reply(ADMIN)).text)
        == "Not posted: the file is 20.0 MB; the limit is 2 MB."
    )

    standin.send_document(ADMIN, bytes(range(256)) * 40, "data.txt", caption="/post")
    assert (
        to_plain_text((await standin.reply(ADMIN)).text)
        == "Not posted: this looks like a binary file, not text."
    )

    standin.send_document(
        ADMIN, "Caf\u00e9 news\nThe caf\u00e9 opened.".encode("latin-1"), "latin.txt", caption="/post"
    )
    reply = to_plain_text((await standin.reply(ADMIN)).text)
    assert reply.startswith("Not posted: the file is not valid UTF-8")

    standin.send_document(ADMIN, b"%PDF-1.4", "paper.pdf", "application/pdf", caption="/post")
    assert to_plain_text((await standin.reply(ADMIN)).text) == "Not posted: attach a .txt, .md or .html file."

    standin.send_text(ADMIN, "/post Only a title")
    assert "no body" in (await standin.reply(ADMIN)).text

    await post_by_text(standin)
    standin.send_text(READER, "/latest")
    assert to_plain_text((await standin.reply(READER)).text).startswith(TITLE)
    assert "Traceback" not in bot.log()


async def test_admin_deletes_and_sees_stats(standin: StandIn, bot: InProcessBot):
    await post_by_text(standin)
    standin.send_text(READER, "/subscribe 07:30 Europe/Berlin")
    await standin.reply(READER)
    standin.send_text(ADMIN, "/stats")
    stats = to_plain_text((await standin.reply(ADMIN)).text)
    assert "Articles: 1" in stats and "Subscribers: 1 active, 0 blocked" in stats
    standin.send_text(ADMIN, "/delete 1")
    assert to_plain_text((await standin.reply(ADMIN)).text) == f"Deleted #1: {TITLE}."
    standin.send_text(ADMIN, "/delete 1")
    assert "There is no article #1" in (await standin.reply(ADMIN)).text


async def test_start_with_a_deep_link_opens_that_article(standin: StandIn, bot: InProcessBot):
    await post_by_text(standin)
    standin.send_text(READER, "/start 1")
    assert to_plain_text((await standin.reply(READER)).text).startswith(TITLE)
    standin.send_text(READER, "/start")
    assert "Welcome to newsbrief" in (await standin.reply(READER)).text
    assert [c["command"] for c in standin.commands][:2] == ["latest", "brief"]
