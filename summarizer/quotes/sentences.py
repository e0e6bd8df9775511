"""Sentence boundaries around a quote, from the project's one sentence splitter.

The boundaries are Punkt's (:func:`summarizer.tokenize.sentence_spans`, the model briefings use),
worked out once per paragraph and only for the paragraphs a quote needs: "Mr.", "U.S.", "Jan. 5" and
initials ("John F. Kennedy") are not sentence ends, and ``.”`` is.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from summarizer.quotes.mentions import TITLES
from summarizer.tokenize import is_abbreviation, sentence_spans

__all__ = ["is_abbreviation", "sentence_breaks", "sentence_end", "sentence_start"]


_MAYBE_END = re.compile(r"[.!?…][”\"’')\]]*\s")


class _Breaks:
    """One text's sentence boundaries, split paragraph (line) by paragraph as they are asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_paragraph: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    def paragraph(self, p_start: int) -> tuple[list[int], list[tuple[int, int]]]:
        found = self.by_paragraph.get(p_start)
        if found is None:
            p_end = self.text.find("\n", p_start)
            p_end = len(self.text) if p_end < 0 else p_end
            # Punkt only ends a sentence at . ! or ? before a space: a paragraph without one is a
            # single sentence, and Punkt (the slow part) need not read it.
            spans = sentence_spans(self.text[p_start:p_end]) if _MAYBE_END.search(self.text, p_start, p_end) else []
            breaks = [
                (p_start + a_end, p_start + b_start)
                for (_, a_end), (b_start, _) in pairwise(spans)
                if not _opens_lower_case(self.text, p_start + b_start) and not _ends_with_title(self.text, p_start + a_end)
            ]
            found = ([b for b, _ in breaks], breaks)
            self.by_paragraph[p_start] = found
        return found

    def between(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        p_start = self.text.rfind("\n", 0, start) + 1
        while p_start <= end:
            ends, breaks = self.paragraph(p_start)
            for k in range(bisect.bisect_right(ends, start), len(breaks)):
                if breaks[k][1] > end:
                    return out
                out.append(breaks[k])
            following = self.text.find("\n", p_start)
            if following < 0:
                break
            p_start = following + 1
        return out


def _opens_lower_case(text: str, at: int) -> bool:
    """Punkt ends a sentence after "(D-Mo.)" in "Sen. Jane Doe (D-Mo.) said": a sentence of news
    prose never starts with a lower-case word or a comma, so such a break is not one."""
    while at < len(text) and text[at] in "“\"‘'(«„[":
        at += 1
    return at < len(text) and (text[at].islower() or text[at] in ",;:)")


def _ends_with_title(text: str, end: int) -> bool:
    """Punkt ends a sentence at "Mr." in "“…,” Mr. Prince said" when the name is also a common word
    (prince, hedge, tribe); an abbreviated title before a name never ends a sentence."""
    if end < 2 or text[end - 1] != ".":
        return False
    word = text[max(0, end - 6) : end - 1].split()[-1:]
    return bool(word) and word[0] in TITLES and is_abbreviation(word[0])


@lru_cache(maxsize=4)
def _breaks(text: str) -> _Breaks:
    return _Breaks(text)


def sentence_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end of sentence, start of the next) for each sentence boundary in ``text[start:end]``.

    A boundary counts when the next sentence starts at or before ``end`` (so a quote opening a
    sentence at ``end`` is seen as a sentence start).
    """
    return _breaks(text).between(start, end)


def sentence_start(text: str, at: int, floor: int) -> int:
    window = max(floor, at - 400)
    breaks = sentence_breaks(text, window, at)
    return breaks[-1][1] if breaks else window


def sentence_end(text: str, at: int, limit: int) -> int:
    breaks = sentence_breaks(text, at, limit)
    return breaks[0][0] if breaks else limit
