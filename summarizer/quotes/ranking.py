"""Importance of a quote for the key-quote digest, and picking the best few without near-duplicates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.quotes import Quote

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def central_terms(text: str) -> Counter[str]:
    words = [w.lower() for w in _WORD.findall(text) if len(w) > 3]
    return Counter(words)


def score(quote: str, named: bool, has_speaker: bool, central: Counter[str]) -> float:
    """Importance in [0, 1]: length, a named speaker, and the article's central terms."""
    words = [w.lower() for w in _WORD.findall(quote)]
    length = min(len(words), 40) / 40
    speaker = 1.0 if named else (0.4 if has_speaker else 0.0)
    top = {w for w, _ in central.most_common(15)}
    centrality = len(top.intersection(words)) / max(1, min(len(top), 6))
    value = 0.45 * length + 0.35 * speaker + 0.2 * min(1.0, centrality)
    return round(min(1.0, max(0.0, value)), 4)


def key_quotes(quotes: Sequence[Quote], n: int = 3) -> list[Quote]:
    """The ``n`` best quotes, best first, never two near-identical ones."""
    chosen: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (-q.score, q.start)):
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
