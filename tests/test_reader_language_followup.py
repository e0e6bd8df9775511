"""Issue 18 follow-up, readers: a reader who changes their Telegram language gets the new one in
the daily update too; inline results and refusals speak the reader's language; odd language codes
never break a reply (English)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from telegram.ext import ExtBot

from bot import delivery
from bot.flood import FloodLimiter
from bot.i18n import translator
from bot.localapi.world import scope_key
from storage import subscribers
from storage.db import Database
from tests.conftest import ADMIN, InProcessBot
from tests.standin import StandIn, check_message, to_plain_text

READER = 911
ARTICLE = (
    "Le marché couvert rouvre ses portes\n"
    "Le marché couvert du centre-ville rouvre mardi après deux ans de travaux. "
    "Les commerçants retrouvent leurs étals rénovés sous la grande halle. "
    "La mairie prévoit une fête de quartier samedi pour l’inauguration."
)
ODD_CODES = ["pt-br", "zh-hans", "xx-YY-zz", "q" * 40, "EN_us", "fr-", "12", "ru-RU-x"]


async def _post(api: StandIn, text: str = ARTICLE) -> None:
    api.send_text(ADMIN, f"/post {text}")
    assert to_plain_text((await api.reply(ADMIN)).text).startswith("Posted as #")


async def _say(api: StandIn, text: str, user: int = READER) -> str:
    api.send_text(user, text)
    return to_plain_text((await api.reply(user)).text)


async def _daily_update(api: StandIn, db_path, chat: int = READER) -> str:
    """The next daily update, as the delivery job sends it (two days ahead: the reader is due)."""
    api.reset_records()
    limiter = FloodLimiter(50, per_chat_interval=0.01)
    async with (
        await Database.open(db_path) as db,
        ExtBot(api.token, **api.http_bot_kwargs(), rate_limiter=limiter) as bot,
    ):
        await delivery.run_due(bot, db, datetime.now(UTC) + timedelta(days=2))
    sent = [to_plain_text(s.text) for s in api.delivered() if s.chat_id == chat]
    assert sent, "no daily update sent"
    return sent[0]


async def _stored_language(db_path, chat: int = READER) -> str | None:
    async with await Database.open(db_path) as db:
        return (await subscribers.get(db, chat)).language


async def test_a_reader_who_switches_telegram_to_german_gets_the_next_daily_update_in_german(
    standin: StandIn, bot: InProcessBot
):
    standin.add_user(READER, "Léa", language_code="fr")
    assert (await _say(standin, "/subscribe 08:00 Europe/Paris")).startswith("Abonné")
    await _post(standin)

    standin.add_user(READER, "Léa", language_code="de")  # the reader changes Telegram's language
    assert (await _say(standin, "/latest")).startswith("Le marché couvert rouvre ses portes")
    assert await _stored_language(bot.db_path) == "de"

    update = await _daily_update(standin, bot.db_path)
    assert update.startswith("Ihre tägliche Zusammenfassung · ")
    assert "Le marché couvert rouvre" in update  # the article itself is never translated
    assert "Votre résumé" not in update


async def test_a_switch_is_followed_through_buttons_and_back_and_a_missing_code_changes_nothing(
    standin: StandIn, bot: InProcessBot
):
    standin.add_user(READER, "Léa", language_code="fr")
    await _say(standin, "/subscribe")
    await _post(standin)
    standin.add_user(READER, "Léa", language_code="ru")
    await _say(standin, "/help")
    assert await _stored_language(bot.db_path) == "ru"
    standin.add_user(READER, "Léa", language_code="fr")  # and back again: remembered is not stuck
    await _say(standin, "/help")
    assert await _stored_language(bot.db_path) == "fr"

    # Telegram leaves language_code out at times: no information, so the stored language stays.
    for missing in (None, ""):
        standin.add_user(READER, "Léa", language_code=missing)
        assert (await _say(standin, "/help")).startswith("/start — the welcome message")
        assert await _stored_language(bot.db_path) == "fr"
    assert (await _daily_update(standin, bot.db_path)).startswith("Votre résumé du jour · ")

    # In a group, the subscription is the group's: a member writing in Russian does not change it.
    group = -100_777
    standin.add_user(READER, "Léa", language_code="fr")
    standin.send_text(READER, "/subscribe", chat_id=group)
    assert to_plain_text((await standin.reply(group)).text).startswith("Abonné")
    standin.add_user(READER + 1, "Olga", language_code="ru")
    standin.send_text(READER + 1, "/latest", chat_id=group)
    await standin.reply(group)
    assert await _stored_language(bot.db_path, group) == "fr"


@pytest.mark.parametrize("code", ODD_CODES)
async def test_odd_language_codes_answer_in_english_and_make_the_daily_update_english(
    standin: StandIn, bot: InProcessBot, code: str
):
    standin.add_user(READER, "Léa", language_code="fr")
    await _say(standin, "/subscribe")
    await _post(standin)

    standin.add_user(READER, "Léa", language_code=code)
    assert (await _say(standin, "/help")).startswith("/start — the welcome message")
    assert (await _say(standin, "/frobnicate")).startswith("I don't know /frobnicate.")
    assert (await _say(standin, "/latest")).startswith("Le marché couvert rouvre ses portes")
    answer = await standin.inline_answer(standin.inline_query(READER, "marché"))
    assert len(answer["results"]) == 1
    assert await _stored_language(bot.db_path) == "en"
    assert (await _daily_update(standin, bot.db_path)).startswith("Your daily briefing · ")


def _sent_text(result: dict) -> str:
    """The message a chat gets when the reader picks ``result``, as Telegram would show it."""
    content = result["input_message_content"]
    return check_message(content["message_text"], content.get("parse_mode")).text


@pytest.mark.parametrize(
    ("code", "link", "month"),
    [
        ("fr", "Citations et texte intégral dans @newsbrief_bot", "fr"),
        ("de-AT", "Zitate und Volltext bei @newsbrief_bot", "de"),
        ("ru", "Цитаты и полный текст в @newsbrief_bot", "ru"),
        ("es", "Citas y texto completo en @newsbrief_bot", "es"),
        ("pt-br", "Quotes and full text in @newsbrief_bot", "en"),
    ],
)
async def test_inline_results_speak_the_language_of_the_reader_who_asks(
    standin: StandIn, bot: InProcessBot, code: str, link: str, month: str
):
    await _post(standin)
    await _post(standin, "Sans phrases\nmarché")  # no full sentence: no briefing
    standin.add_user(READER, "Léa", language_code=code)
    answer = await standin.inline_answer(standin.inline_query(READER, "marché"))
    assert str(answer["is_personal"]).lower() == "true"  # Telegram must not show one reader's language to another
    results = {r["id"]: r for r in answer["results"]}

    text = _sent_text(results["1"])
    assert text.startswith("Le marché couvert rouvre ses portes\n#1 · ")  # the article as written
    assert translator(month).date(datetime.now(UTC), "d MMM y") in text.split("\n")[1]
    assert text.endswith(link)
    empty = _sent_text(results["2"])
    assert translator(month)("No briefing: the article has no full sentences.") in empty
    assert results["2"]["description"] == translator(month)("No briefing")
    if month != "en":
        assert "No briefing" not in results["2"]["description"]


async def test_a_reader_trying_an_admin_command_is_refused_in_their_language(standin: StandIn, bot: InProcessBot):
    standin.add_user(READER, "Léa", language_code="fr")
    for command in ("/post Titre\nTexte.", "/delete 1", "/stats", "/push 1", "/feed list", "/channel list"):
        assert await _say(standin, command) == "Désolé, seuls les administrateurs de newsbrief peuvent faire cela."
    assert (await _say(standin, "/stats", ADMIN)).startswith("newsbrief stats")  # operator text: English


async def test_the_command_menu_comes_in_each_readers_language(standin: StandIn, bot: InProcessBot):
    menus = {
        code: {c["command"]: c["description"] for c in standin.scoped_commands[scope_key(None, code)]}
        for code in ("", "fr", "de", "es", "ru")
    }
    assert menus[""]["latest"] == "the newest story"
    assert menus["fr"]["latest"] == "l’article le plus récent"
    assert menus["de"]["help"] == "was ich kann"
    assert menus["ru"]["subscribe"] == "ежедневная сводка: /subscribe [ЧЧ:ММ] [Регион/Город]"
    for code in ("fr", "de", "es", "ru"):
        assert list(menus[code]) == list(menus[""])  # the same commands, in the same order
        assert all(menus[code][c] != menus[""][c] for c in menus[""]), code


async def test_following_the_language_writes_only_on_a_change(standin: StandIn, bot: InProcessBot):
    standin.add_user(READER, "Léa", language_code="fr")
    await _say(standin, "/subscribe")
    await _post(standin)
    watcher = sqlite3.connect(bot.db_path)  # PRAGMA data_version moves when another connection writes
    try:
        version = watcher.execute("PRAGMA data_version").fetchone()[0]
        for _ in range(5):
            assert (await _say(standin, "/help")).startswith("/start — le message d’accueil")
        assert watcher.execute("PRAGMA data_version").fetchone()[0] == version  # no write per update
        standin.add_user(READER, "Léa", language_code="es")
        await _say(standin, "/help")
        assert watcher.execute("PRAGMA data_version").fetchone()[0] != version
    finally:
        watcher.close()
    assert await _stored_language(bot.db_path) == "es"
