"""Briefings in other languages (issue 18): each language's splitting, furniture lines, person words,
the fallback, and ``newsbrief brief --language`` / ``"language"`` in its JSON. Short texts written here."""

from __future__ import annotations

import json
import socket

import pytest

from summarizer.article import parse_article
from summarizer.briefing import briefing, is_boilerplate
from summarizer.language_rules import SUPPORTED, rules_for
from summarizer.tokenize import Tokenizer, sentence_spans, split_sentences
from tests.test_cli_brief import newsbrief, newsbrief_process

# Each: a paragraph whose abbreviation or date the English model cuts, and the sentences it really has.
SPLITS = {
    "de": ("Bei der Landtagswahl am 3. Oktober gewann die CDU. Die SPD verlor deutlich.", 2),
    "it": ("Il sig. Rossi è arrivato ieri a Roma. Ha parlato con il presidente.", 2),
    "nl": ("Het gaat o.a. om de lonen van de zorg. De minister sprak.", 2),
    "pt": ("A reunião é às 10h na Av. Paulista. O prefeito falou.", 2),
    "ru": ("Выборы пройдут 3 окт. 2021 года. Президент выступил.", 2),
    "fr": ("M. Dupont est arrivé hier à Paris. Il a parlé au président.", 2),
    "es": ("El Sr. García llegó ayer a Madrid. Habló con el presidente.", 2),
    "en": ("Mr. Smith arrived in the U.S. on Jan. 5 this year. He spoke to reporters.", 2),
}


@pytest.mark.parametrize("language", sorted(SPLITS))
def test_each_language_is_split_by_its_own_punkt_model(language: str) -> None:
    text, count = SPLITS[language]
    sentences = split_sentences(text, language)
    assert len(sentences) == count, sentences
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")
    assert len(sentence_spans(text, language)) == count
    assert Tokenizer(language).to_sentences(text) == tuple(sentences)


@pytest.mark.parametrize("title", ["Dr.", "Pr.", "Prof.", "Mgr", "Mgr.", "St."])
def test_a_french_title_before_a_name_does_not_end_the_sentence(title: str) -> None:
    """French Punkt alone splits "Selon le Dr." | "Martin, le patient …": the second piece would be
    briefed as a sentence that names the wrong subject."""
    text = f"Selon le {title} Martin, le patient va bien. Il sortira de l'hôpital lundi."
    assert split_sentences(text, "fr") == [f"Selon le {title} Martin, le patient va bien.", "Il sortira de l'hôpital lundi."]
    picked = briefing(parse_article(text, has_title=False), 3, language="fr")
    assert picked[0].startswith("Selon le"), picked


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # French Punkt leaves the opening « of the next quotation at the end of a sentence.
        (
            "fr",
            "Il est mort le 27 juillet. « Il ne sortait plus du tout. » Le zoo a fermé.",
            ["Il est mort le 27 juillet.", "« Il ne sortait plus du tout. »", "Le zoo a fermé."],
        ),
        # German Punkt gives the closing “ of a quoted sentence to the sentence after it.
        (
            "de",
            "Er sagte es. „Wir gehen jetzt nach Hause.“ Dann ging er.",
            ["Er sagte es.", "„Wir gehen jetzt nach Hause.“", "Dann ging er."],
        ),
        # Inward guillemets: in German « closes, and stays where it is.
        ("de", "»Wir gehen.« Er ging nach Hause. Dann schlief er.", ["»Wir gehen.«", "Er ging nach Hause.", "Dann schlief er."]),
        ("es", "Dijo que sí. ¿Por qué no? Nadie lo sabe.", ["Dijo que sí.", "¿Por qué no?", "Nadie lo sabe."]),
    ],
)
def test_a_quotation_keeps_its_own_marks_when_punkt_splits_beside_them(language, text, expected) -> None:
    assert split_sentences(text, language) == expected
    assert [text[a:b].strip() for a, b in sentence_spans(text, language)] == expected


def test_german_date_stays_whole_where_english_rules_cut_it() -> None:
    text = SPLITS["de"][0]
    assert split_sentences(text, "de")[0] == "Bei der Landtagswahl am 3. Oktober gewann die CDU."
    assert split_sentences(text, "german") == split_sentences(text, "de")
    # English stays the default: callers naming no language split exactly as before.
    assert len(split_sentences(text)) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er gewann zum 3. Mal den Titel. Die Fans jubelten.", ["Er gewann zum 3. Mal den Titel.", "Die Fans jubelten."]),
        ("Sie feierte ihren 100. Geburtstag. Alle kamen.", ["Sie feierte ihren 100. Geburtstag.", "Alle kamen."]),
        # An ordinal that ends a sentence stays its end: the next one opens with an article.
        ("Die Feier ist am 3. Die Gäste kommen später.", ["Die Feier ist am 3.", "Die Gäste kommen später."]),
    ],
)
def test_a_german_ordinal_before_its_noun_does_not_end_the_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "de") == expected


BODY = {
    "fr": "Le conseil municipal de Lyon a voté mardi un budget de 40 millions d'euros pour les écoles.",
    "de": "Der Stadtrat von Freiburg hat am Dienstag einen neuen Haushalt für die Schulen beschlossen.",
    "es": "El ayuntamiento de Sevilla aprobó el martes un presupuesto de 40 millones para las escuelas.",
    "it": "Il consiglio comunale di Torino ha approvato martedì un bilancio di 40 milioni per le scuole.",
    "pt": "A câmara municipal do Porto aprovou na terça-feira um orçamento de 40 milhões para as escolas.",
    "nl": "De gemeenteraad van Utrecht heeft dinsdag een begroting van 40 miljoen voor de scholen goedgekeurd.",
    "ru": "Городская дума Казани во вторник утвердила бюджет в 40 миллионов рублей на ремонт школ.",
}
FURNITURE = {
    "fr": ["Lire aussi : Les écoles de la ville manquent de professeurs cette année", "À lire aussi - Le maire répond à ses opposants sur le budget"],
    "de": ["Mehr zum Thema: Die Schulen der Stadt brauchen dringend neue Lehrer", "Lesen Sie auch: Der Bürgermeister antwortet seinen Kritikern"],
    "es": ["Leer más: Las escuelas de la ciudad necesitan más profesores este año", "Lea también: El alcalde responde a sus críticos"],
    "it": ["Leggi anche: Le scuole della città hanno bisogno di nuovi insegnanti", "Vedi anche: Il sindaco risponde ai suoi critici"],
    "pt": ["Leia também: As escolas da cidade precisam de mais professores este ano", "Saiba mais sobre o orçamento da cidade e das escolas"],
    "nl": ["Lees ook: De scholen in de stad hebben dringend nieuwe leraren nodig", "Bekijk ook de reactie van de burgemeester op zijn critici"],
    "ru": ["Читайте также: Школам города не хватает учителей в этом году", "Смотрите также: мэр ответил своим критикам"],
}


@pytest.mark.parametrize("language", sorted(FURNITURE))
def test_furniture_lines_of_each_language_never_reach_a_briefing(language: str) -> None:
    rules = rules_for(language)
    for line in FURNITURE[language]:
        assert is_boilerplate(line, rules), line
    assert not is_boilerplate(BODY[language], rules)
    paragraphs = [BODY[language], FURNITURE[language][0] + ".", BODY[language].replace("40", "55"), FURNITURE[language][1] + "."]
    article = parse_article("\n".join(paragraphs), has_title=False)
    picked = briefing(article, 3, language=language)
    assert picked and all(not any(line in s for line in FURNITURE[language]) for s in picked), picked


def test_a_german_speech_line_is_not_taken_for_a_photo_caption() -> None:
    # The English caption-label rule ("Grim discovery: The remains ...") must not drop German speech.
    sentence = "Der Bürgermeister sagte: Wir bauen die Schule noch in diesem Jahr neu."
    assert not is_boilerplate(sentence, rules_for("de"))
    assert is_boilerplate(sentence, rules_for("en"))  # English rules would (no English speech verb)


@pytest.mark.parametrize(
    ("language", "personal", "reported"),
    [
        ("fr", "J'ai toujours dit que cette école serait reconstruite.", "Le maire a toujours dit que l'école serait reconstruite."),
        ("de", "Wir haben immer gesagt, dass die Schule neu gebaut wird.", "Der Rat hat immer gesagt, dass die Schule neu gebaut wird."),
        ("es", "Nosotros siempre dijimos que la escuela sería reconstruida.", "El alcalde siempre dijo que la escuela sería reconstruida."),
        ("it", "Noi abbiamo sempre detto che la scuola sarebbe stata ricostruita.", "Il sindaco ha sempre detto che la scuola sarebbe stata ricostruita."),
        ("pt", "Nós sempre dissemos que a escola seria reconstruída.", "O prefeito sempre disse que a escola seria reconstruída."),
        ("nl", "Wij hebben altijd gezegd dat de school herbouwd wordt.", "De burgemeester heeft altijd gezegd dat de school herbouwd wordt."),
        ("ru", "Мы всегда говорили, что школу восстановят.", "Мэр всегда говорил, что школу восстановят."),
    ],
)
def test_person_words_of_each_language(language: str, personal: str, reported: str) -> None:
    from summarizer.tokenize import split_words

    rules = rules_for(language)
    assert rules.in_person(split_words(personal))
    assert not rules.in_person(split_words(reported))


def test_subheadings_are_never_picked() -> None:
    paragraphs = [
        "Le conseil municipal de Lyon a voté mardi un budget de 40 millions d'euros pour les écoles.",
        "Un chantier de trois ans pour les écoles",
        "Les travaux commenceront en septembre dans douze écoles du centre de la ville.",
        "Les parents d'élèves ont salué une décision attendue depuis de longues années.",
    ]
    picked = briefing(parse_article("\n".join(paragraphs), has_title=False), 3, language="fr")
    assert "Un chantier de trois ans pour les écoles" not in picked
    assert len(picked) == 3


def test_a_language_without_rules_falls_back_and_says_so() -> None:
    rules = rules_for("fi")
    assert rules.fallback and rules.code == "fi" and rules.punkt == "finnish"
    unknown = rules_for("sw")  # no Punkt model, no stemmer, no stop words
    assert unknown.fallback and unknown.punkt == "english" and not unknown.stop_words()
    assert not rules_for("fr").fallback and not rules_for(None).fallback
    text = "Kaupunki päätti tänään rakentaa uuden sillan joen yli. Silta valmistuu vuonna 2030 ja maksaa paljon."
    assert briefing(parse_article(text, has_title=False), 3, language="fi") == split_sentences(text, "fi")
    assert briefing(parse_article(text, has_title=False), 3, language="sw")


def test_nothing_is_downloaded_for_any_supported_language(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for code in SUPPORTED:
        rules = rules_for(code)
        assert rules.stop_words(), code
        assert rules.stemmer()("ministres") , code
        assert briefing(parse_article(BODY.get(code, SPLITS["en"][0]), has_title=False), 3, language=code)


def test_cli_detects_the_language_and_reports_it_in_json(tmp_path) -> None:
    text = "\n".join([BODY["de"], "Mehr zum Thema: Die Schulen der Stadt brauchen dringend neue Lehrer", SPLITS["de"][0]])
    done = newsbrief("brief", "--json", "--no-title", "--sentences", "3", "-", stdin=text.encode())
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["language"] == "de" and "language_fallback" not in payload
    assert "Bei der Landtagswahl am 3. Oktober gewann die CDU." in payload["sentences"]
    assert not any("Mehr zum Thema" in s for s in payload["sentences"])
    forced = json.loads(newsbrief("brief", "--json", "--language", "EN", "-", stdin=text.encode()).stdout)
    assert forced["language"] == "en"


def test_cli_falls_back_cleanly_and_notes_it() -> None:
    text = "Otsikko\nKaupunki päätti tänään rakentaa uuden sillan joen yli. Silta valmistuu vuonna 2030 ja maksaa paljon rahaa."
    done = newsbrief_process("brief", "--language", "fi", "-", stdin=text.encode())
    assert done.returncode == 0 and b"Silta valmistuu" in done.stdout
    assert b"no briefing rules for language 'fi'" in done.stderr and b"Traceback" not in done.stderr
    payload = json.loads(newsbrief("brief", "--json", "--language", "fi", "-", stdin=text.encode()).stdout)
    assert payload["language"] == "fi" and payload["language_fallback"] is True
    bad = newsbrief("brief", "--language", "not a code", "-", stdin=text.encode())
    assert bad.returncode == 2 and b"language code" in bad.stderr


def test_guillemets_count_as_quotation_marks() -> None:
    from summarizer.quotation import quoted_share

    said = "« Nous allons reconstruire toutes les écoles de la ville », a déclaré le maire."
    assert quoted_share(said) > 0.5
    assert quoted_share("Il a répondu « non » aux journalistes présents devant la mairie mardi.") < 0.2
    assert quoted_share("Le conseil municipal a voté le budget des écoles mardi soir.") == 0.0


@pytest.mark.parametrize(
    "line",
    [
        "(Propos recueillis par Philippe Martin)",
        "(1/2) - 12/11par BFMTV",
        "VIDÉO - Le président s'exprime devant la presse à l'Élysée",
        "PHOTOS – Les images de la tempête sur les côtes bretonnes",
        "EN IMAGES - Les plus beaux clichés de la semaine",
    ],
)
def test_french_interview_credits_and_video_stamps_are_furniture(line: str) -> None:
    # OrangeSum: an interview's credit and an embedded video's part and date.
    assert is_boilerplate(line, rules_for("fr")), line


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon une enquête réalisée par l'Insee, le chômage a reculé de deux points en un an.",
        "Le sondage réalisé par l'Ifop place le maire sortant largement en tête au premier tour.",
        "Les propos recueillis par la police ont été transmis au parquet dès le lendemain matin.",
        "Cette étude réalisée par des chercheurs de l'Inserm montre que le risque a doublé en dix ans.",
        "Vidéos et photos ont circulé sur les réseaux sociaux pendant toute la journée de mardi.",
        "Ce sondage a été réalisé du 3 au 5 mai auprès de 1.000 personnes, selon la méthode des quotas.",
    ],
)
def test_french_sentences_about_polls_and_studies_are_not_furniture(sentence: str) -> None:
    assert not is_boilerplate(sentence, rules_for("fr")), sentence
