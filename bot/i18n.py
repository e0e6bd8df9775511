"""The reader's language: gettext catalogs for the interface text (never for article text).

Catalogs ship as ``bot/locale/<code>/LC_MESSAGES/newsbrief.po`` and are compiled in memory with
Babel the first time a language is asked for: nothing to build, nothing downloaded. Handlers pick a
``Translator`` per update from the Telegram user's ``language_code`` (``translator_of``) and pass it
to ``bot/render``; a language without a catalog, or a message without a translation, is English.

Updating the catalogs after changing a text: ``make i18n`` (``pybabel extract`` + ``update``), then
fill the new ``msgstr``s.
"""

from __future__ import annotations

import gettext
import io
import logging
from datetime import date, datetime, tzinfo
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from summarizer.language import normalise

log = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "newsbrief"
#: Languages with a catalog; English is the source language (no catalog needed).
LANGUAGES = ("en", "fr", "de", "es", "ru")


def N_(message: str) -> str:
    """Marks a constant for extraction; it is translated where it is shown (``tr(CONSTANT)``)."""
    return message


class Translator:
    """One language's interface text: ``tr("message")``, ``tr.n(singular, plural, count)``, dates."""

    def __init__(self, code: str, catalog: gettext.NullTranslations) -> None:
        self.code = code
        self._catalog = catalog

    def __call__(self, message: str) -> str:
        return self._catalog.gettext(message)

    def n(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)

    def date(self, value: date | datetime, pattern: str = "d MMM y") -> str:
        """A date in this language's words (``25 Nov 2026``, ``25 nov. 2026``, ``25 нояб. 2026``…)."""
        # An aware datetime equals (and hashes like) the same instant in any other zone, so the zone
        # is part of the cache key: otherwise a Berlin reader could be shown a UTC reader's 06:30.
        zone = value.tzinfo if isinstance(value, datetime) else None
        return _formatted(value, zone, pattern, self.code)

    def __repr__(self) -> str:
        return f"Translator({self.code!r})"


@lru_cache(maxsize=4096)
def _formatted(value: date | datetime, zone: tzinfo | None, pattern: str, code: str) -> str:
    """Cached: every card shows a date, and most cards show one of a few (Babel takes ~20 µs)."""
    if isinstance(value, datetime):
        return format_datetime(value, pattern, tzinfo=zone, locale=code)
    return format_date(value, pattern, locale=code)


ENGLISH = Translator("en", gettext.NullTranslations())


def translator(code: str | None) -> Translator:
    """The translator for a Telegram ``language_code`` (``fr``, ``pt-br``…); English when there is none."""
    language = normalise(code)
    if language is None or language == "en" or language not in LANGUAGES:
        return ENGLISH
    return _catalog_translator(language)


@cache
def _catalog_translator(language: str) -> Translator:
    """One Translator per catalog language, compiled on first use (``load_all`` does it at start)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        return Translator(language, _compile(path))
    except (OSError, ValueError, SyntaxError):  # a broken catalog costs its language, not the bot
        log.exception("catalog %s not loaded; answering in English", path)
        return ENGLISH


def _compile(path: Path) -> gettext.GNUTranslations:
    with path.open("rb") as source:
        catalog = read_po(source, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def load_all() -> dict[str, Translator]:
    """Every catalog, compiled now (at start-up, so a broken one shows in the log at once)."""
    return {code: translator(code) for code in LANGUAGES}


__all__ = ["ENGLISH", "LANGUAGES", "N_", "Translator", "load_all", "translator"]
