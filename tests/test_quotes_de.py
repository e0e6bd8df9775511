"""German quotes (issue 18, quote side): „…“ marks, speech verbs in verb-second order, ditto marks,
marks left open, and titles in quotation marks. Texts written for these tests."""

from __future__ import annotations

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
