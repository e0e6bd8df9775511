"""Importance of a quote for the key-quote digest, and picking the best few without near-duplicates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.quotes import Quote

#: How many quotes the key-quote digest shows (the CLI, the bot's card and the daily update alike).
KEY_QUOTES = 3

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: ``_WORD`` costs most of ``central_terms`` on a whole article (a Unicode class test per character,
#: and its apostrophe group per word). When the article's letters and digits are all ASCII (most
#: English news; the curly marks are not letters), its words of four characters or more are runs
#: of ASCII letters and digits, once each apostrophe inside a word (a letter on each side) is
#: replaced by a control character standing in for it: the same words, in the same order.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_INNER_APOSTROPHES = ((re.compile(r"'(?<=[^\W_]')(?=[^\W_])"), "'", "\x01"), (re.compile(r"’(?<=[^\W_]’)(?=[^\W_])"), "’", "\x02"))
_ASCII_LONG_WORD = re.compile(r"[A-Za-z0-9\x01\x02]{4,}")


_MARKS_AND_SPACE = "“”\"'‘’`«»„ \n"
#: Frequent words that say nothing about what an article is about.
_STOPWORDS = frozenset(
    ["that", "this", "with", "have", "from", "they", "their", "there", "were", "will", "would", "what", "when", "which", "about", "been", "said", "says", "more", "than", "them", "then", "also", "into", "only", "just", "like", "some", "very", "your", "over", "could", "should", "after", "before", "because", "being", "other", "these", "those", "where", "while", "does", "here", "even", "most", "much", "many", "such", "each", "make", "made", "people"]
)


def central_terms(text: str, top: int = 12) -> frozenset[str]:
    """The article's most frequent content words (four letters or more, stopwords left out)."""
    lowered = text.lower()
    stand_ins = not ("\x01" in lowered or "\x02" in lowered or any(c.isalnum() for c in set(_NON_ASCII.findall(lowered))))
    if stand_ins:
        for inner, _, stand_in in _INNER_APOSTROPHES:
            lowered = inner.sub(stand_in, lowered)
        counts = Counter(_ASCII_LONG_WORD.findall(lowered))  # counted in C
    else:
        counts = Counter(_WORD.findall(lowered))
    # Most frequent first (a stable sort: ties keep text order, as ``most_common`` does), of the
    # words seen more than once: short words and stopwords are dropped on the way.
    terms: list[str] = []
    for word, _ in sorted([(w, n) for w, n in counts.items() if n > 1], key=itemgetter(1), reverse=True):
        if len(terms) == top:
            break
        if len(word) > 3 and word not in _STOPWORDS:
            terms.append(word)
    for _, apostrophe, stand_in in _INNER_APOSTROPHES if stand_ins else ():
        terms = [term.replace(stand_in, apostrophe) for term in terms]
    return frozenset(terms)


def score(quote: str, named: bool, has_speaker: bool, central: frozenset[str]) -> float:
    """Importance in [0, 1].

    Four parts: length (long quotes say more, up to 40 words), who said it (a named speaker beats
    "a source"), the article's central terms, and whether the quote stands on its own (a whole
    sentence rather than a fragment woven into the reporter's prose).

    A quote with no speaker (none credited, or a credit such as "she said" whose person is not
    clear) scores below every quote with one, in [0, 0.5): whoever sorts by score never puts an
    unnamed quote first while a named one exists.
    """
    words = _WORD.findall(quote)
    length = min(len(words), 40) / 40
    # (words are lowered only when there are central terms to meet, and by ``map``, in C)
    centrality = min(1.0, len(central.intersection(map(str.lower, words))) / 4) if central else 0.0
    value = 0.45 * length + 0.3 * centrality + 0.25 * self_contained(quote)
    if not has_speaker:
        return round(min(0.49, max(0.0, 0.49 * value)), 4)
    value = 0.5 + 0.5 * (0.7 * value + 0.3 * (1.0 if named else 0.4))
    return round(min(1.0, max(0.5, value)), 4)


def self_contained(quote: str) -> float:
    """1.0 for a quote that opens with a capital and ends a sentence or clause; 0.0 for a fragment."""
    inner = quote.strip(_MARKS_AND_SPACE)
    if not inner:
        return 0.0
    opens = inner[0].isupper() or inner[0].isdigit()
    closes = inner[-1] in ".?!,"
    return (0.5 if opens else 0.0) + (0.5 if closes else 0.0)


def ranked(quotes: Sequence[Quote]) -> list[Quote]:
    """Every quote, best first (ties in text order); quotes without a speaker after all the others.

    New scores already put them there; the explicit rule also holds for quotes stored with older
    scores, so an unnamed quote is never the first key quote.
    """
    return sorted(quotes, key=lambda q: (q.speaker is None, -q.score, q.start))


def key_quotes(quotes: Sequence[Quote], n: int = KEY_QUOTES) -> list[Quote]:
    """The ``n`` best quotes, best first, never two near-identical ones.

    The one key-quote picker: ``newsbrief brief``, the bot's card and the daily update all use it.
    """
    chosen: list[Quote] = []
    for quote in ranked(quotes):
        words = set(_WORD.findall(quote.quote.lower()))
        if any(_overlap(words, set(_WORD.findall(c.quote.lower()))) > 0.6 for c in chosen):
            continue
        chosen.append(quote)
        if len(chosen) == n:
            break
    return chosen


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
