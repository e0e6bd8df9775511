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

Titles: neither split has titles, so title overlap cannot be learned; for a titled article the share
of the title's content words a sentence repeats is added with the salience weight (as in NewsRank,
where the two were set to matter about as much).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

#: The features, in the order of ``WEIGHTS`` (see ``features`` for what each one is). Kept are those
#: that held up under cross-validation; centrality, tf-idf novelty against the lead, length, digits,
#: position indicators and article length were tried and left out (they lowered the margin).
FEATURES: tuple[str, ...] = ("lead", "salience", "person", "quote")

# fmt: off
#: Written by tests/benchmarks/fit_briefing.py --write (do not edit by hand).
WEIGHTS: tuple[float, ...] = (
    1.877,  # lead
    3.036,  # salience
    -0.737,  # person
    -0.842,  # quote
)
REDUNDANCY: float = 0.5
# fmt: on


def features(
    words: Sequence[Sequence[str]],
    terms: Sequence[list[str]],
    texts: Sequence[str],
    in_person: Callable[[Sequence[str]], bool] = _in_person,
) -> np.ndarray:
    """One row per sentence, one column per name in ``FEATURES``.

    ``words`` are each sentence's word tokens, ``terms`` its content stems and ``texts`` its text:

    * ``lead``: NewsRank's lead prior ``1 / (1 + (position / 5) ** 4)``, nearly flat over the first
      few sentences, falling steeply after them;
    * ``salience``: NewsRank's per-word salience (how widely the article repeats its content words);
    * ``person``: 1 for a sentence in the first or second person (someone's words, not the news),
      by ``in_person``: the article language's words (English by default), asked of the words
      outside quotation marks only (a report that quotes "you" or "we" is still a report; how much
      of it is quotation is the next feature's business);
    * ``quote``: the share of the sentence inside quotation marks.
    """
    n = len(terms)
    x = np.empty((n, len(FEATURES)))
    position = np.arange(n, dtype=float)
    x[:, 0] = 1.0 / (1.0 + (position / 5.0) ** 4)
    x[:, 1] = salience(words, terms)
    x[:, 2] = [
        in_person(w) and in_person(split_words(unquoted(t))) for w, t in zip(words, texts, strict=True)
    ]
    x[:, 3] = [quoted_share(t) for t in texts]
    return x


class BriefRankSummarizer(NewsRankSummarizer):
    """Learned linear ratings over ``FEATURES``, picked with MMR (see the module docstring)."""

    #: Quotations compete with the other sentences: the ``quote`` feature says how much less.
    rates_quotations = True

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
        texts = [s._text for s in sentences]
        return features(words, terms, texts, self.in_person), cosine_matrix(terms), terms
