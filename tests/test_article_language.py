"""Issue 18, storage side: an article's language is detected when posted, stored, and can be given
(/post lang=xx, a feed's lang=xx); /search folds accents and case."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot import feeds as feed_polling
from bot import ingest
from bot.config import Settings
from storage import articles, feeds
from storage.db import Database
from summarizer.language import detect, normalise
from summarizer.stems import stems
from tests.conftest import ADMIN, READER, InProcessBot
from tests.local_server import Answer, LocalServer
from tests.standin import StandIn, to_plain_text

FRENCH = (
    "La mairie rouvre la piscine municipale\n"
    "La piscine municipale de la ville rouvrira ses portes lundi prochain après huit mois de travaux. "
    "Les nageurs pourront profiter d'un nouveau bassin et de vestiaires entièrement rénovés. "
    "Selon la mairie, le chantier a coûté près de deux millions d'euros et a été financé en partie "
    "par la région. Les horaires d'ouverture seront élargis le soir pendant tout l'été."
)
GERMAN = (
    "Stadtbibliothek verlängert ihre Öffnungszeiten\n"
    "Die Stadtbibliothek wird ab der kommenden Woche auch am Samstagnachmittag geöffnet sein. "
    "Nach Angaben der Verwaltung haben sich viele Leserinnen und Leser längere Öffnungszeiten gewünscht. "
    "Für die zusätzlichen Stunden werden zwei neue Mitarbeiter eingestellt, die ab dem ersten Dezember "
    "beginnen. Der Gemeinderat hat die Kosten bereits im Haushalt eingeplant."
)
ENGLISH = (
    "Council approves new cycle lanes\n"
    "The city council approved a plan on Tuesday to build six miles of protected cycle lanes. "
    "Work on the first section is expected to start in the spring and last about four months. "
    "Residents who spoke at the meeting were mostly in favour, although some shop owners worried "
    "about losing parking spaces in front of their businesses."
)
SPANISH = (
    "El ayuntamiento abre un nuevo parque\n"
    "El nuevo parque del barrio abrirá sus puertas el próximo sábado después de dos años de obras. "
    "Los vecinos podrán disfrutar de zonas verdes, un lago pequeño y un espacio para los niños. "
    "Según el ayuntamiento, el proyecto costó casi tres millones de euros."
)


async def test_each_article_is_stored_with_the_language_it_is_written_in(db: Database):
    stored = {}
    for name, text in (("fr", FRENCH), ("de", GERMAN), ("en", ENGLISH), ("es", SPANISH)):
        result = await ingest.post_text(db, text)
        stored[name] = result.article.language
        assert (await articles.get(db, result.article.id)).language == result.article.language
    assert stored == {"fr": "fr", "de": "de", "en": "en", "es": "es"}


async def test_a_given_language_overrides_detection(db: Database):
    result = await ingest.post_text(db, FRENCH, language="it")
    assert result.article.language == "it"
    assert (await articles.get(db, result.article.id)).language == "it"


def test_language_codes_are_taken_as_people_write_them():
    assert [normalise(c) for c in ("fr", "FR", "fr-FR", "pt_BR", "de-CH-1996")] == ["fr", "fr", "fr", "pt", "de"]
    assert [normalise(c) for c in ("", "f", "french", "12", "fr-", None)] == [None] * 6


async def test_post_lang_option_overrides_detection_in_every_form(standin: StandIn, bot: InProcessBot):
    standin.send_text(ADMIN, f"/post lang=de\n{FRENCH}")
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Posted as #1.\n\nLa mairie rouvre")
    standin.send_text(ADMIN, f"/post LANG=pt-BR {ENGLISH}")
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Posted as #2.\n\nCouncil approves")
    held = standin.send_text(ADMIN, SPANISH)
    await standin.reply(ADMIN)
    standin.send_text(ADMIN, "/post lang=ca", reply_to=held)
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Posted as #3.\n\nEl ayuntamiento")
    standin.send_text(ADMIN, f"/post\n{GERMAN}")
    assert "Posted as #4." in to_plain_text((await standin.reply(ADMIN)).text)

    standin.send_text(ADMIN, f"/post lang=french\n{GERMAN}x")
    refused = to_plain_text((await standin.reply(ADMIN)).text)
    assert refused.startswith("Not posted") and "lang=" in refused

    async with await Database.open(bot.db_path) as db:
        stored = {a.id: a.language for a in await articles.since(db, 0, 10)}
    assert stored == {1: "de", 2: "pt", 3: "ca", 4: "de"}


def _feed(base: str, title: str, body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nouvelles</title>'
        f"<link>{base}/</link><item><guid>urn:1</guid><title>{title}</title><link>{base}/a</link>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()


async def test_a_feed_added_with_a_language_stores_its_articles_in_it(db: Database, server: LocalServer):
    base = server.url("")
    title, _, body = FRENCH.partition("\n")
    server.routes["/given.xml"] = Answer(_feed(base, title, body), headers={"Content-Type": "text/xml"})
    feed, result = await feed_polling.add_feed(
        db, f"{base}/given.xml", Settings(fetch_private=True), ADMIN, language="ro"
    )
    assert result.added == 1 and (await feeds.get(db, feed.id)).language == "ro"
    assert (await articles.latest(db)).language == "ro"

    title, _, body = GERMAN.partition("\n")
    server.routes["/detected.xml"] = Answer(
        _feed(base, title, body).replace(b"/a<", b"/b<"), headers={"Content-Type": "text/xml"}
    )
    feed, result = await feed_polling.add_feed(db, f"{base}/detected.xml", Settings(fetch_private=True), ADMIN)
    assert result.added == 1 and (await feeds.get(db, feed.id)).language is None
    assert (await articles.latest(db)).language == "de"


async def test_feed_add_takes_lang_and_lists_it(standin: StandIn, bot: InProcessBot, server: LocalServer):
    base = server.url("")
    title, _, body = FRENCH.partition("\n")
    server.routes["/fr.xml"] = Answer(_feed(base, title, body), headers={"Content-Type": "text/xml"})
    bot_settings = bot.application.bot_data["settings"]
    bot.application.bot_data["settings"] = Settings(**{**bot_settings.__dict__, "fetch_private": True})
    standin.send_text(ADMIN, f"/feed add {base}/fr.xml lang=xyz")
    assert to_plain_text((await standin.reply(ADMIN)).text).startswith("Usage: /feed add URL [lang=xx]")
    standin.send_text(ADMIN, f"/feed add {base}/fr.xml lang=fr")
    await standin.reply(ADMIN)  # fetching…
    assert "Feed #1 added" in to_plain_text((await standin.reply(ADMIN)).text)
    standin.send_text(ADMIN, "/feed list")
    assert "lang=fr" in to_plain_text((await standin.reply(ADMIN)).text)


async def test_search_folds_accents_and_case_whatever_the_letters(db: Database):
    await ingest.post_text(db, "Việt Nam mở rộng đường sắt\nChính phủ Việt Nam đã phê duyệt dự án đường sắt mới nối hai thành phố lớn.")
    await ingest.post_text(db, "ÉLECTIONS À ZÜRICH\nLes électeurs de Zürich ont choisi un nouveau maire dimanche soir.")
    assert [a.title for a in await articles.search(db, "viet nam")] == ["Việt Nam mở rộng đường sắt"]
    assert [a.title for a in await articles.search(db, "VIỆT")] == ["Việt Nam mở rộng đường sắt"]
    assert [a.title for a in await articles.search(db, "elections zurich")] == ["ÉLECTIONS À ZÜRICH"]
    assert [a.title for a in await articles.search(db, "électeurs")] == ["ÉLECTIONS À ZÜRICH"]


async def test_an_older_database_gets_the_folding_index_with_its_articles_in_it(tmp_path: Path):
    path = tmp_path / "old.db"
    async with await Database.open(path) as db:
        await ingest.post_text(db, "Việt Nam mở rộng đường sắt\nChính phủ Việt Nam đã phê duyệt dự án đường sắt mới.")
    # Back to the index of migration 1, as a database from before migration 6 has it.
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "DROP TABLE articles_fts;"
            "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content='articles',"
            " content_rowid='id', tokenize='porter unicode61');"
            "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
            "ALTER TABLE feeds DROP COLUMN language;"
            "ALTER TABLE subscribers DROP COLUMN language;"
            "DELETE FROM schema_migrations WHERE version IN (6, 11);"
        )
    async with await Database.open(path) as db:
        assert [a.id for a in await articles.search(db, "viet")] == [1]
        assert await feeds.all_feeds(db) == []
        await ingest.post_text(db, "Hội An đón khách\nThành phố Hội An đón nhiều khách du lịch trong mùa hè.")
        assert [a.id for a in await articles.search(db, "hoi an")] == [2]


async def test_a_reader_finds_an_accented_story_without_typing_accents(standin: StandIn, bot: InProcessBot):
    standin.send_text(ADMIN, f"/post {FRENCH.replace('piscine', 'Piscine', 1)}")
    await standin.reply(ADMIN)
    standin.send_text(READER, "/search travaux renoves")
    assert "#1 · La mairie rouvre" in to_plain_text((await standin.reply(READER)).text)


def test_stems_per_language_skip_what_snowball_does_not_know():
    assert stems("élections", ["fr"]) == ["élect"]
    assert stems("Brücken", ["de", "xx", "und"]) == ["bruck"]
    assert stems("выборах", ["ru"]) == ["выбор"]
    assert stems("par", ["fr", "en"]) == []  # too short to be a useful prefix
    assert stems("élections", []) == []


async def test_search_finds_other_forms_of_a_word_in_the_articles_language(db: Database):
    await ingest.post_text(db, FRENCH)  # "municipale", "ouverture"
    await ingest.post_text(db, GERMAN)  # "Stadtbibliothek"
    spoken = await articles.languages(db)
    assert spoken == {"fr", "de"}

    def expand(word: str) -> list[str]:
        return stems(word, spoken | {"en"})

    assert await articles.search(db, "municipaux ouvertes") == []  # Porter alone: no match
    assert [a.id for a in await articles.search(db, "municipaux ouvertes", expand=expand)] == [1]
    assert await articles.search(db, "Stadtbibliotheken") == []
    assert [a.id for a in await articles.search(db, "Stadtbibliotheken", expand=expand)] == [2]
    assert await articles.search(db, "municipaux Stadtbibliotheken", expand=expand) == []


async def test_a_reader_searching_in_french_finds_other_forms_through_the_bot(standin: StandIn, bot: InProcessBot):
    standin.add_user(READER + 1, "Lectrice", language_code="fr")
    standin.send_text(ADMIN, f"/post {FRENCH}")
    await standin.reply(ADMIN)
    standin.send_text(READER + 1, "/search horaires municipaux")
    assert "#1 · La mairie rouvre" in to_plain_text((await standin.reply(READER + 1)).text)


def test_detection_gives_two_letter_codes_even_for_languages_without_one():
    # Nigerian Pidgin ("pcm" to the model, which has no two-letter code) reads as English.
    assert detect("I no sabi wetin dey happen for market today") == "en"
    assert detect("E don happen again for Lagos road") == "en"
    assert detect("Man dies after car hits tree on the main road") == "en"
    assert detect("1234 … !!!") == "und"


async def test_a_database_migrated_before_readers_languages_gets_them(tmp_path: Path):
    from storage import subscribers

    path = tmp_path / "at6.db"
    async with await Database.open(path) as db:
        await subscribers.subscribe(db, 42, "08:00", "UTC", 0, "2099-01-01T00:00:00Z")
    with sqlite3.connect(path) as conn:  # as main had it: migration 6 run, 11 not yet
        conn.executescript("ALTER TABLE subscribers DROP COLUMN language; DELETE FROM schema_migrations WHERE version = 11;")
    async with await Database.open(path) as db:
        await subscribers.set_language(db, 42, "de")
        assert (await subscribers.get(db, 42)).language == "de"


async def test_post_lang_option_works_in_a_documents_caption(standin: StandIn, bot: InProcessBot):
    standin.send_document(ADMIN, GERMAN.encode(), "artikel.txt", caption="/post lang=nl")
    assert "Posted as #1." in to_plain_text((await standin.reply(ADMIN)).text)
    async with await Database.open(bot.db_path) as db:
        assert (await articles.get(db, 1)).language == "nl"
