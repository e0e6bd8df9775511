"""Fit BriefRank's weights (summarizer/briefrank.py) from ../shared/eval/news; numpy only.

Usage: python tests/benchmarks/fit_briefing.py [--language en|fr] [--data PATH] [--write] [--sweep] [--cv K]

Every readable sentence of each article of the CNN/DailyMail dev and tune splits (exactly the
sentences ``briefing`` gives BriefRank) gets BriefRank's features and a label: 1 if the greedy oracle
picks it, else 0. The oracle adds, one at a time, the sentence that gives the best ROUGE-1 F1 +
ROUGE-2 F1 against the editors' highlights, until it has as many as a briefing (three): a briefing
always has three, so the labels say which three are best, not whether a third helps at all. A logistic regression with an L2 penalty is fitted by a
fixed number of Newton steps on standardised features, mapped back to raw features and rounded, so
the same data always give the same weights, which ``--write`` puts into summarizer/briefrank.py
with the set's redundancy and near-duplicate bound (``SETUPS``). Without ``--write`` it prints them
and whether the shipped ones match. ``--sweep`` prints the cross-validated margin over Lead-3 for a
grid of penalties x redundancies, then of near-duplicate bounds x redundancies (the settings were
picked from the flat middle of that plateau).

Articles are read in file order (dev, then tune); cross-validation folds are fixed by the SHA-1 of
each article's id. The data are read at run time and never copied into the repository.

``--language fr`` fits the French set (``WEIGHTS_FR``) the same way on OrangeSum
(``orangesum_dev.jsonl``, or ``--data``): French splitting, stemmer and stop words for the features,
oracle labels against the abstract with ROUGE's tokens unstemmed (OrangeSum's scoring rule), Lead-3
split by French Punkt. ``--cv K`` prints, for the chosen settings, each fold's margin over Lead-3
(weights fitted on the other K - 1 folds), their mean, spread and minimum. Each language's settings
are in ``SETUPS``; every shipped set is reproduced exactly by its command.
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
from summarizer.briefrank import WEIGHT_SETS
from summarizer.newsrank import mmr, overlap_matrix
from summarizer.tokenize import split_sentences
from tests.benchmarks.machine import EVAL

NEWS = EVAL / "news"
FIT_FILES = (NEWS / "cnndm_dev.jsonl", NEWS / "cnndm_tune.jsonl")
SOURCE = Path(briefrank.__file__)

#: The chosen settings (from the middle of the plateau ``--sweep`` prints).
L2 = 10.0
REDUNDANCY = 0.5
#: English's near-duplicate bound: over eight partitions the R1 margin is flat for bounds 0.40-0.49
#: (+1.03, +1.04, +1.02, +0.99) and drops at 0.50 (+0.86: overlaps of exactly one half, common between
#: short sentences, pass from there); 0.45 is the middle of that plateau and what choosing the bound
#: inside each training fold picked in 34 of 40 folds. ``--sweep`` prints it on the fixed folds.
DUPLICATE = 0.45
NEWTON_STEPS = 25
DECIMALS = 3
ORACLE_SENTENCES = 3


@dataclass(frozen=True)
class Setup:
    """How one language's weight set is fitted, and where in summarizer/briefrank.py it is written."""

    files: tuple[Path, ...]
    #: rouge-score's Porter stemmer for the oracle labels and the scores (English only).
    rouge_stemmer: bool
    l2: float
    redundancy: float
    #: The near-duplicate bound (briefrank.WeightSet.duplicate); None: no bound.
    duplicate: float | None
    #: The set's names in summarizer/briefrank.py: WEIGHTS{suffix}, REDUNDANCY{suffix}, DUPLICATE{suffix},
    #: REPLACEABLE{suffix}.
    suffix: str
    #: How many lead sentences a briefing may replace (briefrank.WeightSet.replaceable); None: any.
    replaceable: int | None = None


#: Per language: English on CNN/DailyMail; French on OrangeSum. French's penalty and redundancy trade
#: off along a ridge (a stronger penalty shrinks the ratings, so the same redundancy weighs more):
#: over sixteen 5-fold partitions, R1 margin +0.97-+1.03 for penalties 100-200 at redundancy 4.0,
#: +0.99-+1.02 at 4.25, +0.98-+1.02 at 3.75; it falls at penalty 300 (+0.94) and redundancy 5 (+0.88).
#: 150 and 4.0 are in the middle of that ridge for R1; R2 is sharper (penalty 150: redundancy 3, 4, 5
#: give +0.41, +0.48, +0.29 before the lead bound, +0.42, +0.50, +0.40 with it). ``replaceable``: see
#: briefrank.REPLACEABLE_FR.
SETUPS: dict[str, Setup] = {
    "en": Setup(FIT_FILES, True, L2, REDUNDANCY, DUPLICATE, ""),
    "fr": Setup((NEWS / "orangesum_dev.jsonl",), False, 150.0, 4.0, None, "_FR", replaceable=1),
}


@dataclass
class Example:
    id: str
    x: np.ndarray  # one row per candidate sentence
    y: np.ndarray  # greedy-oracle labels
    similarity: np.ndarray
    overlap: np.ndarray  # overlap coefficient of the candidates' content terms (newsrank.overlap_matrix)
    texts: list[str]
    highlights: list[str]
    lead3: list[str]  # the baseline, as briefing_eval.py makes it


def load(paths: Sequence[Path] = FIT_FILES) -> list[dict]:
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def folds_for(rows: Sequence[dict], folds: int, salt: str = "") -> list[int]:
    """Each row's fold: by the rank of its id's SHA-1, so fixed, balanced and independent of file order.

    A ``salt`` (put before the id) gives another partition, equally fixed.
    """
    order = sorted(range(len(rows)), key=lambda i: hashlib.sha1((salt + rows[i]["id"]).encode()).hexdigest())
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


def prepare(rows: Sequence[dict], language: str = "en") -> list[Example]:
    """Features and oracle labels of every article (articles with no candidate sentence are left out).

    The features are those of the language's weight set, computed as ``briefing`` computes them.
    """
    from rouge_score import tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=SETUPS[language].rouge_stemmer)
    summarizer = summarizer_for("briefrank", None if language == "en" else language)
    punkt = "english" if language == "en" else language
    examples = []
    for row in rows:
        article = parse_article(row["article"], has_title=False)
        document = briefing_document(article, None if language == "en" else language)
        sentences = document.sentences
        if not sentences:
            continue
        x, similarity, terms = summarizer.describe(sentences, briefrank.paragraph_numbers(document))
        texts = [s._text for s in sentences]
        reference = [t for h in row["highlights"] for t in tokenizer.tokenize(h)]
        picked = greedy_oracle([tokenizer.tokenize(t) for t in texts], reference, ORACLE_SENTENCES)
        y = np.zeros(len(texts))
        y[picked] = 1.0
        lead3 = split_sentences(row["article"], punkt)[:3]
        examples.append(Example(row["id"], x, y, similarity, overlap_matrix(terms), texts, row["highlights"], lead3))
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


def pick(
    example: Example,
    weights: Sequence[float],
    redundancy: float,
    duplicate: float | None = None,
    count: int = 3,
    replaceable: int | None = None,
) -> list[str]:
    """The briefing BriefRank gives with these settings (for articles with more than ``count``)."""
    if len(example.texts) <= count:
        return list(example.texts)
    ratings = example.x @ np.asarray(weights)
    duplicates_of = None if duplicate is None else (lambda i: example.overlap[i] > duplicate)
    picked = mmr(ratings, example.similarity, count, redundancy, duplicates_of, replaceable)
    return [example.texts[i] for i in sorted(picked)]


# --- writing the weights -------------------------------------------------------------------------------

def _block(suffix: str) -> re.Pattern[str]:
    return re.compile(
        rf"^WEIGHTS{suffix}: tuple\[float, \.\.\.\] = \(.*?\)\nREDUNDANCY{suffix}: float = [-0-9.e]+"
        rf"\nDUPLICATE{suffix}: float \| None = (?:None|[-0-9.e]+)"
        rf"\nREPLACEABLE{suffix}: int \| None = (?:None|[0-9]+)",
        re.S | re.M,
    )


def render(weights: Sequence[float], language: str = "en") -> str:
    setup = SETUPS[language]
    suffix = setup.suffix
    names = WEIGHT_SETS[language].features
    rows = "".join(f"\n    {w!r},  # {name}" for w, name in zip(weights, names, strict=True))
    return (
        f"WEIGHTS{suffix}: tuple[float, ...] = ({rows}\n)\nREDUNDANCY{suffix}: float = {setup.redundancy!r}"
        f"\nDUPLICATE{suffix}: float | None = {setup.duplicate!r}"
        f"\nREPLACEABLE{suffix}: int | None = {setup.replaceable!r}"
    )


def write(weights: Sequence[float], language: str = "en") -> bool:
    """Put the language's weights and settings into summarizer/briefrank.py; False if already there."""
    text = SOURCE.read_text(encoding="utf-8")
    new = _block(SETUPS[language].suffix).sub(lambda _: render(weights, language), text, count=1)
    if new == text:
        return False
    SOURCE.write_text(new, encoding="utf-8")
    return True


def cross_validate(
    examples: Sequence[Example], folds: int, setup: Setup, salt: str = ""
) -> dict[str, object]:
    """Each fold briefed with weights fitted on the others, scored against Lead-3 on the same articles.

    The fast path of ``briefing_eval.sweep``: held-out articles are briefed from their prepared
    features, as BriefRank briefs the same sentences.
    """
    from rouge_score import rouge_scorer

    from tests.benchmarks.briefing_eval import _margins, _mean, _summary, rouge

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=setup.rouge_stemmer)
    assignment = folds_for([{"id": e.id} for e in examples], folds, salt)
    per_fold, margins = [], []
    for k in range(folds):
        weights = fit([e for e, f in zip(examples, assignment, strict=True) if f != k], setup.l2)
        held = [e for e, f in zip(examples, assignment, strict=True) if f == k]
        ours = [rouge(scorer, e.highlights, pick(e, weights, setup.redundancy, setup.duplicate, replaceable=setup.replaceable)) for e in held]
        lead = [rouge(scorer, e.highlights, e.lead3) for e in held]
        margins.append(_margins(ours, lead))
        per_fold.append(
            {
                "fold": k,
                "articles": len(held),
                "lead3": {key: round(v, 2) for key, v in _mean(lead).items()},
                "briefrank": {key: round(v, 2) for key, v in _mean(ours).items()},
                "margin": {key: round(v, 2) for key, v in margins[-1].items()},
            }
        )
    unrounded = {k: round(sum(m[k] for m in margins) / len(margins), 4) for k in margins[0]}
    return {"folds": folds, "per_fold": per_fold, "margin_over_folds": _summary(margins), "unrounded_mean_margin": unrounded}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=sorted(SETUPS), default="en", help="the weight set to fit")
    parser.add_argument("--data", type=Path, action="append", help="a .jsonl file (default: the set's own)")
    parser.add_argument("--write", action="store_true", help="write the weights into summarizer/briefrank.py")
    parser.add_argument("--sweep", action="store_true", help="cross-validate a grid of settings")
    parser.add_argument("--cv", type=int, metavar="K", help="K-fold margins over Lead-3 for the chosen settings")
    parser.add_argument(
        "--partitions", type=int, default=1, metavar="N",
        help="with --cv: also average the margins over N partitions into K folds (salts '', '0', '1', ...)",
    )
    args = parser.parse_args()
    setup = SETUPS[args.language]
    files = tuple(args.data) if args.data else setup.files
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        print(json.dumps({"skipped": f"no evaluation data at {', '.join(missing)}; nothing fitted"}))
        return 0
    examples = prepare(load(files), args.language)
    if args.sweep:
        from tests.benchmarks.briefing_eval import sweep

        print(json.dumps(sweep(examples, setup), indent=2))
        return 0
    if args.cv is not None:
        if args.cv < 2:
            parser.error("--cv needs at least 2 folds")
        report = cross_validate(examples, args.cv, setup)
        if args.partitions > 1:
            others = [
                cross_validate(examples, args.cv, setup, str(salt))
                for salt in range(args.partitions - 1)
            ]
            means = [r["margin_over_folds"] for r in (report, *others)]
            report["over_partitions"] = {
                "partitions": len(means),
                "mean_margin": {k: round(sum(m[k]["mean"] for m in means) / len(means), 2) for k in means[0]},
                "worst_fold_per_partition": {k: [m[k]["min"] for m in means] for k in means[0]},
            }
        print(json.dumps({"language": args.language, "articles": len(examples), "l2": setup.l2,
                          "redundancy": setup.redundancy, "duplicate": setup.duplicate,
                          "replaceable": setup.replaceable, **report}, indent=2))
        return 0
    weights = fit(examples, setup.l2)
    shipped_set = WEIGHT_SETS[args.language]
    shipped = (
        tuple(shipped_set.weights), shipped_set.redundancy, shipped_set.duplicate, shipped_set.replaceable
    ) == (weights, setup.redundancy, setup.duplicate, setup.replaceable)
    report = {
        "language": args.language,
        "data": [p.name for p in files],
        "articles": len(examples),
        "sentences": int(sum(len(e.y) for e in examples)),
        "positives": int(sum(e.y.sum() for e in examples)),
        "weights": dict(zip(shipped_set.features, weights, strict=True)),
        "redundancy": setup.redundancy,
        "duplicate": setup.duplicate,
        "replaceable": setup.replaceable,
        "shipped_weights_match": shipped,
    }
    if args.write:
        report["written"] = write(weights, args.language)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
