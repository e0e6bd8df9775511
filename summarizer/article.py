"""Article files: a title line, paragraphs, and an optional trailing ``[...]`` credit line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.clean import clean_text

_CREDIT = re.compile(r"^\[[^\[\]]{1,300}\]$")


@dataclass(frozen=True)
class Article:
    title: str | None
    paragraphs: tuple[str, ...]
    credit: str | None = None

    @property
    def body(self) -> str:
        """The body as stored and searched: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def is_empty(self) -> bool:
        return not self.paragraphs


def parse_article(text: str, *, has_title: bool = True) -> Article:
    """Split raw article text into title, paragraphs and credit line.

    The first non-empty line is the title (unless ``has_title`` is false); every further
    non-empty line is a paragraph; a last line wholly in square brackets is a credit line,
    kept as metadata and never summarised.
    """
    lines = [line.strip() for line in clean_text(text).split("\n")]
    lines = [line for line in lines if line]
    credit = None
    if lines and _CREDIT.match(lines[-1]):
        credit = lines.pop()[1:-1].strip()
    title = lines.pop(0) if has_title and lines else None
    return Article(title=title, paragraphs=tuple(lines), credit=credit)


def article_from_parts(title: str | None, body: str, credit: str | None = None) -> Article:
    """Rebuild an Article from stored columns (body paragraphs separated by blank lines)."""
    paragraphs = tuple(p.strip() for p in clean_text(body).split("\n") if p.strip())
    return Article(title=title, paragraphs=paragraphs, credit=credit)
