"""Issue 18 follow-up, readers: a reader who changes their Telegram language gets the new one in
the daily update too; inline results and refusals speak the reader's language; odd language codes
never break a reply (English)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from telegram.ext import ExtBot

from bot import delivery
from bot.flood import FloodLimiter
from storage import subscribers
from storage.db import Database
from tests.conftest import ADMIN, InProcessBot
from tests.standin import StandIn, to_plain_text

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
