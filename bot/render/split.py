"""Splitting long HTML messages on paragraph, sentence or word boundaries, never inside a tag."""

from __future__ import annotations

import re

LIMIT = 4096
_SENTENCE_END = re.compile(r"(?<=[.!?…”’\"])\s+")


def split_blocks(blocks: list[str], limit: int = LIMIT) -> list[str]:
    """Pack balanced HTML blocks (paragraphs) into messages of at most ``limit`` characters.

    Blocks are joined with a blank line. A block longer than ``limit`` is cut on sentence ends,
    then on spaces; such a block must be plain escaped text (no tags), as article paragraphs are.
    """
    pieces: list[str] = []
    for block in blocks:
        pieces.extend([block] if len(block) <= limit else _cut(block, limit))
    messages: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _cut(text: str, limit: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for unit in _units(text, limit):
        candidate = f"{current} {unit}" if current else unit
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = unit
    if current:
        parts.append(current)
    return parts


def _units(text: str, limit: int) -> list[str]:
    """Sentences, or words for a sentence longer than the limit, or hard slices for a giant word."""
    units: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= limit:
            units.append(sentence)
            continue
        for word in sentence.split(" "):
            while len(word) > limit:
                cut = _safe_cut(word, limit)
                units.append(word[:cut])
                word = word[cut:]
            if word:
                units.append(word)
    return [u for u in units if u]


def _safe_cut(word: str, limit: int) -> int:
    """A cut position at or before ``limit`` that does not split an HTML entity like ``&amp;``."""
    amp = word.rfind("&", max(0, limit - 10), limit)
    if amp != -1 and ";" in word[amp : amp + 10] and word.find(";", amp) >= limit:
        return amp
    return limit
