"""Speaker error classes found on the PolNeAR dev split (issue 17), each with texts written here.

The rules were found on dev misses and kept only when the train split did not get worse. The
quote's credit as written (``mention``) is what the evaluation scores, so the tests check it as
well as the name a reader sees.
"""

from __future__ import annotations

import pytest

from summarizer.quotes import extract
from tests.test_speaker_classes import mention, the_quote


def test_a_quote_continues_after_the_credit_written_between_the_two() -> None:
    text = (
        "Senator Ruth Alvarez (D-N.M.) scolded him: “The data on your supplement are thin at best,” she said. "
        "“When you promise a cure to people who are sick, you give them hope you cannot back up.”"
    )
    quote = the_quote(text, "promise a cure")
    assert mention(text, quote) == "she"
    assert quote.speaker == "Senator Ruth Alvarez"
    first = the_quote(text, "thin at best")
    assert first.speaker == "Senator Ruth Alvarez"


def test_a_surname_credit_between_two_quotes_credits_the_second() -> None:
    text = (
        "Mayor Lena Fischer told reporters: “The budget is tight but the pools will open in June,” Fischer said. "
        "“Nobody should worry about the summer season this year.”"
    )
    assert mention(text, the_quote(text, "Nobody should worry")) == "Fischer"
    text = (
        "The union’s chair Tom Berg warned: “Members will not accept another year without a raise,” he said. "
        "“We have been patient for far too long and our patience is gone.”"
    )
    quote = the_quote(text, "patient for far too long")
    assert (mention(text, quote), quote.speaker) == ("he", "Tom Berg")


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Governor Ana Ruiz was defensive about firing a contractor who said he was never paid for the roof, "
            "saying, “He did sloppy work and I was not going to pay for it.”",
            "sloppy work",
            "Governor Ana Ruiz",
        ),
        (
            "Council member Joan Pratt had dismissed the petition, saying anyone who complains about the bus routes "
            "“has never tried to ride one at rush hour.”",
            "never tried to ride",
            "Joan Pratt",
        ),
        (
            "At a forum on Tuesday, Samuel Achebe sharply told a student who asked whether the clinics would close "
            "that “no clinic in this county is going anywhere next year.”",
            "no clinic in this county",
            "Samuel Achebe",
        ),
    ],
)
def test_who_said_it_on_an_indefinite_noun_is_not_the_speaker(text: str, fragment: str, speaker: str) -> None:
    # The relative clause ("a contractor who said …") describes someone the speaker talks about.
    assert the_quote(text, fragment).speaker == speaker
    # With no other speech verb in the sentence, the one in the relative clause still speaks.
    alone = "Reporters met a voter who said “I am leaving the party for good after this year.”"
    assert mention(alone, the_quote(alone, "leaving the party")) == "a voter who"


def test_a_speech_verb_describing_the_subject_yields_to_the_credit_after() -> None:
    text = "The three promises she cited were “to cut taxes, fix the roads and hire more teachers,” the Gazette reported."
    assert mention(text, the_quote(text, "fix the roads")) == "the Gazette"
    text = "The two reasons Hall cited are “the cost of the land and the noise from the airport,” a council report says."
    assert mention(text, the_quote(text, "noise from the airport")) == "a council report"
    # With no credit after the quote, the words are still the ones the verb's subject used.
    text = (
        "Omar Haddad spoke for an hour. The grounds he cited were “a disgrace to every family in this city.”"
    )
    assert the_quote(text, "a disgrace").speaker == "Omar Haddad"


@pytest.mark.parametrize(
    ("text", "fragment", "credit"),
    [
        (
            "Members may not vote by proxy when choosing “a replacement for the party’s nominee,” per the committee’s rules.",
            "a replacement for",
            "the committee’s rules",
        ),
        (
            "The plant will close when the lease ends, and “nobody in the building will lose their pension,” per Ines Varga.",
            "nobody in the building",
            "Ines Varga",
        ),
    ],
)
def test_per_after_the_quote_is_according_to(text: str, fragment: str, credit: str) -> None:
    assert mention(text, the_quote(text, fragment)) == credit


def test_the_name_that_opens_the_sentence_is_the_credit_of_she_said() -> None:
    text = "Ruth Hale said she backed the measure on school funding at the last two meetings because “the schools in this district have waited long enough,” she said."
    assert mention(text, the_quote(text, "waited long enough")) == "Ruth Hale"
    text = "Omar Diaz says that he voted against the new stadium deal in the spring since “the county never showed us where the money would go,” he said."
    assert mention(text, the_quote(text, "never showed us")) == "Omar Diaz"
    # The verb reports a clause about somebody else: the pronoun after the quote stays the credit.
    text = "Pam Ortiz said the plan for the new library branch failed last year because “nobody on the board ever funded it,” she said."
    assert mention(text, the_quote(text, "nobody on the board")) == "she"


@pytest.mark.parametrize(
    ("text", "fragment", "credit"),
    [
        (
            "She said the pay offer was low, and when asked about overtime, the 29-year-old mother of two replied, "
            "“We cover double shifts every single week without a thank you.”",
            "double shifts",
            "the 29-year-old mother of two",
        ),
        (
            "He had not planned to run again, but the 71-year-old senator told reporters, “I still have work to finish here.”",
            "work to finish",
            "the 71-year-old senator",
        ),
    ],
)
def test_an_age_and_a_count_of_children_describe_the_speaker(text: str, fragment: str, credit: str) -> None:
    assert mention(text, the_quote(text, fragment)) == credit


def test_a_transcript_turn_run_on_over_paragraphs_keeps_its_label() -> None:
    text = (
        "“HOST: Senator, what do you make of the new poll numbers this week?\n\n"
        "“DOYLE: Well, look, the poll says what it says and I am not worried about it at all.\n\n"
        "“But the real story is the turnout we saw in the western counties on Tuesday night.\n\n"
        "“HOST: Let me turn to the budget fight now, if I can, Senator."
    )
    assert mention(text, the_quote(text, "the real story")) == "DOYLE"


@pytest.mark.parametrize(
    "text",
    [
        "Several governors objected, among them Ellen Marsh — “This plan punishes the states that did everything right” — and two others.",
        "A dozen mayors signed on, including the former state treasurer Ellen Marsh -- ''We cannot keep borrowing against next year'' -- and her deputy.",
    ],
)
def test_a_quote_set_off_by_dashes_after_a_name(text: str) -> None:
    quote = next(q for q in extract(text) if len(q.quote) > 30)
    assert mention(text, quote) == "Ellen Marsh"


@pytest.mark.parametrize(
    ("text", "fragment", "credit"),
    [
        (
            "Critics call the levy a burden on renters, but to him, “every dollar of it goes straight back into the schools.”",
            "every dollar",
            "him",
        ),
        (
            "The vote split the town. For Maria Santos, “the new clinic is the best thing to happen here in years.”",
            "new clinic",
            "Maria Santos",
        ),
    ],
)
def test_to_her_before_the_quote_gives_whose_view_it_is(text: str, fragment: str, credit: str) -> None:
    assert mention(text, the_quote(text, fragment)) == credit
    # Not a prize handed "to" someone: the sentence's subject still speaks.
    other = (
        "Mayor Ana Ortiz gave the award to Jane Doe, “a true hero of this city and of every family in it.”"
    )
    assert mention(other, the_quote(other, "true hero")) == "Mayor Ana Ortiz"
