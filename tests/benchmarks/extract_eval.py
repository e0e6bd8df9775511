"""Score the project's page-to-article path on the saved news pages in ../shared/eval/pages/; print JSON.

Usage: ``python tests/benchmarks/extract_eval.py [--half 0|1] [--errors N] [--bootstrap N]``.

What is scored is what ``/post <url>`` stores: ``bot.fetch.article_from_page`` on a ``Fetched`` built
from the saved bytes (the page's real URL, status 200, text/html, UTF-8); its ``Article.body`` is
compared with the gold ``article_body``, a ``FetchError`` scoring as an empty body. The rule is the
benchmark's own (its ``evaluate.py``, described in the folder's README): ``\\w+`` tokens, multisets of
4-token shingles, per-page tp/fp/fn normalised by their sum; precision is the mean over pages that
predicted something, recall the mean over pages with a body, F1 = 2PR/(P+R); accuracy is the share of
pages whose token sequence equals the gold's. ``*_sd``: bootstrap standard deviation (fixed seed).

``--half 0|1`` scores one half of the pages (split by a hash of the page id), so a change tuned on
one half can be reported on the other. Exits 0 with ``{"skipped": ...}`` when the folder is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx

from bot.fetch import Fetched, FetchError, article_from_page
from tests.benchmarks.machine import EVAL, machine

PAGES_DIR = EVAL / "pages"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

Counts = tuple[float, float, float]


def load(half: int | None) -> list[dict[str, str]]:
    pages = []
    with (PAGES_DIR / "ground_truth.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                pages.append(json.loads(line))
    if half is not None:
        pages = [p for p in pages if hashlib.sha256(p["id"].encode()).digest()[0] % 2 == half]
    return pages


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match(gold: str, predicted: str) -> Counts:
    """tp, fp, fn over 4-token shingles, normalised by their sum (long pages weigh no more)."""
    true, pred = _shingles(gold), _shingles(predicted)
    tp = fp = fn = 0.0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(counts: list[Counts]) -> dict[str, float]:
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def bootstrap(counts: list[Counts], rounds: int) -> dict[str, float]:
    rng = random.Random(20191120)
    samples: dict[str, list[float]] = {}
    for _ in range(rounds):
        picked = [counts[rng.randrange(len(counts))] for _ in counts]
        for key, value in metrics(picked).items():
            samples.setdefault(key, []).append(value)
    return {f"{key}_sd": statistics.stdev(values) for key, values in samples.items()}


async def stored_body(page: dict[str, str]) -> str:
    """What ``/post <url>`` would store as the article body for this saved page ("" when refused)."""
    data = gzip.decompress((PAGES_DIR / "html" / f"{page['id']}.html.gz").read_bytes())
    fetched = Fetched(
        url=page["url"],
        status=200,
        headers=httpx.Headers({"content-type": "text/html; charset=utf-8"}),
        body=data,
        media_type="text/html",
        charset="utf-8",
    )
    try:
        return (await article_from_page(fetched)).body
    except FetchError:
        return ""


async def run(pages: list[dict[str, str]]) -> tuple[list[str], float]:
    started = time.perf_counter()
    bodies = [await stored_body(page) for page in pages]
    return bodies, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", type=int, choices=(0, 1), help="score one half of the pages only")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list the N worst pages")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples")
    args = parser.parse_args()
    if not (PAGES_DIR / "ground_truth.jsonl").is_file():
        print(json.dumps({"skipped": f"{PAGES_DIR} is absent"}))
        return 0
    pages = load(args.half)
    bodies, seconds = asyncio.run(run(pages))
    counts = [match(page["article_body"], body) for page, body in zip(pages, bodies, strict=True)]
    exact = [
        _TOKEN.findall(page["article_body"]) == _TOKEN.findall(body)
        for page, body in zip(pages, bodies, strict=True)
    ]
    report: dict[str, object] = {"pages": len(pages), "half": args.half}
    report.update({k: round(v, 4) for k, v in metrics(counts).items()})
    report["accuracy"] = round(sum(exact) / len(pages), 4)
    report.update({k: round(v, 4) for k, v in bootstrap(counts, args.bootstrap).items()})
    report["refused"] = sum(1 for body in bodies if not body)
    report["pages_per_s"] = round(len(pages) / seconds, 2)
    report["machine"] = machine()
    if args.errors:
        scored = sorted(zip(counts, pages, strict=True), key=lambda item: item[0][0])
        report["worst"] = [
            {"id": page["id"][:12], "url": page["url"], "tp": round(c[0], 3), "fp": round(c[1], 3)}
            for c, page in scored[: args.errors]
        ]
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
