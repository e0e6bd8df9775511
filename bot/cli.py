"""The ``newsbrief`` command line: run, console, brief, quotes, post, extract."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import cli_extract
from bot.config import ConfigError, load_settings
from bot.ingest import MAX_ARTICLE_CHARS, IngestError, post_text, text_from_bytes
from storage.db import StorageError
from summarizer import quotes as quote_extractor
from summarizer.article import parse_article
from summarizer.briefing import DEFAULT_METHOD, METHODS, as_written, briefing
from summarizer.language import detect, normalise
from summarizer.language_rules import rules_for
from summarizer.quotes.offsets import as_in_text

#: ``quotes`` is linear in the input, so it takes far longer texts than a briefing does.
MAX_QUOTES_CHARS = 10_000_000


class CliError(Exception):
    """A failure to report on one line of standard error, with exit code 1."""


def _read_input(name: str) -> str:
    """The text of FILE, or of standard input for ``-``: UTF-8 only, never binary."""
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


def _brief(args: argparse.Namespace) -> int:
    text = _read_input(args.file)
    if len(text) > MAX_ARTICLE_CHARS:
        raise CliError(
            f"{args.file}: the article is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}"
        )
    article = parse_article(text, has_title=not args.no_title)
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
    if article.is_empty:
        print(f"{args.file}: no article text to brief", file=sys.stderr)
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
    text = _read_input(args.file)
    if len(text) > MAX_QUOTES_CHARS:
        raise CliError(f"{args.file}: {len(text):,} characters is more than {MAX_QUOTES_CHARS:,}")
    # The language whose quote marks and speech verbs are read: --language, else detected.
    found = quote_extractor.extract(text, args.language or detect(text, default="und"))
    if args.json:
        print(json.dumps([q.to_json() for q in found], ensure_ascii=False, indent=2))
    else:
        for quote in found:
            print(f"{quote.quote} — {quote.speaker or 'unattributed'}")
    return 0


async def _post_files(files: Sequence[str], db_path: str, method: str) -> int:
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
    if not settings.token and settings.webhook_url:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN: not set, but NEWSBRIEF_WEBHOOK_URL is; a webhook needs the bot's token"
        )
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set: starting the offline console instead (see README).")
        logging.getLogger().setLevel(logging.WARNING)  # the console's screen is for the chat
        from bot.console import run_console

        return run_console(settings)
    from bot.app import serve

    return serve(settings)


def _console(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return run_console(load_settings(), as_admin=args.admin, db_path=args.db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief", description="News briefings on Telegram.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("run", help="serve the bot (polling, or webhook with NEWSBRIEF_WEBHOOK_URL)")

    console = commands.add_parser("console", help="chat with the bot in the terminal, offline")
    console.add_argument("--admin", action="store_true", help="start as an admin (like /as admin)")
    console.add_argument(
        "--db",
        metavar="PATH",
        help="database to use (default: the console's own, never NEWSBRIEF_DB)",
    )

    brief = commands.add_parser("brief", help="print the briefing and key quotes of an article file")
    brief.add_argument("file", metavar="FILE|-")
    brief.add_argument("--json", action="store_true", help="print JSON")
    brief.add_argument("--no-title", action="store_true", help="the first line is body, not a title")
    brief.add_argument("--sentences", type=int, default=3, metavar="N", help="briefing length")
    brief.add_argument("--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}")
    brief.add_argument(
        "--language",
        type=_language_code,
        metavar="xx",
        help="the article's language as an ISO 639-1 code (default: detected from the text)",
    )

    quotes = commands.add_parser("quotes", help="print the quotes of an article file")
    quotes.add_argument("file", metavar="FILE|-")
    quotes.add_argument("--json", action="store_true", help="print the quote JSON of DESIGN.md")
    quotes.add_argument(
        "--language", type=_language_code, metavar="xx", help="the text's language, e.g. fr (default: detected)"
    )

    post = commands.add_parser("post", help="add article files to the database")
    post.add_argument("files", nargs="+", metavar="FILE")

    cli_extract.add_parser(commands)
    return parser


_HANDLERS = {"run": _run, "console": _console, "brief": _brief, "quotes": _quotes, "post": _post}
_HANDLERS["extract"] = cli_extract.run


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.command == "run" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # One line per HTTP request (every long poll) drowns what matters.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        return _HANDLERS[args.command](args)
    except CliError as exc:
        print(f"newsbrief: {exc}", file=sys.stderr)
        return 1
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
