"""Speakers credited outside sentences: a dash credit after a quote, a transcript's "NAME:" label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.quotes.marks import Span
from summarizer.quotes.mentions import noun_phrase_starting, tokens

#: "“…” ― Jane Doe" at the end of a paragraph (reader reactions, epigraphs, tweet round-ups).
_TAIL_CREDIT = re.compile(r"[”\"’'.!?…]\s*(?:[―—–]+)\s*([^\W\d_][^“”\"―—–\n]{1,80}?)[\s.]*$")
#: "PENCE: …" / "MR. TRUMP: …" right after the opening mark: a transcript's speaker label.
_LABEL = re.compile(r"(?:''|``|[“\"‘'«„])\s*((?:[A-Z][A-Z.’'\-]*\s){0,3}[A-Z][A-Z.’'\-]*[A-Z.])\s?:\s")
#: Capitalised headings written like labels that are not speakers.
_NOT_LABELS = frozenset(["UPDATE", "BREAKING", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "VIDEO", "PHOTOS", "EXCLUSIVE", "CORRECTION", "WARNING", "SPOILER", "ALERT", "P.S."])


@dataclass(frozen=True)
class Credit:
    start: int
    end: int
    #: where the credit line begins (the closing mark before the dash)
    at: int = 0


def tail_credit(text: str, para: tuple[int, int]) -> Credit | None:
    """The name after a dash closing a paragraph that ends a quote: "“…” ― Jane Doe"."""
    match = _TAIL_CREDIT.search(text, para[0], para[1])
    if match is None:
        return None
    toks = tokens(text, match.start(1), match.end(1))
    rng = noun_phrase_starting(toks, 0) if toks else None
    if rng is None or (rng[1] + 1 < len(toks) and toks[rng[1] + 1].text != ","):
        return None
    last = toks[rng[1]]
    end = last.end
    if text[end - 1] == "." and len(last.text) > 3:
        end -= 1  # "Jane Doe." ends the line; "Julie A." keeps its initial
    return Credit(toks[rng[0]].start, end, match.start())


def speaker_label(text: str, span: Span) -> Credit | None:
    """ "PENCE: Well, look, …" inside the quote marks: the label names who speaks."""
    match = _LABEL.match(text, span.start, span.end)
    if match is None or match.group(1).strip() in _NOT_LABELS or sum(c.isalpha() for c in match.group(1)) < 2:
        return None
    return Credit(match.start(1), match.end(1))
