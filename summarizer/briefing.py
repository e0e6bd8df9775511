"""Briefings: a few sentences of an article chosen by one of sumy's summarizers (or ours).

Every method is a sumy summarizer: ``method(document, count)`` returning sentences, so one call
serves them all and the CLI and the bot pick a method by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, cached_property, lru_cache

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer.article import Article
from summarizer.briefrank import BriefRankSummarizer
from summarizer.dateline import undateline
from summarizer.language_rules import LanguageRules, rules_for
from summarizer.lead import LeadSummarizer
from summarizer.newsrank import NewsRankSummarizer
from summarizer.quotation import quoted_share
from summarizer.tokenize import Tokenizer, split_words, word_spans

#: The language of an article whose language is not known (its rules: ``rules_for(None)``).
LANGUAGE = "english"

#: Bumped whenever a change alters briefings or quotes, so cached ones are recomputed.
VERSION = "10"

_SUMY_METHODS: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
    "lead": LeadSummarizer,
    "newsrank": NewsRankSummarizer,
    "briefrank": BriefRankSummarizer,
}

#: The best measured: cross-validated over the CNN/DailyMail dev and tune splits
#: (tests/benchmarks/briefing_eval.py --cv 5).
DEFAULT_METHOD = "briefrank"
METHODS: tuple[str, ...] = tuple(_SUMY_METHODS)


class UnknownMethod(ValueError):
    """Raised for a briefing method name that is not one of METHODS."""


@lru_cache(maxsize=32)
def _tokenizer(punkt_model: str = LANGUAGE) -> Tokenizer:
    return Tokenizer(punkt_model)


@cache
def summarizer_for(
    method: str, language: str | None = None
) -> Callable[[ObjectDocumentModel, int], tuple[Sentence, ...]]:
    """A ready summarizer for a method name: the language's stemmer, stop words and person words set
    (and for BriefRank the language's weight set).

    ``language`` is an ISO 639-1 code ("fr"); None is English.
    """
    try:
        cls = _SUMY_METHODS[method]
    except KeyError:
        raise UnknownMethod(
            f"unknown briefing method {method!r}; choose one of: {', '.join(METHODS)}"
        ) from None
    rules = rules_for(language)
    if cls is BriefRankSummarizer:  # the language's own weight set (English's when it has none)
        summarizer = cls(rules.stemmer(), language=rules.code)
    else:
        summarizer = cls(rules.stemmer())
    summarizer.stop_words = rules.stop_words()
    if hasattr(summarizer, "in_person"):
        summarizer.in_person = rules.in_person
    return summarizer


#: Fewer words than this is a fragment, not a sentence a briefing can stand on.
MIN_WORDS = 5
#: A sentence with more than this share of its words inside quotation marks is "mostly a quotation".
QUOTED_SHARE = 0.5

_BOILERPLATE = re.compile(
    r"scroll down for (?:the )?video|click here\b|contributed to this report|watch the video\b"
    r"|\b(?:published|updated|last updated):|daily mail reporter|for mailonline\b|share this article"
    r"|sign up for\b|follow (?:us|him|her|them)? ?(?:on twitter )?@\w|^read more\b|^video:|^video courtesy",
    re.IGNORECASE,
)
#: Every alternative of ``_BOILERPLATE`` holds one of these (lower case): a sentence with none of them
#: skips the slow pattern. Keep the two in step (tests/test_briefrank.py checks every alternative).
_BOILERPLATE_HINTS = (
    "scroll", "click", "contributed", "video", "published", "updated", "reporter", "mailonline",
    "share this", "sign up", "@", "read more",
)
#: "By Jane Smith for MailOnline", "By . Daily Mail Reporter .": names only, then an end or a joiner.
_BYLINE = re.compile(r"^By\s*\.?\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:$|[.|]|for\b|and\s+[A-Z][\w'’-]*\s+[A-Z])")
#: Photo captions: "(pictured)", "(file photo)", "pictured, ...", "Pictured: ...", and where a caption
#: points at a photo: "pictured left in ...", "(second left)", "(behind Allen, left)", "(shown above)"
#: (up to five words in brackets ending in a position word).
_PHOTO = re.compile(
    r"\((?:pictured|left|right|above|below|centre|center|top|bottom|inset|file(?: photo)?|"
    r"stock (?:image|photo|picture)|(?:pictured )?(?:far )?(?:left|right|centre|center))\)"
    r"|\bpictured(?: (?:left|right|above|below|centre|center|here|top|bottom))?[,:)]"
    r"|\bpictured (?:(?:far|second|top|bottom|back|front) )?(?:left|right|centre|center|middle|above|below)\b"
    r"|\((?:[^()\s]+[ ,]+){0,5}(?:left|right|middle|centre|center|above|below)\)"
    r"|^(?:pictured|picture|photo|image|above|below|left|right|top|inset)\s*:",
    re.IGNORECASE,
)
#: Every alternative of ``_PHOTO`` holds a bracket, a colon or "pictured": a sentence with none of them
#: skips the slow pattern. ("ctured", not "pictured": under IGNORECASE the pattern's "i" also matches
#: a dotless "ı", which ``str.lower`` keeps as it is.)
_PHOTO_HINTS = ("(", ")", ":")
_PHOTO_WORD_HINT = "ctured"


def _may_be_photo_caption(sentence: str, lower: str) -> bool:
    return any(hint in sentence for hint in _PHOTO_HINTS) or _PHOTO_WORD_HINT in lower


#: A caption label opening a sentence: "Grim discovery: The remains ..." (a short phrase, a colon, a
#: capitalised statement; not "He said: '...'").
_LABEL = re.compile(r"^([A-Z][\w'’-]*(?: [\w'’-]+){0,2}):\s+[A-Z0-9]")
_SPEECH = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|asked|asks|explained|explains|wrote|writes|stated|states|"
    r"continued|went on|insisted|warned|replied|claimed|admitted|tweeted|revealed|announced)\b",
    re.IGNORECASE,
)
#: Where a photo caption, which has no full stop, runs into the sentence after it: "... denied four
#: counts of assault A senior doctor facing ...". A capitalised "The", "A" or "An" after a word in lower
#: case (or a number) and before one is a new sentence ("in Serie A on", "Nurse A with" and "read The
#: Times" are not: the word before, or after, is capitalised).
_GLUED = re.compile(r"\s(?=(?:The|An?)\s+[a-z])")
#: Each side of a cut must be a sentence in its own right.
_GLUED_MIN_WORDS = 6


def uncaption(sentence: str) -> str:
    """The sentence without the photo captions that ran into it with no full stop (see ``_GLUED``
    and ``_restated``)."""
    start = 0
    glued = _GLUED.finditer(sentence) if "The" in sentence or "A" in sentence else ()  # (cheaper first)
    for match in glued:
        head, rest = sentence[start : match.start()], sentence[match.end() :]
        before = head.rsplit(None, 1)[-1] if head.strip() else ""
        if (before[:1].islower() or before[:1].isdigit()) and min(
            len(split_words(head)), len(split_words(rest))
        ) >= _GLUED_MIN_WORDS:
            start = match.end()
    return _restated(sentence[start:])


#: How many opening words a caption and the sentence it ran into share when the caption restates it.
_RESTATED_WORDS = 3
#: Words after which a repeated opening is the sentence going on, not a new one.
_JOINERS = frozenset((
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "when", "while", "as", "because",
    "if", "than", "then", "so", "said", "says", "told", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "about", "after", "before", "since", "until", "into", "over", "under", "between", "against",
))  # fmt: skip


def _restated(sentence: str) -> str:
    """A caption that restates the sentence it ran into, which then opens with the caption's own first
    words: "An FBI agent's rifle (pictured) was stolen from a hotel lot An FBI agent's rifle was
    stolen …", "Wanted: Police in Maryland have issued a warrant … Police in Maryland have launched
    …". What follows the repeat is the sentence, when the repeat comes after the end of a caption: a
    word in lower case, a number or a bracket, but not a word that joins a sentence's own parts ("the
    mayor spoke and Mayor Ann Green …" is one sentence)."""
    label = _LABEL.match(sentence)
    opening_at = label.end(1) + 1 if label else 0
    first = next(word_spans(sentence, opening_at), None)
    if first is None or sentence.find(first.group(), first.end()) < 0:
        return sentence  # the usual case: the first word never comes back
    words = list(word_spans(sentence, opening_at))
    if len(words) < 2 * _RESTATED_WORDS + _GLUED_MIN_WORDS:
        return sentence
    texts = [w.group() for w in words]
    opening = texts[:_RESTATED_WORDS]
    if not opening[0][:1].isupper():
        return sentence
    for k in range(_GLUED_MIN_WORDS, len(words) - _GLUED_MIN_WORDS + 1):
        if texts[k] == opening[0] and texts[k : k + _RESTATED_WORDS] == opening:
            before = sentence[: words[k].start()].rstrip()
            joined = words[k - 1].group().lower() in _JOINERS
            if (before[-1:].islower() or before[-1:].isdigit() or before[-1:] == ")") and not joined:
                return sentence[words[k].start() :]
    return sentence


def is_fragment(sentence: str) -> bool:
    """Under five words, or a piece of a split sentence (it opens in lower case)."""
    return _is_fragment(split_words(sentence))


def _is_fragment(words: Sequence[str]) -> bool:
    """``is_fragment`` of a sentence's words (``split_words``)."""
    if len(words) < MIN_WORDS:
        return True
    first = words[0]
    # "iPhone", "eBay": a lower-case opening with capitals inside is a name, not a split.
    return first[0].islower() and first == first.lower()


def is_boilerplate(sentence: str, rules: LanguageRules | None = None) -> bool:
    """Page furniture: video prompts, bylines, credits, photo captions, cross-links ("Lire aussi").

    ``rules`` are the article language's (None: English). The byline, photo and caption-label
    rules are English ones ("By …", "(pictured)", a label whose phrase has no English speech verb):
    other languages get their own furniture lines instead, so "Er sagte: Wir …" is never a caption.
    """
    lower = sentence.lower()
    if any(hint in lower for hint in _BOILERPLATE_HINTS) and _BOILERPLATE.search(sentence):
        return True
    if rules is not None and rules.code != "en":
        return rules.is_furniture(sentence)
    if _BYLINE.match(sentence) or (_may_be_photo_caption(sentence, lower) and _PHOTO.search(sentence)):
        return True
    label = _LABEL.match(sentence)
    return bool(label) and not _SPEECH.search(label.group(1))


def is_mostly_quotation(sentence: str) -> bool:
    return quoted_share(sentence) > QUOTED_SHARE


def readable(sentence: str, rules: LanguageRules | None = None, words: Sequence[str] | None = None) -> bool:
    """A sentence that can stand in a briefing at all: no fragment, no boilerplate. ``words``: its
    ``split_words``, when the caller has them already."""
    return not _is_fragment(split_words(sentence) if words is None else words) and not is_boilerplate(
        sentence, rules
    )


class _KnownWords(Tokenizer):
    """A tokenizer that gives the words of the sentences it was handed already split (``words``), so a
    sentence's words are found once: for the readability rules and for the summarizer's sumy sentences."""

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self.words: dict[str, tuple[str, ...]] = {}

    def to_words(self, sentence: str) -> tuple[str, ...]:
        words = self.words.get(sentence)
        if words is None:
            words = self.words[sentence] = super().to_words(sentence)
        return words


def build_document(
    article: Article, keep: Callable[[str], bool] = lambda _: True, *, language: str | None = None
) -> ObjectDocumentModel:
    """The article body as a sumy document: one sumy paragraph per article paragraph.

    Only the sentences ``keep`` accepts are in it (split as the briefing splits them: captions that
    ran into a sentence cut off). The title, when there is one, is a sumy heading
    in a paragraph of its own: summarizers that read headings (NewsRank's title overlap) see it,
    and it can never be merged into, or picked as, a sentence of the briefing.
    """
    return _Candidates(article, rules_for(language)).document(keep)


def _document(
    title: str | None, paragraphs: list[tuple[str, ...]], keep: Callable[[str], bool], tokenizer: Tokenizer
) -> ObjectDocumentModel:
    built = [Paragraph([Sentence(s, tokenizer) for s in sentences if keep(s)]) for sentences in paragraphs]
    built = [p for p in built if p.sentences]
    if title and built:
        built.insert(0, Paragraph([Sentence(title, tokenizer, is_heading=True)]))
    return ObjectDocumentModel(built)


#: How a sentence ends when it is one: a full stop, a question, a closing mark.
_ENDED = re.compile(r"[.!?…:;\"'»”’)\]]\s*$")


def _subheadings(paragraphs: list[tuple[str, ...]]) -> set[str]:
    """Subheadings: paragraphs of one sentence with no closing punctuation ("Trois morts en quinze jours").

    Only in articles of several paragraphs: a one-paragraph text without a final full stop is a story.
    """
    if len(paragraphs) < 2:
        return set()
    return {p[0] for p in paragraphs if len(p) == 1 and not _ENDED.search(p[0])}


#: A piece split off after a name's initials: "(CNN)Blues legend B.B." | "King was hospitalized …".
_ENDS_IN_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}$")


def _rejoin_initials(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """Punkt splits after initials at times ("Blues legend B.B. King was …"): a piece too short to be a
    sentence that ends in initials is joined to the sentence after it, when that opens with a capital."""
    joined: list[str] = []
    for sentence in sentences:
        previous = joined[-1] if joined else ""
        # (Punkt's sentences are stripped, so one that ends in initials ends in a capital and "."; checked
        # first: cheaper.)
        if (
            sentence[:1].isupper()
            and previous.endswith(".")
            and previous[-2:-1].isupper()
            and _ENDS_IN_INITIALS.search(previous)
            and is_fragment(previous)
        ):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return tuple(joined)


class _Candidates:
    """An article split once, for the readability rules and the summarizer's document alike."""

    def __init__(self, article: Article, rules: LanguageRules) -> None:
        tokenizer = _tokenizer(rules.punkt)
        self.tokenizer = _KnownWords(rules.punkt)
        self.title = article.title
        # Captions glued to a sentence are found by English articles ("The", "A"): English only.
        english = rules.code == "en"
        fix = uncaption if english else str
        self.paragraphs = [
            tuple(fix(s) for s in (_rejoin_initials(split) if english else split))
            for split in (tokenizer.to_sentences(text) for text in article.paragraphs)
        ]
        if self.paragraphs and self.paragraphs[0]:
            first, *rest = self.paragraphs[0]
            self.paragraphs[0] = (undateline(first), *rest)
        self.all = list(dict.fromkeys(s for sentences in self.paragraphs for s in sentences))
        headings = _subheadings(self.paragraphs)
        to_words = self.tokenizer.to_words
        self.readable = [s for s in self.all if s not in headings and readable(s, rules, to_words(s))]

    @cached_property
    def quotations(self) -> set[str]:
        return {s for s in self.readable if is_mostly_quotation(s)}

    @cached_property
    def plain(self) -> set[str]:
        return {s for s in self.readable if s not in self.quotations}

    def document(self, keep: Callable[[str], bool]) -> ObjectDocumentModel:
        return _document(self.title, self.paragraphs, keep, self.tokenizer)


def briefing_document(article: Article, language: str | None = None) -> ObjectDocumentModel:
    """What BriefRank ranks for the article's briefing: every readable sentence, quotations included.

    (BriefRank's fitting script learns on exactly these documents.)
    """
    candidates = _Candidates(article, rules_for(language))
    return candidates.document(set(candidates.readable).__contains__)


Summarize = Callable[[ObjectDocumentModel, int], tuple[Sentence, ...]]


def briefing(
    article: Article, sentences: int = 3, method: str | Summarize | None = None, *, language: str | None = None
) -> list[str]:
    """The ``sentences`` most important readable sentences of the article body, in article order.

    Fragments and boilerplate never appear. A sentence that is mostly a quotation (quotes have a
    digest of their own) appears only when too few other sentences are left, except for summarizers
    that weigh quotation themselves (``rates_quotations``: BriefRank learned how much to hold it
    against a sentence). ``method`` is a name of METHODS or a ready summarizer (the evaluation passes
    one with other weights). ``language``: the article's ISO 639-1 code as stored (``articles.language``):
    its Punkt model splits the sentences, its stemmer, stop words and person words rate them, its
    furniture lines are left out (``summarizer.language_rules``). None is English; a language without
    rules of its own falls back (``rules_for(language).fallback`` says so).
    """
    summarize = method if callable(method) else summarizer_for(method or DEFAULT_METHOD, language)
    if sentences <= 0 or article.is_empty:
        return []
    candidates = _Candidates(article, rules_for(language))

    def pick(count: int, keep: Callable[[str], bool]) -> list[str]:
        document = candidates.document(keep)
        if len(document.sentences) <= count:
            return [s._text for s in document.sentences]
        return [s._text for s in summarize(document, count)]

    if getattr(summarize, "rates_quotations", False):
        readable_ones = set(candidates.readable)
        chosen = set(pick(sentences, readable_ones.__contains__))
        return [s for s in candidates.all if s in chosen]
    plain, quotations = candidates.plain, candidates.quotations
    if len(plain) >= sentences:
        chosen = set(pick(sentences, plain.__contains__))
    elif len(candidates.readable) > sentences:
        # Every plain sentence, then the best of the quotations for the rest.
        chosen = plain | set(pick(sentences - len(plain), quotations.__contains__))
    else:
        chosen = set(candidates.readable)
    return [s for s in candidates.all if s in chosen]


#: What ``clean_text`` may turn into one space, or drop, between the words of a sentence.
_GAP = r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]+"


def as_written(sentences: list[str], text: str) -> list[str]:
    """The briefing's sentences exactly as they stand in the raw ``text`` the article was parsed from.

    Parsing normalises spacing (no-break spaces, runs of spaces, line breaks inside a paragraph), so a
    briefing sentence can differ from the raw text in its gaps only; this finds each one in the raw
    text, in order, and returns that stretch. A sentence not found is returned as it is.
    """
    found, at = [], 0
    for sentence in sentences:
        pattern = _GAP.join(re.escape(chunk) for chunk in sentence.split(" "))
        match = re.compile(pattern).search(text, at)
        if match is None:
            found.append(sentence)
            continue
        found.append(match.group())
        at = match.end()
    return found
