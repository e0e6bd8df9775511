"""Quote offsets moved from an article's cleaned body back to the raw text it was parsed from.

Quotes are extracted from ``Article.body`` (cleaned paragraphs joined by blank lines): that is what
the bot stores, so the CLI and the bot pick from the same quotes. ``newsbrief brief --json`` reports
offsets into its input, so each body offset is mapped to the raw text paragraph by paragraph.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.quotes import Quote

#: What cleaning turns into one space or drops: runs of spaces, no-break spaces, control characters.
_GAP = r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]+"
_GAP_CHAR = re.compile(_GAP)


def body_to_text(paragraphs: Sequence[str], text: str) -> list[int] | None:
    """For every index of ``"\\n\\n".join(paragraphs)`` (and its end), the index in ``text``.

    None when a paragraph cannot be found as written (e.g. text that NFC composition changed).
    """
    mapping: list[int] = []
    at = end = 0
    for number, paragraph in enumerate(paragraphs):
        found = _find(paragraph, text, at)
        if found is None:
            return None
        if number:  # the blank line between two paragraphs maps to the end of the one before
            mapping.extend([end, end])
        positions, end = found
        mapping.extend(positions)
        at = end
    mapping.append(end)
    return mapping


def _find(paragraph: str, text: str, at: int) -> tuple[list[int], int] | None:
    """The first place at or after ``at`` where ``paragraph`` stands in ``text``, a space in it
    standing for any gap: each character's index there, and where it ends."""
    first = paragraph.split(" ", 1)[0]
    start = text.find(first, at)
    while start != -1:
        found = _walk(paragraph, text, start)
        if found is not None:
            return found
        start = text.find(first, start + 1)
    return None


def _walk(paragraph: str, text: str, position: int) -> tuple[list[int], int] | None:
    # A plain walk, not a regular expression per paragraph: compiling those cost more than
    # extracting the quotes.
    positions = []
    for char in paragraph:
        positions.append(position)
        if char == " ":
            gap = _GAP_CHAR.match(text, position)
            if gap is None:
                return None
            position = gap.end()
        elif text.startswith(char, position):
            position += 1
        else:
            return None
    return positions, position


def as_in_text(quotes: Sequence[Quote], paragraphs: Sequence[str], text: str) -> list[Quote]:
    """The quotes with offsets into the raw ``text`` and quoted text as written there."""
    mapping = body_to_text(paragraphs, text)
    if mapping is None:
        return list(quotes)

    def moved(offset: int | None) -> int | None:
        return None if offset is None else mapping[offset]

    placed = []
    for quote in quotes:
        start, end = mapping[quote.start], mapping[quote.end - 1] + 1
        placed.append(
            dataclasses.replace(
                quote,
                quote=text[start:end],
                start=start,
                end=end,
                mention_start=moved(quote.mention_start),
                mention_end=None if quote.mention_end is None else mapping[quote.mention_end - 1] + 1,
            )
        )
    return placed
