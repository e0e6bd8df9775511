"""The command line as an operator meets it: descriptions, --version, one-line usage errors, exit codes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from tests.conftest import ARTICLE, ROOT
from tests.test_cli_brief import newsbrief

SUBCOMMANDS = ["run", "console", "brief", "quotes", "post", "extract"]


def test_version_prints_the_installed_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    result = newsbrief("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"newsbrief {version}"


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_describes_itself(command: str, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    _, _, rest = text.partition("\n\n")
    description = rest.split("\n\n")[0]
    # A description paragraph of its own, not just the usage line and the argument list.
    assert not description.startswith(("positional arguments", "options")), text
    assert len(description.split()) >= 5, text


def test_the_top_level_help_lists_a_description_per_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for command in SUBCOMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", text, re.M), (command, text)
    assert "Exit status: 0 done, 1 nothing to do or failed input, 2 wrong usage" in " ".join(text.split())


def test_quotes_help_points_to_nothing_outside_the_repository(capsys):
    with pytest.raises(SystemExit):
        main(["quotes", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for name in re.findall(r"\b[\w./-]+\.(?:md|txt|json)\b", text):
        assert (ROOT / name).exists(), f"quotes --help names {name}, which is not in the repository"
    assert "speaker" in text and "start" in text and "score" in text  # the schema, said in place


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["brief", "--sentences", "0", str(ARTICLE)], "--sentences: 0 must be at least 1"),
        (["brief", "--sentences", "-2", str(ARTICLE)], "--sentences: -2 must be at least 1"),
        (["brief", "--sentences", "three", str(ARTICLE)], "'three' is not a whole number"),
        (["brief", "--method", "magic", str(ARTICLE)], "invalid choice: 'magic'"),
        (["brief"], "the following arguments are required: FILE|-"),
        (["post"], "the following arguments are required: FILE"),
        (["run", "--webhook", "--polling"], "not allowed with argument"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_wrong_usage_is_one_line_and_exit_2(args: list[str], complaint: str, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert complaint in lines[0] and lines[0].startswith("newsbrief") and "--help" in lines[0]


def test_brief_with_a_positive_sentence_count_still_works(tmp_path: Path):
    result = newsbrief("brief", "--json", "--sentences", "1", str(ARTICLE))
    assert result.returncode == 0, result.stderr.decode()
    assert b'"sentences"' in result.stdout


def test_the_parser_keeps_designs_subcommand_names():
    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(SUBCOMMANDS) <= set(choices)
