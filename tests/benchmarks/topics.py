"""Matching one new article against every followed topic: the anchor index vs a Python scan.

Usage: python tests/benchmarks/topics.py [--subscribers 100000] [--topics 20] [--articles 15] [--scans 3]

A database of N subscribers x T topics each (synthetic words with a Zipf-like popularity, so some
topics are followed by thousands and most by few; one-word, two-word and "quoted phrase" topics),
then for each of a set of synthetic articles (title + briefing: common words, words drawn evenly
from the vocabulary, and two of the hundred most followed topics, as a story on a hot subject):

- indexed: ``storage.topics.matching_chats`` as the bot runs it (fold the story with SQLite's
  FTS5 tokenizer, read the topics anchored on its terms, check those in full);
- naive: every topic already in a Python list (loading it is timed apart), each checked in turn.

Both must find the same readers for every article. Prints JSON: medians per article, the ratio,
Python's peak allocation for each (tracemalloc), the naive list's size, and the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from storage import topics
from storage.db import Database
from storage.folding import COLUMNS, fold_many
from tests.benchmarks.machine import machine

VOCABULARY = 30_000
SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ar", "en", "is", "or")]
COMMON = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "at",
    "by",
    "from",
    "said",
    "has",
    "was",
    "will",
    "after",
    "over",
    "new",
]


def vocabulary(rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_picker(rng: random.Random, size: int):
    weights = [1 / (rank + 1) for rank in range(size)]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)

    def pick(k: int) -> list[int]:
        return rng.choices(range(size), cum_weights=cumulative, k=k)

    return pick


async def build(db: Database, subscribers: int, per_reader: int, rng: random.Random) -> list[str]:
    words = vocabulary(rng)
    folded = [f["title"] for f in await fold_many(db, [(w, "") for w in words])]
    terms = [f[0] if len(f) == 1 else w for w, f in zip(words, folded, strict=True)]
    pick = zipf_picker(rng, VOCABULARY)
    rows = []
    for chat in range(1, subscribers + 1):
        for _ in range(per_reader):
            kind = rng.random()
            chosen = pick(1 if kind < 0.6 else 2)
            names = [words[i] for i in chosen]
            folded_terms = [terms[i] for i in chosen]
            if kind < 0.6:
                rows.append((chat, names[0], [[folded_terms[0]]]))
            elif kind < 0.9:
                rows.append((chat, " ".join(names), [[t] for t in dict.fromkeys(folded_terms)]))
            else:
                rows.append((chat, f'"{" ".join(names)}"', [folded_terms]))
        if len(rows) >= 200_000:
            await topics.add_many(db, rows)
            rows = []
    await topics.add_many(db, rows)
    return words


def story(rng: random.Random, words: list[str]) -> tuple[str, list[str]]:
    def sentence(length: int) -> str:
        return " ".join(
            rng.choice(COMMON) if rng.random() < 0.35 else rng.choice(words) for _ in range(length)
        )

    hot = " ".join(words[rng.randrange(100)] for _ in range(2))
    return f"{sentence(8)} {hot}".capitalize(), [sentence(20).capitalize() + "." for _ in range(3)]


def naive_scan(loaded: list[tuple[int, list[list[str]]]], folded: dict[str, list[str]]) -> set[int]:
    """What a bot without the index would do: every topic of every reader, checked in Python."""
    words = {term for column in COLUMNS for term in folded[column]}
    texts = [" " + " ".join(folded[column]) + " " for column in COLUMNS]
    found = set()
    for chat, groups in loaded:
        if all(
            (g[0] in words) if len(g) == 1 else any(f" {' '.join(g)} " in text for text in texts)
            for g in groups
        ):
            found.add(chat)
    return found


async def run(args: argparse.Namespace) -> dict[str, object]:
    rng = random.Random(19)
    with tempfile.TemporaryDirectory() as tmp:
        async with await Database.open(Path(tmp) / "topics.db") as db:
            started = time.perf_counter()
            words = await build(db, args.subscribers, args.topics, rng)
            build_seconds = time.perf_counter() - started
            total = (await db.fetchone("SELECT COUNT(*) FROM topics"))[0]
            stories = [story(rng, words) for _ in range(args.articles)]

            indexed_times, indexed_found = [], []
            tracemalloc.start()
            for title, briefing in stories:
                started = time.perf_counter()
                indexed_found.append(await topics.matching_chats(db, title, briefing))
                indexed_times.append(time.perf_counter() - started)
            indexed_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()

            tracemalloc.start()
            started = time.perf_counter()
            loaded = []
            async with db.conn.execute("SELECT chat_id, groups FROM topics") as cursor:
                async for row in cursor:
                    loaded.append((row[0], json.loads(row[1])))
            load_seconds = time.perf_counter() - started
            loaded_bytes = tracemalloc.get_traced_memory()[0]
            naive_times = []
            for (title, briefing), expected in zip(stories[: args.scans], indexed_found, strict=False):
                folded = await topics.fold_article(db, title, briefing)
                started = time.perf_counter()
                found = naive_scan(loaded, folded)
                naive_times.append(time.perf_counter() - started)
                if found != expected:
                    raise AssertionError("the index and the scan disagree")
            naive_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()

    indexed = statistics.median(indexed_times)
    naive = statistics.median(naive_times)
    return {
        "benchmark": "topics",
        "subscribers": args.subscribers,
        "topics_per_subscriber": args.topics,
        "topics": total,
        "build_seconds": round(build_seconds, 1),
        "articles": len(stories),
        "matched_readers_median": statistics.median(len(f) for f in indexed_found),
        "indexed_ms_median": round(indexed * 1000, 2),
        "indexed_ms_max": round(max(indexed_times) * 1000, 2),
        "indexed_python_peak_mb": round(indexed_peak / 2**20, 2),
        "naive_scan_ms_median": round(naive * 1000, 1),
        "naive_scans": len(naive_times),
        "naive_load_seconds": round(load_seconds, 2),
        "naive_list_mb": round(loaded_bytes / 2**20, 1),
        "naive_python_peak_mb": round(naive_peak / 2**20, 1),
        "ratio_naive_over_indexed": round(naive / indexed, 1),
        "same_readers_found": True,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--topics", type=int, default=20)
    parser.add_argument("--articles", type=int, default=15)
    parser.add_argument("--scans", type=int, default=3)
    print(json.dumps(asyncio.run(run(parser.parse_args())), indent=2))


if __name__ == "__main__":
    main()
