"""Issue 16's remaining levers for BriefRank, each cross-validated against Lead-3; prints JSON.

Usage: python tests/benchmarks/briefing_levers.py [--folds 5] [--reshuffles 4] [--variants a,b,...]

Every variant is refitted inside each fold by ``fit_briefing``'s recipe (logistic regression on
greedy-oracle labels, L2 10, MMR redundancy 0.5) unless it says otherwise, and scored against the
README's Lead-3 (first three punkt sentences of the raw text, never re-split) on the held-out fold.
It prints the margins on ``fit_briefing``'s fixed folds and, as ``word_importance.py`` does, the
mean margin and mean worst fold over ``--reshuffles`` other partitions. ``briefrank`` is the recipe
as shipped when these levers were measured, before English's near-duplicate bound
(``briefrank.DUPLICATE``): it reproduces ``briefing_eval.py --cv 5`` of that time (+0.77 R1), and
every variant here is compared with it, not with today's BriefRank.

The variants (``VARIANTS``):

* candidates: how a photo caption glued to the next sentence with no full stop is handled.
  ``no-cut`` keeps the run-on whole; ``briefrank`` cuts the caption off (the shipped
  ``uncaption``: a capitalised "The"/"A"/"An" between lower-case words); ``split-glued`` keeps the
  caption as a candidate of its own instead; ``split-openers``/``cut-openers`` also find the
  boundary before other capitalised sentence openers ("He", "But", "Police", …) and before an
  opening quotation mark, and split or cut there; ``drop-runons`` leaves out every sentence with
  such a boundary inside;
* features: ``+unended`` (1 for a candidate with no closing punctuation: a caption split off),
  ``+runon`` (1 for a sentence with a glued boundary inside), ``+lead*length`` (the lead prior times
  the log of the article's length in words), ``+salience*lead``;
* ``+common-words``: a table learned on the training folds of how often each common word (in 150+
  training sentences: about 50 words, nearly all function words) of a sentence reaches the
  highlights; the sentence's mean log-odds is a fifth feature (English-only by nature);
* selection: ``gate`` keeps the first three candidates unless the model's picks beat them by a
  margin of MMR score learned on the training folds (a per-article "lead or model" switch);
  ``triples`` rates each triple of the first five candidates with a conditional logit over triple
  features (the sentence features summed, total length and its square, the highest similarity
  inside the triple), trained on soft ROUGE targets.

What it found (the closing note of issue 16): all of them stay within the noise of plain
BriefRank or fall below it. Cutting the glued caption off is worth about +0.45 R1 over keeping the
run-on; splitting it into its own candidate, or cutting at more boundaries, does not add to that
(the captions repeat what the highlights say, so what is cut loses content and what is split adds
long early competitors). The data are read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.article import parse_article
from summarizer.briefing import readable, summarizer_for, uncaption
from summarizer.briefrank import FEATURES, features
from summarizer.newsrank import cosine_matrix, mmr
from summarizer.tokenize import split_sentences, split_words
from tests.benchmarks import fit_briefing as fb
from tests.benchmarks.word_importance import fold_report, partition

#: Capitalised words that open a sentence far more often than they stand inside one.
_OPENERS = (
    "The|An?|He|She|They|It|His|Her|Their|Its|This|These|Those|But|And|In|On|At|After|When|While|As|Mr|Mrs|"
    "Ms|Dr|Police|Officers|Now|However|Meanwhile|Last|Earlier|Despite|During|Since|Some|Many|One|Two|Three|"
    "There|Here|We|You|Both|Other|Another|Speaking|According|Former|Witnesses|If|Although"
)
_GLUED = re.compile(r"\s(?=(?:The|An?)\s+[a-z])")
_OPENER = re.compile(r"\s(?=(?:" + _OPENERS + r")\s)")
_QUOTE = re.compile(r"\s(?=['‘“\"][A-Z])")
_ENDED = re.compile(r"[.!?…\"'”’)\]]\s*$")
MIN_WORDS = 6
#: ``+common-words``: only words in at least this many training sentences get a weight.
COMMON = 150

Splitter = Callable[[str], list[str]]


def _boundaries(pattern: re.Pattern[str], word_before: Callable[[str], bool]) -> Splitter:
    """Split a sentence where ``pattern`` matches, the word before passes and both sides have 6+ words."""

    def split(sentence: str) -> list[str]:
        pieces, start = [], 0
        for match in pattern.finditer(sentence):
            head, rest = sentence[start : match.start()], sentence[match.end() :]
            before = head.rsplit(None, 1)[-1] if head.strip() else ""
            if word_before(before) and min(len(split_words(head)), len(split_words(rest))) >= MIN_WORDS:
                pieces.append(head.strip())
                start = match.end()
        return [*pieces, sentence[start:].strip()]

    return split


def _lower(word: str) -> bool:
    return word[:1].islower() or word[:1].isdigit()


def _ends_clause(word: str) -> bool:
    return (_lower(word) or word.endswith(")")) and not word.endswith((",", ":"))


def _chain(*splitters: Splitter) -> Splitter:
    def split(sentence: str) -> list[str]:
        pieces = [sentence]
        for splitter in splitters:
            pieces = [p for q in pieces for p in splitter(q)]
        return pieces

    return split


GLUED = _boundaries(_GLUED, _lower)
WIDE = _chain(GLUED, _boundaries(_OPENER, _ends_clause), _boundaries(_QUOTE, _ends_clause))

CANDIDATES: dict[str, Splitter] = {
    "cut": lambda s: [uncaption(s)],
    "no-cut": lambda s: [s],
    "split-glued": GLUED,
    "split-openers": WIDE,
    "cut-openers": lambda s: WIDE(s)[-1:],
    "drop-runons": lambda s: [] if len(WIDE(uncaption(s))) > 1 else [uncaption(s)],
}


@dataclass
class Article:
    id: str
    x: np.ndarray
    y: np.ndarray
    similarity: np.ndarray
    texts: list[str]
    lengths: np.ndarray
    words: int
    highlights: list[str]
    lead3: list[str]
    tokens: list[list[str]]  # each candidate's ROUGE tokens (stemmed)
    gold: set[str]  # the highlights' ROUGE tokens


def prepare(rows: Sequence[dict], splitter: Splitter) -> list[Article]:
    """BriefRank's features and oracle labels over the candidates ``splitter`` makes of each sentence.

    Candidates are the readable pieces in article order (as ``briefing_document`` gives them: a
    sentence the article repeats is there twice).
    """
    from rouge_score import tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    summarizer = summarizer_for("briefrank")
    articles = []
    for row in rows:
        paragraphs = parse_article(row["article"], has_title=False).paragraphs
        pieces = [p for text in paragraphs for s in split_sentences(text) for p in splitter(s)]
        texts = [p for p in pieces if readable(p)]
        if not texts:
            continue
        words = [split_words(t) for t in texts]
        terms = [summarizer.content_terms(w) for w in words]
        x = features(words, terms, texts, summarizer.in_person, FEATURES)
        reference = [t for h in row["highlights"] for t in tokenizer.tokenize(h)]
        tokens = [tokenizer.tokenize(t) for t in texts]
        y = np.zeros(len(texts))
        y[fb.greedy_oracle(tokens, reference, fb.ORACLE_SENTENCES)] = 1.0
        articles.append(
            Article(
                row["id"], x, y, cosine_matrix(terms), texts, np.array([len(w) for w in words], dtype=float),
                len(split_words(row["article"])), row["highlights"], split_sentences(row["article"])[:3],
                tokens, set(reference),
            )
        )  # fmt: skip
    return articles


# --- pickers -------------------------------------------------------------------------------------------

Picker = Callable[[Article], list[int]]
Extra = Callable[[Article], np.ndarray]


def _fit(train: Sequence[Article], extra: Extra | None) -> tuple[Callable[[Article], np.ndarray], np.ndarray]:
    def described(a: Article) -> np.ndarray:
        return a.x if extra is None else np.column_stack([a.x, extra(a)])

    examples = [
        fb.Example(a.id, described(a), a.y, a.similarity, a.texts, a.highlights, a.lead3) for a in train
    ]
    return described, np.asarray(fb.fit(examples))


def briefrank(extra: Extra | None = None) -> Callable[[Sequence[Article]], Picker]:
    def make(train: Sequence[Article]) -> Picker:
        described, weights = _fit(train, extra)
        return lambda a: mmr(described(a) @ weights, a.similarity, 3, fb.REDUNDANCY)

    return make


def _mmr_value(ratings: np.ndarray, similarity: np.ndarray, picked: Sequence[int]) -> float:
    value, seen = 0.0, []
    for i in sorted(picked, key=lambda i: -ratings[i]):
        value += ratings[i] - fb.REDUNDANCY * max((similarity[i, j] for j in seen), default=0.0)
        seen.append(i)
    return value


def gate(score: Callable[[Article, Sequence[int]], float]) -> Callable[[Sequence[Article]], Picker]:
    """The model's picks only when their MMR value beats the first three's by a learned margin."""

    def make(train: Sequence[Article]) -> Picker:
        _, weights = _fit(train, None)

        def pick(a: Article, margin: float) -> list[int]:
            ratings = a.x @ weights
            chosen = mmr(ratings, a.similarity, 3, fb.REDUNDANCY)
            gain = _mmr_value(ratings, a.similarity, chosen) - _mmr_value(ratings, a.similarity, [0, 1, 2])
            return chosen if gain > margin else [0, 1, 2]

        usable = [a for a in train if len(a.texts) > 3]
        margin = max(
            (0.0, 0.05, 0.1, 0.2, 0.3, 0.5),
            key=lambda m: statistics.fmean(score(a, pick(a, m)) for a in usable),
        )
        return lambda a: pick(a, margin)

    return make


def _triple_features(a: Article, window: int) -> tuple[list[tuple[int, ...]], np.ndarray]:
    triples = list(itertools.combinations(range(min(window, len(a.texts))), 3))
    rows = []
    for t in triples:
        length = a.lengths[list(t)].sum() / 80
        inside = max(a.similarity[i, j] for i, j in itertools.combinations(t, 2))
        rows.append([*a.x[list(t)].sum(axis=0), length, length**2, inside])
    return triples, np.array(rows)


def triples(
    score: Callable[[Article, Sequence[int]], float], window: int = 5, tau: float = 4.0, l2: float = 1.0
) -> Callable[[Sequence[Article]], Picker]:
    """A conditional logit over the triples of the first ``window`` candidates (soft ROUGE targets)."""

    def make(train: Sequence[Article]) -> Picker:
        data = []
        for a in train:
            if len(a.texts) <= 3:
                continue
            combos, x = _triple_features(a, window)
            gains = np.array([score(a, t) for t in combos])
            target = np.exp((gains - gains.max()) / tau)
            data.append((x, target / target.sum()))
        stacked = np.vstack([x for x, _ in data])
        mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
        scale[scale == 0] = 1.0
        w = np.zeros(stacked.shape[1])
        for _ in range(fb.NEWTON_STEPS):
            gradient, hessian = l2 * w, l2 * np.eye(len(w))
            for x, target in data:
                z = (x - mean) / scale
                p = np.exp(z @ w - (z @ w).max())
                p /= p.sum()
                gradient = gradient + z.T @ (p - target)
                centred = z - p @ z
                hessian = hessian + (centred * p[:, None]).T @ centred
            w -= np.linalg.solve(hessian, gradient)

        def pick(a: Article) -> list[int]:
            combos, x = _triple_features(a, window)
            return list(combos[int(np.argmax(((x - mean) / scale) @ w))])

        return pick

    return make


def common_words(train: Sequence[Article], least: int = COMMON) -> Callable[[Article], np.ndarray]:
    """Per candidate, the mean log-odds that its words reach the highlights, for words in ``least`` or
    more training sentences (so mostly function words: "the", "in" rate up, "I", "you", "according"
    down), smoothed towards the overall rate."""
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for a in train:
        for tokens in a.tokens:
            for word in set(tokens):
                seen[word] += 1
                kept[word] += word in a.gold
    rate = sum(kept.values()) / max(1, sum(seen.values()))
    table = {w: math.log((kept[w] + 5 * rate) / (n + 5) / rate) for w, n in seen.items() if n >= least}
    return lambda a: np.array([statistics.fmean([table.get(w, 0.0) for w in t] or [0.0]) for t in a.tokens])


def common_words_model(train: Sequence[Article]) -> Picker:
    """BriefRank with ``common_words`` (its table built on the training folds) as a fifth feature."""
    column = common_words(train)
    return briefrank(column)(train)


def _unended(a: Article) -> np.ndarray:
    return np.array([0.0 if _ENDED.search(t) else 1.0 for t in a.texts])


def _runon(a: Article) -> np.ndarray:
    return np.array([float(len(WIDE(t)) > 1) for t in a.texts])


def _lead_by_length(a: Article) -> np.ndarray:
    return a.x[:, FEATURES.index("lead")] * math.log(a.words / 400)


def _salience_by_lead(a: Article) -> np.ndarray:
    return a.x[:, FEATURES.index("salience")] * a.x[:, FEATURES.index("lead")]


#: name -> (candidates, how the picker is made given a scorer of (article, picks)).
VARIANTS: dict[str, tuple[str, Callable[..., Callable[[Sequence[Article]], Picker]]]] = {
    "briefrank": ("cut", lambda score: briefrank()),
    "no-cut": ("no-cut", lambda score: briefrank()),
    "split-glued": ("split-glued", lambda score: briefrank()),
    "split-glued +unended": ("split-glued", lambda score: briefrank(_unended)),
    "split-openers +unended": ("split-openers", lambda score: briefrank(_unended)),
    "cut-openers": ("cut-openers", lambda score: briefrank()),
    "drop-runons": ("drop-runons", lambda score: briefrank()),
    "+runon": ("cut", lambda score: briefrank(_runon)),
    "+lead*length": ("cut", lambda score: briefrank(_lead_by_length)),
    "+salience*lead": ("cut", lambda score: briefrank(_salience_by_lead)),
    "+common-words": ("cut", lambda score: common_words_model),
    "gate": ("cut", gate),
    "triples": ("cut", triples),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--reshuffles", type=int, default=4, help="other partitions to average over")
    parser.add_argument("--variants", help=f"comma-separated subset of: {', '.join(VARIANTS)}")
    args = parser.parse_args()
    names = args.variants.split(",") if args.variants else list(VARIANTS)
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}")
    missing = [str(p) for p in fb.FIT_FILES if not p.is_file()]
    if missing:
        print(json.dumps({"skipped": f"no evaluation data at {', '.join(missing)}; nothing measured"}))
        return 0
    from rouge_score import rouge_scorer

    from tests.benchmarks.briefing_eval import KEYS, rouge

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    rows = fb.load()
    cache: dict[tuple[str, tuple[str, ...]], dict[str, float]] = {}

    def scores(a: Article, texts: Sequence[str]) -> dict[str, float]:
        key = (a.id, tuple(texts))
        if key not in cache:
            cache[key] = rouge(scorer, a.highlights, texts)
        return cache[key]

    def gain(a: Article, picked: Sequence[int]) -> float:
        s = scores(a, [a.texts[i] for i in sorted(picked)])
        return s["R1"] + s["R2"]

    prepared: dict[str, list[Article]] = {}
    report = []
    for name in names:
        candidates, maker = VARIANTS[name]
        if candidates not in prepared:
            prepared[candidates] = prepare(rows, CANDIDATES[candidates])
        articles = prepared[candidates]
        make = maker(gain)

        def margins(assignment: Sequence[int]) -> list[dict[str, float]]:
            out = []
            for k in range(args.folds):
                pick = make([a for a, f in zip(articles, assignment, strict=True) if f != k])  # noqa: B023
                held = [a for a, f in zip(articles, assignment, strict=True) if f == k]  # noqa: B023
                deltas = {key: [] for key in KEYS}
                for a in held:
                    texts = a.texts if len(a.texts) <= 3 else [a.texts[i] for i in sorted(pick(a))]
                    ours, lead = scores(a, texts), scores(a, a.lead3)
                    for key in KEYS:
                        deltas[key].append(ours[key] - lead[key])
                out.append({key: statistics.fmean(v) for key, v in deltas.items()})
            return out

        fixed = margins(partition(articles, args.folds, None))
        reshuffled = [margins(partition(articles, args.folds, seed)) for seed in range(args.reshuffles)]
        report.append(
            {
                "variant": name,
                "candidates": sum(len(a.texts) for a in articles),
                **fold_report(fixed, reshuffled),
            }
        )
    print(
        json.dumps(
            {"articles": len(rows), "folds": args.folds, "reshuffles": args.reshuffles, "variants": report},
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
