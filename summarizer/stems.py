"""Word stems per language (Snowball, from NLTK, offline) for search: "élections" also finds "électeurs".

The search index itself stems with Porter (English) only; a query word's stems in other languages
are added to the query as prefixes (see storage.articles.match_expression).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from nltk.stem.snowball import SnowballStemmer

#: ISO 639-1 code -> Snowball's name for it.
SNOWBALL = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "nb": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
}
#: Shorter stems match too much as prefixes ("par" would find "parlement" and "partir").
MIN_STEM = 4


@cache
def _stemmer(language: str) -> SnowballStemmer:
    return SnowballStemmer(SNOWBALL[language])


def stems(word: str, languages: Iterable[str]) -> list[str]:
    """The word's distinct stems in those of ``languages`` Snowball knows (others are skipped),
    each at least MIN_STEM characters and shorter than the word (a stem equal to it adds nothing)."""
    found: list[str] = []
    lower = word.lower()
    for language in sorted(set(languages)):
        if language not in SNOWBALL:
            continue
        stem = _stemmer(language).stem(lower)
        if MIN_STEM <= len(stem) < len(lower) and stem not in found:
            found.append(stem)
    return found


__all__ = ["MIN_STEM", "SNOWBALL", "stems"]
