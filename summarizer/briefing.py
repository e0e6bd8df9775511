"""Briefings: a few sentences of an article chosen by one of sumy's summarizers (or ours).

Every method is a sumy summarizer: ``method(document, count)`` returning sentences, so one call
serves them all and the CLI and the bot pick a method by name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summarizer.article import Article
from summarizer.lead import LeadSummarizer
from summarizer.tokenize import Tokenizer

LANGUAGE = "english"

#: Bumped whenever a change alters briefings or quotes, so cached ones are recomputed.
VERSION = "1"

_SUMY_METHODS: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
    "lead": LeadSummarizer,
}

DEFAULT_METHOD = "lexrank"
METHODS: tuple[str, ...] = tuple(_SUMY_METHODS)


class UnknownMethod(ValueError):
    """Raised for a briefing method name that is not one of METHODS."""


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    return Tokenizer(LANGUAGE)


@cache
def summarizer_for(method: str) -> Callable[[ObjectDocumentModel, int], tuple[Sentence, ...]]:
    """A ready summarizer (stemmer and stop words set) for a method name."""
    try:
        cls = _SUMY_METHODS[method]
    except KeyError:
        raise UnknownMethod(
            f"unknown briefing method {method!r}; choose one of: {', '.join(METHODS)}"
        ) from None
    summarizer = cls(Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)
    return summarizer


def build_document(article: Article) -> ObjectDocumentModel:
    """The article body as a sumy document: one sumy paragraph per article paragraph.

    The title is deliberately left out of the sentences so it can never be merged into, or
    picked as, the first sentence of the briefing.
    """
    tokenizer = _tokenizer()
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in tokenizer.to_sentences(text)])
        for text in article.paragraphs
    ]
    return ObjectDocumentModel([p for p in paragraphs if p.sentences])


def briefing(article: Article, sentences: int = 3, method: str | None = None) -> list[str]:
    """The ``sentences`` most important sentences of the article body, in article order."""
    summarize = summarizer_for(method or DEFAULT_METHOD)
    if sentences <= 0 or article.is_empty:
        return []
    document = build_document(article)
    if len(document.sentences) <= sentences:
        return [s._text for s in document.sentences]
    chosen = summarize(document, sentences)
    order = {id(s): i for i, s in enumerate(document.sentences)}
    return [s._text for s in sorted(chosen, key=lambda s: order.get(id(s), 0))]
