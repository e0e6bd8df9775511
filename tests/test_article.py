"""Article files: title, paragraphs, credit line; offline sentence splitting."""

from __future__ import annotations

import re

import pytest

from summarizer.article import parse_article
from summarizer.clean import NotText, clean_text, decode_article_bytes
from summarizer.tokenize import Tokenizer, split_sentences


def test_title_paragraphs_and_credit_line():
    article = parse_article(
        "\n  Storm hits coast \n\nFirst paragraph here.\nSecond paragraph.\n\n\nThird one.\n"
        "[Featured Image by Manu Brabo/AP Images]\n"
    )
    assert article.title == "Storm hits coast"
    assert article.paragraphs == ("First paragraph here.", "Second paragraph.", "Third one.")
    assert article.credit == "Featured Image by Manu Brabo/AP Images"


def test_no_title_keeps_the_first_line_as_body():
    article = parse_article("One line of body. And more.", has_title=False)
    assert article.title is None and article.paragraphs == ("One line of body. And more.",)


def test_bracketed_text_inside_the_body_is_not_a_credit():
    article = parse_article("Title\n[Update: the vote was moved.]\nBody line.")
    assert article.credit is None
    assert article.paragraphs[0] == "[Update: the vote was moved.]"


def test_cleaning_keeps_quote_marks_as_written():
    text = "“Curly,” she said.\r\nHe said \"straight\"\u00a0 and\u200b ‘single’.\x07"
    assert clean_text(text) == "“Curly,” she said.\nHe said \"straight\" and ‘single’."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("He flew to Washington, D.C. on Friday.", ["He flew to Washington, D.C. on Friday."]),
        ("The hearing is on Jan. 5 in court. Bring ID.", ["The hearing is on Jan. 5 in court.", "Bring ID."]),
        ("“We won,” he said. “It was close.” Then he left.", ["“We won,” he said.", "“It was close.”", "Then he left."]),
        ("The report found. Fighters came from 100 nations.", ["The report found.", "Fighters came from 100 nations."]),
        ("Gov. Brown and Sen. Warren spoke. Both left.", ["Gov. Brown and Sen. Warren spoke.", "Both left."]),
    ],
)
def test_sentence_splitting_knows_abbreviations_and_quotes(text, expected):
    assert split_sentences(text) == expected


def test_the_sumy_tokenizer_works_without_nltk_data(monkeypatch):
    monkeypatch.setenv("NLTK_DATA", "/nonexistent")
    tokenizer = Tokenizer()
    assert tokenizer.to_sentences("One sentence. Two sentences.") == ("One sentence.", "Two sentences.")
    assert tokenizer.to_words("It’s the U.S. economy, 3.5% up.") == ("It’s", "the", "U.S", "economy", "3.5", "up")


def test_decoding_refuses_binary_and_bad_utf8_and_strips_a_bom():
    assert decode_article_bytes("\ufeffTitle\nBody".encode()) == "Title\nBody"
    with pytest.raises(NotText, match="binary"):
        decode_article_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(NotText, match="UTF-8"):
        decode_article_bytes(b"caf\xe9 au lait")


def test_space_folding_treats_plain_and_odd_spaces_alike():
    # A line with plain spaces only folds through a quicker pattern; both give what one fold would.
    lines = ["a  b   c", "a\u00a0 b", "a \t  b\u2003c", "  lead and trail  ", "one space only", "x\u3000\u3000y  z"]
    for line in lines:
        assert clean_text(line) == re.sub(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line).strip()
