"""Issue 18, readers: the bot answers in the reader's Telegram language (en, fr, de, es, ru; English
otherwise), through the real bot and the stand-in; article text is never translated."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from babel.messages.pofile import read_po

from bot.i18n import LANGUAGES, LOCALE_DIR, translator
from storage import articles
from storage.db import Database
from tests.conftest import ADMIN, InProcessBot
from tests.standin import StandIn, to_plain_text

FRENCH = (
    "La ville rénove son vieux marché couvert\n"
    "Le vieux marché couvert du centre-ville sera entièrement rénové à partir du mois de mars. "
    "Les commerçants s'installeront pendant un an sous des tentes sur la place de la mairie. "
    "« Nous voulons un marché moderne où les producteurs de la région trouvent leur place », "
    "a déclaré l'adjointe au maire chargée du commerce. "
    "Le chantier doit coûter environ quatre millions d'euros, financés en grande partie par la commune. "
    "Une réunion publique est prévue jeudi soir pour présenter les plans aux habitants."
)
GERMAN = (
    "Die Stadt baut eine neue Fahrradbrücke\n"
    "Über den Fluss soll bis zum nächsten Sommer eine neue Brücke nur für Radfahrer und Fußgänger entstehen. "
    "Die Bauarbeiten beginnen im Januar und dauern voraussichtlich vierzehn Monate. "
    "„Wir wollen, dass mehr Menschen mit dem Rad zur Arbeit fahren können“, sagte die Baudezernentin. "
    "Die Kosten von rund sechs Millionen Euro teilen sich die Stadt und das Land. "
    "Während der Bauzeit bleibt der Uferweg auf der Nordseite gesperrt."
)
FRENCH_BUTTONS = ["Citations", "Texte intégral", "« Plus ancien", "Plus récent »"]
GERMAN_BUTTONS = ["Zitate", "Volltext", "« Älter", "Neuer »"]
ENGLISH_BUTTONS = ["Quotes", "Full text", "« Older", "Newer »"]
FR_READER, DE_READER, PT_READER, RU_READER, ES_READER = 701, 702, 703, 704, 705


async def _post(api: StandIn, text: str) -> str:
    api.send_text(ADMIN, f"/post {text}")
    return to_plain_text((await api.reply(ADMIN)).text)


def _readers(api: StandIn) -> None:
    for user, code in ((FR_READER, "fr"), (DE_READER, "de"), (PT_READER, "pt-br"), (RU_READER, "ru"), (ES_READER, "es")):
        api.add_user(user, f"Reader {code}", language_code=code)


async def test_a_french_reader_gets_a_french_briefing_in_a_french_card(standin: StandIn, bot: InProcessBot):
    _readers(standin)
    assert (await _post(standin, FRENCH)).startswith("Posted as #1.")  # the admin's own reply: English

    standin.send_text(FR_READER, "/latest")
    card = await standin.reply(FR_READER)
    text = to_plain_text(card.text)
    assert text.startswith("La ville rénove son vieux marché couvert\n#1 · ")
    # The briefing is French sentences of the article, as written.
    briefing = text.split("\n\n")[1]
    assert "marché" in briefing and briefing.split(". ")[0] + "." in FRENCH
    # The interface is French: the date, the quotes label and the buttons.
    month = translator("fr").date(datetime.now(UTC).date(), "MMM")
    assert f"#1 · {datetime.now(UTC).day} {month} " in text
    assert "Key quotes" not in text
    assert card.buttons == FRENCH_BUTTONS

    async with await Database.open(bot.db_path) as db:
        assert (await articles.get(db, 1)).language == "fr"

    # An article without quotation marks: its quotes page says so, in French.
    await _post(standin, "Le musée prolonge son exposition\n" + FRENCH.split("\n", 1)[1].split(" « ")[0])
    standin.send_text(FR_READER, "/quotes 2")
    assert to_plain_text((await standin.reply(FR_READER)).text).endswith("Aucune citation directe dans cet article.")


async def test_a_german_reader_gets_a_german_briefing_in_a_german_card(standin: StandIn, bot: InProcessBot):
    _readers(standin)
    await _post(standin, GERMAN)
    standin.send_text(DE_READER, "/latest")
    card = await standin.reply(DE_READER)
    text = to_plain_text(card.text)
    assert text.startswith("Die Stadt baut eine neue Fahrradbrücke\n#1 · ")
    briefing = text.split("\n\n")[1]
    assert "Brücke" in briefing and briefing.split(". ")[0] + "." in GERMAN
    assert "Wichtige Zitate" in text and "Key quotes" not in text
    assert card.buttons == GERMAN_BUTTONS

    async with await Database.open(bot.db_path) as db:
        assert (await articles.get(db, 1)).language == "de"


async def test_article_text_is_never_translated_and_each_reader_sees_their_own_labels(
    standin: StandIn, bot: InProcessBot
):
    _readers(standin)
    await _post(standin, FRENCH)
    cards = {}
    for reader in (FR_READER, DE_READER, PT_READER):
        standin.send_text(reader, "/latest")
        cards[reader] = await standin.reply(reader)
    briefings = {r: to_plain_text(c.text).split("\n\n")[1] for r, c in cards.items()}
    assert len(set(briefings.values())) == 1 and "marché" in briefings[FR_READER]
    assert cards[DE_READER].buttons == GERMAN_BUTTONS
    assert cards[PT_READER].buttons == ENGLISH_BUTTONS  # no Portuguese catalog: English

    query = standin.press_button(DE_READER, cards[DE_READER], "« Älter")
    assert (await standin.callback_answer(query["id"]))["text"] == "Das ist der älteste Artikel."


async def test_help_errors_search_and_settings_in_the_readers_language(standin: StandIn, bot: InProcessBot):
    _readers(standin)
    standin.send_text(RU_READER, "/help")
    assert to_plain_text((await standin.reply(RU_READER)).text).startswith("/start — приветствие (/start id открывает эту статью)\n\nЧтение\n/latest — самая свежая статья")
    standin.send_text(FR_READER, "/latest")
    assert to_plain_text((await standin.reply(FR_READER)).text) == "Pas encore d’article. Revenez bientôt."
    standin.send_text(DE_READER, "/frobnicate")
    assert to_plain_text((await standin.reply(DE_READER)).text).startswith("/frobnicate kenne ich nicht.")
    standin.send_text(ES_READER, "/search <b>nada</b>")
    assert to_plain_text((await standin.reply(ES_READER)).text) == (
        "Ningún artículo coincide con «<b>nada</b>». Pruebe con menos palabras o con otras."
    )
    standin.send_text(PT_READER, "/brief x")
    assert to_plain_text((await standin.reply(PT_READER)).text).startswith("Usage: /brief [article id]")

    standin.send_text(DE_READER, "/subscribe 07:30 Europe/Berlin")
    subscribed = await standin.reply(DE_READER)
    text = to_plain_text(subscribed.text)
    assert text.startswith("Abonniert: eine tägliche Zusammenfassung um 07:30 (Europe/Berlin).\nNächste Zustellung: ")
    assert "Tägliche Zusammenfassung: gefolgte Themen zuerst, dann der Rest" in text
    assert subscribed.buttons == ["Alles", "✓ Gefolgte zuerst", "Nur gefolgte"]
    standin.send_text(DE_READER, "/subscribe 25:99")
    assert to_plain_text((await standin.reply(DE_READER)).text).startswith("„25:99“ ist keine Uhrzeit.")
    standin.send_text(FR_READER, "/settings")
    assert to_plain_text((await standin.reply(FR_READER)).text).startswith("Vous n’êtes pas abonné.")


async def test_digest_headers_in_the_readers_language(standin: StandIn, bot: InProcessBot):
    _readers(standin)
    await _post(standin, GERMAN)
    standin.send_text(DE_READER, "/digest")
    text = to_plain_text((await standin.reply(DE_READER)).text)
    assert text.startswith("Die neuesten Nachrichten · ")
    assert "/brief ID für mehr · /settings ändert die Uhrzeit" in text


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w+\}|</?b>|/[a-z]+\b", text))


def test_every_catalog_translates_every_message_keeping_its_placeholders_tags_and_commands():
    with (LOCALE_DIR / "newsbrief.pot").open("rb") as source:
        template = {m.id for m in read_po(source) if m.id}
    assert len(template) > 40
    for code in LANGUAGES[1:]:
        with (LOCALE_DIR / code / "LC_MESSAGES" / "newsbrief.po").open("rb") as source:
            catalog = {m.id: m.string for m in read_po(source) if m.id}
        assert set(catalog) == template, code
        for msgid, msgstr in catalog.items():
            # A plural message: every form keeps the placeholders of the English plural.
            ids, strings = (msgid, msgstr) if isinstance(msgid, tuple) else ((msgid,), (msgstr,))
            for string in strings:
                assert string and string not in ids, (code, msgid)
                assert _placeholders(string) == _placeholders(ids[-1]) or "Europe/" in ids[-1], (code, msgid, string)
        assert translator(code)("Key quotes") == catalog["Key quotes"]


def test_language_codes_fall_back_to_english():
    for code in (None, "", "en", "en-GB", "pt-br", "zz", "french", "de-AT"):
        tr = translator(code)
        assert tr.code == ("de" if code == "de-AT" else "en")
    assert translator("de-AT")("Quotes") == "Zitate"
    assert translator("it")("Quotes") == "Quotes"


async def test_the_daily_update_comes_in_the_language_the_reader_subscribed_in(standin: StandIn, db: Database):
    from telegram.ext import ExtBot

    from bot import delivery
    from bot.flood import FloodLimiter
    from bot.schedule import next_delivery, to_iso
    from storage import subscribers

    standin.auto_register = True
    now = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)
    for chat, language in ((801, "fr"), (802, "ru"), (803, None)):
        await subscribers.subscribe(db, chat, "08:00", "Europe/Paris", 0, to_iso(next_delivery("08:00", "Europe/Paris", now)))
        await subscribers.set_language(db, chat, language)
    await articles.add(db, title="Le marché rouvre", body="Le marché rouvre mardi.", briefing=["Le marché rouvre mardi."])
    async with ExtBot(standin.token, **standin.http_bot_kwargs(), rate_limiter=FloodLimiter(50, per_chat_interval=0.01)) as bot:
        await delivery.run_due(bot, db, datetime(2026, 3, 4, 7, 0, tzinfo=UTC))
    sent = {s.chat_id: to_plain_text(s.text) for s in standin.delivered()}
    assert sent[801].startswith("Votre résumé du jour · mer. 4 mars 2026\n\nLe marché rouvre #1\nLe marché rouvre mardi.")
    assert sent[802].startswith("Ваша ежедневная сводка · ср 4 мар. 2026")
    assert sent[803].startswith("Your daily briefing · Wed 4 Mar 2026")
    assert "/brief ID pour en savoir plus" in sent[801]


async def test_subscribing_records_the_readers_language(standin: StandIn, bot: InProcessBot):
    from storage import subscribers

    _readers(standin)
    standin.send_text(ES_READER, "/subscribe")
    assert to_plain_text((await standin.reply(ES_READER)).text).startswith("Suscrito: un resumen diario a las 08:00")
    standin.send_text(PT_READER, "/subscribe")
    await standin.reply(PT_READER)
    async with await Database.open(bot.db_path) as db:
        assert (await subscribers.get(db, ES_READER)).language == "es"
        assert (await subscribers.get(db, PT_READER)).language == "en"


async def test_topics_are_followed_and_listed_in_the_readers_language(standin: StandIn, bot: InProcessBot):
    _readers(standin)
    standin.send_text(FR_READER, '/follow "marché couvert"')
    assert to_plain_text((await standin.reply(FR_READER)).text) == (
        "Vous suivez “\"marché couvert\"” (n°1). Il passe en tête de votre résumé quotidien. "
        "/alert on envoie aussitôt les articles correspondants."
    )
    standin.send_text(RU_READER, "/follow выборы")
    assert to_plain_text((await standin.reply(RU_READER)).text).startswith("Вы следите за темой “выборы” (#1).")
    standin.send_text(RU_READER, "/follow бюджет города")
    await standin.reply(RU_READER)
    standin.send_text(RU_READER, "/following")
    listed = await standin.reply(RU_READER)
    assert to_plain_text(listed.text).startswith("Вы следите за 2 темами\n1. выборы\n2. бюджет города")
    assert listed.buttons == ["Всё", "✓ Сначала мои темы", "Только мои темы"]
    standin.send_text(DE_READER, "/alert maybe")
    assert to_plain_text((await standin.reply(DE_READER)).text) == "Verwendung: /alert on oder /alert off."
    standin.send_text(ES_READER, "/unfollow 3")
    assert to_plain_text((await standin.reply(ES_READER)).text).startswith("No sigue ningún tema.")


def test_the_shipped_template_holds_every_marked_string_of_the_code():
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    keywords = {**DEFAULT_KEYWORDS, "tr": None, "N_": None, "n": (1, 2)}
    marked = {
        message if isinstance(message, str) else tuple(message)
        for _, _, message, _, _ in extract_from_dir(LOCALE_DIR.parent, keywords=keywords)
    }
    with (LOCALE_DIR / "newsbrief.pot").open("rb") as source:
        shipped = {m.id for m in read_po(source) if m.id}
    assert marked == shipped  # after changing a text: make i18n, then translate what is new


async def test_an_alert_comes_in_the_language_the_reader_subscribed_in(standin: StandIn, db: Database):
    from telegram.ext import ExtBot

    from bot import alerts
    from bot.flood import FloodLimiter
    from storage import subscribers, topics

    standin.register(FR_READER)
    await subscribers.subscribe(db, FR_READER, "08:00", "Europe/Paris", 0, "2099-01-01T00:00:00Z")
    await subscribers.set_language(db, FR_READER, "fr")
    await topics.add(db, FR_READER, "marché couvert", await topics.parse(db, "marché couvert"))
    await topics.set_alerts(db, FR_READER, True)
    await articles.add(db, title="Le marché couvert rouvre", body="Le marché couvert rouvre.", briefing=["Le marché couvert rouvre."])
    now = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
    async with ExtBot(standin.token, **standin.http_bot_kwargs(), rate_limiter=FloodLimiter(50)) as bot:
        await alerts.queue_new_stories(db, "UTC", now)
        assert dict(await alerts.StorySender(bot, db, "UTC", []).run(now)) == {"sent": 1}
    card = await standin.reply(FR_READER)
    text = to_plain_text(card.text)
    assert text.startswith("🔔 Alerte · un article sur un sujet que vous suivez\n\nLe marché couvert rouvre")
    assert text.endswith("/following liste vos sujets · /alert off arrête les alertes")
    assert card.buttons == FRENCH_BUTTONS
