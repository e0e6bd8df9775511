"""Quotes in French, Spanish, Italian, Portuguese, Dutch and Russian (issue 18, quote side): each
language's marks, a speaker before and after the quote, the inverted credit (speaker after the
verb), a pronoun, a mark left open; and the CLI and the bot's ingest reading the detected language.
Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.quotes import Quote, extract
from tests.test_cli_brief import newsbrief
from tests.test_cli_post import stored


def spoken(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    return [(q.quote, q.speaker) for q in quotes]


# --- French: the example -------------------------------------------------------------------

FRENCH = (
    "Le conseil municipal de Villeneuve a adopté le budget mardi soir, après trois heures de débat.\n\n"
    "« Nous allons tenir toutes nos promesses envers les habitants », a déclaré la conseillère Marie "
    "Dubois, qui préside la commission des finances depuis deux ans.\n\n"
    "Les élus de l’opposition ont voté contre. « Ce budget ne protège pas les familles modestes », "
    "a-t-elle ajouté à la sortie de la séance.\n\n"
    "Le maire a conclu la soirée : « Les travaux de l’école commenceront dès le mois de mars. »"
)


def test_french_quote_stops_at_the_closing_guillemet_and_names_the_councillor():
    first, second, third = extract(FRENCH, "fr")
    assert first.quote == "« Nous allons tenir toutes nos promesses envers les habitants »"
    assert FRENCH[first.start : first.end] == first.quote
    assert first.speaker == "Marie Dubois"
    assert FRENCH[first.mention_start : first.mention_end] == "Marie Dubois"
    # "a-t-elle ajouté": the pronoun is the councillor named before
    assert second.quote == "« Ce budget ne protège pas les familles modestes »"
    assert second.speaker == "Marie Dubois"
    assert FRENCH[second.mention_start : second.mention_end] == "elle"
    assert third.speaker == "Le maire"  # a noun phrase, never the bare determiner


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_french_spaces_inside_guillemets_are_inside_the_span(space: str):
    text = f"«{space}Nous ne fermerons aucune classe cette année{space}», a affirmé Paul Lefèvre."
    (quote,) = extract(text, "fr")
    assert quote.quote == f"«{space}Nous ne fermerons aucune classe cette année{space}»"
    assert quote.speaker == "Paul Lefèvre"


def test_no_speaker_is_a_determiner_or_a_clause():
    text = (
        "Les habitants sont venus nombreux. « Les loyers augmentent encore chaque année », "
        "disent les locataires du quartier nord, qui manifestaient samedi.\n\n"
        "La directrice Anne Roux a répondu : « Le dossier sera étudié avant la fin du mois. »\n\n"
        "« Nous ne laisserons personne à la rue cet hiver », estime Le Pen dans un communiqué."
    )
    speakers = [q.speaker for q in extract(text, "fr")]
    assert speakers == ["les locataires du quartier nord", "Anne Roux", "Le Pen"]
    assert not any(s in ("Le", "La", "Les") for s in speakers)


# --- Each language: marks, speaker before and after, inverted credit, pronoun ------------------------

CASES = {
    "fr": {
        "after": ("« Le projet sera terminé avant l’été prochain », Jean Morel a précisé.", "Jean Morel"),
        "inverted": ("« Le projet sera terminé avant l’été prochain », a expliqué le ministre Jean Morel.", "Jean Morel"),
        "before": ("Jean Morel a déclaré : « Le projet sera terminé avant l’été prochain. »", "Jean Morel"),
        "credit": ("Selon Jean Morel, « le projet sera terminé avant l’été prochain ».", "Jean Morel"),
        "pronoun": ("Jean Morel a visité le chantier. « Le projet sera terminé avant l’été », dit-il.", "Jean Morel"),
    },
    "es": {
        "after": ("«El proyecto estará listo antes del verano», Lucía Romero aseguró.", "Lucía Romero"),
        "inverted": ("«El proyecto estará listo antes del verano», dijo el alcalde Juan Pérez.", "Juan Pérez"),
        "before": ("Lucía Romero afirmó: «El proyecto estará listo antes del verano».", "Lucía Romero"),
        "credit": ("Según Lucía Romero, «el proyecto estará listo antes del verano».", "Lucía Romero"),
        "pronoun": ("Lucía Romero visitó la obra. «El proyecto estará listo antes del verano», dijo ella.", "Lucía Romero"),
    },
    "it": {
        "after": ("«Il progetto sarà pronto prima dell’estate», Marco Ferri ha spiegato.", "Marco Ferri"),
        "inverted": ("«Il progetto sarà pronto prima dell’estate», ha detto il sindaco Marco Ferri.", "Marco Ferri"),
        "before": ("Marco Ferri ha dichiarato: «Il progetto sarà pronto prima dell’estate».", "Marco Ferri"),
        "credit": ("Secondo Marco Ferri, «il progetto sarà pronto prima dell’estate».", "Marco Ferri"),
        "pronoun": ("Marco Ferri ha visitato il cantiere. «Il progetto sarà pronto prima dell’estate», ha detto lui.", "Marco Ferri"),
    },
    "pt": {
        "after": ("«O projeto ficará pronto antes do verão», Ana Sousa garantiu.", "Ana Sousa"),
        "inverted": ("«O projeto ficará pronto antes do verão», disse o autarca Rui Lopes.", "Rui Lopes"),
        "before": ("Ana Sousa afirmou: «O projeto ficará pronto antes do verão».", "Ana Sousa"),
        "credit": ("De acordo com Ana Sousa, “o projeto ficará pronto antes do verão”.", "Ana Sousa"),
        "pronoun": ("Ana Sousa visitou a obra. «O projeto ficará pronto antes do verão», disse ela.", "Ana Sousa"),
    },
    "nl": {
        "after": ("„Het project is voor de zomer klaar”, Sanne Visser zei.", "Sanne Visser"),
        "inverted": ("„Het project is voor de zomer klaar”, zei wethouder De Boer.", "De Boer"),
        "before": ("Sanne Visser verklaarde: „Het project is voor de zomer klaar.”", "Sanne Visser"),
        "credit": ("„Het project is voor de zomer klaar”, aldus Sanne Visser.", "Sanne Visser"),
        "pronoun": ("Sanne Visser bezocht de bouwplaats. „Het project is voor de zomer klaar”, zei ze.", "Sanne Visser"),
    },
    "ru": {
        "after": ("«Проект будет готов до начала лета», Ольга Соколова подчеркнула.", "Ольга Соколова"),
        "inverted": ("«Проект будет готов до начала лета», — заявил мэр Иван Петров.", "Иван Петров"),
        "before": ("Ольга Соколова сказала: «Проект будет готов до начала лета».", "Ольга Соколова"),
        "credit": ("По словам Ольги Соколовой, «проект будет готов до начала лета».", "Ольги Соколовой"),
        "pronoun": ("Ольга Соколова посетила стройку. «Проект будет готов до начала лета», — сказала она.", "Ольга Соколова"),
    },
}


@pytest.mark.parametrize(
    ("language", "pattern"), [(lang, pattern) for lang, cases in CASES.items() for pattern in cases]
)
def test_speaker_in_each_pattern(language: str, pattern: str):
    text, speaker = CASES[language][pattern]
    (quote,) = extract(text, language)
    assert text[quote.start : quote.end] == quote.quote
    assert quote.quote[0] in "«„“" and quote.quote.rstrip(".")[-1] in "»”“"
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("language", "text", "quoted"),
    [
        ("fr", "Il répète ‹ nous ne partirons pas d’ici › devant la mairie.", "‹ nous ne partirons pas d’ici ›"),
        ("nl", "Hij schreef »wij vertrekken hier echt niet« op een bord.", "»wij vertrekken hier echt niet«"),
        ("it", "Ha scritto “non ce ne andremo mai di qui” su un cartello.", "“non ce ne andremo mai di qui”"),
        ("ru", "Он написал „мы отсюда никуда не уйдём“ на плакате.", "„мы отсюда никуда не уйдём“"),
        ("fr", "« Il m’a dit “jamais de la vie” et il est parti », raconte Luc Petit.", "« Il m’a dit “jamais de la vie” et il est parti »"),
    ],
)
def test_each_kind_of_mark_is_paired(language: str, text: str, quoted: str):
    assert [q.quote for q in extract(text, language)] == [quoted]


# --- Dash dialogue ----------------------------------------------------------------------------------


def test_spanish_dash_dialogue_speech_on_both_sides_of_the_narrator():
    text = "—No vamos a cerrar ninguna escuela este año —dijo María López—. Lo prometimos a las familias."
    assert spoken(extract(text, "es")) == [
        ("—No vamos a cerrar ninguna escuela este año", "María López"),
        ("Lo prometimos a las familias.", "María López"),
    ]


def test_russian_dash_dialogue():
    text = "— Мы не закроем ни одной школы в этом году, — сказал Иван Петров. — Мы обещали это родителям."
    assert spoken(extract(text, "ru")) == [
        ("— Мы не закроем ни одной школы в этом году,", "Иван Петров"),
        ("— Мы обещали это родителям.", "Иван Петров"),
    ]


def test_a_dash_line_is_dialogue_only_in_languages_that_write_it():
    text = "— Un point de la liste des travaux prévus pour le printemps prochain"
    assert extract(text, "fr") == []


# --- Marks left open --------------------------------------------------------------------------------

UNCLOSED = {
    "fr": "Le maire a pris la parole. Il a déclaré : « Nous allons tout reconstruire en deux ans. Puis il a quitté la salle sans un mot.",
    "es": "El alcalde tomó la palabra. Declaró: «Vamos a reconstruirlo todo en dos años. Luego salió de la sala sin decir nada.",
    "it": "Il sindaco ha preso la parola. Ha dichiarato: «Ricostruiremo tutto in due anni. Poi è uscito dalla sala in silenzio.",
    "pt": "O autarca tomou a palavra. Declarou: «Vamos reconstruir tudo em dois anos. Depois saiu da sala sem dizer nada.",
    "nl": "De burgemeester nam het woord. Hij zei: „We bouwen alles in twee jaar weer op. Daarna verliet hij zwijgend de zaal.",
    "ru": "Мэр взял слово. Он заявил: «Мы всё восстановим за два года. Потом он молча покинул зал заседаний.",
}


@pytest.mark.parametrize("language", sorted(UNCLOSED))
def test_a_mark_left_open_ends_with_its_sentence_not_its_paragraph(language: str):
    text = UNCLOSED[language] + "\n\nUn autre paragraphe."
    (quote,) = extract(text, language)
    assert quote.quote.endswith(".") and quote.quote.count(".") == 1
    assert not quote.quote.endswith(text.split("\n")[0][-12:])


@pytest.mark.parametrize("language", sorted(UNCLOSED))
def test_a_stray_mark_inside_a_sentence_and_ditto_rows_are_no_quotes(language: str):
    stray = "Le prix « des légumes frais a encore augmenté ce mois sur tous les marchés de la région"
    table = "Pommes 2,50 € le kilo\n« 3,20 € les 2 kg\n« 4,10 € les 3 kg"
    packed = "Pommes 2,50 € le kilo\n«3,20 € les 2 kg\n„4,10 € les 3 kg"
    assert extract(stray, language) == []
    assert extract(table, language) == []
    assert extract(packed, language) == []


def test_a_long_quote_continued_in_the_next_paragraph_stays_whole():
    text = (
        "« Nous avons travaillé deux ans sur ce projet avec les habitants.\n\n"
        "« Il est temps de passer aux actes dans tous les quartiers », a conclu Claire Vidal."
    )
    quotes = extract(text, "fr")
    assert [q.speaker for q in quotes] == ["Claire Vidal", "Claire Vidal"]
    assert quotes[0].quote.endswith("habitants.")


# --- The CLI and the bot's ingest use the detected language -----------------------------------------


def test_cli_quotes_detects_french_when_no_language_is_given(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = newsbrief("quotes", "--json", str(path))
    assert result.returncode == 0, result.stderr.decode()
    quotes = json.loads(result.stdout)
    assert quotes[0]["quote"] == "« Nous allons tenir toutes nos promesses envers les habitants »"
    assert [q["speaker"] for q in quotes[:2]] == ["Marie Dubois", "Marie Dubois"]
    assert all(FRENCH[q["start"] : q["end"]] == q["quote"] for q in quotes)


def test_cli_brief_key_quotes_read_the_detected_language(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_text("Budget à Villeneuve\n\n" + FRENCH, encoding="utf-8")
    result = newsbrief("brief", "--json", str(path))
    assert result.returncode == 0, result.stderr.decode()
    speakers = {q["speaker"] for q in json.loads(result.stdout)["quotes"]}
    assert "Marie Dubois" in speakers and not speakers & {"Le", "Les", None}


def test_posted_article_stores_quotes_by_its_language(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_text("Budget à Villeneuve\n\n" + FRENCH, encoding="utf-8")
    db_path = tmp_path / "news.db"
    result = newsbrief("post", str(path), env={"NEWSBRIEF_DB": str(db_path)})
    assert result.returncode == 0, result.stderr.decode()
    [article] = stored(db_path)
    first = article.quotes[0]
    assert first["quote"] == "« Nous allons tenir toutes nos promesses envers les habitants »"
    assert first["speaker"] == "Marie Dubois"


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("fr", "« Nous devons agir très vite sur ce dossier », a souligné mercredi le Premier ministre Paul Girard.", "Paul Girard"),
        ("fr", "« Nous devons agir très vite sur ce dossier », a affirmé le président de la République Louis Fabre.", "Louis Fabre"),
        ("fr", "La ministre de la Culture Inès Caron a déclaré : « Nous devons agir très vite sur ce dossier. »", "Inès Caron"),
        ("fr", "« Nous devons agir très vite sur ce dossier », a indiqué à l’AFP le porte-parole Hugo Lenoir.", "Hugo Lenoir"),
        ("es", "«Tenemos que actuar muy rápido», dijo este lunes el presidente de Castilla y León, Andrés Molina.", "Andrés Molina"),
        ("es", "«Tenemos que actuar muy rápido», dijo Carlos Ortega y Gasset.", "Carlos Ortega y Gasset"),
        ("it", "«Dobbiamo agire molto in fretta», ha detto oggi all’ANSA il presidente del Consiglio Luca Greco.", "Luca Greco"),
        ("pt", "«Temos de agir muito depressa», afirmou o ministro da Economia, Tiago Mendes.", "Tiago Mendes"),
        ("nl", "„We moeten heel snel handelen”, zei Frans van der Berg dinsdag.", "Frans van der Berg"),
        ("ru", "«Мы должны действовать очень быстро», — заявил в среду премьер-министр Олег Новиков.", "Олег Новиков"),
        ("ru", "«Мы должны действовать очень быстро», — сказал президент.", "президент"),
    ],
)
def test_titles_times_and_institutions_around_the_name_are_not_the_speaker(language: str, text: str, speaker: str):
    assert [q.speaker for q in extract(text, language)] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "speakers"),
    [
        ("fr", "Claire Morin a présenté le budget. « C’est un bon budget pour la ville », a dit Luc Perrin. « Nous le voterons sans hésiter », a-t-elle ajouté.", ["Luc Perrin", "Claire Morin"]),
        ("fr", "Claire Morin a présenté le budget. Luc Perrin a voté contre. « Ce budget oublie les familles modestes », a-t-il regretté.", ["Luc Perrin"]),
        ("es", "Lucía Romero presentó el plan. «Es un buen plan para todos», dijo Tomás Gil. «Lo vamos a aprobar sin dudas», añadió ella.", ["Tomás Gil", "Lucía Romero"]),
        ("it", "Andrea Conti ha presentato il piano. «È un buon piano per tutti», ha detto Sara Neri. «Lo approveremo senza alcun dubbio», ha aggiunto lui.", ["Sara Neri", "Andrea Conti"]),
        ("pt", "Rita Lopes apresentou o plano. «É um bom plano para todos», disse Nuno Reis. «Vamos aprová-lo sem dúvida nenhuma», acrescentou ela.", ["Nuno Reis", "Rita Lopes"]),
        ("ru", "Анна Смирнова представила план. «Это хороший план для всех», — сказал Иван Петров. «Мы его обязательно примем», — добавила она.", ["Иван Петров", "Анна Смирнова"]),
    ],
)
def test_a_pronoun_is_the_last_person_of_its_gender(language: str, text: str, speakers: list[str]):
    assert [q.speaker for q in extract(text, language)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Nous avons perdu un grand musicien ce matin », a de son côté souligné Henri Vasseur.", "Henri Vasseur"),
        ("« Nous avons perdu un grand musicien ce matin », a quant à lui assuré le pianiste Henri Vasseur.", "Henri Vasseur"),
        ("Le sénateur Henri Vasseur en campagne pour sa réélection a affirmé samedi : « Le dépistage doit ralentir partout. »", "Henri Vasseur"),
        ("« Nous avons perdu un grand musicien ce matin », a confié le lendemain matin Henri Vasseur.", "Henri Vasseur"),
        ("Le pianiste Henri Vasseur pour sa part a estimé : « Nous avons perdu un grand musicien ce matin. »", "Henri Vasseur"),
        ("« Nous avons perdu un grand musicien ce matin », a expliqué la chanteuse de jazz.", "la chanteuse de jazz"),
    ],
)
def test_french_adverbs_and_complements_around_the_verb(text: str, speaker: str):
    assert [q.speaker for q in extract(text, "fr")] == [speaker]


def test_a_participle_opening_a_sentence_is_not_a_credit():
    text = (
        "« Les secours sont arrivés en moins de dix minutes cette nuit », a raconté Henri Vasseur.\n\n"
        "Prévenu le lendemain matin par les gendarmes, le maire est venu sur place. « Nous ferons toute "
        "la lumière sur cet incendie », a-t-il promis."
    )
    speakers = [q.speaker for q in extract(text, "fr")]
    assert speakers[0] == "Henri Vasseur"
    assert "le lendemain matin" not in speakers


# --- Ditto rows and stray marks, whatever follows them ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "row"),
    [
        ("fr", "Les tarifs : adultes 5 euros, enfants « 3 euros, étudiants « 4 euros, seniors « 4 euros."),
        ("es", "Precios: adultos 5 euros, niños « 3 euros, estudiantes « 4 euros, jubilados « 4 euros."),
        ("de", "Preise: Weizen 12 Mark, Roggen „ 10 Mark, Gerste „ 9 Mark, Hafer „ 8 Mark."),
    ],
)
def test_a_price_row_of_ditto_marks_with_words_between_is_no_quote(language: str, row: str):
    credited = {
        "fr": "« Nous tiendrons toutes nos promesses envers les habitants », a assuré Paul Girard.",
        "es": "«Cumpliremos todas nuestras promesas con los vecinos», aseguró Paul Girard.",
        "de": "„Wir halten, was wir den Bürgern versprochen haben“, sagte Paul Girard.",
    }[language]
    quotes = extract(f"{row}\n\n{credited}", language)
    assert [q.speaker for q in quotes] == ["Paul Girard"]


def test_a_quote_nested_in_its_own_kind_of_mark_is_no_ditto_row():
    text = "Elle raconte : « Il m'a dit « jamais de la vie » et il est parti sans un mot de plus. »"
    assert extract(text, "fr")[0].quote.startswith("« Il m'a dit « jamais de la vie »")


def test_a_stray_mark_inside_a_sentence_is_no_quote_even_before_a_quoted_paragraph():
    text = (
        "El pleno aprobó el presupuesto. El alcalde habló de un «año difícil para las cuentas de la ciudad. "
        "Las obras se reanudarán en marzo según el calendario previsto.\n\n"
        "«Cumpliremos todas nuestras promesas con los vecinos», aseguró el alcalde Juan Pérez."
    )
    assert [q.quote for q in extract(text, "es")] == ["«Cumpliremos todas nuestras promesas con los vecinos»"]
