"""Telegram's HTML rules, as the Bot API enforces them, and plain-text rendering for the console."""

from __future__ import annotations

import html
import re

#: Tags Telegram accepts in HTML parse mode, with the attributes each may carry.
ALLOWED_TAGS: dict[str, set[str]] = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "tg-spoiler": set(),
    "span": {"class"},
    "a": {"href"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
MAX_TEXT = 4096

_TOKEN = re.compile(r"<[^<>]*>|<|>|&[^;\s<>&]{0,12};?|&")
_TAG = re.compile(
    r"^<(/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*/?>$"
)
_ATTR = re.compile(r"([\w-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
_ENTITY = re.compile(r"^&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));$")


class EntityError(ValueError):
    """What Telegram answers as ``Bad Request: can't parse entities: ...``."""


def parse_html(text: str) -> str:
    """The visible text of a Telegram HTML message; raises EntityError where Telegram would."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        token = match.group()
        offset = match.start()
        if token.startswith("&"):
            entity = _ENTITY.match(token)
            if not entity:
                raise EntityError(f'Unsupported start tag or unescaped "&" at byte offset {offset}')
            number = entity.group(1) or entity.group(2)
            if number:
                code = int(number, 16 if entity.group(2) else 10)
                if code > 0x10FFFF or code == 0:
                    raise EntityError(f"Invalid character code at byte offset {offset}")
                out.append(chr(code))
            elif entity.group(3) in NAMED_ENTITIES:
                out.append(NAMED_ENTITIES[entity.group(3)])
            else:
                raise EntityError(f'Unsupported HTML entity "{token}" at byte offset {offset}')
            continue
        if token in ("<", ">"):
            if token == ">":
                out.append(">")
                continue
            raise EntityError(f"Unexpected end of name token at byte offset {offset}")
        tag = _TAG.match(token)
        if not tag:
            raise EntityError(f"Unsupported start tag at byte offset {offset}")
        closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name not in ALLOWED_TAGS:
            raise EntityError(f'Unsupported start tag "{name}" at byte offset {offset}')
        if closing:
            if not stack or stack[-1] != name:
                raise EntityError(
                    f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1] if stack else ""}>", found "</{name}>"'
                )
            stack.pop()
            continue
        for attr in _ATTR.finditer(attrs or ""):
            if attr.group(1).lower() not in ALLOWED_TAGS[name]:
                raise EntityError(f'Unsupported attribute "{attr.group(1)}" at byte offset {offset}')
        stack.append(name)
    out.append(text[position:])
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def check_text(text: str | None, parse_mode: str | None) -> str | None:
    """The error description Telegram would answer for this message text, or None if it is fine."""
    if text is None or not str(text).strip():
        return "Bad Request: message text is empty"
    visible = str(text)
    if parse_mode and parse_mode.upper() == "HTML":
        try:
            visible = parse_html(visible)
        except EntityError as exc:
            return f"Bad Request: can't parse entities: {exc}"
    if not visible.strip():
        return "Bad Request: message text is empty"
    if len(visible) > MAX_TEXT:
        return "Bad Request: message is too long"
    return None


def to_plain_text(text: str, parse_mode: str | None = "HTML") -> str:
    """A message as a person reads it: tags gone, entities decoded."""
    if parse_mode and parse_mode.upper() == "HTML":
        try:
            return parse_html(text)
        except EntityError:
            return html.unescape(re.sub(r"<[^>]+>", "", text))
    return text
