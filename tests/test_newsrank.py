"""NewsRank and the briefing's readability rules: one story per rule, on short texts written here."""

from __future__ import annotations

import numpy as np
import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summarizer.article import article_from_parts, parse_article
from summarizer.briefing import METHODS, as_written, briefing, build_document
from summarizer.newsrank import NewsRankSummarizer, directed_centrality

#: Every rating off but the lead prior; a test switches on the one rule it is about.
ONLY_LEAD = {"salience": 0, "centrality": 0, "personal": 0, "title": 0, "redundancy": 0}


def rank(body: str, count: int, heading: str | None = None, **weights: float) -> list[str]:
    """NewsRank's picks from a body of one sentence a line, in article order."""
    summarizer = NewsRankSummarizer(Stemmer("english"), **weights)
    summarizer.stop_words = get_stop_words("english")
    document = build_document(article_from_parts(heading, body))
    return [str(s) for s in summarizer(document, count)]


def first_words(sentences: list[str]) -> list[str]:
    return [s.split()[0] for s in sentences]


# --- NewsRank's ratings ------------------------------------------------------------------------

PLAIN = """\
Alpha council members met in the town hall on Monday evening.
Bravo residents filled the public gallery to hear the debate.
Charlie engineers presented three designs for the new wall.
Delta the cheapest design would take two years to finish.
Echo a decision is expected before the end of the month."""


def test_lead_prior_alone_keeps_the_first_sentences():
    assert first_words(rank(PLAIN, 3, **ONLY_LEAD)) == ["Alpha", "Bravo", "Charlie"]


def test_salience_prefers_a_lead_sentence_about_the_story_to_a_digression():
    body = """\
Alpha the harbour council voted to rebuild the sea wall after the storm.
Bravo it was a sunny afternoon and ice cream sold briskly on the promenade.
Charlie the sea wall was breached by the storm in two places last winter.
Delta the council says the rebuilt harbour wall will protect forty homes."""
    assert first_words(rank(body, 2, **ONLY_LEAD)) == ["Alpha", "Bravo"]
    assert first_words(rank(body, 2, **{**ONLY_LEAD, "salience": 1.0})) == ["Alpha", "Charlie"]


def test_directed_centrality_rewards_a_sentence_that_later_ones_elaborate():
    # Sentence 0 and sentence 2 say similar things; 1 is unrelated.
    similarity = np.array([[0.0, 0.0, 0.8], [0.0, 0.0, 0.0], [0.8, 0.0, 0.0]])
    ours = directed_centrality(similarity, forward=1.0, backward=0.5, threshold=0.0)
    assert ours[0] > ours[2] > ours[1]
    pacsum = directed_centrality(similarity, forward=1.0, backward=-1.0, threshold=0.0)
    assert pacsum[0] > 0 > pacsum[2]


def test_a_sentence_in_the_first_person_gives_way_to_reporting():
    body = """\
Alpha the ferry company cancelled every crossing on Friday because of high winds.
Bravo we have never seen waves like this in forty years of sailing here.
Charlie the coastguard warned walkers to keep away from the harbour walls."""
    assert first_words(rank(body, 2, **ONLY_LEAD)) == ["Alpha", "Bravo"]
    assert first_words(rank(body, 2, **{**ONLY_LEAD, "personal": 0.25})) == ["Alpha", "Charlie"]


def test_title_overlap_counts_only_for_articles_with_a_title():
    body = """\
Alpha a long meeting ended late on Monday night in the town hall.
Bravo several speakers complained about parking near the station.
Charlie the vote on the harbour wall passed by nine votes to two."""
    weights = {**ONLY_LEAD, "title": 0.3}
    assert first_words(rank(body, 2, **weights)) == ["Alpha", "Bravo"]
    assert first_words(rank(body, 2, heading="Council approves harbour wall", **weights)) == ["Alpha", "Charlie"]


def test_redundancy_control_skips_a_near_repeat():
    body = """\
Alpha the museum will close for repairs from the first of June.
Bravo from the first of June the museum will close for repairs.
Charlie visitors can still see the collection online during the work."""
    assert first_words(rank(body, 2, **ONLY_LEAD)) == ["Alpha", "Bravo"]
    assert first_words(rank(body, 2, **{**ONLY_LEAD, "redundancy": 0.2})) == ["Alpha", "Charlie"]


def test_unknown_weight_is_refused():
    with pytest.raises(TypeError):
        NewsRankSummarizer(Stemmer("english"), lead_weigth=2)


# --- the briefing a reader sees ------------------------------------------------------------------

STORY = [
    "The harbour council voted on Monday to rebuild the storm-battered sea wall.",
    "The new wall will be two metres higher and is due to be finished next spring.",
    "Engineers said the old wall had been breached in three places during the winter storms.",
    "Residents of forty homes behind the sea wall had asked the council for help.",
    "The rebuilding will cost the council four million pounds over two years.",
]


def brief(sentences: list[str], count: int = 3, method: str | None = None) -> list[str]:
    return briefing(parse_article(" ".join(sentences), has_title=False), count, method)


def test_every_method_is_one_call():
    for method in METHODS:
        picked = brief(STORY, 3, method)
        assert len(picked) == 3 and all(s in STORY for s in picked), method


def test_sentences_come_in_article_order():
    for method in METHODS:
        picked = brief(STORY, 3, method)
        assert picked == sorted(picked, key=STORY.index), method


@pytest.mark.parametrize(
    "fragment",
    ["Not any more.", "Why now?", "and then the rain came back to the harbour again."],
)
def test_no_fragment_of_under_five_words_or_split_piece(fragment: str):
    # "lead" takes the first readable sentences: the rule alone keeps the fragment out.
    picked = brief([fragment, *STORY], 3, "lead")
    assert fragment not in picked and len(picked) == 3


@pytest.mark.parametrize(
    "furniture",
    [
        "Scroll down for video The harbour council voted to rebuild the sea wall on Monday.",
        "Pictured: the harbour council meeting on Monday evening in the town hall.",
        "Council leader Ann Green (left) speaks to residents beside the sea wall on Monday.",
        "Storm damage: The sea wall was breached in three places during the winter storms.",
        "By Jane Smith for the Harbour Gazette.",
        "Watch the video: Residents describe the night the sea wall was breached.",
        "Our reporter Tom Baker contributed to this report.",
    ],
)
def test_no_photo_caption_byline_or_page_furniture(furniture: str):
    picked = brief([furniture, *STORY], 3, "lead")
    assert furniture not in picked and len(picked) == 3


def test_a_label_before_reported_speech_is_not_a_caption():
    said = "The mayor said: The harbour wall will be rebuilt before next winter."
    assert said in brief([said, *STORY], 3, "lead")


def test_a_mostly_quoted_sentence_only_when_nothing_better_is_left():
    quoted = "“We cannot wait for another storm to take our homes away,” said one resident."
    # (BriefRank weighs quotation itself: tests/test_briefrank.py.)
    for method in ("lead", "newsrank"):
        assert quoted not in brief([STORY[0], quoted, *STORY[1:]], 3, method)
        assert quoted in brief([STORY[0], quoted, STORY[1]], 3, method)
    # A sentence that merely quotes a phrase is an ordinary sentence.
    phrase = "The council called the plan “urgent” and approved it without a vote on Monday."
    assert phrase in brief([phrase, *STORY], 3, "lead")


def test_the_title_is_never_merged_into_or_picked_as_a_sentence():
    title = "Harbour town votes to rebuild its sea wall"  # no full stop: must not run into the body
    article = parse_article(title + "\n" + " ".join(STORY))
    for method in METHODS:
        picked = briefing(article, 3, method)
        assert all(s in STORY for s in picked), method


def test_as_written_gives_back_the_raw_spacing():
    raw = "The council\u00a0voted on Monday.  Work   starts in June next year."
    picked = briefing(parse_article(raw, has_title=False), 2)
    assert picked == ["The council voted on Monday.", "Work starts in June next year."]
    assert as_written(picked, raw) == ["The council\u00a0voted on Monday.", "Work   starts in June next year."]


def test_blas_runs_on_one_thread_once_the_rankers_are_loaded():
    # Threads cost more CPU than our small products (summarizer/newsrank.py); one must not creep back.
    from threadpoolctl import threadpool_info

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
