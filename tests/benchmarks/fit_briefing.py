"""Fit BriefRank's weights (summarizer/briefrank.py) from ../shared/eval/news; numpy only.

Usage: python tests/benchmarks/fit_briefing.py [--write] [--sweep]

Every readable sentence of each article of the CNN/DailyMail dev and tune splits (exactly the
sentences ``briefing`` gives BriefRank) gets BriefRank's features and a label: 1 if the greedy oracle
picks it, else 0. The oracle adds, one at a time, the sentence that gives the best ROUGE-1 F1 +
ROUGE-2 F1 against the editors' highlights, until it has as many as a briefing (three): a briefing
always has three, so the labels say which three are best, not whether a third helps at all. A logistic regression with an L2 penalty is fitted by a
fixed number of Newton steps on standardised features, mapped back to raw features and rounded, so
the same data always give the same weights, which ``--write`` puts into summarizer/briefrank.py.
Without ``--write`` it prints them and whether the shipped ones match. ``--sweep`` prints the
cross-validated margin over Lead-3 for a grid of penalties and redundancies (the settings were
picked from the flat middle of that plateau).

Articles are read in file order (dev, then tune); cross-validation folds are fixed by the SHA-1 of
each article's id. The data are read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer import briefrank
from summarizer.article import parse_article
from summarizer.briefing import briefing_document, summarizer_for
from summarizer.briefrank import FEATURES
from summarizer.newsrank import mmr
from summarizer.tokenize import split_sentences
from tests.benchmarks.machine import EVAL

NEWS = EVAL / "news"
FIT_FILES = (NEWS / "cnndm_dev.jsonl", NEWS / "cnndm_tune.jsonl")
SOURCE = Path(briefrank.__file__)

#: The chosen settings (from the middle of the plateau ``--sweep`` prints).
L2 = 10.0
REDUNDANCY = 0.5
NEWTON_STEPS = 25
DECIMALS = 3
ORACLE_SENTENCES = 3


@dataclass
class Example:
    id: str
    x: np.ndarray  # one row per candidate sentence
    y: np.ndarray  # greedy-oracle labels
    similarity: np.ndarray
    texts: list[str]
    highlights: list[str]
    lead3: list[str]  # the baseline, as briefing_eval.py makes it


def load(paths: Sequence[Path] = FIT_FILES) -> list[dict]:
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def folds_for(rows: Sequence[dict], folds: int) -> list[int]:
    """Each row's fold: by the rank of its id's SHA-1, so fixed, balanced and independent of file order."""
    order = sorted(range(len(rows)), key=lambda i: hashlib.sha1(rows[i]["id"].encode()).hexdigest())
    assignment = [0] * len(rows)
    for rank, i in enumerate(order):
        assignment[i] = rank % folds
    return assignment


# --- labels ----------------------------------------------------------------------------------------


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def greedy_oracle(sentences: Sequence[Sequence[str]], reference: Sequence[str], limit: int) -> list[int]:
    """Indices of the ``limit`` sentences the greedy oracle picks (tokens as rouge-score makes them).

    Ties go to the earlier sentence.
    """
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    picked: list[int] = []
    while len(picked) < min(limit, len(sentences)):
        best, choice = -1.0, -1
        for i in range(len(sentences)):
            if i in picked:
                continue
            tokens = [t for j in sorted([*picked, i]) for t in sentences[j]]
            score = _f1(_ngrams(tokens, 1), ref1) + _f1(_ngrams(tokens, 2), ref2)
            if score > best:
                best, choice = score, i
        picked.append(choice)
    return picked


def prepare(rows: Sequence[dict]) -> list[Example]:
    """Features and oracle labels of every article (articles with no candidate sentence are left out)."""
    from rouge_score import tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    summarizer = summarizer_for("briefrank")
    examples = []
    for row in rows:
        sentences = briefing_document(parse_article(row["article"], has_title=False)).sentences
        if not sentences:
            continue
        x, similarity, _ = summarizer.describe(sentences)
        texts = [s._text for s in sentences]
        reference = [t for h in row["highlights"] for t in tokenizer.tokenize(h)]
        picked = greedy_oracle([tokenizer.tokenize(t) for t in texts], reference, ORACLE_SENTENCES)
        y = np.zeros(len(texts))
        y[picked] = 1.0
        lead3 = split_sentences(row["article"])[:3]
        examples.append(Example(row["id"], x, y, similarity, texts, row["highlights"], lead3))
    return examples


# --- the model ---------------------------------------------------------------------------------------


def fit(examples: Sequence[Example], l2: float = L2, mask: Sequence[bool] | None = None) -> tuple[float, ...]:
    """L2-penalised logistic regression by Newton's method; raw-feature weights, rounded.

    Features are standardised (so one penalty suits them all); the intercept is fitted but not
    returned (it shifts every rating of an article alike). ``mask`` leaves features out (weight 0).
    """
    x = np.vstack([e.x for e in examples])
    y = np.concatenate([e.y for e in examples])
    keep = np.ones(x.shape[1], dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    keep &= scale > 0
    z = np.zeros_like(x)
    z[:, keep] = (x[:, keep] - mean[keep]) / scale[keep]
    z = np.hstack([np.ones((len(x), 1)), z[:, keep]])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        w -= np.linalg.solve(hessian, gradient)
    raw = np.zeros(x.shape[1])
    raw[keep] = w[1:] / scale[keep]
    return tuple(round(float(v), DECIMALS) + 0.0 for v in raw)


def pick(example: Example, weights: Sequence[float], redundancy: float, count: int = 3) -> list[str]:
    """The briefing BriefRank gives with these weights (for articles with more than ``count``)."""
    if len(example.texts) <= count:
        return list(example.texts)
    ratings = example.x @ np.asarray(weights)
    picked = mmr(ratings, example.similarity, count, redundancy)
    return [example.texts[i] for i in sorted(picked)]


# --- writing the weights -------------------------------------------------------------------------------

_BLOCK = re.compile(r"(WEIGHTS: tuple\[float, \.\.\.\] = \().*?(\)\nREDUNDANCY: float = )[-0-9.e]+", re.S)


def render(weights: Sequence[float], redundancy: float) -> str:
    rows = "".join(f"\n    {w!r},  # {name}" for w, name in zip(weights, FEATURES, strict=True))
    return f"WEIGHTS: tuple[float, ...] = ({rows}\n)\nREDUNDANCY: float = {redundancy!r}"


def write(weights: Sequence[float], redundancy: float) -> bool:
    """Put the weights into summarizer/briefrank.py; False if they were already there."""
    text = SOURCE.read_text(encoding="utf-8")
    new = _BLOCK.sub(lambda _: render(weights, redundancy), text, count=1)
    if new == text:
        return False
    SOURCE.write_text(new, encoding="utf-8")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the weights into summarizer/briefrank.py")
    parser.add_argument("--sweep", action="store_true", help="cross-validate a grid of settings")
    args = parser.parse_args()
    missing = [str(p) for p in FIT_FILES if not p.is_file()]
    if missing:
        print(json.dumps({"skipped": f"no evaluation data at {', '.join(missing)}; nothing fitted"}))
        return 0
    examples = prepare(load())
    if args.sweep:
        from tests.benchmarks.briefing_eval import sweep

        print(json.dumps(sweep(examples), indent=2))
        return 0
    weights = fit(examples)
    shipped = (tuple(briefrank.WEIGHTS), briefrank.REDUNDANCY) == (weights, REDUNDANCY)
    report = {
        "articles": len(examples),
        "sentences": int(sum(len(e.y) for e in examples)),
        "positives": int(sum(e.y.sum() for e in examples)),
        "weights": dict(zip(FEATURES, weights, strict=True)),
        "redundancy": REDUNDANCY,
        "shipped_weights_match": shipped,
    }
    if args.write:
        report["written"] = write(weights, REDUNDANCY)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
