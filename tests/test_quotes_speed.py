"""Issue 17 (speed): the fast forms in summarizer.quotes give exactly what their plain forms give.

Quote extraction was made faster without changing a single quote, speaker or score: regexes were
rewritten to open with one character set (so the engine skips ahead), word counts stop at the words
they need, central terms are counted on ASCII runs, sentence bounds are found from the nearest
boundary. Each test here checks one of those against the plain form it replaced, on text built to
hit its edges (apostrophes inside and around words, marks doubled or alone, non-ASCII letters,
underscores, abbreviations, windows cut inside words), so a later edit to one form and not the
other fails here rather than moving a figure by one quote.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.quotes import extract
from summarizer.quotes.marks import _MARKS, has_words, word_count
from summarizer.quotes.people import _FULL_NAME, Cast, _unpossessed
from summarizer.quotes.ranking import _STOPWORDS, _WORD, central_terms
from summarizer.quotes.sentences import sentence_breaks, sentence_end, sentence_start
from summarizer.quotes.speakers import _NAME_WORDS_BEFORE

# The plain forms, as they were before the speed work.
PLAIN_MARKS = re.compile(r"''|``|‘‘|’’|[“”\"«»„‹›]")
PLAIN_FULL_NAME = re.compile(r"\b(Mrs?\.?|Ms\.?|Miss|Sir|Lady|[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w’'\-]+)")
PLAIN_NAME_WORDS_BEFORE = re.compile(r"(?<![\w’'\-])(?:[A-Z][\w’'\-]+\s+){1,2}$")
PLAIN_POSSESSIVE = re.compile(r"[’']s?$")


def plain_central_terms(text: str, top: int = 12) -> frozenset[str]:
    counts = Counter(_WORD.findall(text.lower()))
    for word in [w for w in counts if len(w) <= 3 or w in _STOPWORDS]:
        del counts[word]
    return frozenset(w for w, n in counts.most_common(top) if n > 1)


def pieces(*extra: str) -> st.SearchStrategy[str]:
    """Text glued from pieces that sit on the edges of these patterns."""
    common = ["Mr", "Mrs", "Ms", "Miss", "Sir", "Lady", "Lopez", "Ann", "A.", "x", "é", "_", " ", "  ", "\n", "-", "’", "'", ".", ","]
    return st.lists(st.sampled_from(common + list(extra)), max_size=30).map("".join)


def spans(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> list[tuple]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.groups(), m.group()) for m in pattern.finditer(text, pos, end)]


@settings(max_examples=400)
@given(pieces("“", "”", '"', "''", "``", "‘‘", "’’", "‘", "«", "»", "„", "‹", "›", "`"))
def test_the_quote_mark_regex_finds_the_marks_the_plain_one_finds(text: str) -> None:
    assert spans(_MARKS, text) == spans(PLAIN_MARKS, text)


@settings(max_examples=400)
@given(pieces("Missy", "Sirius", "Ladyx", "Mrs.", "Ms.", "B", "Jo", "1"))
def test_the_full_name_regex_finds_the_names_the_plain_one_finds(text: str) -> None:
    assert spans(_FULL_NAME, text) == spans(PLAIN_FULL_NAME, text)


@settings(max_examples=400)
@given(pieces("Jo", "Ann ", "B ", "ab "), st.data())
def test_the_name_words_before_a_mention_are_those_of_the_plain_regex(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    pos = data.draw(st.integers(0, at))
    fast, plain = _NAME_WORDS_BEFORE.search(text, pos, at), PLAIN_NAME_WORDS_BEFORE.search(text, pos, at)
    assert (fast and (fast.span(), fast.group())) == (plain and (plain.span(), plain.group()))


@settings(max_examples=400)
@given(pieces("s", "’s", "'s", "S"))
def test_possessive_endings_come_off_as_with_the_regex(word: str) -> None:
    assert _unpossessed(word) == PLAIN_POSSESSIVE.sub("", word)


@settings(max_examples=400)
@given(pieces("word", "1", "__", "’s"), st.integers(0, 6), st.data())
def test_has_words_agrees_with_counting_every_word(text: str, n: int, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert has_words(text, n, start, end) == (word_count(text[start:end]) >= n)


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(["river", "River", "tunnel", "don’t", "don't", "it’s", "o’neil", "said", "that", "rock", "roll", "’", "'", "''", "café", "Ünal", "K", "İstan", "\x01", "\x02", "_x", "1999", " ", " ", "\n", ", "]),
        max_size=60,
    ).map("".join),
    st.sampled_from([12, 3, 1, 0]),
)
def test_central_terms_are_those_of_the_plain_count(text: str, top: int) -> None:
    assert central_terms(text, top) == plain_central_terms(text, top)


@settings(max_examples=400)
@given(pieces("Mr.", "U.S.", "St.", "J.", "am", "3", "Oktober", "!", "?", "”", ")", "(", "“", "He", "She said."), st.data())
def test_sentence_bounds_are_the_nearest_boundaries(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    breaks = sentence_breaks(text, start, end)
    assert sentence_end(text, start, end) == (breaks[0][0] if breaks else end)
    window = max(start, end - 400)
    before = sentence_breaks(text, window, end)
    assert sentence_start(text, end, start) == (before[-1][1] if before else window)


def test_a_pronoun_resolves_to_the_person_shown_with_the_description_read_with_them() -> None:
    """People read from the narration are shown (name and description) only once chosen: the
    speaker of "she said" is still shown as the article described her."""
    text = (
        "Maria Lopez, a member of the city council, said the plan would be reviewed in March.\n"
        "“If the numbers tell us we got it wrong, we will change it,” she said."
    )
    (quote,) = extract(text)
    assert quote.speaker == "Maria Lopez, a member of the city council"
    assert text[quote.mention_start : quote.mention_end] == "she"


def test_a_cast_shows_each_person_once_however_often_they_are_chosen() -> None:
    text = "Tom Reilly, who leads the residents' group, called it a start.\n“It is a start,” he said. “A good one,” he said."
    cut = text.index("\n")
    marks = [i for i, c in enumerate(text) if c in "“”"]
    quoted = [(marks[0], marks[1] + 1), (marks[2], marks[3] + 1)]
    shown = []
    cast = Cast(text, [(0, cut), (cut + 1, len(text))], quoted, lambda toks, rng: shown.append(rng) or "shown")
    first = cast.resolve("he", text.index("he said"), [])
    again = cast.resolve("he", text.rindex("he said"), [])
    assert first is not None and first.display == "shown" and text[first.start : first.end] == "Tom Reilly"
    assert again is first and len(shown) == 1
