"""BriefRank's first/second-person feature reads the reporter's words only, not the words they quote.

A report that quotes someone saying "you" or "we" is still a report ("accused of saying 'you bad
girl'"); counting the quoted pronoun held the lead sentence of such stories back as if it were
someone's unmarked speech (issue 16: cross-validated over CNN/DailyMail dev + tune, R1 margin over
Lead-3 +0.59 -> +0.71, the worst fold +0.26 -> +0.13, eight reshuffled 5-fold partitions +0.62 -> +0.74).
"""

from __future__ import annotations

import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summarizer.article import parse_article
from summarizer.briefing import briefing, build_document, summarizer_for
from summarizer.briefrank import BriefRankSummarizer, features
from summarizer.quotation import unquoted
from tests.test_briefrank import ranker
from tests.test_newsrank import STORY, brief


def person_column(sentences: list[str], language: str | None = None) -> list[float]:
    """The ``reporter_person`` feature of each sentence, with the language's own pronouns."""
    document = build_document(parse_article(" ".join(sentences), has_title=False), language=language)
    summarizer = summarizer_for("briefrank", language)
    words = [s.words for s in document.sentences]
    terms = [summarizer.content_terms(w) for w in words]
    texts = [s._text for s in document.sentences]
    return list(features(words, terms, texts, summarizer.in_person, ("reporter_person",))[:, 0])


@pytest.mark.parametrize(
    "reported",
    [
        "A senior doctor is accused of groping a nurse and saying 'you bad girl' after the incident.",
        "The mayor told residents “we will rebuild the wall” at a packed meeting on Monday night.",
        'Police said a man shouted "I have a bomb" before he was arrested at the station.',
    ],
)
def test_a_report_that_quotes_a_pronoun_is_not_in_the_first_person(reported: str):
    assert person_column([reported, STORY[1], STORY[2]])[0] == 0.0


def test_the_feature_is_language_neutral():
    # French's weight set still uses "person"; the feature itself reads any language's pronouns.
    french = [
        "Le maire a promis « nous reconstruirons la digue » devant les habitants lundi soir.",
        "Nous avons vu l'eau passer par-dessus la digue depuis l'église du village.",
        "Les travaux doivent commencer au printemps prochain et durer deux ans.",
    ]
    assert person_column(french, "fr") == [0.0, 1.0, 0.0]


@pytest.mark.parametrize(
    "personal",
    [
        "We were told the wall would hold through the whole of the winter.",
        "You could see the water coming over the wall from the church, 'it was terrible', she said.",
        "I have lived behind the sea wall for forty years and never seen a storm like it.",
    ],
)
def test_a_sentence_in_the_first_person_outside_its_quotes_still_counts(personal: str):
    assert person_column([STORY[0], personal, STORY[2]])[1] == 1.0


def test_the_lead_that_quotes_you_is_kept_in_the_briefing():
    lead = "A senior doctor is accused of groping a nurse and saying 'you bad girl' during a night shift."
    body = [
        lead,
        "The consultant is alleged to have touched two nurses at the hospital in 2013.",
        "The prosecutor said the doctor offered to help one nurse with her training in December.",
        "He said she knew the doctor and asked for his help to learn about chest X-rays.",
        "She said he moved his hand around although she had not asked for a demonstration.",
    ]
    assert lead in brief(body, 3)
    article = parse_article(" ".join(body), has_title=False)
    assert lead in briefing(article, 3, ranker(lead=1.0, reporter_person=-1.0))
    # Reading the quoted "you" as the sentence's own voice (the "person" feature) drops it.
    whole = BriefRankSummarizer(Stemmer("english"), [1.0, -1.0], 0.0, names=("lead", "person"))
    whole.stop_words = get_stop_words("english")
    assert lead not in briefing(article, 3, whole)


def test_unquoted_cuts_out_every_quotation_and_keeps_the_rest():
    assert unquoted("He said 'you bad girl' and left.").split() == ["He", "said", "and", "left."]
    assert unquoted("« Nous reconstruirons » a dit le maire.").split() == ["a", "dit", "le", "maire."]
    assert unquoted("No quotation here at all.") == "No quotation here at all."
    # An opening mark with no closing one runs to the end, as in quoted_share.
    assert unquoted("She added: “we will be back next year").strip() == "She added:"
    # An apostrophe is not a quotation mark.
    assert unquoted("The '90s band's drummer is back.") == "The '90s band's drummer is back."
