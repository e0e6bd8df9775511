"""BriefRank (the learned default) and its fitting script: stories on short texts written here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summarizer import briefrank
from summarizer.article import parse_article
from summarizer.briefing import DEFAULT_METHOD, as_written, briefing, build_document, uncaption
from summarizer.briefrank import FEATURES, REDUNDANCY, WEIGHTS, BriefRankSummarizer
from summarizer.newsrank import mmr, overlap_matrix
from tests.benchmarks import fit_briefing
from tests.test_newsrank import STORY, brief

ROOT = Path(__file__).resolve().parents[1]

def ranker(**weights: float) -> BriefRankSummarizer:
    """BriefRank with every weight at 0 except those given (by feature name)."""
    summarizer = BriefRankSummarizer(
        Stemmer("english"), weights=[weights.get(name, 0.0) for name in FEATURES], redundancy=0.0
    )
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def test_briefrank_is_the_default_method():
    assert DEFAULT_METHOD == "briefrank"
    picked = brief(STORY)
    assert len(picked) == 3 and picked == sorted(picked, key=STORY.index)


def test_the_shipped_model_keeps_the_lead_and_holds_quotation_and_first_person_against_a_sentence():
    weights = dict(zip(FEATURES, WEIGHTS, strict=True))
    assert weights["lead"] > 0 and weights["salience"] > 0
    assert weights["quote"] < 0 and weights["reporter_person"] < 0


def test_a_quotation_gives_way_to_the_same_news_reported():
    quoted = "“Work on the new wall starts in March and the harbour stays open,” the mayor said."
    reported = "The mayor said work on the new wall starts in March and the harbour stays open."
    body = [STORY[0], quoted, STORY[1], reported, STORY[4]]
    picked = brief(body, 2)
    assert reported in picked and quoted not in picked
    # With the quote feature switched off, the earlier (quoted) sentence would have won.
    no_quote = dict(zip(FEATURES, WEIGHTS, strict=True)) | {"quote": 0.0}
    assert quoted in briefing(parse_article(" ".join(body), has_title=False), 2, ranker(**no_quote))


def test_a_sentence_in_the_first_person_gives_way_to_reporting():
    personal = "We have never seen waves like this in forty years of sailing on the harbour."
    body = [STORY[0], personal, STORY[1], STORY[2], STORY[3]]
    assert personal not in brief(body, 3)
    no_person = dict(zip(FEATURES, WEIGHTS, strict=True)) | {"reporter_person": 0.0}
    assert personal in briefing(parse_article(" ".join(body), has_title=False), 3, ranker(**no_person))


def test_quotations_still_fill_a_briefing_when_nothing_else_is_left():
    quotes = [
        "“We cannot wait for another storm to take our homes away,” said one resident.",
        "“The wall must be finished before the winter comes back,” said another resident.",
    ]
    picked = brief([STORY[0], *quotes], 3)
    assert picked == [STORY[0], *quotes]


def test_titles_count_for_titled_articles():
    body = "\n".join(
        [
            "A long meeting ended late on Monday night in the town hall.",
            "Several speakers complained about parking near the station.",
            "The vote on the harbour wall passed by nine votes to two.",
        ]
    )
    summarizer = ranker(lead=1.0, salience=1.0)
    untitled = [str(s) for s in summarizer(build_document(parse_article(body, has_title=False)), 2)]
    assert "harbour wall" not in " ".join(untitled)
    titled = parse_article("Council approves harbour wall plan\n" + body)
    assert any("harbour wall" in str(s) for s in summarizer(build_document(titled), 2))


def test_wrong_number_of_weights_is_refused():
    with pytest.raises(ValueError):
        BriefRankSummarizer(Stemmer("english"), weights=[1.0])


def test_features_describe_position_person_and_quotation():
    summarizer = ranker()
    document = build_document(
        parse_article(" ".join([STORY[0], "We were told the wall would hold.", "“It will hold,” he said."]), has_title=False)
    )
    x, similarity, _ = summarizer.describe(document.sentences)
    column = {name: x[:, i] for i, name in enumerate(FEATURES)}
    assert column["lead"][0] >= column["lead"][1] >= column["lead"][2] > 0
    assert list(column["reporter_person"]) == [0.0, 1.0, 0.0]
    assert column["quote"][0] == 0.0 and column["quote"][2] > 0.5
    assert similarity.shape == (3, 3)


# --- captions that ran into the next sentence ---------------------------------------------------------


def test_a_caption_with_no_full_stop_is_cut_off_the_sentence_it_ran_into():
    raw = (
        "Council leader Ann Green at the harbour wall on Monday after the vote "
        "The harbour council voted on Monday to rebuild the storm-battered sea wall. " + " ".join(STORY[1:])
    )
    picked = briefing(parse_article(raw, has_title=False), 3)
    assert picked[0] == STORY[0]
    assert not any("Ann Green" in s for s in picked)
    assert as_written(picked, raw)[0] == STORY[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Roma ended their winless run at home with a victory over Napoli in Serie A on Saturday evening.",
        "The prosecutor said the doctor offered to help Nurse A with her training in December last year.",
        "He told reporters that he reads The Times every single morning at his desk in the office.",
        "The new products claim to stop the damage done by infra-red A rays, too.",
    ],
)
def test_a_capital_the_or_a_inside_a_name_is_not_a_cut(sentence: str):
    assert uncaption(sentence) == sentence


# --- the fitting script ---------------------------------------------------------------------------------


def test_the_greedy_oracle_picks_the_sentences_that_cover_the_reference():
    sentences = [["the", "wall", "fell"], ["sun", "shone", "brightly"], ["council", "rebuild", "wall"]]
    reference = ["council", "rebuild", "wall", "after", "the", "wall", "fell"]
    assert sorted(fit_briefing.greedy_oracle(sentences, reference, 2)) == [0, 2]
    assert len(fit_briefing.greedy_oracle(sentences, reference, 5)) == 3


def _examples(seed: int) -> list[fit_briefing.Example]:
    rng = np.random.default_rng(seed)
    examples = []
    for k in range(30):
        x = rng.normal(size=(8, len(FEATURES)))
        y = (x[:, 0] + 0.5 * rng.normal(size=8) > 0.8).astype(float)
        examples.append(fit_briefing.Example(str(k), x, y, np.zeros((8, 8)), np.zeros((8, 8)), [""] * 8, [], []))
    return examples


def test_fitting_is_deterministic_and_learns_the_signal():
    first = fit_briefing.fit(_examples(1))
    assert first == fit_briefing.fit(_examples(1))
    assert first[0] > 0.5 and all(abs(w) < first[0] / 2 for w in first[1:])
    assert all(round(w, fit_briefing.DECIMALS) == w for w in first)


def test_written_weights_are_read_back(tmp_path, monkeypatch):
    copy = tmp_path / "briefrank.py"
    shutil.copy(briefrank.__file__, copy)
    monkeypatch.setattr(fit_briefing, "SOURCE", copy)
    monkeypatch.setitem(fit_briefing.SETUPS, "en", replace(fit_briefing.SETUPS["en"], redundancy=0.75, duplicate=0.6))
    weights = tuple(float(i) / 8 for i in range(len(FEATURES)))
    assert fit_briefing.write(weights)
    assert not fit_briefing.write(weights)  # already there
    namespace: dict = {}
    exec(compile(copy.read_text(), str(copy), "exec"), namespace)
    assert namespace["WEIGHTS"] == weights and namespace["REDUNDANCY"] == 0.75 and namespace["DUPLICATE"] == 0.6
    assert namespace["WEIGHTS_FR"] == briefrank.WEIGHTS_FR  # the other language's set is left alone


@pytest.mark.skipif(
    not all(p.is_file() for p in fit_briefing.FIT_FILES), reason="no ../shared/eval/news data on this machine"
)
def test_the_fitting_script_reproduces_the_shipped_weights():
    report = fit_report()
    assert report["shipped_weights_match"], report
    assert tuple(report["weights"].values()) == WEIGHTS and report["redundancy"] == REDUNDANCY


def fit_report(*args: str) -> dict:
    """What ``tests/benchmarks/fit_briefing.py`` prints (run as a user would) for ``args``."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/benchmarks/fit_briefing.py"), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(result.stdout)


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:  # "[,:)]": a bracket inside a character class is a character
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    return [*branches, pattern[start:]]


def test_every_kind_of_page_furniture_has_a_hint_so_the_fast_check_never_lets_one_through():
    from summarizer import briefing as rules

    branches = _top_level_branches(rules._BOILERPLATE.pattern)
    assert len(branches) > 5
    for branch in branches:
        assert any(hint in branch.lower() for hint in rules._BOILERPLATE_HINTS), branch
    assert rules.is_boilerplate("Scroll down for video The harbour council voted to rebuild the wall.")
    assert not rules.is_boilerplate(STORY[0])


def test_every_kind_of_photo_caption_has_a_hint_so_the_fast_check_never_lets_one_through():
    from summarizer import briefing as rules

    hints = (*rules._PHOTO_HINTS, rules._PHOTO_WORD_HINT)
    branches = _top_level_branches(rules._PHOTO.pattern)
    assert len(branches) >= 5
    for branch in branches:
        assert any(hint in branch.lower() for hint in hints), branch
    assert rules.is_boilerplate("Ann Green, pictured left with her dog, opened the harbour wall on Monday.")
    assert rules.is_boilerplate("Ann Green PıCTURED left with her dog opened the harbour wall on Monday.")
    assert not rules.is_boilerplate(STORY[0])


def test_the_command_line_briefs_with_briefrank_and_gives_sentences_as_written(tmp_path):
    # The path outside checks score: `newsbrief brief --json --no-title --sentences 3 FILE`.
    raw = (
        "Council leader Ann Green at the harbour wall on Monday after the vote "
        + STORY[0].replace("sea wall", "sea\u00a0wall")
        + "  "
        + " ".join(STORY[1:])
        + " “We cannot wait for another storm to take our homes away,” said one resident."
    )
    path = tmp_path / "article.txt"
    path.write_text(raw, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "brief", "--json", "--no-title", "--sentences", "3", str(path)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    sentences = json.loads(result.stdout)["sentences"]
    expected = briefing(parse_article(raw, has_title=False), 3, "briefrank")
    assert sentences == as_written(expected, raw)
    assert len(sentences) == 3 and all(s in raw for s in sentences)
    assert not any("Ann Green" in s for s in sentences)
    shown = subprocess.run(
        [sys.executable, "-m", "bot.cli", "brief", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120
    ).stdout
    assert "default: briefrank" in " ".join(shown.split())


# --- near-duplicates ----------------------------------------------------------------------------------


def test_a_restatement_of_a_picked_sentence_gives_way_to_a_new_fact():
    restated = "On Monday the harbour council voted to rebuild the sea wall the storms had battered."
    body = [STORY[0], restated, STORY[1], STORY[2], STORY[3]]
    picked = brief(body, 3)
    assert restated not in picked and picked == [STORY[0], STORY[1], STORY[2]]
    # Without the near-duplicate bound the restatement's lead and salience would have won its place.
    unbounded = BriefRankSummarizer(Stemmer("english"), duplicate=None)
    unbounded.stop_words = get_stop_words("english")
    assert restated in briefing(parse_article(" ".join(body), has_title=False), 3, unbounded)


def test_duplicates_are_passed_over_only_while_something_else_is_left():
    ratings = np.array([3.0, 2.0, 1.0])
    duplicates = np.array([[False, True, False], [True, False, False], [False, False, False]])
    no_similarity = np.zeros((3, 3))
    assert mmr(ratings, no_similarity, 2, 0.0, duplicates.__getitem__) == [0, 2]  # 1 repeats 0: skip it
    assert mmr(ratings, no_similarity, 3, 0.0, duplicates.__getitem__) == [0, 2, 1]  # nothing else: 1 after all
    assert mmr(ratings, no_similarity, 2, 0.0) == [0, 1]


def test_at_most_the_replaceable_number_of_picks_leave_the_lead():
    ratings = np.array([1.0, 2.0, 3.0, 9.0, 8.0, 7.0])  # the later sentences rate best
    no_similarity = np.zeros((6, 6))
    assert mmr(ratings, no_similarity, 3, 0.0) == [3, 4, 5]
    assert mmr(ratings, no_similarity, 3, 0.0, replaceable=1) == [3, 2, 1]  # one leaves, two stay
    assert mmr(ratings, no_similarity, 3, 0.0, replaceable=0) == [2, 1, 0]
    # The lead is as long as the briefing: of five picks, the first five sentences.
    assert mmr(ratings, no_similarity, 5, 0.0, replaceable=1) == [3, 4, 5, 2, 1]
    assert mmr(ratings, no_similarity, 5, 0.0, replaceable=0) == [3, 4, 2, 1, 0]


def test_overlap_is_the_share_of_the_shorter_sentence_found_in_the_other():
    overlap = overlap_matrix([["wall", "council", "vote", "monday"], ["wall", "council"], ["storm"], []])
    assert overlap[0, 1] == overlap[1, 0] == 1.0  # every term of the short one is in the long one
    assert overlap[0, 2] == 0.0 and overlap[0, 3] == 0.0 and overlap[0, 0] == 0.0
