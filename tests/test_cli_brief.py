"""`newsbrief brief` and `newsbrief quotes`: what a user sees on the command line, offline."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "data" / "harbour.txt"
QUOTE_KEYS = {"quote", "start", "end", "speaker", "mention_start", "mention_end", "score"}


OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NLTK_DATA": "/nonexistent"}


def newsbrief_process(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as its own process, as a user would, with any network access made to fail loudly."""
    # A proxy that does not exist: any attempt to reach the internet errors instead of hanging.
    environment = {**os.environ, **(env or {}), **OFFLINE}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin, capture_output=True, cwd=ROOT, env=environment, timeout=120,
    )


def newsbrief(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """``newsbrief_process`` without the process: ``bot.cli.main`` in this one, with the same arguments,
    standard streams (bytes), environment, working folder and exit code (argparse's 2 included)."""
    from bot.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(b, encoding="utf-8", write_through=True) for b in (io.BytesIO(stdin or b""), out, err)]
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update({**(env or {}), **OFFLINE})
    os.chdir(ROOT)
    try:
        with mock.patch.multiple(sys, stdin=streams[0], stdout=streams[1], stderr=streams[2]):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def body_sentences(text: str) -> list[str]:
    from summarizer.article import parse_article
    from summarizer.tokenize import split_sentences

    article = parse_article(text)
    return [s for p in article.paragraphs for s in split_sentences(p)]


def test_brief_prints_title_three_body_sentences_in_order_and_key_quotes():
    result = newsbrief_process("brief", str(ARTICLE))  # one real start: offline, no data downloaded
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    lines = out.splitlines()
    assert lines[0] == "Harbour town votes to rebuild its storm-battered sea wall"
    briefing = [line.strip()[2:] for line in lines if line.strip().startswith("• ")]
    assert len(briefing) == 3
    sentences = body_sentences(ARTICLE.read_text())
    positions = [sentences.index(s) for s in briefing]  # each one verbatim from the body
    assert positions == sorted(positions)
    assert "Key quotes:" in out
    assert "Featured Image" not in "".join(briefing)
    assert lines[0] not in briefing[0]


def test_brief_json_has_the_design_shape():
    result = newsbrief("brief", "--json", str(ARTICLE))
    data = json.loads(result.stdout)
    assert set(data) == {"title", "sentences", "quotes", "language"}
    assert data["language"] == "en"
    assert data["title"].startswith("Harbour town")
    assert len(data["sentences"]) == 3
    assert all(set(q) == QUOTE_KEYS for q in data["quotes"])


def test_brief_no_title_treats_first_line_as_body_and_reads_stdin():
    text = ARTICLE.read_text().split("\n", 1)[1].strip()
    one_line = " ".join(line for line in text.splitlines() if line and not line.startswith("["))
    result = newsbrief("brief", "--json", "--no-title", "--sentences", "2", "-", stdin=one_line.encode())
    data = json.loads(result.stdout)
    assert data["title"] is None
    assert len(data["sentences"]) == 2
    assert all(s in one_line for s in data["sentences"])


def test_quotes_json_validates_and_offsets_slice_back():
    text = ARTICLE.read_text()
    result = newsbrief("quotes", "--json", str(ARTICLE))
    assert result.returncode == 0, result.stderr.decode()
    quotes = json.loads(result.stdout)
    assert quotes, "the test article has quotes"
    for q in quotes:
        assert set(q) == QUOTE_KEYS
        assert isinstance(q["quote"], str) and isinstance(q["start"], int) and isinstance(q["end"], int)
        assert text[q["start"]:q["end"]] == q["quote"]
        assert q["speaker"] is None or isinstance(q["speaker"], str)
        assert 0.0 <= q["score"] <= 1.0
        if q["mention_start"] is not None:
            assert text[q["mention_start"]:q["mention_end"]].strip()
    assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes)
    by_text = {q["quote"][:20]: q for q in quotes}

    resident = by_text["“We cannot wait for "]
    assert resident["speaker"].startswith("Jane Doe")
    assert text[resident["mention_start"]:resident["mention_end"]].startswith("Jane Doe")

    # The split quote is two objects with the same speaker.
    first, second = by_text["“The old wall was bu"], by_text["“The new one has to "]
    assert "Tom Baker" in first["speaker"] and second["speaker"] == first["speaker"]

    # "he said" resolves to the nearest earlier named speaker: the mayor.
    pronoun = by_text["“Nobody will lose th"]
    assert "Tom Baker" in pronoun["speaker"]
    assert text[pronoun["mention_start"]:pronoun["mention_end"]] == "he"

    # The two-word scare quote is not listed.
    assert not any("vanity project" in q["quote"] for q in quotes)


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        (b"\x00\x01\x02binary\x00" * 100, "binary"),
        ("Title\n\nBody caf\u00e9.".encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_input_gets_one_clear_line(stdin: bytes, needle: str):
    result = newsbrief("brief", "-", stdin=stdin)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_empty_article_is_nothing_to_do_exit_1_with_one_line(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    for args in (("brief", "--json"), ("brief",), ("quotes", "--json")):
        result = newsbrief(*args, str(empty))
        assert result.returncode == 1, args
        assert result.stdout == b""
        assert len(result.stderr.decode().strip().splitlines()) == 1


def test_article_without_a_body_is_nothing_to_do(tmp_path: Path):
    path = tmp_path / "short.txt"
    path.write_text("Just a headline\n")
    result = newsbrief("brief", "--json", str(path))
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().strip() == f"newsbrief: {path}: the article has a title but no body to brief"


def test_five_megabyte_article_is_refused_in_one_line_and_quotes_still_work(tmp_path: Path):
    path = tmp_path / "huge.txt"
    paragraph = "The committee met again and said “we will publish the report next week” to reporters.\n"
    path.write_text("A very long article\n" + paragraph * (5_000_000 // len(paragraph)))
    result = newsbrief("brief", str(path))
    assert result.returncode == 1
    assert "limit" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    result = newsbrief("quotes", "--json", str(path))
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) > 10_000


def test_missing_file_and_unknown_method():
    result = newsbrief("brief", "/no/such/file.txt")
    assert result.returncode == 1 and "cannot read" in result.stderr.decode()
    result = newsbrief("brief", "--method", "magic", str(ARTICLE))
    assert result.returncode == 2 and "invalid choice" in result.stderr.decode()


def test_one_paragraph_article_briefs_as_json_with_sentences_verbatim(tmp_path: Path):
    # One line, no title, no-break spaces and doubled spaces: raw article text as news archives keep it.
    text = (
        "The harbour council voted on Monday to rebuild the storm-battered sea\u00a0wall. "
        "The new wall will be two metres higher and is due to be finished next spring.  "
        "Engineers said the old wall had been breached in three places during the winter storms. "
        "“We cannot wait for another storm to take our homes,” said Jane Doe, a resident. "
        "Residents of forty homes behind the wall had asked the council for help. "
        "The rebuilding will cost four million pounds over two years."
    )
    path = tmp_path / "one-paragraph.txt"
    path.write_text(text, encoding="utf-8")
    result = newsbrief("brief", "--json", "--no-title", "--sentences", "3", str(path))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert set(data) == {"title", "sentences", "quotes", "language"} and data["title"] is None
    assert len(data["sentences"]) == 3
    assert all(sentence in text for sentence in data["sentences"])  # verbatim, spacing included
    assert "sea\u00a0wall" in data["sentences"][0]
    assert all(set(q) == QUOTE_KEYS for q in data["quotes"])
