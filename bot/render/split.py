"""The one place that makes every outgoing message fit Telegram.

Telegram refuses a message whose text, after its HTML entities are parsed, is over 4096 characters
(code points). Every renderer in ``bot/render`` returns its messages through :func:`split_blocks`
(long content, cut into several messages on paragraph, sentence or word boundaries) or
:func:`fit` (one message, shortened with "…" if it must be), so none can be longer whatever an
outsider typed, a feed carried or the database held. Neither ever cuts inside a tag or an entity
such as ``&amp;``; a tag open at a cut is closed there (and, when splitting, opened again after).

:func:`clip` bounds one piece of outside text (an echoed argument, a title) before it is escaped.
"""

from __future__ import annotations

import re
from html import escape

from summarizer.tokenize import split_sentences

LIMIT = 4096
ELLIPSIS = "…"
#: A tag, an entity, or one character: what a message is made of, for counting and cutting.
_TOKEN = re.compile(r"<[^<>]*>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});|.", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z0-9-]+)")


def clip(text: str, limit: int) -> str:
    """Plain outside text bounded to ``limit`` characters, cut on a word when one is near ("…")."""
    text = str(text)
    if len(text) <= limit:
        return text
    head = text[: max(0, limit - 1)]
    word_cut = head.rsplit(" ", 1)[0]
    if len(word_cut) >= limit * 0.6:
        head = word_cut
    return head.rstrip() + ELLIPSIS


def shown(text: str, limit: int = 64) -> str:
    """Outside text echoed back in a reply: bounded (see :func:`clip`), then HTML-escaped."""
    return escape(clip(text, limit))


def visible_length(html: str) -> int:
    """How many characters Telegram counts for this HTML text (tags are free, ``&amp;`` is one)."""
    return sum(1 for token in _TOKEN.findall(html) if not _is_tag(token))


def fit(html: str, limit: int = LIMIT) -> str:
    """One message: ``html`` as it is when it fits, else cut to ``limit`` visible characters with "…".

    The cut falls between tokens (never inside a tag or entity); tags left open are closed.
    """
    if len(html) <= limit or visible_length(html) <= limit:
        return html
    out: list[str] = []
    opened: list[str] = []
    count = 0
    for token in _TOKEN.findall(html):
        if count >= limit - 1:
            break
        out.append(token)
        if _is_tag(token):
            _track(token, opened)
        else:
            count += 1
    text = "".join(out).rstrip()
    return text + ELLIPSIS + "".join(f"</{name}>" for name in reversed(opened))


def split_blocks(blocks: list[str], limit: int = LIMIT) -> list[str]:
    """Pack balanced HTML blocks (paragraphs) into messages of at most ``limit`` characters.

    Blocks are joined with a blank line. A plain-text block longer than ``limit`` is cut on
    sentence ends (the Punkt splitter of ``summarizer.tokenize``), then on spaces, then anywhere
    outside an entity; a block holding tags is cut between words where it can (else between
    tokens), its open tags closed at the cut and opened again in the next message.
    """
    pieces: list[str] = []
    for block in blocks:
        if not _has_text(block):
            continue  # Telegram refuses a message of only spaces; a blank block adds nothing
        if len(block) <= limit:
            pieces.append(block)
        elif "<" in block:
            pieces.extend(_cut_markup(block, limit))
        else:
            pieces.extend(_cut(block, limit))
    messages: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages or [fit(ELLIPSIS, limit)]


def _cut(text: str, limit: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for unit in _units(text, limit):
        candidate = f"{current} {unit}" if current else unit
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                parts.append(current)
            current = unit
    if current:
        parts.append(current)
    return parts


def _units(text: str, limit: int) -> list[str]:
    """Sentences, or words for a sentence longer than the limit, or hard slices for a giant word."""
    units: list[str] = []
    for sentence in split_sentences(text):
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
    if amp > 0 and ";" in word[amp : amp + 10] and word.find(";", amp) >= limit:
        return amp
    return limit


def _cut_markup(html: str, limit: int) -> list[str]:
    """Cut HTML between tokens into parts of at most ``limit`` characters (source length), each
    with its tags balanced: tags open at a cut are closed there and reopened in the next part."""
    parts: list[str] = []
    opened: list[tuple[str, str]] = []  # (name, opening tag as written)
    current: list[str] = []
    size = 0
    for token in _TOKEN.findall(html):
        closing = sum(len(name) + 3 for name, _ in opened)
        if size + len(token) + closing > limit and size > 0:
            tail = _word_tail(current, len(opened))
            parts.append("".join(current[: len(current) - len(tail)]) + "".join(f"</{n}>" for n, _ in reversed(opened)))
            current = [tag for _, tag in opened] + tail[1:]  # the space the cut fell on is dropped
            size = sum(len(t) for t in current)
            if size + len(token) + closing > limit:  # tags alone fill a part: give up on them
                opened, current, size = [], [], 0
        current.append(token)
        size += len(token)
        if _is_tag(token):
            _track_written(token, opened)
    if current:
        parts.append("".join(current) + "".join(f"</{name}>" for name, _ in reversed(opened)))
    return [p.strip() for p in parts if _has_text(p)]  # "<b> </b>" is an empty message to Telegram


def _word_tail(current: list[str], reopened: int) -> list[str]:
    """The end of ``current`` from its last space, when cutting there keeps whole words: no tag in
    the tail (the open tags stay as they are) and the tail under a third of the part; else nothing."""
    for back in range(1, len(current) - reopened):
        token = current[-back]
        if _is_tag(token) or back * 3 > len(current):
            return []
        if token.isspace():
            return current[-back:]
    return []


def _has_text(html: str) -> bool:
    return any(not _is_tag(token) and not token.isspace() for token in _TOKEN.findall(html))


def _is_tag(token: str) -> bool:
    return len(token) > 1 and token[0] == "<"


def _track(tag: str, opened: list[str]) -> None:
    match = _TAG_NAME.match(tag)
    if match is None:
        return
    name = match[1].lower()
    if tag.startswith("</"):
        if name in opened:
            del opened[len(opened) - 1 - opened[::-1].index(name) :]
    elif not tag.endswith("/>"):
        opened.append(name)


def _track_written(tag: str, opened: list[tuple[str, str]]) -> None:
    match = _TAG_NAME.match(tag)
    if match is None:
        return
    name = match[1].lower()
    if tag.startswith("</"):
        names = [n for n, _ in opened]
        if name in names:
            del opened[len(names) - 1 - names[::-1].index(name) :]
    elif not tag.endswith("/>"):
        opened.append((name, tag))
