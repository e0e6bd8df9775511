"""Quotation marks to quoted spans: pairing curly, straight and ``''`` marks paragraph by paragraph."""

from __future__ import annotations

import re
from typing import NamedTuple

#: Opening mark -> the closing marks that end it. Straight and doubled-apostrophe marks are written
#: interchangeably by some publishers, so they close each other.
_CLOSERS = {
    "“": ("”", '"', "''"),
    '"': ('"', "”", "''"),
    "''": ("''", '"', "”", "’’"),
    "``": ("''", '"', "”"),
    "‘‘": ("’’", "''", "”"),
    "«": ("»",),
    "„": ("“", "”", '"'),
    "‹": ("›",),
    # German and Danish write guillemets pointing inwards: »Text« and ›Text‹.
    "»": ("«",),
    "›": ("‹",),
}
#: Guillemets say which way they point: the matching mark always closes (French puts a space
#: before it: « Texte »), and other marks inside are nested quotes, not a new opening.
_DIRECTIONAL = frozenset(["«", "»", "‹", "›"])
#: Inward-pointing marks open only right before a word (»Text«); a » after a word closes a French quote.
_INWARD = frozenset(["»", "›"])
#: ``''|``|‘‘|’’|[“”"«»„‹›]`` written to open with one set of characters, so that the regex engine
#: skips ahead to a mark instead of trying a match at every character (the same matches, 4x faster).
_MARKS = re.compile(r"[“”\"«»„‹›'`‘’](?:(?<=')'|(?<=`)`|(?<=‘)‘|(?<=’)’|(?<=[“”\"«»„‹›]))")
#: Words as news-quote corpora count them: split at apostrophes, so "don’t" is two.
_WORD = re.compile(r"[^\W_]+")
_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")


class Span(NamedTuple):
    """One quoted stretch: ``text[start:end]`` includes the marks (no closing mark if unclosed).

    A named tuple, not a frozen dataclass: built for every pair of marks, at a third of the cost.
    """

    start: int
    end: int
    paragraph: int
    closed: bool


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def has_words(text: str, n: int, start: int = 0, end: int | None = None) -> bool:
    """``word_count(text[start:end]) >= n``, reading no further than the ``n``-th word (and with no
    copy of the slice): a long quote is told apart from a short one by its first few words."""
    if n <= 0:
        return True
    end = len(text) if end is None else end
    first = _WORD.search(text, start, end)
    if first is None or n == 1:
        return first is not None
    pattern = _N_WORDS.get(n)
    if pattern is None:
        # n runs of letters with what separates them, from the first word on (possessive: linear)
        pattern = _N_WORDS[n] = re.compile(r"[^\W_]++(?:[\W_]++[^\W_]++){" + str(n - 1) + "}")
    return pattern.match(text, first.start(), end) is not None


_N_WORDS: dict[int, re.Pattern[str]] = {}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: one paragraph a line, blank lines ignored."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            spans.append((start, end))
        start = end + 1
    return spans


def quote_spans(text: str, paras: list[tuple[int, int]] | None = None) -> list[Span]:
    """Pair quotation marks within each paragraph.

    A quote left open runs to the end of its paragraph (news style continues a quote in the next
    paragraph with a fresh opening mark), so an unbalanced mark never swallows the rest of the article.
    ``paras``: the text's ``paragraphs``, when the caller has them already.
    """
    spans: list[Span] = []
    if paras is None:
        paras = paragraphs(text)
    for index, (p_start, p_end) in enumerate(paras):
        spans.extend(paragraph_spans(text, index, p_start, p_end))
    return [_run_on(text, span, paras) for span in spans]


#: Opening marks of languages that continue a quote into the next paragraph without a fresh mark.
RUN_ON_MARKS = ("„",)


def _run_on(text: str, span: Span, paras: list[tuple[int, int]]) -> Span:
    """ "… anspielt: „Es ist …\n\nIch habe …" — a German quote left open at the end of its
    paragraph goes on through the next one when that paragraph has no quotation marks of its own,
    up to a stage direction in brackets ("(Beifall …)")."""
    if span.closed or not text.startswith(RUN_ON_MARKS, span.start) or span.paragraph + 1 >= len(paras):
        return span
    before = text[: span.start].rstrip()
    if before and before[-1] not in ":.!?":
        return span
    start, end = paras[span.paragraph + 1]
    body = text[start:end]
    if _MARKS.search(body):
        return span
    cut = body.find("(")
    stop = start + cut if cut > 0 else end
    return Span(span.start, _trim_end(text, span.start, stop), span.paragraph, False)


def paragraph_spans(text: str, index: int, p_start: int, p_end: int) -> list[Span]:
    spans: list[Span] = []
    open_at: int | None = None
    open_mark = ""
    for match in _MARKS.finditer(text, p_start, p_end):
        mark, at = match.group(), match.start()
        if open_at is None:
            if mark in _INWARD and not text[at + 1 : at + 2].isalnum():
                continue  # a French closing » (or a stray one): nothing is open
            if mark in _CLOSERS and not _is_apostrophes_closing(text, mark, at, p_start):
                open_at, open_mark = at, mark
            elif mark == "”" and _looks_like_opening(text, at, p_start):
                open_at, open_mark = at, "“"
            continue
        if open_mark in _DIRECTIONAL:
            if mark in _CLOSERS[open_mark]:
                spans.append(Span(open_at, match.end(), index, True))
                open_at = None
            elif mark == open_mark and _looks_like_opening(text, at, p_start, strict=True):
                # « … « …: the first one was never closed.
                spans.append(Span(open_at, _trim_end(text, open_at, at), index, False))
                open_at = at
            continue
        if mark in _CLOSERS[open_mark] and not _looks_like_opening(text, at, p_start, strict=True):
            spans.append(Span(open_at, match.end(), index, True))
            open_at = None
        elif mark in ("“", "«", '"', "''") and _looks_like_opening(text, at, p_start, strict=True):
            # A fresh opening mark inside an open quote: the first one was never closed.
            spans.append(Span(open_at, _trim_end(text, open_at, at), index, False))
            open_at, open_mark = at, mark
        elif mark in ("”", "“"):
            # A closing mark written the wrong way round, or after a space: still a close.
            spans.append(Span(open_at, match.end(), index, True))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, _trim_end(text, open_at, p_end), index, False))
    return spans


def _is_apostrophes_closing(text: str, mark: str, at: int, p_start: int) -> bool:
    """``''`` right after a word is a closing mark (or a possessive), not an opening one."""
    return mark == "''" and at > p_start and text[at - 1].isalnum()


def _looks_like_opening(text: str, at: int, p_start: int, strict: bool = False) -> bool:
    """A mark at the start of a paragraph or after a space or dash, followed by a word, opens a quote."""
    before_ok = at == p_start or text[at - 1] in " \t(—–-[" or (not strict and text[at - 1] == ":")
    after = text[at + 1 : at + 3].lstrip("'")
    return before_ok and bool(after) and not after[0].isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


#: Marks that tables use as ditto marks and that never close themselves (a straight " or ' does).
_DITTO = frozenset(["«", "„", "»", "‹", "›"])


def is_ditto_row(quoted: str) -> bool:
    """A row of a price table, whose mark stands for "the same": a „ or a mark followed by a space
    before dots or a few words and numbers („ 250 fl. L. b. Roths.), or a mark that comes back with
    nothing closing it (« 3 euros, étudiants « 4 euros, seniors « 4 euros). A quote nested in one of its
    own kind (« … « … » … ») is closed."""
    if (quoted.startswith("„") or quoted[1:2].isspace()) and (
        "...." in quoted or (len(_LETTER_WORD.findall(quoted)) < 3 and any(c.isdigit() for c in quoted))
    ):
        return True
    opening = quoted[:1]
    if opening not in _DITTO:
        return False
    return quoted.count(opening) >= 2 and not any(closer in quoted[1:] for closer in _CLOSERS[opening])

