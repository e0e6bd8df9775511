"""German quotes (issue 18, quote side): „…“ marks, speech verbs in verb-second order, ditto marks,
marks left open, and titles in quotation marks. Texts written for these tests."""

from __future__ import annotations

import pytest

from summarizer.quotes import extract
from tests.test_quotes import said_by


def test_subject_after_the_verb_when_a_phrase_is_fronted():
    text = "Am Montag nach der Sitzung schreibt er dem Minister: „Wir brauchen mehr Lehrer an allen Schulen der Stadt.“"
    (quote,) = extract(text)
    assert quote.quote.startswith("„Wir brauchen")
    assert said_by(text, quote) == "er"


def test_title_and_name_after_the_verb():
    text = "Ausdrücklich erklärte Graf Lindner damals „über die Kosten der neuen Brücke kann kein Zweifel bestehen.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Graf Lindner"


def test_name_before_the_verb_without_the_noun_before_it():
    text = "Es gab ein langes Gespräch, in dessen Verlauf Berger sagte: „Die Verhandlungen sind noch lange nicht beendet.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Berger"


def test_a_newspaper_in_quotation_marks_is_the_speaker_not_a_quote():
    text = "Die „Rheinpost“ schreibt über den Hafen der Stadt: „Es ist noch immer das alte Lied mit den Kränen am Kai.“"
    quotes = extract(text)
    assert [q.quote[:8] for q in quotes] == ["„Es ist "]
    assert "Rheinpost" in said_by(text, quotes[0])


def test_closing_straight_mark_closes_a_german_opening_mark():
    text = 'Der Bürgermeister sagte: „Die neue Schule wird im Herbst eröffnet." Danach ging die Sitzung weiter.'
    (quote,) = extract(text)
    assert quote.quote == '„Die neue Schule wird im Herbst eröffnet."'


def test_ditto_marks_of_a_price_table_are_not_quotes():
    text = (
        "Kurse vom 3. Mai.\n"
        "Weizen 12·40—12·50 Gulden.\n"
        "„ 5·55— 5·56 „ „ „\n"
        "„ 250 fl. L. b. Roths.\n"
        "„4 1 / 2 % Obl. b. Beth."
    )
    assert extract(text) == []


def test_an_open_mark_in_mid_sentence_does_not_swallow_its_paragraph():
    text = (
        "Die Bahn soll das „ Hotel am See mit dem Gipfel verbinden, die Strecke ist sechs Kilometer lang "
        "und wird im nächsten Sommer eröffnet, wenn das Wetter es erlaubt.\n"
        "Der Rat stimmte zu."
    )
    assert extract(text) == []


def test_an_open_mark_opening_a_sentence_runs_to_the_end():
    text = "Der Reisende erzählt von der Stadt. „Ein Händler verkaufte uns Brot und Wein auf dem Markt am Hafen."
    (quote,) = extract(text)
    assert quote.quote.startswith("„Ein Händler")
    assert quote.quote.endswith("Hafen.")


def test_titles_of_books_and_plays_are_not_quotes():
    text = (
        "Im Theater gab man „Die lustigen Frauen von Mainz“ und danach las der Autor aus "
        "„Eine Reise nach Amerika.“ Der Saal war voll."
    )
    assert extract(text) == []


def test_english_quote_marks_and_speakers_are_unchanged_next_to_german_tables():
    text = "“We will rebuild every single bridge,” the mayor said on Monday."
    (quote,) = extract(text)
    assert said_by(text, quote) == "the mayor"


def test_a_quote_left_open_runs_on_through_the_next_paragraph_without_marks():
    text = (
        "Er sagt weiter, indem er auf die Rede des Abg. Dr. Kessler anspielt: „Es ist eine Kränkung, "
        "welche unser Bürgermeister gestern erfahren hat.\n\n"
        "Ich habe dem Programm nichts hinzuzufügen und hoffe, daß wir es verwirklichen werden. (Beifall.)\n\n"
        "Der Rat vertagte sich."
    )
    (quote,) = extract(text)
    assert quote.quote.endswith("verwirklichen werden.")
    assert said_by(text, quote) == "Er"


def test_an_ordinal_is_not_a_sentence_end():
    text = "Lille, 7. März. General Berthier hat bei Entlassung des 23. Corps folgenden Befehl erlassen: „Soldaten, ich kann euch nicht ohne ein Wort des Dankes entlassen.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "General Berthier"


def test_dialogue_turns_after_dashes_alternate_and_a_label_names_the_speaker():
    text = (
        "Ein Redakteur sprach mit dem Minister Paul Weber, in deren Verlauf Weber sagte: „Die Gespräche sind "
        "nicht abgebrochen, nur unterbrochen.“ — Der Redakteur: „Wo werden die Gespräche fortgesetzt?“ — "
        "„Das weiß man noch nicht, vielleicht in Wien.“ — „Ist ein gutes Ergebnis zu erwarten?“ — "
        "„Darauf kann nur ein Prophet antworten.“"
    )
    speakers = [q.speaker for q in extract(text)]
    assert speakers == ["Paul Weber", "Der Redakteur", "Paul Weber", "Der Redakteur", "Paul Weber"]


# --- Modern news: reporting verbs, separable verbs, "so X", "hieß es", time and place after the speaker ---

QUOTE = "„Wir werden das Gesetz noch in diesem Jahr vorlegen“"


@pytest.mark.parametrize(
    "verb",
    [
        "entgegnete", "kritisierte", "ergänzte", "mahnte", "beklagte", "erläuterte", "unterstrich", "lobte",
        "versprach", "bekräftigte", "monierte", "beteuerte", "widersprach", "schimpfte", "twitterte",
        "argumentierte", "appellierte", "verwies", "urteilte", "resümierte", "glaubt", "findet", "kritisiert",
        "mahnt", "betont", "konterte", "bedauerte", "verriet",
    ],
)
def test_modern_reporting_verbs_after_the_quote_name_the_speaker(verb: str):
    text = f"{QUOTE}, {verb} der Verkehrsminister Volker Wissing."
    (quote,) = extract(text, "de")
    assert quote.speaker == "der Verkehrsminister Volker Wissing"


@pytest.mark.parametrize("verb", ["erklären", "kritisierten", "warnen", "mahnten", "forderten", "fragen", "betonen"])
def test_plural_verbs_name_a_plural_speaker(verb: str):
    text = f"{QUOTE}, {verb} die Grünen am Dienstag."
    (quote,) = extract(text, "de")
    assert quote.speaker == "die Grünen"


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        ("kündigte FDP-Fraktionschef Christian Dürr an", "FDP-Fraktionschef Christian Dürr"),
        ("räumte die Ministerin ein", "die Ministerin"),
        ("stellte Christian Lindner klar", "Christian Lindner"),
        ("gab der Minister zu", "der Minister"),
        ("hob Olaf Scholz hervor", "Olaf Scholz"),
        ("kündigte sie am Montag an", "sie"),
        ("wies der Ökonom darauf hin", "der Ökonom"),
        ("gab die Ökonomin zu bedenken", "die Ökonomin"),
        ("zeigte sich Trainer Christian Streich zufrieden", "Trainer Christian Streich"),
        ("teilte das Ministerium am Montag mit", "das Ministerium"),
    ],
)
def test_separable_verbs_end_the_speaker_at_their_particle(credit: str, speaker: str):
    assert credited(credit) == speaker


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        ("betonte die Umweltministerin am Montag in Berlin", "die Umweltministerin"),
        ("kritisierte Annalena Baerbock im Interview", "Annalena Baerbock"),
        ("sagte Baerbock gegenüber der Zeitung", "Baerbock"),
        ("sagte eine Sprecherin auf Nachfrage", "eine Sprecherin"),
        ("sagte Scholz der Deutschen Presse-Agentur", "Scholz"),
        ("erklärte die Sprecherin der Stadt auf Anfrage", "die Sprecherin der Stadt"),
        ("sagte Ursula von der Leyen im Interview mit dem ZDF", "Ursula von der Leyen"),
        ("sagte der SPD-Vorsitzende Lars Klingbeil am Sonntagabend", "der SPD-Vorsitzende Lars Klingbeil"),
        ("so Gesundheitsminister Karl Lauterbach", "Gesundheitsminister Karl Lauterbach"),
        ("so der Minister", "der Minister"),
        ("so ein Sprecher des Ministeriums am Freitag", "ein Sprecher des Ministeriums"),
        ("hieß es aus dem Ministerium", "Ministerium"),
        ("hieß es am Abend aus Regierungskreisen", "Regierungskreisen"),
        ("hieß es in einer Mitteilung des Ministeriums", "Ministeriums"),
        ("so Lauterbach weiter", "Lauterbach"),
        ("sagte der 54-Jährige am Montag", "der 54-Jährige"),
        ("sagte Müller, die seit 2020 Ministerin ist", "Müller"),
        ("erklärte dazu ein Regierungssprecher", "ein Regierungssprecher"),
    ],
)
def test_the_speaker_ends_before_a_time_place_or_hearer(credit: str, speaker: str):
    assert credited(credit) == speaker


def credited(credit: str) -> str | None:
    """The speaker of the one quote in "„…“, {credit}."."""
    (quote,) = extract(f"{QUOTE}, {credit}.", "de")
    return quote.speaker


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("Am Montag betonte die Umweltministerin in Berlin:", "die Umweltministerin"),
        ("Dazu sagte Regierungssprecher Steffen Hebestreit:", "Regierungssprecher Steffen Hebestreit"),
        ("Im Interview mit der „Zeit“ sagte Scholz:", "Scholz"),
        ("Die Ministerin betonte die Bedeutung der Reform:", "Ministerin"),
    ],
)
def test_a_fronted_time_or_place_phrase_puts_the_subject_after_the_verb(lead: str, speaker: str):
    text = f"{lead} „Wir brauchen mehr Tempo beim Klimaschutz.“"
    (quote,) = extract(text, "de")
    assert quote.speaker == speaker


def test_a_short_quote_with_a_credit_is_no_title():
    # Short, capitalised, with no auxiliary or pronoun: it was dropped as a title of a book or play.
    text = "„Der Schutz des Klimas duldet keinen Aufschub“, betonte die Umweltministerin am Montag in Berlin."
    (quote,) = extract(text, "de")
    assert quote.speaker == "die Umweltministerin"
    assert extract("Im Theater gab man „Die lustigen Frauen von Mainz“ vor vollem Saal.", "de") == []


def test_hiess_es_with_no_source_names_nobody_not_the_speaker_before():
    text = (
        "Scholz sprach lange über die Lage. „Wir halten Kurs, auch wenn es schwer wird“, sagte er.\n\n"
        "„Die Verhandlungen mit den Ländern laufen weiter“, hieß es am Abend."
    )
    first, second = extract(text, "de")
    assert first.speaker == "Scholz"
    assert second.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        # "so" as an adverb or conjunction: no credit
        "„Wir haben alles versucht, was möglich war“, so dass die Sache erledigt schien.",
        # "findet … statt" is "takes place", a title in marks before it no quote of a speaker
        "Die Lesung „Wir haben alles versucht, was möglich war“ findet am Montag im Rathaus statt.",
        # a verb form after an article is an adjective: "die erklärte Absicht"
        "Die erklärte Absicht „Wir haben alles versucht, was möglich war“ blieb ohne Folgen.",
    ],
)
def test_words_that_look_like_credits_but_are_not(text: str):
    (quote,) = extract(text, "de")
    assert quote.speaker is None


def test_a_credit_verb_used_as_an_adjective_before_a_noun_is_no_credit():
    text = "Das erklärte Ziel der Regierung ist klar. „Wir brauchen mehr Tempo beim Klimaschutz“, sagte Scholz."
    (quote,) = extract(text, "de")
    assert quote.speaker == "Scholz"


def test_english_so_after_a_quote_is_no_german_credit():
    text = "“We have tried everything that was possible,” so the mayor decided to leave."
    (quote,) = extract(text)
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt will die Gebühren für Kitas „so schnell wie irgend möglich“ senken.",
        "Die Zahl der Arbeitslosen ist „nicht mehr als besorgniserregend anzusehen“, heißt es nirgends.",
        "Man hat die Lage der Bauern „in einem viel zu freundlichen Licht“ dargestellt.",
    ],
)
def test_a_lower_case_phrase_run_into_a_sentence_with_no_one_saying_it_is_no_quote(text: str):
    assert [q.quote for q in extract(text, "de") if "„" in q.quote and q.quote[1:2].islower()] == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte am Montag „über die Kosten wird noch gesprochen werden müssen“.",
        "Der Minister nannte die Pläne am Montag „völlig unausgegoren und viel zu teuer“.",
        "Die Ministerin bezeichnete den Entwurf als „einen großen Schritt nach vorn“.",
        "Der Rat erklärt: „es sei von niemandem zu verkennen, wie wichtig die Reform ist“.",
        "Die Bürger, „die seit Jahren auf die Brücke warten“, sagte der Bürgermeister, seien enttäuscht.",
    ],
)
def test_a_lower_case_phrase_someone_says_or_names_stays_a_quote(text: str):
    assert len(extract(text, "de")) == 1
