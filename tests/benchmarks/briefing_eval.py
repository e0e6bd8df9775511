"""Briefing quality (ROUGE against editors' highlights) and speed, every method in one run; prints JSON.

Usage: python tests/benchmarks/briefing_eval.py [--split dev | --data PATH] [--sentences 3] [--repeats 3]
                                               [--methods lexrank,newsrank,...]

Scoring rule of ../shared/eval/news/README.md: the briefing of each article (body only, no title
line) against its reference highlights, ROUGE F1 from Google's ``rouge-score`` with the Porter
stemmer, sentences joined by newlines for ROUGE-Lsum, averaged over articles; an article whose
briefing fails scores 0. "lead3" is the baseline exactly as the README defines it: the first three
punkt sentences of the raw text, unfiltered. Articles/s is end to end from raw text (parsing,
sentence splitting, tokenising, ranking), one core, the median of ``--repeats`` passes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

# One core: numpy's BLAS would otherwise spread a single briefing over every core.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.article import parse_article
from summarizer.briefing import DEFAULT_METHOD, METHODS, briefing
from summarizer.tokenize import split_sentences
from tests.benchmarks.machine import EVAL, machine, median_rate

NEWS = EVAL / "news"
SPLITS = {"dev": NEWS / "cnndm_dev.jsonl"}


def load(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def lead3(text: str, count: int) -> list[str]:
    """The README's baseline: the first ``count`` punkt sentences of the raw article text."""
    return split_sentences(text)[:count]


def method_brief(method: str) -> Callable[[str, int], list[str]]:
    def brief(text: str, count: int) -> list[str]:
        return briefing(parse_article(text, has_title=False), count, method)

    return brief


def evaluate(
    name: str, brief: Callable[[str, int], list[str]], rows: list[dict], count: int, repeats: int, scorer
) -> dict[str, object]:
    outputs: list[list[str] | None] = []
    failures = []
    for row in rows:
        try:
            outputs.append(brief(row["article"], count))
        except Exception as exc:  # a failed article scores 0 and is named, never fatal
            outputs.append(None)
            failures.append(f"{row.get('id')}: {type(exc).__name__}: {exc}")
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    empty = 0
    for row, sentences in zip(rows, outputs, strict=True):
        if not sentences:
            empty += sentences is not None
            continue
        scores = scorer.score("\n".join(row["highlights"]), "\n".join(sentences))
        for key in totals:
            totals[key] += scores[key].fmeasure
    n = max(1, len(rows))

    def one_pass() -> int:
        for row in rows:
            try:
                brief(row["article"], count)
            except Exception:  # already counted as a failure above
                continue
        return len(rows)

    rate, runs = median_rate(one_pass, repeats)
    return {
        "method": name,
        "R1": round(100 * totals["rouge1"] / n, 2),
        "R2": round(100 * totals["rouge2"] / n, 2),
        "RLsum": round(100 * totals["rougeLsum"] / n, 2),
        "articles_per_s": round(rate, 1),
        "articles_per_s_runs": [round(r, 1) for r in runs],
        "failed": len(failures),
        "empty": empty,
        **({"failures": failures[:5]} if failures else {}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--split", choices=sorted(SPLITS), default="dev")
    source.add_argument("--data", type=Path, help="a .jsonl file in the format of ../shared/eval/news")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per method (median reported)")
    parser.add_argument("--methods", help="comma-separated subset of methods (default: all)")
    args = parser.parse_args()

    path = args.data or SPLITS[args.split]
    if not path.is_file():
        print(json.dumps({"skipped": f"no evaluation data at {path}; nothing measured"}))
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print(json.dumps({"skipped": "the rouge-score package is not installed; nothing measured"}))
        return 0

    rows = load(path)
    methods = args.methods.split(",") if args.methods else list(METHODS)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        parser.error(f"unknown methods {unknown}; choose from {', '.join(METHODS)}")
    methods = [m for m in methods if m != DEFAULT_METHOD] + [DEFAULT_METHOD]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    # Warm-up: the tokenizer model, stop words and stemmers load once, outside the timings.
    for method in methods:
        briefing(parse_article(rows[0]["article"], has_title=False), args.sentences, method)

    started = time.perf_counter()
    results = [evaluate("lead3", lead3, rows, args.sentences, args.repeats, scorer)]
    results += [evaluate(m, method_brief(m), rows, args.sentences, args.repeats, scorer) for m in methods]
    base = results[0]
    default = results[-1]
    report = {
        "data": str(path.name if args.data is None else path),
        "articles": len(rows),
        "sentences": args.sentences,
        "default_method": DEFAULT_METHOD,
        "results": results,
        "default_minus_lead3": {k: round(default[k] - base[k], 2) for k in ("R1", "R2", "RLsum")},
        "targets": {
            "R1 >= lead3 + 1.0": default["R1"] >= base["R1"] + 1.0,
            "R2 >= lead3": default["R2"] >= base["R2"],
            "RLsum >= lead3": default["RLsum"] >= base["RLsum"],
            "no article failed": default["failed"] == 0 and default["empty"] == 0,
            ">= 200 articles/s": default["articles_per_s"] >= 200,
        },
        "seconds": round(time.perf_counter() - started, 1),
        "machine": machine(),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
