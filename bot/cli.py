"""The ``newsbrief`` command line: run, console, brief, quotes, post, extract."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import NoReturn

from bot import cli_extract
from bot.config import ConfigError, load_settings
from storage.db import StorageError
from summarizer.briefing import DEFAULT_METHOD, METHODS
from summarizer.language import normalise

# The text work (bot.ingest, the quote extractor, trafilatura) is imported by the commands that
# use it: `newsbrief run` without a token must answer at once, even on a busy machine.

#: ``quotes`` is linear in the input, so it takes far longer texts than a briefing does.
MAX_QUOTES_CHARS = 10_000_000


class CliError(Exception):
    """A failure to report on one line of standard error, with exit code 1."""

    exit_code = 1


class UsageError(CliError):
    """The command cannot run as asked (a missing setting for this mode): one line, exit code 2."""

    exit_code = 2


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (exit 2), pointing to --help instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return value


def _version() -> str:
    try:
        return metadata.version("newsbrief")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _read_input(name: str) -> str:
    """The text of FILE, or of standard input for ``-``: UTF-8 only, never binary."""
    from bot.ingest import IngestError, text_from_bytes

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        return text_from_bytes(data)
    except IngestError as exc:
        raise CliError(f"{name}: {exc}") from None


def _language_code(value: str) -> str:
    code = normalise(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code such as en, fr or de")
    return code


def _add_language(parser: argparse.ArgumentParser, help_text: str) -> None:
    """The ``--language xx`` option of ``brief`` and ``quotes``: an ISO 639-1 code, else detected."""
    parser.add_argument("--language", type=_language_code, metavar="xx", help=help_text)


def _brief(args: argparse.Namespace) -> int:
    from bot.ingest import MAX_ARTICLE_CHARS
    from summarizer import quotes as quote_extractor
    from summarizer.article import parse_article
    from summarizer.briefing import as_written, briefing
    from summarizer.language import detect
    from summarizer.language_rules import rules_for
    from summarizer.quotes.offsets import as_in_text

    text = _read_input(args.file)
    if len(text) > MAX_ARTICLE_CHARS:
        raise CliError(
            f"{args.file}: the article is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}"
        )
    article = parse_article(text, has_title=not args.no_title)
    if article.is_empty:  # nothing to do: exit 1, so a script notices
        if article.title:
            raise CliError(f"{args.file}: the article has a title but no body to brief")
        raise CliError(f"{args.file}: no article text to brief (a title line, then the body)")
    # The body's language unless --language names one (the title only when there is no body).
    language = args.language or detect(article.body or article.title or "", default="und")
    rules = rules_for(language)
    # As written in the file, so a sentence can be found in it verbatim (spacing included).
    sentences = as_written(briefing(article, args.sentences, args.method, language=language), text)
    # Picked from the body exactly as the bot stores it (so the bot's card shows the same key quotes),
    # then placed back in the input: offsets and quoted text as they stand in FILE.
    found = quote_extractor.extract(article.body, language)
    key = as_in_text(quote_extractor.key_quotes(found), article.paragraphs, text)
    if args.json:
        payload = {
            "title": article.title,
            "sentences": sentences,
            "quotes": [q.to_json() for q in key],
            "language": rules.code,
        }
        if rules.fallback and not article.is_empty:
            # No rules of its own for this language: split and rated by the fallback.
            payload["language_fallback"] = True
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if rules.fallback:
        print(
            f"{args.file}: no briefing rules for language {rules.code!r}; briefed with the fallback "
            f"({rules.punkt} sentence splitting)",
            file=sys.stderr,
        )
    if article.title:
        print(article.title)
        print()
    print("Briefing:")
    for sentence in sentences:
        print(f"  • {sentence}")
    print()
    print("Key quotes:")
    if not key:
        print("  (no direct quotes in this article)")
    for quote in key:
        who = f" — {quote.speaker}" if quote.speaker else ""
        print(f"  {quote.quote}{who}")
    return 0


def _quotes(args: argparse.Namespace) -> int:
    from summarizer import quotes as quote_extractor
    from summarizer.language import detect

    text = _read_input(args.file)
    if len(text) > MAX_QUOTES_CHARS:
        raise CliError(f"{args.file}: {len(text):,} characters is more than {MAX_QUOTES_CHARS:,}")
    if not text.strip():
        raise CliError(f"{args.file}: no text to find quotes in")
    # The language whose quote marks and speech verbs are read: --language, else detected.
    found = quote_extractor.extract(text, args.language or detect(text, default="und"))
    if args.json:
        print(json.dumps([q.to_json() for q in found], ensure_ascii=False, indent=2))
    else:
        for quote in found:
            print(f"{quote.quote} — {quote.speaker or 'unattributed'}")
    return 0


async def _post_files(files: Sequence[str], db_path: str, method: str) -> int:
    from bot.ingest import IngestError, post_text
    from storage.db import Database

    failures = 0
    async with await Database.open(db_path) as db:
        for name in files:
            try:
                result = await post_text(db, _read_input(name), source=Path(name).name, method=method)
            except (CliError, IngestError) as exc:
                print(f"{name}: not posted: {exc}", file=sys.stderr)
                failures += 1
                continue
            article = result.article
            if result.created:
                print(f"{name}: posted as #{article.id}: {article.title}")
            else:
                print(f"{name}: already stored as #{article.id}: {article.title} (not added again)")
    return 1 if failures else 0


def _post(args: argparse.Namespace) -> int:
    settings = load_settings()
    return asyncio.run(_post_files(args.files, settings.db_path, settings.summarizer))


def _run(args: argparse.Namespace) -> int:
    settings = load_settings()
    _configure_logging(settings.log_level)
    if not settings.token:
        webhook_too = " (NEWSBRIEF_WEBHOOK_URL is, but a webhook needs the token too)" if settings.webhook_url else ""
        raise UsageError(
            f"TELEGRAM_BOT_TOKEN is not set{webhook_too}: `newsbrief run` serves Telegram and needs a "
            "token from @BotFather; to try the bot offline, run `newsbrief console`"
        )
    webhook = args.mode == "webhook" or (args.mode is None and settings.webhook_url is not None)
    if webhook:
        from bot.webhook import check_webhook_settings

        check_webhook_settings(settings)  # ConfigError: one line, exit 2, nothing started

    from bot.app import StartupError, serve

    try:
        serve(settings, webhook=webhook)
    except StartupError as exc:
        raise CliError(str(exc)) from None
    return 0


def _configure_logging(level_name: str) -> None:
    """``NEWSBRIEF_LOG_LEVEL`` for the serving process; routine ticks only show at DEBUG."""
    level = getattr(logging, level_name)
    logging.getLogger().setLevel(level)
    quiet = logging.DEBUG if level <= logging.DEBUG else logging.WARNING
    # APScheduler logs two INFO lines per job run: the 20-second clock alone makes 8,600 a day.
    logging.getLogger("apscheduler").setLevel(quiet)
    # httpx logs one line per HTTP request, every long poll included.
    logging.getLogger("httpx").setLevel(quiet)


def _console(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return run_console(load_settings(), as_admin=args.admin, db_path=args.db)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsbrief",
        description="News briefings on Telegram: serve the bot, try it offline, or brief article files.",
        epilog="Exit status: 0 done, 1 nothing to do or failed input, 2 wrong usage or a setting to fix "
        "(a bad value, a refused token, no token for run).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="serve the bot on Telegram (needs TELEGRAM_BOT_TOKEN)",
        description="Serve the bot on Telegram: long polling, or the webhook on $PORT when "
        "NEWSBRIEF_WEBHOOK_URL is set. Without TELEGRAM_BOT_TOKEN it exits with status 2; "
        "`newsbrief console` runs the bot offline.",
    )
    mode = run.add_mutually_exclusive_group()
    mode.add_argument(
        "--webhook",
        dest="mode",
        action="store_const",
        const="webhook",
        help="serve the webhook on $PORT; refuse to start without NEWSBRIEF_WEBHOOK_URL and _SECRET",
    )
    mode.add_argument(
        "--polling",
        dest="mode",
        action="store_const",
        const="polling",
        help="long-poll Telegram, even when NEWSBRIEF_WEBHOOK_URL is set",
    )

    console = commands.add_parser(
        "console",
        help="chat with the bot in the terminal, offline",
        description="Chat with the real bot in the terminal, no Telegram account or network needed. "
        "It uses its own database, never NEWSBRIEF_DB unless --db names it.",
    )
    console.add_argument("--admin", action="store_true", help="start as an admin (like /as admin)")
    console.add_argument(
        "--db",
        metavar="PATH",
        help="database to use (default: the console's own, never NEWSBRIEF_DB)",
    )

    brief = commands.add_parser(
        "brief",
        help="print the briefing and key quotes of an article file",
        description="Print the briefing and key quotes of one article file, offline. An article file: "
        "the first non-empty line is the title, then one paragraph a line. Exits 1 when the file "
        "holds no article text.",
    )
    brief.add_argument("file", metavar="FILE|-", help="the article file, or - for standard input")
    brief.add_argument(
        "--json", action="store_true", help='print {"title", "sentences", "quotes", "language"} as JSON'
    )
    brief.add_argument("--no-title", action="store_true", help="the first line is body, not a title")
    brief.add_argument(
        "--sentences", type=_positive_int, default=3, metavar="N", help="briefing length, at least 1 (default 3)"
    )
    brief.add_argument("--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}")
    _add_language(brief, "the article's language as an ISO 639-1 code (default: detected from the text)")

    quotes = commands.add_parser(
        "quotes",
        help="print the quotes of an article file",
        description="Print every direct quote of four or more words in a text, with its speaker. "
        "Exits 1 when the input is empty.",
    )
    quotes.add_argument("file", metavar="FILE|-", help="the text, or - for standard input")
    quotes.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list, in text order, of {quote, start, end, speaker, mention_start, "
        "mention_end, score}: start/end are string offsets in the input (quotation marks included), "
        "speaker and the mention offsets may be null, score is in [0, 1]",
    )
    _add_language(
        quotes,
        "the text's language as an ISO 639-1 code, for its quotation marks and speech verbs "
        "(default: detected from the text)",
    )

    post = commands.add_parser(
        "post",
        help="add article files to the database",
        description="Add article files to the database (NEWSBRIEF_DB), as the /post command does; "
        "a file already stored is not added again. Exits 1 when any file could not be posted.",
    )
    post.add_argument("files", nargs="+", metavar="FILE")

    cli_extract.add_parser(commands)
    return parser


_HANDLERS = {"run": _run, "console": _console, "brief": _brief, "quotes": _quotes, "post": _post}
_HANDLERS["extract"] = cli_extract.run


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # `run` sets its own level from NEWSBRIEF_LOG_LEVEL; the other commands only warn.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        return _HANDLERS[args.command](args)
    except CliError as exc:
        print(f"newsbrief: {exc}", file=sys.stderr)
        return exc.exit_code
    except (ConfigError, StorageError) as exc:  # start-up: one line saying what to fix, exit 2
        logging.getLogger(__name__).debug("start-up failed", exc_info=True)
        print(f"newsbrief: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line for the operator; the traceback only at NEWSBRIEF_LOG_LEVEL=DEBUG
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        reason = str(exc).splitlines()[0] if str(exc) else ""
        print(f"newsbrief: stopped by an unexpected error: {type(exc).__name__}: {reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
