"""Word importance for BriefRank (issue 16): a word-level model and two ways to use it, cross-validated.

Usage: python tests/benchmarks/word_importance.py [--folds 5] [--reshuffles 8]

The word model (after Hong & Nenkova 2014, Yih et al. 2007): every content stem of an article (the
stems BriefRank rates, over the sentences ``briefing`` gives it) is described by language-neutral
features (``WORD_FEATURES``: where it first appears, how often, in how many sentences, in the first
1/3/5, capitalised inside a sentence, a number, its share inside quotations, its length); its label
says whether the editors' highlights contain it. An L2 logistic regression by Newton steps learns
them (about 25,000 stems, 4,000 positive, over the 197 dev + tune articles). Two uses are measured:

* ``briefrank+word:<agg>``: BriefRank's English features plus the word probabilities of each
  sentence's distinct stems, aggregated (``max``, ``top3``: mean of the three highest, ``sum``),
  the sentence model refitted on top, picked with MMR as BriefRank picks;
* ``coverage``: the three sentences among the first ``K`` (article order) that maximise the summed
  probability of the distinct stems they cover minus ``cost`` per word (concept coverage, Gillick &
  Favre 2009), exhaustively over the triples; ``coverage+briefrank`` adds the sentence ratings.

Both the word model and the sentence model are fitted on the training folds only. BriefRank here
is the recipe before English's near-duplicate bound (``briefrank.DUPLICATE``), as shipped when this
was measured. For each variant
it prints the margins over Lead-3 on ``fit_briefing``'s fixed folds, and the mean margin and mean
worst fold over ``--reshuffles`` other partitions (a single partition's worst fold swings by about
±0.5 R1, more than most of the differences measured here).

What it found (the closing note of issue 16): the word model ranks the stems of an article well
(within-article AUC 0.80) but almost all of that is position; neither use beats plain BriefRank
beyond the noise (reshuffled R1 margins within ±0.1 of it), and coverage selection alone loses to
Lead-3. The data are read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.article import parse_article
from summarizer.briefing import briefing_document, summarizer_for
from summarizer.newsrank import mmr
from summarizer.quotation import quoted_share
from summarizer.tokenize import split_sentences, split_words
from tests.benchmarks import fit_briefing as fb

WORD_FEATURES: tuple[str, ...] = (
    "first_share", "first_inverse", "log_count", "in_first", "in_first3", "in_first5", "sentence_share",
    "log_sentences", "capitalised", "number", "quoted", "length",
)  # fmt: skip
NEWTON_STEPS = 25


@dataclass
class Article:
    id: str
    x: np.ndarray  # BriefRank's features, one row per candidate sentence
    y: np.ndarray  # greedy-oracle labels
    similarity: np.ndarray
    terms: list[list[str]]
    lengths: np.ndarray  # words per sentence
    texts: list[str]
    highlights: list[str]
    lead3: list[str]
    stems: list[str] = field(default_factory=list)
    wx: np.ndarray = field(default_factory=lambda: np.zeros((0, len(WORD_FEATURES))))
    wy: np.ndarray = field(default_factory=lambda: np.zeros(0))


def word_table(terms: Sequence[list[str]], capitalised: Sequence[set[str]], texts: Sequence[str]):
    """The article's distinct content stems and one row of ``WORD_FEATURES`` each.

    ``capitalised[i]``: the stems of sentence ``i`` written with a capital inside the sentence.
    """
    n = len(terms)
    quoted = [quoted_share(t) for t in texts]
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    sentences: dict[str, list[int]] = {}
    caps: dict[str, int] = {}
    inside: dict[str, float] = {}
    for i, stems in enumerate(terms):
        for stem in stems:
            first.setdefault(stem, i)
            count[stem] = count.get(stem, 0) + 1
            inside[stem] = inside.get(stem, 0.0) + quoted[i]
        for stem in set(stems):
            sentences.setdefault(stem, []).append(i)
        for stem in capitalised[i]:
            caps[stem] = caps.get(stem, 0) + 1
    names = list(first)
    x = np.array(
        [
            [
                first[s] / n,
                1.0 / (1.0 + first[s]),
                math.log(1 + count[s]),
                float(first[s] == 0),
                sum(i < 3 for i in sentences[s]),
                sum(i < 5 for i in sentences[s]),
                len(sentences[s]) / n,
                math.log(len(sentences[s])),
                min(1.0, caps.get(s, 0) / len(sentences[s])),
                float(s.isdigit()),
                inside[s] / count[s],
                min(len(s), 12) / 10,
            ]
            for s in names
        ]
    ).reshape(len(names), len(WORD_FEATURES))
    return names, x


def prepare(rows: Sequence[dict]) -> list[Article]:
    """BriefRank's sentences, features and oracle labels, and the word table, of every article."""
    from rouge_score import tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    summarizer = summarizer_for("briefrank")
    articles = []
    for row in rows:
        sentences = briefing_document(parse_article(row["article"], has_title=False)).sentences
        if not sentences:
            continue
        x, similarity, terms = summarizer.describe(sentences)
        texts = [s._text for s in sentences]
        reference = [t for h in row["highlights"] for t in tokenizer.tokenize(h)]
        y = np.zeros(len(texts))
        y[fb.greedy_oracle([tokenizer.tokenize(t) for t in texts], reference, fb.ORACLE_SENTENCES)] = 1.0
        capitalised = [
            {t for j, w in enumerate(s.words) if j and w[:1].isupper() for t in summarizer.content_terms([w])}
            for s in sentences
        ]
        article = Article(
            row["id"], x, y, similarity, terms, np.array([len(s.words) for s in sentences], dtype=float),
            texts, row["highlights"], split_sentences(row["article"])[:3],
        )  # fmt: skip
        article.stems, article.wx = word_table(terms, capitalised, texts)
        gold = {t for h in row["highlights"] for t in summarizer.content_terms(split_words(h))}
        article.wy = np.array([s in gold for s in article.stems], dtype=float)
        articles.append(article)
    return articles


def logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """Intercept and raw-feature weights of an L2 logistic regression (standardised, Newton steps)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    keep = scale > 0
    z = np.hstack([np.ones((len(x), 1)), (x[:, keep] - mean[keep]) / scale[keep]])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        w -= np.linalg.solve(hessian, z.T @ (p - y) + penalty * w)
    raw = np.zeros(x.shape[1])
    raw[keep] = w[1:] / scale[keep]
    return float(w[0] - raw @ mean), raw


def word_model(train: Sequence[Article], l2: float = 10.0) -> Callable[[Article], np.ndarray]:
    intercept, weights = logistic(np.vstack([a.wx for a in train]), np.concatenate([a.wy for a in train]), l2)
    return lambda a: 1.0 / (1.0 + np.exp(-(a.wx @ weights + intercept)))


def aggregate(article: Article, p: np.ndarray, how: str) -> np.ndarray:
    """Per sentence, the ``how`` of the probabilities of its distinct stems."""
    index = {s: i for i, s in enumerate(article.stems)}
    out = []
    for stems in article.terms:
        v = sorted((p[index[s]] for s in set(stems)), reverse=True) or [0.0]
        out.append({"max": v[0], "top3": float(np.mean(v[:3])), "sum": float(sum(v))}[how])
    return np.array(out)


@cache
def _triples(n: int) -> np.ndarray:
    return np.array(list(itertools.combinations(range(n), 3)))


def coverage_pick(
    article: Article, p: np.ndarray, window: int, cost: float, bonus: np.ndarray | None, beta: float
):
    """The triple of the first ``window`` sentences with the best coverage (see the module docstring)."""
    n = min(window, len(article.texts))
    index = {s: i for i, s in enumerate(article.stems)}
    covers = np.zeros((n, len(article.stems)))
    for i in range(n):
        covers[i, [index[s] for s in article.terms[i]]] = 1.0
    triples = _triples(n)
    score = covers[triples].max(axis=1) @ p - cost * article.lengths[:n][triples].sum(axis=1)
    if bonus is not None:
        score = score + beta * bonus[:n][triples].sum(axis=1)
    return list(triples[int(np.argmax(score))])


# --- the variants ------------------------------------------------------------------------------------

Picker = Callable[[Article], list[int]]


def briefrank(train: Sequence[Article], how: str | None = None) -> Picker:
    """BriefRank refitted on ``train`` (plus a word-probability feature when ``how`` is given)."""
    probability = word_model(train) if how else None

    def described(a: Article) -> np.ndarray:
        return a.x if probability is None else np.hstack([a.x, aggregate(a, probability(a), how)[:, None]])

    examples = [
        fb.Example(a.id, described(a), a.y, a.similarity, a.texts, a.highlights, a.lead3) for a in train
    ]
    weights = fb.fit(examples)
    return lambda a: mmr(described(a) @ np.asarray(weights), a.similarity, 3, fb.REDUNDANCY)


def coverage(train: Sequence[Article], window: int, cost: float, beta: float = 0.0) -> Picker:
    probability = word_model(train)
    ratings = None
    if beta:
        examples = [fb.Example(a.id, a.x, a.y, a.similarity, a.texts, a.highlights, a.lead3) for a in train]
        ratings = np.asarray(fb.fit(examples))
    return lambda a: coverage_pick(
        a, probability(a), window, cost, None if ratings is None else a.x @ ratings, beta
    )


VARIANTS: dict[str, Callable[[Sequence[Article]], Picker]] = {
    "briefrank": briefrank,
    "briefrank+word:max": lambda t: briefrank(t, "max"),
    "briefrank+word:top3": lambda t: briefrank(t, "top3"),
    "briefrank+word:sum": lambda t: briefrank(t, "sum"),
    "coverage K=10 cost=0.03": lambda t: coverage(t, 10, 0.03),
    "coverage K=6 cost=0.05": lambda t: coverage(t, 6, 0.05),
    "coverage+briefrank K=10 beta=8": lambda t: coverage(t, 10, 0.01, 8.0),
}


# --- cross-validation ------------------------------------------------------------------------------------


def partition(articles: Sequence[Article], folds: int, seed: int | None) -> list[int]:
    """``fit_briefing``'s fixed folds (seed None) or another fixed partition by the SHA-1 of seed:id."""
    if seed is None:
        return fb.folds_for([{"id": a.id} for a in articles], folds)
    order = sorted(
        range(len(articles)), key=lambda i: hashlib.sha1(f"{seed}:{articles[i].id}".encode()).hexdigest()
    )
    assignment = [0] * len(articles)
    for rank, i in enumerate(order):
        assignment[i] = rank % folds
    return assignment


def fold_report(fixed: Sequence[dict[str, float]], reshuffled: Sequence[Sequence[dict[str, float]]]) -> dict:
    """The R1 margin per official fold, their summary, and the mean (and mean worst fold) over reshuffles."""
    from tests.benchmarks.briefing_eval import KEYS, _summary

    return {
        "folds_R1": [round(m["R1"], 2) for m in fixed],
        "folds": _summary(fixed),
        "reshuffled": {
            key: {
                "mean": round(statistics.fmean(statistics.fmean(m[key] for m in r) for r in reshuffled), 2),
                "mean_worst_fold": round(statistics.fmean(min(m[key] for m in r) for r in reshuffled), 2),
            }
            for key in KEYS
        }
        if reshuffled
        else {},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--reshuffles", type=int, default=8, help="other partitions to average over")
    args = parser.parse_args()
    missing = [str(p) for p in fb.FIT_FILES if not p.is_file()]
    if missing:
        print(json.dumps({"skipped": f"no evaluation data at {', '.join(missing)}; nothing measured"}))
        return 0
    from rouge_score import rouge_scorer

    from tests.benchmarks.briefing_eval import KEYS, rouge

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    articles = prepare(fb.load())
    lead = [rouge(scorer, a.highlights, a.lead3) for a in articles]
    scores: dict[tuple[str, tuple[int, ...]], dict[str, float]] = {}

    def score(a: Article, picked: Sequence[int]) -> dict[str, float]:
        key = (a.id, tuple(sorted(picked)))
        if key not in scores:
            scores[key] = rouge(scorer, a.highlights, [a.texts[i] for i in key[1]])
        return scores[key]

    def margins(
        make: Callable[[Sequence[Article]], Picker], assignment: Sequence[int]
    ) -> list[dict[str, float]]:
        out = []
        for k in range(args.folds):
            pick = make([a for a, f in zip(articles, assignment, strict=True) if f != k])
            held = [i for i, f in enumerate(assignment) if f == k]
            ours = [
                score(
                    articles[i],
                    pick(articles[i]) if len(articles[i].texts) > 3 else range(len(articles[i].texts)),
                )
                for i in held
            ]
            out.append(
                {
                    key: statistics.fmean(o[key] - lead[i][key] for o, i in zip(ours, held, strict=True))
                    for key in KEYS
                }
            )
        return out

    official = partition(articles, args.folds, None)
    others = [partition(articles, args.folds, seed) for seed in range(args.reshuffles)]
    report = []
    for name, make in VARIANTS.items():
        fixed = margins(make, official)
        reshuffled = [margins(make, assignment) for assignment in others]
        report.append(
            {
                "variant": name,
                **fold_report(fixed, reshuffled),
            }
        )
    print(
        json.dumps(
            {
                "articles": len(articles),
                "folds": args.folds,
                "reshuffles": args.reshuffles,
                "variants": report,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
