"""Sentence boundaries around a quote: full stops that end sentences, not abbreviations or initials."""

from __future__ import annotations

import re

#: How far back (characters) a sentence start is looked for before a quote.
LOOK_BACK = 400

#: Abbreviations after which a full stop does not end a sentence, per language.
ABBREVIATIONS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "u.s", "u.n", "d.c", "u.k", "a.m", "p.m"]
    ),
    "de": frozenset(["abg", "nr", "bzw", "vgl", "ca", "usw", "geb", "königl", "kgl", "priv", "ztg", "hr", "frl", "se", "maj", "d.h", "z.b", "u.a", "dgl", "bez"]),
}
ABBREVIATIONS = frozenset().union(*ABBREVIATIONS_BY_LANGUAGE.values())
#: Words after which "<number>." is an ordinal (German writes "am 3. Oktober", "des 23. Corps").
ORDINAL_CUES = frozenset(["am", "im", "vom", "zum", "beim", "des", "dem", "den", "der", "die", "das", "seit", "bis", "ab", "dieses", "jedes"])
_SENTENCE_END = re.compile(r"[.!?][”\"’')]*\s+(?=[“\"‘'(A-Z0-9])")


def sentence_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end of sentence, start of the next) for each sentence boundary in ``text[start:end]``.

    The look-ahead may read one character past ``end`` (the quote mark that opens a sentence); full
    stops after abbreviations ("Mr.", "U.S.") and initials ("John F. Kennedy") are not boundaries.
    """
    return [(m.start() + 1, m.end()) for m in _candidates(text, start, end) if _is_break(text, start, m.start())]


def _candidates(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Every full stop, question or exclamation mark that may end a sentence, in order."""
    found = []
    for match in _SENTENCE_END.finditer(text, start, min(len(text), end + 1)):
        if match.end() > end + 1:
            break
        found.append(match)
    return found


def _is_break(text: str, start: int, dot: int) -> bool:
    """Whether the mark at ``dot`` ends a sentence (words are read no further back than ``start``)."""
    if text[dot] == ".":
        word = text[max(start, dot - 8) : dot].split()
        last = word[-1].lower() if word else ""
        if last.split(".")[-1] in ABBREVIATIONS or last in ABBREVIATIONS:
            return False
        if len(last) == 1 and last.isalpha():
            return False
        if last.isdigit() and _before_number(text, start, dot - len(last)) in ORDINAL_CUES:
            return False  # German ordinals: "am 3. Oktober", "des 23. Corps"
    return True


def _before_number(text: str, floor: int, at: int) -> str:
    words = text[max(floor, at - 12) : at].split()
    return words[-1].lower() if words else ""


def sentence_start(text: str, at: int, floor: int) -> int:
    """Where the sentence holding ``at`` starts: the last boundary before it (looked for no further
    back than ``LOOK_BACK`` characters, nor before ``floor``), checked from the nearest one back."""
    window = max(floor, at - LOOK_BACK)
    for match in reversed(_candidates(text, window, at)):
        if _is_break(text, window, match.start()):
            return match.end()
    return window


def sentence_end(text: str, at: int, limit: int) -> int:
    """Where the sentence holding ``at`` ends: the first boundary before ``limit``, or ``limit``."""
    for match in _SENTENCE_END.finditer(text, at, min(len(text), limit + 1)):
        if match.end() > limit + 1:
            break
        if _is_break(text, at, match.start()):
            return match.start() + 1
    return limit
