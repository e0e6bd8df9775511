"""Briefing and quote throughput on 1,000-word articles, and peak memory; prints JSON.

Usage: python tests/benchmarks/summarize.py [--articles N] [--repeats R] [--method NAME]

The articles are 1,000-word slices of the CNN/DailyMail dev texts in ../shared/eval/news when that
folder is present, else of the project's own test article; one core, medians of R passes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.article import parse_article
from summarizer.briefing import DEFAULT_METHOD, briefing
from summarizer.quotes import extract
from tests.benchmarks.machine import EVAL, ROOT, machine, median_rate

WORDS = 1000


def corpus_words() -> tuple[list[str], str]:
    dev = EVAL / "news" / "cnndm_dev.jsonl"
    if dev.is_file():
        texts = [json.loads(line)["article"] for line in dev.read_text(encoding="utf-8").splitlines()]
        return " ".join(texts).split(), "cnndm_dev slices"
    text = (ROOT / "tests" / "data" / "harbour.txt").read_text(encoding="utf-8")
    return text.split() * 200, "tests/data/harbour.txt repeated"


def make_articles(count: int) -> tuple[list[str], str]:
    words, source = corpus_words()
    articles = []
    for i in range(count):
        start = (i * WORDS) % max(1, len(words) - WORDS)
        chunk = words[start:start + WORDS]
        # Paragraphs of about 60 words, as news articles have.
        paragraphs = [" ".join(chunk[j:j + 60]) for j in range(0, len(chunk), 60)]
        articles.append(f"Article {i}\n" + "\n".join(paragraphs))
    return articles, source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--method", default=DEFAULT_METHOD)
    args = parser.parse_args()
    texts, source = make_articles(args.articles)
    parsed = [parse_article(t) for t in texts]
    briefing(parsed[0], 3, args.method)  # warm-up: loads the tokenizer model and stop words

    def brief_all() -> int:
        for article in parsed:
            briefing(article, 3, args.method)
        return len(parsed)

    def brief_from_raw() -> int:
        for text in texts:
            briefing(parse_article(text), 3, args.method)
        return len(texts)

    def quotes_all() -> int:
        for text in texts:
            extract(text)
        return len(texts)

    brief_rate, brief_runs = median_rate(brief_from_raw, args.repeats)
    quote_rate, quote_runs = median_rate(quotes_all, args.repeats)

    tracemalloc.start()
    brief_all()
    quotes_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(json.dumps({
        "benchmark": "summarize",
        "articles": len(texts),
        "words_per_article": WORDS,
        "source": source,
        "method": args.method,
        "briefing_articles_per_s_median": round(brief_rate, 1),
        "briefing_runs": [round(r, 1) for r in brief_runs],
        "quotes_articles_per_s_median": round(quote_rate, 1),
        "quotes_runs": [round(r, 1) for r in quote_runs],
        "peak_traced_memory_mb": round(peak / 2**20, 2),
        "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
