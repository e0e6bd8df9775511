"""Issue 17 (speed, second pass): the shortcuts give exactly what the plain forms give.

The paragraphs are read once per article and handed to the marks and the speakers; the pronoun
resolver cuts a paragraph's tokens into sentences by bisection. Each test holds one shortcut to the
plain form it replaced, on text built to hit its edges (blank and whitespace-only lines, marks at
line ends, sentence starts inside, before and after the tokens), so an edit to one and not the other
fails here rather than moving a figure by one quote.
"""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.quotes.marks import paragraphs, quote_spans
from summarizer.quotes.mentions import tokens
from summarizer.quotes.people import by_sentence
from summarizer.quotes.speakers import attribute

PIECES = ["“", "”", '"', "„", "Jane Doe", " said", " she said", "He", ".", ",", " ", "\n", "\n\n", " \n", "words here", "It was"]


def texts() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300)
@given(texts())
def test_marks_and_speakers_given_the_paragraphs_read_what_they_read_alone(text: str) -> None:
    paras = paragraphs(text)
    spans = quote_spans(text)
    assert quote_spans(text, paras) == spans
    assert attribute(text, spans, paras) == attribute(text, spans)


def plain_by_sentence(toks: list, starts: list[int]) -> list[list]:
    sentences: list[list] = [[] for _ in range(len(starts) + 1)]
    for tok in toks:
        sentences[bisect.bisect_right(starts, tok.start)].append(tok)
    return sentences


@settings(max_examples=300)
@given(texts(), st.data())
def test_tokens_cut_into_sentences_as_a_look_up_per_token_cuts_them(text: str, data: st.DataObject) -> None:
    toks = tokens(text, 0, len(text))
    starts = sorted(set(data.draw(st.lists(st.integers(0, len(text) + 1), max_size=6))))
    assert by_sentence(toks, starts) == plain_by_sentence(toks, starts)
