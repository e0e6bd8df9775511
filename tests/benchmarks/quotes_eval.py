"""Score ``summarizer.quotes.extract`` against the PolNeAR gold in ../shared/eval/quotes/ and print JSON.

Usage: ``python tests/benchmarks/quotes_eval.py --split dev|train [--repeats N] [--errors N]``.
The scoring rule is the one in the eval folder's README: primary annotator only; a gold unit is a
quoted segment of 4+ words inside a direct or mixed attribution; a prediction matches a gold unit
when their character overlap is at least half of each (one-to-one, greedy by overlap); the speaker
is right when the predicted mention overlaps a gold source fragment, or both are empty.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.quotes import Quote, extract
from summarizer.tokenize import sentence_spans
from tests.benchmarks.machine import EVAL, machine, median_rate

QUOTES_DIR = EVAL / "quotes"
#: The gold's own word count (its ``quoted_words`` flag) splits at apostrophes: "don’t" is two words.
_WORD = re.compile(r"[^\W_]+")
HARD_CASES = (
    "speaker_before",
    "speaker_after",
    "pronoun_speaker",
    "multi_sentence",
    "split_quote",
    "across_paragraphs",
    "two_apostrophes",
    "unbalanced_marks",
    "nested_single",
    "no_source",
)


#: Where the gold credit sits relative to the quote (one pattern per gold quote), for the table.
PATTERNS = ("credit_after", "credit_before", "pronoun", "not_in_sentence", "earlier_paragraph", "no_source")
_PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "you"])


@dataclass
class GoldUnit:
    start: int
    end: int
    sources: list[tuple[int, int]]
    flags: set[str] = field(default_factory=set)
    pattern: str = "no_source"
    #: The speakers' words (lower case), for golds whose rule also accepts the speaker's name as text.
    source_words: list[str] = field(default_factory=list)


@dataclass
class Doc:
    doc_id: str
    text: str
    units: list[GoldUnit]


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _hard_flags(attribution: dict, segment: dict, text: str, extra: dict | None) -> set[str]:
    """Hard cases of one gold segment, from the direct-quote flags and the segment itself."""
    flags: set[str] = set()
    seg = segment["text"]
    sources = attribution.get("sources") or []
    if extra:
        f = extra.get("flags", {})
        if sources and not f.get("source_after_content"):
            flags.add("speaker_before")
        if f.get("source_after_content"):
            flags.add("speaker_after")
        if f.get("pronoun_source"):
            flags.add("pronoun_speaker")
        if f.get("multi_sentence"):
            flags.add("multi_sentence")
    if len(attribution.get("quoted_segments") or []) > 1:
        flags.add("split_quote")
    if segment.get("closure") == "paragraph_continued" or "\n" in seg:
        flags.add("across_paragraphs")
    if "''" in seg or "``" in seg:
        flags.add("two_apostrophes")
    if segment.get("closure") != "closed":
        flags.add("unbalanced_marks")
    inner = seg.strip("“”\"'`‘’")
    if "‘" in inner or re.search(r"(?:^|\s)'\w", inner):
        flags.add("nested_single")
    if not sources:
        flags.add("no_source")
    return flags


def _pattern(text: str, start: int, end: int, sources: list[tuple[int, int]]) -> str:
    """The attribution pattern of one gold quote, read from where its first source fragment sits.

    "The sentence" is every Punkt sentence of the quote's paragraph that the quote touches, so a
    credit inside a quote split in two ("“A,” she said, “B.”") counts as in the sentence.
    """
    if not sources:
        return "no_source"
    s_start, s_end = min(sources)
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    if s_end <= p_start:
        return "earlier_paragraph"
    if s_start >= p_end:
        return "not_in_sentence"
    spans = [(p_start + a, p_start + b) for a, b in sentence_spans(text[p_start:p_end])]
    touched = [(a, b) for a, b in spans if a < end and b > start] or [(start, end)]
    lo, hi = touched[0][0], touched[-1][1]
    if not (lo <= s_start < hi):
        return "not_in_sentence"
    if text[s_start:s_end].strip().lower() in _PRONOUNS:
        return "pronoun"
    return "credit_after" if s_start >= end else "credit_before"


def load(split: str) -> list[Doc]:
    extras: dict[tuple[str, str], dict] = {}
    with open(QUOTES_DIR / f"polnear_direct_quotes_{split}.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("is_primary"):
                extras[(row["doc_id"], row["attribution_id"])] = row
    docs = []
    with open(QUOTES_DIR / f"polnear_attributions_{split}.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("is_primary"):
                continue
            units = []
            for attribution in row["attributions"]:
                if attribution.get("type") not in ("direct", "mixed"):
                    continue
                extra = extras.get((row["doc_id"], attribution["id"]))
                sources = [(s["start"], s["end"]) for s in attribution.get("sources") or []]
                for segment in attribution.get("quoted_segments") or []:
                    if _words(segment["text"]) < 4:
                        continue
                    flags = _hard_flags(attribution, segment, row["text"], extra)
                    pattern = _pattern(row["text"], segment["start"], segment["end"], sources)
                    units.append(GoldUnit(segment["start"], segment["end"], sources, flags, pattern))
            docs.append(Doc(row["doc_id"], row["text"], units))
    return docs


def _speaker_words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def load_redewiedergabe(path: Path, marked_only: bool) -> list[Doc]:
    """The German REDEWIEDERGABE news gold (``../shared/eval/quotes_de/``): direct segments of 4+
    words, only those in quotation marks for the headline set (as its README's rule says)."""
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            units = []
            for quote in row["quotes"]:
                if quote["words"] < 4 or (marked_only and not quote["marked"]):
                    continue
                sources = [(sp["start"], sp["end"]) for sp in quote["speakers"]]
                unit = GoldUnit(quote["start"], quote["end"], sources)
                unit.pattern = _pattern(row["text"], quote["start"], quote["end"], sources)
                unit.source_words = [_speaker_words(sp["text"]) for sp in quote["speakers"]]
                units.append(unit)
            docs.append(Doc(row["doc_id"], row["text"], units))
    return docs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(predicted: list[Quote], gold: list[GoldUnit]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap; a pair counts when overlap >= half of each."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            ov = _overlap((p.start, p.end), (g.start, g.end))
            if ov and ov * 2 >= p.end - p.start and ov * 2 >= g.end - g.start:
                pairs.append((ov, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((i, j))
    return result


def speaker_right(quote: Quote, unit: GoldUnit) -> bool:
    if quote.mention_start is None or quote.mention_end is None:
        return not unit.sources
    mention = (quote.mention_start, quote.mention_end)
    if quote.speaker and _speaker_words(quote.speaker) in unit.source_words:
        return True
    return any(_overlap(mention, s) > 0 for s in unit.sources)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs: list[Doc], errors: int = 0) -> dict:
    n_pred = n_gold = n_match = n_speaker = crashed = 0
    n_unnamed = n_uncertain = 0
    by_case: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, matched, speaker right
    by_pattern: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # gold, matched, right, uncertain
    samples: list[dict] = []
    for doc in docs:
        try:
            predicted = extract(doc.text)
        except Exception as exc:
            crashed += 1
            samples.append({"doc": doc.doc_id, "crash": repr(exc)})
            continue
        pairs = match(predicted, doc.units)
        n_pred += len(predicted)
        n_unnamed += sum(q.speaker is None for q in predicted)
        n_uncertain += sum(q.speaker is None and q.mention_start is not None for q in predicted)
        n_gold += len(doc.units)
        n_match += len(pairs)
        matched_gold = {}
        for i, j in pairs:
            right = speaker_right(predicted[i], doc.units[j])
            n_speaker += right
            matched_gold[j] = (right, predicted[i])
        for j, unit in enumerate(doc.units):
            got = matched_gold.get(j)
            row = by_pattern[unit.pattern]
            row[0] += 1
            row[1] += got is not None
            row[2] += bool(got and got[0])
            row[3] += bool(got and got[1].speaker is None and got[1].mention_start is not None)
            for case in unit.flags:
                by_case[case][0] += 1
                by_case[case][1] += got is not None
                by_case[case][2] += bool(got and got[0])
            if len(samples) < errors and (got is None or not got[0]):
                sample = {"doc": doc.doc_id, "pattern": unit.pattern, "gold": doc.text[unit.start : unit.end][:120]}
                sample["gold_sources"] = [doc.text[a:b] for a, b in unit.sources]
                if got:
                    q = got[1]
                    sample["mention"] = q.mention_start and doc.text[q.mention_start : q.mention_end]
                    sample["context"] = doc.text[max(0, unit.start - 150) : unit.end + 150]
                samples.append(sample)
        if errors:
            hit = {i for i, _ in pairs}
            for i, q in enumerate(predicted):
                if i not in hit and len(samples) < errors:
                    samples.append({"doc": doc.doc_id, "false_positive": q.quote[:120]})
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    jp = n_speaker / n_pred if n_pred else 0.0
    jr = n_speaker / n_gold if n_gold else 0.0
    result = {
        "articles": len(docs),
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        "span_precision": round(precision, 4),
        "span_recall": round(recall, 4),
        "span_f1": round(_f1(precision, recall), 4),
        "speaker_accuracy": round(n_speaker / n_match, 4) if n_match else 0.0,
        "joint_f1": round(_f1(jp, jr), 4),
        "articles_skipped_or_crashed": crashed,
        # A credit was found ("she said") but no name could be given with confidence: the quote is
        # listed without a name rather than with a guess. Unnamed also counts quotes with no credit.
        "uncertain_speaker_quotes": n_uncertain,
        "unnamed_quotes": n_unnamed,
        "patterns": {
            name: {
                "gold": by_pattern[name][0],
                "recall": round(by_pattern[name][1] / by_pattern[name][0], 4) if by_pattern[name][0] else None,
                "speaker_accuracy": round(by_pattern[name][2] / by_pattern[name][1], 4) if by_pattern[name][1] else None,
                "uncertain": by_pattern[name][3],
            }
            for name in PATTERNS
        },
        "hard_cases": {
            case: {
                "gold": by_case[case][0],
                "recall": round(by_case[case][1] / by_case[case][0], 4) if by_case[case][0] else None,
                "speaker_accuracy": round(by_case[case][2] / by_case[case][1], 4) if by_case[case][1] else None,
            }
            for case in HARD_CASES
        },
    }
    if errors:
        result["errors"] = samples
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--data", type=Path, help="another gold file: the German REDEWIEDERGABE news JSONL")
    parser.add_argument("--repeats", type=int, default=5, help="timed passes for articles/s (median)")
    parser.add_argument("--errors", type=int, default=0, help="also list up to N misses (for tuning)")
    parser.add_argument("--table", action="store_true", help="print the figures and per-pattern table as Markdown")
    args = parser.parse_args(argv)
    if args.data is not None:
        return _other_gold(args)
    if not (QUOTES_DIR / f"polnear_attributions_{args.split}.jsonl").is_file():
        print(json.dumps({"skipped": f"no PolNeAR gold at {QUOTES_DIR}", "machine": machine()}))
        return 0
    docs = load(args.split)
    started = time.perf_counter()
    result = {"split": args.split, **score(docs, args.errors)}
    result["scoring_seconds"] = round(time.perf_counter() - started, 2)

    cpu: list[float] = []

    def one_pass() -> int:
        started = time.process_time()
        for doc in docs:
            extract(doc.text)
        cpu.append(len(docs) / max(time.process_time() - started, 1e-9))
        return len(docs)

    rate, rates = median_rate(one_pass, max(1, args.repeats))
    result["articles_per_second"] = round(rate, 1)
    result["articles_per_second_passes"] = [round(r, 1) for r in rates]
    # The same passes by this process's CPU time: what the code costs, less what the neighbours on
    # a shared machine take (wall-clock figures under load 7 on 2 cores drop to a third).
    result["articles_per_cpu_second"] = round(statistics.median(cpu), 1)
    result["machine"] = machine()
    print(markdown(result) if args.table else json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _other_gold(args: argparse.Namespace) -> int:
    if not args.data.is_file():
        print(json.dumps({"skipped": f"no gold at {args.data}", "machine": machine()}))
        return 0
    marked = load_redewiedergabe(args.data, marked_only=True)
    result = {"split": args.data.name, **score(marked, args.errors)}
    everything = score(load_redewiedergabe(args.data, marked_only=False))
    result["all_direct"] = {k: everything[k] for k in ("gold_quotes", "span_f1", "speaker_accuracy", "joint_f1")}
    rate, _ = median_rate(lambda: sum(1 for doc in marked if extract(doc.text) is not None), max(1, args.repeats))
    result["articles_per_second"] = round(rate, 1)
    result["machine"] = machine()
    print(markdown(result) if args.table else json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def markdown(result: dict) -> str:
    """The headline figures and the per-pattern table, as the README quotes them."""
    keys = ("span_f1", "speaker_accuracy", "joint_f1", "articles_skipped_or_crashed", "uncertain_speaker_quotes", "articles_per_second")
    lines = [f"{result['split']} ({result['articles']} articles, {result['gold_quotes']} gold quotes): " + ", ".join(f"{k} {result[k]}" for k in keys)]
    lines += ["", "| pattern | gold | span recall | speaker accuracy | uncertain |", "|---|---|---|---|---|"]
    for name, row in result["patterns"].items():
        lines.append(f"| {name} | {row['gold']} | {row['recall']} | {row['speaker_accuracy']} | {row['uncertain']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
