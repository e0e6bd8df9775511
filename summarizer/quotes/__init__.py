"""Direct quotations and who said them: a rule-based, offline extractor and the key-quote digest.

``extract`` pairs quotation marks paragraph by paragraph (:mod:`.marks`), attributes each quote of
four or more words to a speaker (:mod:`.speakers`, :mod:`.mentions`) and scores it (:mod:`.ranking`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summarizer.quotes.credited import attribute_in, bound_unclosed
from summarizer.quotes.dialogue import spans_with_dialogue
from summarizer.quotes.lexicon import LEXICONS
from summarizer.quotes.marks import Span, has_words, is_ditto_row, paragraphs, quote_spans
from summarizer.quotes.mentions import CREDIT_OPENERS
from summarizer.quotes.ranking import KEY_QUOTES, central_terms, key_quotes, ranked, score
from summarizer.quotes.speakers import attribute

__all__ = ["KEY_QUOTES", "LANGUAGES", "MIN_WORDS", "Quote", "extract", "key_quotes", "ranked"]

MIN_WORDS = 4
#: Languages with their own quote rules; any other (and None) gets the English and German rules.
LANGUAGES = frozenset(["en", "de", *LEXICONS])
#: Languages whose news writes dialogue with dashes ("—Texto —dijo María—.").
_DASH_DIALOGUE = frozenset(["es", "ru"])
#: Characters read to detect the language when the caller asks for it ("auto"): enough to be sure.
_DETECT_CHARS = 600


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



def _is_quote(quoted: str, language: str | None = None, credited: bool = False) -> bool:
    """Four or more words, and not a web address, a title ("Person of the Year", a show's name) or a
    row of a price table (ditto marks: „ 250 fl. L. b. Roths.).

    ``credited``: a credit follows the quote ("„Die Reform kommt zu spät“, sagte X."): words someone
    said, however much they look like a German title."""
    if not has_words(quoted, MIN_WORDS) or "://" in quoted or "www." in quoted:
        return False
    if is_ditto_row(quoted):
        return False
    if quoted.startswith("„") and language not in LEXICONS and not credited and _german_title(quoted):
        return False
    return not _looks_like_title(quoted)


#: Words that make a German quote a sentence rather than a title: auxiliaries and pronouns.
_GERMAN_SENTENCE_WORDS = frozenset(
    ["ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "wird", "werden", "wurde", "wurden", "kann", "können", "konnte", "muss", "muß", "müssen", "soll", "sollen", "will", "wollen", "darf", "sei", "seien", "wäre", "gibt", "ich", "wir", "du", "ihr", "er", "sie", "es", "man", "uns", "mich", "mir"]
)


def _german_title(quoted: str) -> bool:
    """„Die lustigen Weiber von Windsor“, „Eine Erinnerung aus Wiesbaden.“: a short capitalised German
    phrase with no auxiliary, pronoun or comma is a title (of a book, a play, an article), not speech."""
    words = re.findall(r"[^\W\d_]+", quoted)
    if len(words) > 8 or any(mark in quoted for mark in ",;:?!") or not words[0][:1].isupper():
        return False
    return not any(w.lower() in _GERMAN_SENTENCE_WORDS for w in words)


_COMMA_WORD = re.compile(r",\s*([^\W\d_]+)")


def _credited_after(text: str, span: Span) -> bool:
    """ "„…“, sagte X.", "„…“, so X.", "„…“, hieß es.": a credit comes right after the quote."""
    match = _COMMA_WORD.match(text, span.end, span.end + 40)
    return match is not None and match[1] in CREDIT_OPENERS


_WORDS_BEFORE = re.compile(r"[^\W\d_]+")
#: How many words before a quote are searched for the verb that reports it.
_SCARE_WINDOW = 8
#: Verbs that quote someone's words for a thing ("nannte die Pläne „völlig unausgegoren“", "bezeichnete
#: ihn als „…“"): with one before it, a phrase in quotation marks is someone's words.
_NAMING_VERBS = frozenset(
    ["nannte", "nennt", "nannten", "nennen", "bezeichnete", "bezeichnet", "bezeichneten", "bezeichnen"]
)


def _scare_quote(text: str, span: Span) -> bool:
    """A German phrase in quotation marks run into a sentence with no one saying it: it opens in lower
    case right after a word (no colon or comma before it) and no speech verb comes before it in its
    sentence ("die Leistungen dieser Aufgebote „gegenüber den altbewährten …"", "deren Zahl „nicht als
    groß bezeichnet werden kann“"): the writer's irony, not reported speech. "konstatierte Graf X damals
    „über …“", "erklärt: „es sei …“" and "nannte die Pläne „völlig unausgegoren“" stay quotes."""
    if text[span.start : span.start + 1] != "„" or not text[span.start + 1 : span.start + 2].islower():
        return False
    before = text[max(0, span.start - 200) : span.start].rstrip()
    if not before or not before[-1].isalnum():
        return False
    sentence = re.split(r"[.!?:;]\s", before)[-1]
    words = [w.lower() for w in _WORDS_BEFORE.findall(sentence)][-_SCARE_WINDOW:]
    return not any(w in CREDIT_OPENERS or w in _NAMING_VERBS for w in words)


def _looks_like_title(quoted: str) -> bool:
    inner = quoted.strip("“”\"'‘’ ").rstrip(",.")
    if any(mark in inner for mark in ",;?!") or "." in inner:
        return False
    words = _TITLE_WORD.findall(quoted)
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)


def _runaway(text: str, spans: list[Span], i: int) -> bool:
    """A German-style mark („, or any mark followed by a space) left open, and not continued by a
    quote opening the next paragraph, is a stray or ditto mark: it never swallows its paragraph."""
    span = spans[i]
    spaced = text[span.start + 1 : span.start + 2].isspace()
    if span.closed or not (text.startswith("„", span.start) or spaced):
        return False
    opens_sentence = not text[: span.start].rstrip() or text[: span.start].rstrip()[-1] in ".:!?\n"
    if opens_sentence and not spaced:
        return False  # "… vergegenwärtigt. „Ein Delinquent wurde …" to the end: a quote left open
    following = spans[i + 1] if i + 1 < len(spans) else None
    if following is None or following.paragraph != span.paragraph + 1:
        return True
    return bool(text[span.end : following.start].strip())


def extract(text: str, language: str | None = None) -> list[Quote]:
    """Every direct quote of four or more words in ``text``, in text order, scored.

    ``language``: the ISO 639-1 code of the text ("fr"), "auto" to detect it, or None for the rules
    English and German share (the default, so callers that know the language pay nothing to detect
    it: the CLI detects, the bot passes the article's stored language).
    """
    if not isinstance(text, str) or not text:
        return []
    if language == "auto":
        from summarizer.language import detect

        language = detect(text[:_DETECT_CHARS], default="en")
    # Short quotes are attributed too: "“Safety,” said X. “Safety for everyone.”" carries X over.
    paras = None if language in LEXICONS else paragraphs(text)  # read once: for the marks and the speakers
    found = spans_with_dialogue(text) if language in _DASH_DIALOGUE else quote_spans(text, paras)
    spans = [s for s in found if has_words(text, 1, s.start, s.end)]
    if language in LEXICONS:
        bounded = bound_unclosed(text, spans, language)
        spans = [s for s in bounded if s is not None]
        attributions = attribute_in(text, spans, language)
        kept = [_is_quote(text[s.start : s.end], language) for s in spans]
    else:
        attributions = attribute(text, spans, paras)
        kept = [
            _is_quote(text[s.start : s.end], credited=_credited_after(text, s))
            and not _runaway(text, spans, i)
            and not _scare_quote(text, s)
            for i, s in enumerate(spans)
        ]
    pairs = [(s, a) for s, a, keep in zip(spans, attributions, kept, strict=True) if keep]
    central = central_terms(text) if pairs else frozenset()  # a pass over the whole text: only when used
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
