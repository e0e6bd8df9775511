"""NewsRank: a sumy summarizer for news that keeps the editor's lead and improves on it.

A sentence's rating adds up what editors know and what a reader of a briefing needs:

* **lead prior** — news comes first: ``1 / (1 + (position / lead_decay) ** lead_power)``, nearly flat
  over the first few sentences and falling steeply after them, so the other ratings choose *among*
  the lead sentences and only an outstanding later sentence displaces one;
* **salience** — how densely the sentence holds the words the article keeps coming back to: the sum,
  over its content words, of ``log(sentences holding the word) / log(sentences + 1)``, divided by the
  sentence's length in words. Being per word, it is also the length rule: a long sentence must carry
  proportionally more of the story's recurring words to rate as well as a short one;
* **directed centrality** over tf-idf sentence similarity, as PACSUM does with BERT: edges to later
  sentences count ``forward``, edges to earlier ones ``backward``;
* **person** — a sentence in the first or second person ("I", "we", "you") is someone's words
  reported without quotation marks, rarely the news itself;
* **title overlap** — for articles posted with a title (a sumy heading), the share of the title's
  content words the sentence repeats.

Sentences are then picked greedily by maximal marginal relevance: each pick's rating loses
``redundancy`` times its highest tf-idf similarity to a sentence already picked, so a briefing does not
say the same thing twice. The weights were set on the CNN/DailyMail dev split only
(``tests/benchmarks/briefing_eval.py``), from a broad plateau of equally good values, and kept round.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Sentence
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from threadpoolctl import threadpool_limits

# numpy's OpenBLAS spreads each matrix product over every core. Ours are a few dozen sentences by a
# few hundred terms, where its threads cost more CPU than the product itself (``cosine_matrix`` is about
# 3x cheaper on one thread), and the thread count does not change a product (checked bit for bit on
# the evaluation sets). Set once for the process: nothing else in the bot multiplies matrices.
threadpool_limits(1, user_api="blas")

#: Stems kept per summarizer before the cache starts over (a long-running bot sees unbounded words).
_STEM_CACHE_LIMIT = 200_000
#: Words of the first and second person ("US" in capitals is the country, so only lower-case "us").
_PERSONAL = frozenset(
    {"i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself"}
)


class NewsRankSummarizer(AbstractSummarizer):
    """Lead prior + salience + directed tf-idf centrality + person + title overlap, picked with MMR."""

    #: Lead prior: the position (0-based) whose prior is half the first sentence's ...
    lead_decay = 5.0
    #: ... and how sharply it falls after that (4: positions 0-3 keep over 0.7, position 8 under 0.15).
    lead_power = 4.0
    #: Weight of salience (its values are mostly 0.1-0.5, so differences of about 0.1 matter).
    salience = 1.0
    #: Weight of directed centrality (scaled to at most 1 within the article): a tie-breaker.
    centrality = 0.1
    #: Edge weights to later and to earlier sentences. PACSUM found earlier-sentence edges harmful
    #: with BERT similarity; with tf-idf on the dev split, a smaller positive weight did better.
    forward = 1.0
    backward = 0.5
    #: Similarities below ``min + threshold * (max - min)`` of the article are not edges.
    threshold = 0.0
    #: Subtracted from a sentence in the first or second person.
    personal = 0.25
    #: Weight of the share of the title's content words a sentence repeats (titled articles only; the
    #: dev split has no titles, so this is set by hand to matter about as much as salience).
    title = 0.3
    #: MMR: a candidate's rating loses this much times its highest similarity to a picked sentence.
    redundancy = 0.2

    _stop_words: frozenset[str] = frozenset()
    #: Whether a sentence's words are in the first or second person; ``summarizer_for`` sets the
    #: article language's test (``LanguageRules.in_person``), English by default.
    in_person = staticmethod(lambda words: _in_person(words))

    def __init__(self, stemmer=null_stemmer, **weights: float) -> None:
        super().__init__(stemmer)
        for name, value in weights.items():
            if name.startswith("_") or not isinstance(getattr(type(self), name, None), float):
                raise TypeError(f"unknown NewsRank weight {name!r}")
            setattr(self, name, float(value))
        self._forget_words()

    def _forget_words(self) -> None:
        """Empty the per-word caches (words recur from article to article; each answer depends on the
        stop words): word -> its stem, "" for none."""
        self._stems = WordMemo(self._stem)

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: Iterable[str]) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))
        self._forget_words()

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Sentence, ...]:
        sentences = document.sentences
        if sentences_count <= 0 or not sentences:
            return ()
        words = [s.words for s in sentences]
        terms = [self.content_terms(w) for w in words]
        similarity = cosine_matrix(terms)
        ratings = self.rate(words, terms, similarity, self._title_terms(document))
        picked = mmr(ratings, similarity, min(sentences_count, len(sentences)), self.redundancy)
        return tuple(sentences[i] for i in sorted(picked))

    def rate(
        self,
        words: Sequence[Sequence[str]],
        terms: Sequence[list[str]],
        similarity: np.ndarray,
        title: frozenset[str] = frozenset(),
    ) -> np.ndarray:
        """Each sentence's rating before redundancy control (see the module docstring)."""
        n = len(terms)
        positions = np.arange(n, dtype=float)
        ratings = 1.0 / (1.0 + (positions / self.lead_decay) ** self.lead_power)
        if self.salience:
            ratings += self.salience * salience(words, terms)
        if self.centrality and n > 1:
            ratings += self.centrality * directed_centrality(
                similarity, self.forward, self.backward, self.threshold
            )
        if self.personal:
            ratings -= self.personal * np.array([self.in_person(w) for w in words], dtype=float)
        if self.title and title:
            ratings += self.title * np.array([len(title.intersection(t)) / len(title) for t in terms])
        return ratings

    def content_terms(self, words: Iterable[str]) -> list[str]:
        """Stems of the words that carry content: stop words and one-letter tokens left out."""
        return self._stems.each(words)

    def _stem(self, word: str) -> str:
        """The word's stem, "" for a stop word or a one-letter token."""
        lower = word.lower()
        return "" if lower in self._stop_words or len(lower) < 2 else self._stemmer(lower)

    def _title_terms(self, document: ObjectDocumentModel) -> frozenset[str]:
        return frozenset(t for h in document.headings for t in self.content_terms(h.words))


class WordMemo(dict[str, str]):
    """``of(word)`` for each word, worked out the first time the word is seen (words recur from article
    to article) and looked up at C speed after that; it starts over past ``_STEM_CACHE_LIMIT`` words
    (a long-running bot sees unbounded words)."""

    def __init__(self, of: Callable[[str], str]) -> None:
        super().__init__()
        self.of = of

    def __missing__(self, word: str) -> str:
        if len(self) > _STEM_CACHE_LIMIT:
            self.clear()
        found = self[word] = self.of(word)
        return found

    def each(self, words: Iterable[str]) -> list[str]:
        """``of(word)`` of each word in order, the empty ones left out."""
        return list(filter(None, map(self.__getitem__, words)))


def _in_person(words: Iterable[str]) -> bool:
    words = tuple(words)
    if _PERSONAL.isdisjoint(map(str.lower, words)):
        return False  # most sentences (and "I" is in _PERSONAL too)
    for word in words:
        lower = word.lower()
        # "I" only in capitals (a lone "i" is a list mark); "US" in capitals is the country.
        if word == "I" or (lower in _PERSONAL and lower != "i" and word != "US"):
            return True
    return False


def salience(words: Sequence[Sequence[str]], terms: Sequence[list[str]]) -> np.ndarray:
    """Per word of each sentence, how widely the article repeats its content words (see module docstring)."""
    n = len(terms)
    frequency = Counter(chain.from_iterable(map(set, terms)))  # in how many sentences each term is
    scale = math.log(n + 1)
    log_frequency = {term: math.log(count) for term, count in frequency.items()}.__getitem__
    return np.array(
        [
            sum(map(log_frequency, t_list)) / scale / max(1, len(w))
            for w, t_list in zip(words, terms, strict=True)
        ]
    )


def cosine_matrix(terms: Sequence[list[str]]) -> np.ndarray:
    """Cosine similarity of the sentences' tf-idf vectors (idf within the article; 0 on the diagonal)."""
    n = len(terms)
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(term, len(vocabulary)) for sentence in terms for term in sentence]
    rows = np.repeat(np.arange(n), [len(sentence) for sentence in terms])
    width = max(1, len(vocabulary))
    matrix = np.bincount(rows * width + np.asarray(ids, dtype=np.int64), minlength=n * width)
    matrix = matrix.reshape(n, width).astype(float)
    document_frequency = np.count_nonzero(matrix, axis=0)
    idf = np.log((n + 1.0) / (document_frequency + 0.5))
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    matrix /= norms[:, None]
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, 0.0)
    return similarity


def directed_centrality(
    similarity: np.ndarray, forward: float, backward: float, threshold: float
) -> np.ndarray:
    """PACSUM's position-aware centrality, scaled so the largest magnitude is 1.

    Edges are similarities above ``min + threshold * (max - min)``, shifted down by that floor;
    a sentence sums its edges to later sentences times ``forward`` and to earlier ones times
    ``backward``.
    """
    n = similarity.shape[0]
    off = similarity[~np.eye(n, dtype=bool)]
    low, high = float(off.min()), float(off.max())
    edges = np.maximum(0.0, similarity - (low + threshold * (high - low)))
    np.fill_diagonal(edges, 0.0)
    later = np.triu(edges, 1).sum(axis=1)
    earlier = np.tril(edges, -1).sum(axis=1)
    scores = forward * later + backward * earlier
    peak = float(np.abs(scores).max())
    return scores / peak if peak > 0 else scores


def mmr(
    ratings: np.ndarray,
    similarity: np.ndarray,
    count: int,
    redundancy: float,
    duplicates_of: Callable[[int], np.ndarray] | None = None,
    replaceable: int | None = None,
) -> list[int]:
    """Greedy maximal-marginal-relevance picks: indices, best first.

    ``duplicates_of(i)`` (optional): a boolean row, True for the sentences that say what sentence ``i``
    says; once ``i`` is picked they are passed over while any other one is left.
    ``replaceable`` (optional): at most this many picks come from outside the lead (the first ``count``
    sentences); once they are made, the rest are lead sentences.
    """
    picked: list[int] = []
    penalty = np.zeros(len(ratings))
    available = np.ones(len(ratings), dtype=bool)
    fresh = available.copy()
    outside = 0
    for _ in range(count):
        allowed = available & fresh
        if not allowed.any():
            allowed = available
        if replaceable is not None and outside >= replaceable:
            allowed = _lead_only(allowed, count) if allowed[:count].any() else _lead_only(available, count)
        scores = np.where(allowed, ratings - redundancy * penalty, -math.inf)
        best = int(np.argmax(scores))
        picked.append(best)
        outside += best >= count
        available[best] = False
        penalty = np.maximum(penalty, similarity[best])
        if duplicates_of is not None:
            fresh &= ~duplicates_of(best)
    return picked


def _lead_only(allowed: np.ndarray, count: int) -> np.ndarray:
    lead = allowed.copy()
    lead[count:] = False
    return lead


def overlap_row(sets: Sequence[frozenset[str]], i: int) -> np.ndarray:
    """The overlap coefficient of sentence ``i``'s content terms with every sentence's (shared terms
    over the smaller set; 0 for itself): 1 when one's terms are all in the other, whatever the lengths."""
    mine = sets[i]
    row = np.array(
        [len(mine & other) / min(len(mine), len(other)) if mine and other else 0.0 for other in sets]
    )
    row[i] = 0.0
    return row


def overlap_matrix(terms: Sequence[Sequence[str]]) -> np.ndarray:
    """``overlap_row`` for every sentence (the fitting script keeps it to try several bounds)."""
    sets = [frozenset(t) for t in terms]
    return np.array([overlap_row(sets, i) for i in range(len(sets))]).reshape(len(sets), len(sets))
