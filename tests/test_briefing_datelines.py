"""A wire dateline at the front of an article never opens its briefing (issue 16: "datelines").

"(CNN)A new law …" is where and from whom the story was filed, glued to its first sentence by the
page; the briefing shows the sentence. A bracket or a dash inside an ordinary sentence stays.
"""

from __future__ import annotations

import pytest

from summarizer.article import parse_article
from summarizer.briefing import briefing
from summarizer.dateline import undateline

REST = (
    "The harbour wall gave way in the storm on Friday night. "
    "Engineers said the repairs would take until the spring. "
    "The council will meet the fishermen on Monday to agree the costs."
)

DATELINED = [
    ("(CNN)A new harbour law is the first of its kind.", "A new harbour law is the first of its kind."),
    (
        "Kathmandu, Nepal (CNN)Rescuers pulled a man from the rubble.",
        "Rescuers pulled a man from the rubble.",
    ),
    ("LONDON, England (CNN) -- The harbour closed at noon.", "The harbour closed at noon."),
    ("PARIS (AFP) - Le port a fermé à midi.", "Le port a fermé à midi."),
    ("BERLIN (dpa) – Der Hafen wurde am Freitag geschlossen.", "Der Hafen wurde am Freitag geschlossen."),
    (
        "Rio de Janeiro (Reuters) - Brazil closed the harbour on Friday.",
        "Brazil closed the harbour on Friday.",
    ),
    ("WASHINGTON — The Senate voted on the harbour bill.", "The Senate voted on the harbour bill."),
    ("NEW YORK, June 3 -- Shipping stocks fell at the open.", "Shipping stocks fell at the open."),
]

UNTOUCHED = [
    "The European Union (EU) Commission said the harbour would reopen.",
    "Harbour Holdings (HHL) shares fell by a tenth on Monday.",
    "The World Health Organization (WHO) - a United Nations body - said the water was safe.",
    "The harbour master (pictured) said the wall would hold.",
    "NATO said — at once — that its ships would stay away.",
]


@pytest.mark.parametrize(("first", "sentence"), DATELINED)
def test_a_datelined_article_is_briefed_from_its_first_sentence_without_the_dateline(first, sentence):
    picked = briefing(parse_article(f"{first} {REST}", has_title=False), 3)
    assert sentence in picked and first not in picked
    assert not any("(CNN)" in s or "(AFP)" in s for s in picked)


def test_a_dateline_with_a_date_in_it_goes_too():
    assert (
        undateline("BERLIN, 3. Oktober (dpa) – Der Hafen wurde geschlossen.")
        == "Der Hafen wurde geschlossen."
    )


@pytest.mark.parametrize("sentence", UNTOUCHED)
def test_brackets_and_dashes_inside_a_sentence_are_not_a_dateline(sentence):
    assert undateline(sentence) == sentence


def test_only_the_article_opening_loses_a_dateline():
    """A later sentence that starts like a dateline is the story's own text: it stays whole."""
    text = f"The harbour closed at noon on Friday after the storm. {REST} WASHINGTON — The Senate voted too."
    picked = briefing(parse_article(text, has_title=False), 6)
    assert "WASHINGTON — The Senate voted too." in picked
