"""BriefRank: a learned sentence scorer for news briefings (the default method).

Each readable sentence of the article (fragments, captions, bylines and page furniture are already
out; quotations are in) is described by a few language-neutral features (``FEATURES``): where it
stands, how salient it is, whether it is in the first or second person and how much of it is
quotation. Its rating is a weighted sum of them; sentences are then picked greedily by maximal
marginal relevance (a pick's rating loses ``REDUNDANCY`` times its highest tf-idf similarity to a
sentence already picked) and given back in article order.

The weights are a logistic regression on greedy-oracle labels (the three sentences that, added one
at a time, best raise ROUGE-1 + ROUGE-2 F1 against the editors' highlights), fitted on the
CNN/DailyMail dev and tune splits by ``tests/benchmarks/fit_briefing.py``, which rewrites
``WEIGHTS`` exactly (fixed order, a fixed number of Newton steps, rounding);
``tests/benchmarks/briefing_eval.py --cv 5`` scores the same recipe fold by fold on articles it was
not fitted on. No data and no model are read at run time: the weights below are all there is.

Languages: each weight set belongs to a language (``WEIGHT_SETS``): its feature names, weights and
redundancy. English (``FEATURES``, ``WEIGHTS``, ``REDUNDANCY``) is fitted on CNN/DailyMail; French
(``FEATURES_FR``, ``WEIGHTS_FR``, ``REDUNDANCY_FR``) on OrangeSum by the same recipe
(``fit_briefing.py --language fr``), where the abstract was cut out of the text and covers the
whole article: an indicator of the first sentence and a much stronger redundancy penalty (a
briefing that says three different things) cross-validated better there. A language without a set of its own is rated
with the English set, and a log line says so once (``weight_set_for``).

Titles: neither split has titles, so title overlap cannot be learned; for a titled article the share
of the title's content words a sentence repeats is added with the salience weight (as in NewsRank,
where the two were set to matter about as much).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.nlp.stemmers import null_stemmer

from summarizer.newsrank import (
    NewsRankSummarizer,
    _in_person,
    cosine_matrix,
    mmr,
    salience,
)
from summarizer.quotation import quoted_share, unquoted
from summarizer.tokenize import split_words

log = logging.getLogger(__name__)

#: English features, in the order of ``WEIGHTS`` (see ``features`` for what each one is). Kept are those
#: that held up under cross-validation; centrality, tf-idf novelty against the lead, length, digits,
#: position indicators, article length and word importance (a model of which words the highlights
#: keep, as a sentence feature or as concept coverage over triples) were tried and left out (they
#: did not raise the margin). First/second person is asked outside quotations (``reporter_person``):
#: counting a quoted "you" lowered the margin (+0.59 -> +0.71 R1 when the quotes were left out).
FEATURES: tuple[str, ...] = ("lead", "salience", "reporter_person", "quote")

# fmt: off
#: Written by tests/benchmarks/fit_briefing.py --write (do not edit by hand).
WEIGHTS: tuple[float, ...] = (
    1.88,  # lead
    3.113,  # salience
    -0.735,  # reporter_person
    -0.845,  # quote
)
REDUNDANCY: float = 0.5
# fmt: on

#: French features (OrangeSum, ``fit_briefing.py --language fr``): lead, salience, person and quote,
#: plus an indicator of the first sentence (the lead prior is flat over the first few; OrangeSum's
#: first carries more of the abstract). Sentence length (as a feature or a cost), word importance,
#: indicators of the second and third sentences, centrality, digits and elision-aware stems were
#: tried and left out: none raised the cross-validated margin over Lead-3. English's
#: ``reporter_person`` in place of ``person`` lowered it (twelve partitions: +0.60 -> +0.35 R1).
FEATURES_FR: tuple[str, ...] = ("lead", "salience", "person", "quote", "first")

# fmt: off
#: Written by tests/benchmarks/fit_briefing.py --language fr --write (do not edit by hand).
WEIGHTS_FR: tuple[float, ...] = (
    1.355,  # lead
    1.419,  # salience
    -0.435,  # person
    -0.156,  # quote
    0.255,  # first
)
REDUNDANCY_FR: float = 4.0
# fmt: on


@dataclass(frozen=True)
class WeightSet:
    """One language's model: feature names, their weights (same order) and the MMR redundancy."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    redundancy: float


#: The languages with a weight set of their own (ISO 639-1); any other is rated with English's.
WEIGHT_SETS: dict[str, WeightSet] = {
    "en": WeightSet(FEATURES, WEIGHTS, REDUNDANCY),
    "fr": WeightSet(FEATURES_FR, WEIGHTS_FR, REDUNDANCY_FR),
}
ENGLISH = "en"


@cache
def weight_set_for(language: str | None) -> WeightSet:
    """The weight set of ``language`` (a code; None is English); English's, said once in the log, otherwise."""
    code = language or ENGLISH
    found = WEIGHT_SETS.get(code)
    if found is None:
        log.info("no BriefRank weights for language %r: rated with the English set", code)
        return WEIGHT_SETS[ENGLISH]
    return found


def features(
    words: Sequence[Sequence[str]],
    terms: Sequence[list[str]],
    texts: Sequence[str],
    in_person: Callable[[Sequence[str]], bool] = _in_person,
    names: Sequence[str] = FEATURES,
) -> np.ndarray:
    """One row per sentence, one column per name in ``names`` (English's ``FEATURES`` by default).

    ``words`` are each sentence's word tokens, ``terms`` its content stems and ``texts`` its text:

    * ``lead``: NewsRank's lead prior ``1 / (1 + (position / 5) ** 4)``, nearly flat over the first
      few sentences, falling steeply after them;
    * ``salience``: NewsRank's per-word salience (how widely the article repeats its content words);
    * ``person``: 1 for a sentence in the first or second person (someone's words, not the news),
      by ``in_person``: the article language's words (English by default);
    * ``reporter_person``: ``person`` asked of the words outside quotation marks only: a report that
      quotes someone saying "you" or "we" is still a report (how much of it is quotation is
      ``quote``'s business);
    * ``quote``: the share of the sentence inside quotation marks;
    * ``first``: 1 for the first sentence (of those BriefRank is given), else 0.
    """
    n = len(terms)
    x = np.empty((n, len(names)))
    for column, name in enumerate(names):
        x[:, column] = _COLUMNS[name](words, terms, texts, in_person)
    return x


def _lead(words, terms, texts, in_person) -> np.ndarray:
    return 1.0 / (1.0 + (np.arange(len(terms), dtype=float) / 5.0) ** 4)


def _first(words, terms, texts, in_person) -> np.ndarray:
    column = np.zeros(len(terms))
    column[:1] = 1.0
    return column


def _reporter_person(words, terms, texts, in_person) -> np.ndarray:
    # Only a sentence with a pronoun at all is cut and tokenised again.
    return np.array(
        [in_person(w) and in_person(split_words(unquoted(t))) for w, t in zip(words, texts, strict=True)],
        dtype=float,
    )


_COLUMNS: dict[str, Callable[..., np.ndarray]] = {
    "lead": _lead,
    "salience": lambda words, terms, texts, in_person: salience(words, terms),
    "person": lambda words, terms, texts, in_person: np.array([in_person(w) for w in words], dtype=float),
    "reporter_person": _reporter_person,
    "quote": lambda words, terms, texts, in_person: np.array([quoted_share(t) for t in texts], dtype=float),
    "first": _first,
}


class BriefRankSummarizer(NewsRankSummarizer):
    """Learned linear ratings over a language's features, picked with MMR (see the module docstring)."""

    #: Quotations compete with the other sentences: the ``quote`` feature says how much less.
    rates_quotations = True

    def __init__(
        self,
        stemmer=null_stemmer,
        weights: Sequence[float] | None = None,
        redundancy: float | None = None,
        *,
        language: str | None = None,
        names: Sequence[str] | None = None,
    ) -> None:
        """``language`` picks the weight set (``weight_set_for``); ``weights``, ``redundancy`` and the
        feature ``names`` override it (the fitting and evaluation scripts pass their own)."""
        super().__init__(stemmer)
        chosen = weight_set_for(language)
        self.names = tuple(chosen.features if names is None else names)
        self.weights = np.asarray(chosen.weights if weights is None else weights, dtype=float)
        if self.weights.shape != (len(self.names),):
            raise ValueError(f"BriefRank needs {len(self.names)} weights, got {self.weights.shape}")
        unknown = [name for name in self.names if name not in _COLUMNS]
        if unknown:
            raise ValueError(f"unknown BriefRank features {unknown}")
        self.redundancy = float(chosen.redundancy if redundancy is None else redundancy)

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        if sentences_count <= 0 or not sentences:
            return ()
        x, similarity, terms = self.describe(sentences)
        ratings = x @ self.weights
        title = self._title_terms(document)
        if title and "salience" in self.names:
            overlap = [len(title.intersection(t)) / len(title) for t in terms]
            ratings = ratings + self.weights[self.names.index("salience")] * np.array(overlap)
        picked = mmr(ratings, similarity, min(sentences_count, len(sentences)), self.redundancy)
        return tuple(sentences[i] for i in sorted(picked))

    def describe(self, sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
        """The feature matrix, tf-idf similarity matrix and content stems of the given sentences."""
        words = [s.words for s in sentences]
        terms = [self.content_terms(w) for w in words]
        texts = [s._text for s in sentences]
        return features(words, terms, texts, self.in_person, self.names), cosine_matrix(terms), terms
