"""The Bot API stand-in, driven by a real python-telegram-bot ``Bot`` and ``Application`` over HTTP."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
import tornado.httpserver
import tornado.netutil
import tornado.web
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, InlineQueryHandler

from bot.localapi.html import parse_entities
from tests.standin import StandIn, check_text, parse_html, to_plain_text
from tests.standin.records import max_in_window

READER = 4242
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Quotes", callback_data="q:1"),
            InlineKeyboardButton("Full text", callback_data="f:1"),
        ],
        [
            InlineKeyboardButton("« Older", callback_data="o:1"),
            InlineKeyboardButton("Newer »", callback_data="n:1"),
        ],
    ]
)


@pytest.fixture
async def api() -> AsyncIterator[StandIn]:
    async with StandIn() as standin:
        standin.register(READER)
        yield standin


@pytest.fixture
async def bot(api: StandIn) -> AsyncIterator[Bot]:
    async with Bot(api.token, **api.http_bot_kwargs()) as telegram_bot:
        yield telegram_bot


@pytest.fixture
async def application(api: StandIn) -> AsyncIterator[Application]:
    app = (
        Application.builder()
        .token(api.token)
        .base_url(api.bot_api_url)
        .base_file_url(api.file_url)
        .request(api.http_request())
        .get_updates_request(api.http_request())
        .build()
    )
    yield app
    if app.updater and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


async def serve(app: Application) -> None:
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES)


def seconds(retry_after: int | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


# -- what the bot sends ------------------------------------------------------------------------------


async def test_valid_html_is_delivered_and_recorded(api: StandIn, bot: Bot) -> None:
    message = await bot.send_message(
        READER, "<b>Harbour</b> reopens &amp; ships <i>return</i>", parse_mode="HTML", reply_markup=KEYBOARD
    )

    assert message.text == "Harbour reopens & ships return"
    assert message.text_html == "<b>Harbour</b> reopens &amp; ships <i>return</i>"
    [sent] = await api.replies(READER)
    assert (sent.method, sent.chat_id, sent.parse_mode) == ("sendMessage", READER, "HTML")
    assert sent.text == "<b>Harbour</b> reopens &amp; ships <i>return</i>"
    assert sent.buttons == ["Quotes", "Full text", "« Older", "Newer »"]
    assert sent.plain == "Harbour reopens & ships return\n[Quotes] [Full text]\n[« Older] [Newer »]"
    assert sent.message_id == message.message_id
    assert sent.at > 0 and sent.wall > 1_700_000_000


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("<script>alert(1)</script>", 'unsupported start tag "script"'),
        ("1 < 2", 'unsupported start tag ""'),
        ("AT&T", 'unescaped "&"'),
        ("<b>bold", "can't find end tag"),
        ("<b><i>x</b></i>", "unmatched end tag"),
        ("line<br>break", 'unsupported start tag "br"'),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        ("</b>", "unexpected end tag"),
        ("&nbsp;", 'unescaped "&"'),
    ],
)
async def test_html_telegram_refuses_surfaces_as_bad_request(
    api: StandIn, bot: Bot, text: str, why: str
) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as refused:
        await bot.send_message(READER, text, parse_mode="HTML")

    assert why in str(refused.value).lower()
    assert api.sent == []
    assert api.rejected[-1].status == 400


@pytest.mark.parametrize(
    "text",
    [
        '<a href="https://example.org/?a=1&amp;b=2">link</a>',
        '<pre><code class="language-python">x = 1 &lt; 2</code></pre>',
        "<blockquote expandable>long quote</blockquote>",
        '<span class="tg-spoiler">hidden</span> <tg-spoiler>too</tg-spoiler>',
        "it&#39;s &quot;fine&quot; &#x2014; 3 &gt; 2",
        "<B>upper-case tags</B> <strong>and</strong> <em>friends</em> <u>u</u> <s>s</s> <code>c</code>",
        "a > b is allowed as it is",
    ],
)
async def test_html_telegram_accepts_is_delivered(api: StandIn, bot: Bot, text: str) -> None:
    await bot.send_message(READER, text, parse_mode="HTML")

    assert [s.text for s in api.sent] == [text]


def test_entities_are_counted_in_utf16_after_parsing() -> None:
    parsed = parse_entities("🙂 <b>bold</b> &amp; <a href='https://x.org'>x</a>")

    assert parsed.text == "🙂 bold & x"
    assert parsed.entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 10, "length": 1, "url": "https://x.org"},
    ]


def test_error_offsets_are_utf8_bytes_like_telegram() -> None:
    assert check_text("é <x>", "HTML") == (
        'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 3'
    )


async def test_length_is_counted_after_entity_parsing(api: StandIn, bot: Bot) -> None:
    fits = "<b>" + "x" * 4000 + "</b>" + "&amp;" * 96  # 4096 visible characters, 4603 sent
    await bot.send_message(READER, fits, parse_mode="HTML")

    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(READER, fits + "!", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(READER, "<b> </b>", parse_mode="HTML")
    assert len(api.sent) == 1


async def test_callback_data_over_64_bytes_is_refused(bot: Bot) -> None:
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="é" * 33)]])

    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(READER, "hi", reply_markup=too_long)


async def test_unknown_and_blocked_chats(api: StandIn, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hello")

    api.block(READER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(READER, "hello")
    api.unblock(READER)
    await bot.send_message(READER, "hello again")
    assert [s.text for s in api.sent] == ["hello again"]


async def test_flood_control_and_server_faults(api: StandIn, bot: Bot) -> None:
    api.fail_next(2, status=429, retry_after=3)
    for _ in range(2):
        with pytest.raises(RetryAfter) as flood:
            await bot.send_message(READER, "hello")
        assert seconds(flood.value.retry_after) == 3
    await bot.send_message(READER, "through")

    api.fail_next(1, status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(READER, "hello")

    api.fail_fraction(1.0, status=429, retry_after=7)
    with pytest.raises(RetryAfter):
        await bot.send_message(READER, "hello")
    api.clear_faults()
    await bot.send_message(READER, "through again")

    assert [s.text for s in api.sent] == ["through", "through again"]
    assert [r.status for r in api.rejected] == [429, 429, 502, 429]
    assert api.max_per_window(attempts=True) >= len(api.sent)


async def test_faults_for_one_chat_spare_the_others(api: StandIn, bot: Bot) -> None:
    api.register(7)
    api.fail_for(60, status=429, chat_id=7)

    await bot.send_message(READER, "fine")
    with pytest.raises(RetryAfter):
        await bot.send_message(7, "flooded")


async def test_wrong_token_and_unknown_method_answer_like_telegram(api: StandIn) -> None:
    async with httpx.AsyncClient(base_url=api.base_url) as client:
        wrong = await client.post("/bot1:nope/getMe")
        unknown = await client.post(f"/bot{api.token}/sendTelepathy", data={"chat_id": READER})

    assert (wrong.status_code, wrong.json()) == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    with pytest.raises(InvalidToken):
        async with Bot("1:nope", base_url=api.bot_api_url):
            pass


async def test_json_bodies_are_read_too(api: StandIn) -> None:
    async with httpx.AsyncClient(base_url=api.base_url) as client:
        answer = await client.post(
            f"/bot{api.token}/sendMessage",
            json={"chat_id": READER, "text": "[not json] <i>x</i>", "parse_mode": "HTML"},
        )

    assert answer.json()["result"]["text"] == "[not json] x"


# -- files -------------------------------------------------------------------------------------------


async def test_document_round_trips_through_get_file(api: StandIn, bot: Bot) -> None:
    message = api.send_document(
        READER, "Title\n\nBody é".encode(), "story.txt", "text/plain", caption="/post"
    )

    telegram_file = await bot.get_file(message["document"]["file_id"])

    assert telegram_file.file_size == len("Title\n\nBody é".encode())
    assert bytes(await telegram_file.download_as_bytearray()) == "Title\n\nBody é".encode()
    assert message["caption_entities"] == [{"type": "bot_command", "offset": 0, "length": 5}]


async def test_documents_over_20_mb_cannot_be_fetched(api: StandIn, bot: Bot) -> None:
    message = api.send_document(READER, b"x" * (20 * 1024 * 1024 + 1), "big.txt")

    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(message["document"]["file_id"])


# -- users acting, the bot answering through long polling ---------------------------------------------


async def test_command_reaches_a_command_handler_that_replies(api: StandIn, application: Application) -> None:
    async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_html(f"latest for <b>{context.args}</b>")

    application.add_handler(CommandHandler("latest", latest))
    await serve(application)

    api.send_text(READER, "/latest 3")
    reply = await api.reply(READER, timeout=10)

    assert reply.plain == "latest for ['3']"


async def test_replying_to_a_message_needs_it_to_exist(api: StandIn, bot: Bot) -> None:
    asked = api.send_text(READER, "/latest")

    answer = await bot.send_message(READER, "here", reply_parameters=ReplyParameters(asked["message_id"]))

    assert answer.reply_to_message.text == "/latest"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(READER, "here", reply_parameters=ReplyParameters(9999))


async def test_a_reply_carries_the_message_replied_to(api: StandIn, application: Application) -> None:
    seen: list[str] = []

    async def post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(update.effective_message.reply_to_message.text)
        await update.effective_message.reply_text("posted")

    application.add_handler(CommandHandler("post", post))
    await serve(application)

    article = api.send_text(READER, "Harbour reopens\n\nShips return.")
    api.send_text(READER, "/post", reply_to=article)
    await api.reply(READER, timeout=10)

    assert seen == ["Harbour reopens\n\nShips return."]


async def test_pressing_a_button_reaches_the_callback_handler(api: StandIn, application: Application) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("card", reply_markup=KEYBOARD)

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("ok")
        await update.callback_query.edit_message_text(f"pressed {update.callback_query.data}")

    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(pressed))
    await serve(application)

    api.send_text(READER, "/start")
    card = await api.reply(READER, timeout=10)
    query = api.press_button(READER, card, "Newer »")
    edit = await api.reply(READER, timeout=10)

    assert (edit.method, edit.message_id, edit.plain) == ("editMessageText", card.message_id, "pressed n:1")
    assert (await api.callback_answer(query["id"]))["text"] == "ok"
    with pytest.raises(LookupError):
        api.press_button(READER, card, "Quotes")  # the edit took the keyboard away


async def test_inline_answers_are_checked_like_messages(api: StandIn, application: Application) -> None:
    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        words = update.inline_query.query  # deliberately unescaped, to see the check bite
        await update.inline_query.answer(
            [InlineQueryResultArticle("1", "Result", InputTextMessageContent(words, parse_mode="HTML"))]
        )

    application.add_handler(InlineQueryHandler(inline))
    await serve(application)

    answer = await api.inline_answer(api.inline_query(READER, "<b>harbour</b>"), timeout=10)
    assert answer["results"][0]["input_message_content"]["message_text"] == "<b>harbour</b>"

    api.inline_query(READER, "<p>harbour</p>")
    refusal = await api.wait_until(lambda: [r for r in api.rejected if r.method == "answerInlineQuery"], 10)
    assert refusal[0].description.startswith('Bad Request: can\'t parse entities: Unsupported start tag "p"')


# -- counting, rendering, other ways to run it ----------------------------------------------------------


def test_window_counting_finds_the_busiest_second() -> None:
    assert max_in_window([0.0, 0.1, 0.5, 0.99, 1.0, 1.5, 3.0]) == 4
    assert max_in_window([0.0, 1.0, 2.0]) == 1
    assert max_in_window([]) == 0


def test_plain_text_for_the_console() -> None:
    markup = KEYBOARD.to_dict()

    assert to_plain_text("<b>A</b> &lt;3 &amp; <i>more</i>", "HTML", markup) == (
        "A <3 & more\n[Quotes] [Full text]\n[« Older] [Newer »]"
    )
    assert to_plain_text("AT&T <unknown>") == "AT&T "  # never fails, even on text Telegram refuses
    assert parse_html("x &amp; y") == "x & y"


async def test_control_surface_drives_users_and_reads_records(api: StandIn, application: Application) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(" ".join(context.args))

    application.add_handler(CommandHandler("echo", echo))
    await serve(application)

    async with httpx.AsyncClient(base_url=f"{api.base_url}/_standin") as control:
        await control.post("/message", json={"user_id": 77, "text": "/echo over http"})
        waited = (await control.post("/wait", json={"chat_id": 77, "count": 1, "timeout": 10})).json()
        await control.post("/block", json={"chat_id": 77})
        data = base64.b64encode(b"doc").decode()
        document = (
            await control.post("/document", json={"user_id": 77, "file_name": "a.txt", "data_base64": data})
        ).json()
        stats = (await control.get("/stats")).json()

    assert [r["text"] for r in waited["result"]] == ["over http"]
    assert document["result"]["document"]["file_size"] == 3
    assert stats["result"]["sent"] == 1 and stats["result"]["max_in_window"] == 1
    assert api.blocked == {77: "Forbidden: bot was blocked by the user"}


async def test_runs_in_a_thread_of_its_own() -> None:
    with StandIn() as api:
        api.register(READER)
        async with Bot(api.token, **api.http_bot_kwargs()) as telegram_bot:
            await telegram_bot.send_message(READER, "from another loop")
        [sent] = await api.replies(READER, timeout=5)

    assert sent.text == "from another loop"


async def test_a_second_long_poll_ends_the_first_with_conflict(api: StandIn, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_until(lambda: api.calls["getUpdates"] == 1, 5)

    async with Bot(api.token, **api.http_bot_kwargs()) as second_instance:
        second = asyncio.create_task(second_instance.get_updates(timeout=5))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first
        api.send_text(READER, "hello")
        assert [u.message.text for u in await second] == ["hello"]


async def test_updates_are_confirmed_by_offset_and_filtered_by_allowed_updates(
    api: StandIn, bot: Bot
) -> None:
    assert await bot.get_updates(timeout=0, allowed_updates=["message"]) == ()
    card = await bot.send_message(READER, "card", reply_markup=KEYBOARD)

    api.press_button(READER, {"chat": {"id": READER}, "message_id": card.message_id}, "Quotes")
    api.send_text(READER, "one")
    api.send_text(READER, "two")
    first = await bot.get_updates(timeout=1)

    assert [u.message.text for u in first] == ["one", "two"]  # the button press was not asked for
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()


async def test_webhook_mode_posts_updates_with_the_secret(api: StandIn, bot: Bot) -> None:
    received: list[tuple[str | None, dict]] = []

    class Hook(tornado.web.RequestHandler):
        def post(self) -> None:
            received.append(
                (self.request.headers.get("X-Telegram-Bot-Api-Secret-Token"), json.loads(self.request.body))
            )

    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(tornado.web.Application([(r"/hook", Hook)]))
    server.add_sockets(sockets)
    try:
        await bot.set_webhook(f"http://127.0.0.1:{sockets[0].getsockname()[1]}/hook", secret_token="s3cret")
        api.send_text(READER, "/latest")
        await api.wait_until(lambda: received, 10)
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
    finally:
        server.stop()

    assert received[0][0] == "s3cret"
    assert received[0][1]["message"]["text"] == "/latest"
    assert (await bot.get_webhook_info()).pending_update_count == 0


async def test_edits_must_change_something(api: StandIn, bot: Bot) -> None:
    card = await bot.send_message(READER, "<b>card</b>", parse_mode="HTML", reply_markup=KEYBOARD)

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await card.edit_text("<b>card</b>", parse_mode="HTML", reply_markup=KEYBOARD)
    await card.edit_text("<b>card</b> again", parse_mode="HTML", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=READER, message_id=9999)

    assert [s.method for s in api.messages_in(READER)] == ["sendMessage", "editMessageText"]
