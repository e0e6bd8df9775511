"""German quote speakers, two general classes: a document or motion right before the quote is its
source ("Der Antrag: „es sei …“"), and a subject opening with a quantifier is its head noun
("Mehrere deutsche Frauen sprachen … aus: „…“" is said by "Frauen"). Texts written for these tests."""

from __future__ import annotations

from summarizer.quotes import extract
from tests.test_quotes import said_by

# Documents and motions.


def test_a_motion_after_a_colon_is_the_source_not_an_earlier_plural():
    text = (
        "Zu den Anträgen der Kammern bemerkt die Regierung Folgendes. 1 ) Die Sache ist erledigt. "
        "2 ) Der Antrag: „es sei die Regierung zu ersuchen, die Brücke über den Fluss noch in diesem Jahre zu bauen“ "
        "wird genehmigt."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Antrag"


def test_a_motion_after_a_preposition_and_a_comma_is_the_source():
    text = (
        "Auf die gestellten Anträge erwidert die Regierung: Die Kammern sind durch den Antrag, "
        "„es sei die Regierung zu ermächtigen, in allen Städten neue Schulen zu bauen“, erledigt."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Antrag"


def test_a_declaration_that_reads_is_the_source():
    text = (
        "Die Versammlung der Bürger nahm am Abend eine Erklärung an. Die Erklärung lautet: "
        "„Wir werden die Rechte der Stadt in jeder Lage verteidigen.“"
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Erklärung"


def test_an_adjective_between_the_article_and_the_document():
    text = "In der Sitzung verwies man auf die neue Verordnung: „An Sonntagen bleiben alle Märkte der Stadt bis zum Abend geschlossen.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Verordnung"


def test_a_paper_that_contains_a_notice_is_its_source():
    text = (
        "Das Amtsblatt Nr. 12 enthält eine Bekanntmachung, „die Ordnung der städtischen Märkte betreffend“, "
        "die ab Montag gilt."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Amtsblatt"


def test_whoever_publishes_a_statement_after_a_fronted_phrase_is_its_source():
    text = "Am Abend veröffentlichte die Regierung eine Erklärung: „Wir halten die Grenze für den Handel mit dem Nachbarland offen.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Regierung"


def test_a_speech_verb_before_the_document_still_names_the_speaker():
    text = "Der Minister sagte über die Verordnung: „Sie wird den Handel in der Stadt erleichtern.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Minister"


# Subjects that open with a quantifier.


def test_a_quantifier_and_an_adjective_before_the_noun_without_a_speech_verb():
    text = (
        "Der Prozess ist beendet. Mehrere deutsche Frauen sprachen dem Anwalt für seine Verteidigung "
        "ihren Dank aus: „Wir danken dem Manne, der das Recht unseres Freundes so mutig verteidigt hat.“"
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Frauen"


def test_a_quantifier_before_the_noun_with_a_speech_verb():
    text = "Einige Abgeordnete erklärten: „Wir stimmen diesem Gesetz unter keinen Umständen zu.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Abgeordnete"


def test_a_quantifier_before_the_noun_that_calls_out():
    text = "Auf dem Platz vor dem Rathaus standen die Leute. Viele Bürger riefen: „Es lebe die Verfassung unseres Landes!“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Bürger"


def test_a_quantifier_noun_with_a_genitive_after_it():
    text = "Mehrere Mitglieder des Rates erklärten: „Wir stimmen diesem Gesetz unter keinen Umständen zu.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Mitglieder"


def test_a_place_adjective_before_the_noun_is_not_the_head():
    text = "Zahlreiche Berliner Arbeiter erklärten: „Wir legen am Montag die Arbeit nieder.“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Arbeiter"


def test_a_quantifier_standing_alone_is_the_subject():
    text = "Die Menge wartete vor dem Schloss. Viele riefen laut: „Es lebe der König und die Verfassung!“"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Viele"


# English stays as it was.


def test_english_documents_still_credit_whoever_issued_them():
    text = "The town released a statement Wednesday saying “the bridge will reopen next month.”"
    (quote,) = extract(text)
    assert said_by(text, quote) == "The town"
