"""Direct quotations and who said them: a rule-based, offline extractor and digest ranking.

The extractor pairs quotation marks paragraph by paragraph (curly, straight and ``''``), keeps
quotes of four or more words, and attributes each to a speaker found next to it ("…,” said X",
"X said: “…”") or carried over from the quote it continues; pronoun speakers are resolved to the
nearest earlier named speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MIN_WORDS = 4

_SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|explained|explains|noted|notes|wrote|writes|"
    "stated|states|declared|declares|insisted|insists|argued|argues|warned|warns|continued|continues|"
    "recalled|recalls|replied|replies|responded|responds|claimed|claims|admitted|admits|"
    "acknowledged|acknowledges|announced|announces|tweeted|tweets|posted|posts|joked|jokes|"
    "remarked|remarks|observed|observes|suggested|suggests|predicted|predicts|promised|promises|"
    "conceded|concedes|shouted|yelled|whispered|cried|boasted|boasts|quipped|quips|"
    "testified|testifies|reported|reports|recounted|recounts|agreed|agrees|pointed out|"
    "went on|told reporters|said in a statement|wrote in|added that|said that"
)
_VERB = rf"(?:{_SPEECH_VERBS})"
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "thing", "we": "group", "i": "person"}
_NAME_WORD = r"(?:[A-Z][\w’'.\-]*|de|van|von|al|bin|la|le|del|da|dos|di)"
_NAME = rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}})"
_NOUN_PHRASE = r"(?:(?:the|a|an|one|another|his|her|their)\s+(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)"
_PRONOUN = r"(?:he|she|they|it|we|I)"
_MENTION = rf"(?P<mention>{_NAME}|{_PRONOUN}|{_NOUN_PHRASE})"
_APPOSITIVE = r"(?P<desc>,\s+(?:a|an|the|its|his|her|their)\s[^,.;:“”\"]{1,90})"

# After a quote: “…,” said Jane Doe, a resident.  /  “…,” Jane Doe said.  /  “…,” she said.
_AFTER_VERB_FIRST = re.compile(rf"^\s*(?:{_VERB})\s+{_MENTION}{_APPOSITIVE}?", re.UNICODE)
_AFTER_NAME_FIRST = re.compile(
    rf"^\s*{_MENTION}{_APPOSITIVE}?,?\s+(?:(?:also|later|then|once|previously|has|had|have|had\s+\w+)\s+)?(?:{_VERB})\b",
    re.UNICODE,
)
# Before a quote: Jane Doe said: “…”  /  She told reporters that “…”  /  According to X, “…”
_BEFORE = re.compile(
    rf"{_MENTION}{_APPOSITIVE}?,?\s+(?:(?:also|later|then|has|had|have)\s+)?(?:{_VERB})"
    rf"(?:\s+(?:\w+\s+){{0,4}}?)?(?:\s*that)?\s*[:,]?\s*$",
    re.UNICODE,
)
_ACCORDING = re.compile(rf"[Aa]ccording to {_MENTION}{_APPOSITIVE}?,?\s*$", re.UNICODE)

_OPENERS = {"“": "”", '"': '"', "''": "''", "‘‘": "’’", "«": "»", "„": "“"}
_MARKS = re.compile(r"''|‘‘|’’|[“”\"«»„]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TITLES = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Pres|President|Senator|Governor|Mayor|Judge|Sir|Lord|Lady)\.?\s+"
)
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "When",
    "While",
    "After",
    "Before",
    "Then",
    "So",
    "Yet",
    "Or",
    "If",
    "As",
    "Also",
    "Still",
    "Now",
    "Later",
}


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


@dataclass
class _Span:
    start: int
    end: int
    paragraph: int
    closed: bool


@dataclass
class _Attribution:
    speaker: str | None
    mention_start: int | None
    mention_end: int | None
    named: bool


def extract(text: str) -> list[Quote]:
    """Every direct quote of four or more words in ``text``, in text order, scored."""
    if not isinstance(text, str) or not text:
        return []
    spans = [s for s in _quote_spans(text) if len(_WORD.findall(text[s.start : s.end])) >= MIN_WORDS]
    attributions = _attribute(text, spans)
    central = _central_terms(text)
    quotes = [
        Quote(
            quote=text[s.start : s.end],
            start=s.start,
            end=s.end,
            speaker=a.speaker,
            mention_start=a.mention_start,
            mention_end=a.mention_end,
            score=_score(text[s.start : s.end], a, central),
        )
        for s, a in zip(spans, attributions, strict=True)
    ]
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _quote_spans(text: str) -> list[_Span]:
    """Pair quotation marks within each paragraph; an unclosed quote runs to the paragraph end."""
    spans: list[_Span] = []
    for index, (p_start, p_end) in enumerate(_paragraphs(text)):
        open_at: int | None = None
        open_mark = ""
        for match in _MARKS.finditer(text, p_start, p_end):
            mark = match.group()
            if open_at is None:
                if mark in _OPENERS or (mark == "”" and _looks_like_opening(text, match.start())):
                    open_at, open_mark = match.start(), mark
                continue
            closer = _OPENERS.get(open_mark, "”")
            if mark == closer or (open_mark in ('"', "''") and mark in ('"', "''", "”")) or mark == "”":
                spans.append(_Span(open_at, match.end(), index, True))
                open_at = None
            elif mark in ("“", "«") and match.start() > open_at + 1:
                # A new opening mark inside an open quote: the first one was never closed.
                spans.append(_Span(open_at, _trim_end(text, open_at, match.start()), index, False))
                open_at, open_mark = match.start(), mark
        if open_at is not None:
            spans.append(_Span(open_at, _trim_end(text, open_at, p_end), index, False))
    return spans


def _looks_like_opening(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in " \t\n(—–-"


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _sentence_before(text: str, start: int, floor: int) -> tuple[str, int]:
    """Text of the current sentence up to ``start`` (but not before ``floor``)."""
    window_start = max(floor, start - 300)
    chunk = text[window_start:start]
    cut = max(chunk.rfind(". "), chunk.rfind("? "), chunk.rfind("! "), chunk.rfind(".” "), chunk.rfind("\n"))
    if cut >= 0:
        window_start += cut + 2
    return text[window_start:start], window_start


def _attribute(text: str, spans: list[_Span]) -> list[_Attribution]:
    results: list[_Attribution] = []
    last_named: dict[str, tuple[str, int]] = {}  # kind -> (display name, position)
    last_named_any: str | None = None
    paragraphs = _paragraphs(text)
    for i, span in enumerate(spans):
        p_start, p_end = paragraphs[span.paragraph]
        same_paragraph_next = i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph
        next_start = spans[i + 1].start if same_paragraph_next else p_end
        found = _after(text, span.end, next_start)
        if found is None:
            floor = spans[i - 1].end if i and spans[i - 1].paragraph == span.paragraph else p_start
            found = _before(text, span.start, floor)
        if found is None and i and results:
            previous = spans[i - 1]
            between = text[previous.end : span.start]
            continues = previous.paragraph == span.paragraph or (
                previous.paragraph == span.paragraph - 1 and not previous.closed
            )
            if continues and len(between) < 200 and results[-1].speaker:
                prior = results[-1]
                results.append(_Attribution(prior.speaker, None, None, prior.named))
                continue
        if found is None:
            results.append(_Attribution(None, None, None, False))
            continue
        mention, m_start, m_end, description = found
        word = mention.lower()
        if word in _PRONOUNS:
            kind = _PRONOUNS[word]
            resolved = last_named.get("person" if kind == "person" else kind, (None, 0))[0]
            if resolved is None and kind == "person":
                resolved = last_named_any
            results.append(_Attribution(resolved or mention, m_start, m_end, resolved is not None))
            continue
        display = _display(mention, description)
        named = mention[:1].isupper()
        if named:
            kind = "person" if _person_like(mention) else "thing"
            last_named[kind] = (display, m_start)
            last_named_any = display
        results.append(_Attribution(display, m_start, m_end, named))
    return results


def _after(text: str, end: int, limit: int) -> tuple[str, int, int, str | None] | None:
    """A speaker named right after a quote: “…,” said X / “…,” X said."""
    tail = text[end : min(limit, end + 200)]
    stripped = tail.lstrip(",; —–-")
    offset = end + len(tail) - len(stripped)
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
        match = pattern.match(stripped)
        if match and _plausible(match.group("mention")):
            return _found(match, offset)
    return None


def _found(match: re.Match[str], offset: int) -> tuple[str, int, int, str | None]:
    mention = match.group("mention")
    start = offset + match.start("mention")
    return mention, start, start + len(mention), match.group("desc")


def _before(text: str, start: int, floor: int) -> tuple[str, int, int, str | None] | None:
    """A speaker named before a quote, in the same sentence: X said: “…” / According to X, “…”."""
    before, offset = _sentence_before(text, start, floor)
    for pattern in (_BEFORE, _ACCORDING):
        for match in pattern.finditer(before):
            if match.end() == len(before) and _plausible(match.group("mention")):
                return _found(match, offset)
    return None


def _plausible(mention: str) -> bool:
    return mention.split()[0] not in _NOT_NAMES or mention.lower() in _PRONOUNS


def _person_like(mention: str) -> bool:
    words = mention.split()
    return bool(_TITLES.match(mention)) or 2 <= len(words) <= 4 or len(words) == 1


def _display(mention: str, description: str | None) -> str:
    if description:
        desc = re.split(r"\s+(?:who|which|that|said|says|told|added)\b", description.strip(" ,"))[0]
        if len(desc.split()) <= 10:
            return f"{mention}, {desc}"
    return mention


def _central_terms(text: str) -> Counter[str]:
    words = [w.lower() for w in _WORD.findall(text) if len(w) > 3]
    return Counter(words)


def _score(quote: str, attribution: _Attribution, central: Counter[str]) -> float:
    """Importance in [0, 1]: length, a named speaker, and the article's central terms."""
    words = [w.lower() for w in _WORD.findall(quote)]
    length = min(len(words), 40) / 40
    named = 1.0 if attribution.named else (0.4 if attribution.speaker else 0.0)
    top = {w for w, _ in central.most_common(15)}
    centrality = len(top.intersection(words)) / max(1, min(len(top), 6))
    score = 0.45 * length + 0.35 * named + 0.2 * min(1.0, centrality)
    return round(min(1.0, max(0.0, score)), 4)


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
