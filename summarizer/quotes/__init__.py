"""Direct quotations and who said them: a rule-based, offline extractor and the key-quote digest.

``extract`` pairs quotation marks paragraph by paragraph (:mod:`.marks`), attributes each quote of
four or more words to a speaker (:mod:`.speakers`, :mod:`.mentions`) and scores it (:mod:`.ranking`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summarizer.quotes.marks import quote_spans, word_count
from summarizer.quotes.ranking import KEY_QUOTES, central_terms, key_quotes, ranked, score
from summarizer.quotes.speakers import attribute

__all__ = ["KEY_QUOTES", "MIN_WORDS", "Quote", "extract", "key_quotes", "ranked"]

MIN_WORDS = 4


@dataclass(frozen=True)
class Quote:
    quote: str
    start: int
    end: int
    speaker: str | None
    mention_start: int | None
    mention_end: int | None
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "mention_start": self.mention_start,
            "mention_end": self.mention_end,
            "score": self.score,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        """A quote back from its JSON object (as stored with an article): the inverse of ``to_json``."""
        return cls(
            quote=data["quote"],
            start=data["start"],
            end=data["end"],
            speaker=data.get("speaker"),
            mention_start=data.get("mention_start"),
            mention_end=data.get("mention_end"),
            score=data.get("score", 0.0),
        )


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SMALL_WORDS = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "vs"])


def _is_quote(quoted: str) -> bool:
    """Four or more words, and not a web address or a title ("Person of the Year", a show's name)."""
    if word_count(quoted) < MIN_WORDS or "://" in quoted or "www." in quoted:
        return False
    return not _looks_like_title(quoted)


def _looks_like_title(quoted: str) -> bool:
    words = _TITLE_WORD.findall(quoted)
    inner = quoted.strip("“”\"'‘’ ").rstrip(",.")
    if any(mark in inner for mark in ",;?!") or "." in inner:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)


def extract(text: str) -> list[Quote]:
    """Every direct quote of four or more words in ``text``, in text order, scored."""
    if not isinstance(text, str) or not text:
        return []
    # Short quotes are attributed too: "“Safety,” said X. “Safety for everyone.”" carries X over.
    spans = [s for s in quote_spans(text) if word_count(text[s.start : s.end]) >= 1]
    attributions = attribute(text, spans)
    central = central_terms(text)
    pairs = [(s, a) for s, a in zip(spans, attributions, strict=True) if _is_quote(text[s.start : s.end])]
    return [
        Quote(
            quote=text[s.start : s.end],
            start=s.start,
            end=s.end,
            speaker=a.speaker,
            mention_start=a.mention_start,
            mention_end=a.mention_end,
            score=score(text[s.start : s.end], a.named, a.speaker is not None, central),
        )
        for s, a in pairs
    ]
