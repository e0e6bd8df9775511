"""Telegram's HTML parse mode as the Bot API enforces it, and plain-text rendering for the console.

The parser follows tdlib's ``parse_html`` (the code behind the Bot API server): the same tags, the
same attribute rules and the same error texts with UTF-8 byte offsets. One deliberate difference:
by default a bare ``&`` that starts no valid entity is an error here, where Telegram would show it
literally, so that text the bot forgot to escape fails in tests instead of slipping through.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

MAX_TEXT = 4096
#: Tag name -> the message entity type it makes.
TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\v\0"  # tdlib's is_space; "\0" stands for the end of the text
_TRIM = " \t\r\n\v\f"
_SPECIAL = re.compile(r"[<&]")
_HEX = "0123456789abcdefABCDEF"


class EntityError(ValueError):
    """What Telegram answers as ``Bad Request: can't parse entities: ...``."""


@dataclass
class Parsed:
    """The visible text of a message and its entities (offsets and lengths in UTF-16 units)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def _u16(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _at(what: str, text: str, index: int, after: str = "") -> EntityError:
    """An error located as tdlib locates them: by UTF-8 byte offset."""
    return EntityError(f"{what} at byte offset {_byte_offset(text, index)}{after}")


def _decode_entity(t: str, i: int) -> tuple[str | None, int]:
    """Decode the character reference at ``t[i] == "&"``: (character or None, index after it)."""
    end = i + 1
    if t[end] == "#":
        end += 1
        value = 0
        if t[end] == "x":
            end += 1
            while t[end] in _HEX and t[end] != "\0":
                value = value * 16 + int(t[end], 16)
                end += 1
                if value >= 0x10FFFF:
                    return None, i
        else:
            while t[end].isdigit() and t[end].isascii():
                value = value * 10 + int(t[end])
                end += 1
                if value >= 0x10FFFF:
                    return None, i
        if value == 0 or end - i >= 10 or 0xD800 <= value <= 0xDFFF:
            return None, i
        char = chr(value)
    else:
        while t[end].isascii() and t[end].isalpha():
            end += 1
        char = NAMED_ENTITIES.get(t[i + 1 : end])
        if char is None:
            return None, i
    if t[end] == ";":
        end += 1
    return char, end


def parse_entities(text: str, strict_ampersand: bool = True) -> Parsed:
    """Parse Telegram HTML into visible text and entities; raises EntityError where Telegram would."""
    t = text + "\0"
    n = len(text)
    out: list[str] = []
    u16 = 0
    stack: list[tuple[str, str, int, bool]] = []  # tag, argument, utf-16 start, expandable
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        found = _SPECIAL.search(text, i)
        j = found.start() if found else n
        if j > i:
            out.append(text[i:j])
            u16 += _u16(text[i:j])
        i = j
        if i >= n:
            break
        if t[i] == "&":
            char, end = _decode_entity(t, i)
            if char is None:
                if strict_ampersand:
                    raise _at('Unsupported HTML entity or unescaped "&"', text, i)
                char, end = "&", i + 1
            out.append(char)
            u16 += _u16(char)
            i = end
            continue
        begin = i
        i += 1
        if t[i] != "/":
            while t[i] not in _SPACES and t[i] != ">":
                i += 1
            if i >= n:
                raise _at("Unclosed start tag", text, begin)
            tag = t[begin + 1 : i].lower()
            if tag not in TAGS:
                raise _at(f'Unsupported start tag "{tag}"', text, begin)
            argument, expandable = "", False
            while t[i] != ">":
                while i < n and t[i] in _SPACES:
                    i += 1
                if t[i] == ">":
                    break
                name_begin = i
                while t[i] not in _SPACES and t[i] not in "=>":
                    i += 1
                name = t[name_begin:i].lower()
                if not name:
                    raise _at(f'Empty attribute name in the tag "{tag}"', text, begin)
                while i < n and t[i] in _SPACES:
                    i += 1
                if t[i] != "=":
                    if tag == "blockquote" and name == "expandable":
                        expandable = True
                        continue
                    raise _at(
                        f'Expected equal sign in declaration of an attribute of the tag "{tag}"', text, begin
                    )
                i += 1
                while i < n and t[i] in _SPACES:
                    i += 1
                if i >= n:
                    raise _at(f'Unclosed start tag "{tag}"', text, begin)
                if t[i] not in "'\"":
                    token_begin = i
                    while (t[i].isascii() and t[i].isalnum()) or t[i] in ".-":
                        i += 1
                    value = t[token_begin:i].lower()
                    if t[i] not in _SPACES and t[i] != ">":
                        raise _at("Unexpected end of name token", text, token_begin)
                else:
                    quote = t[i]
                    i += 1
                    chars: list[str] = []
                    while i < n and t[i] != quote:
                        if t[i] == "&":
                            char, end = _decode_entity(t, i)
                            if char is not None:
                                chars.append(char)
                                i = end
                                continue
                        chars.append(t[i])
                        i += 1
                    if t[i] == quote:
                        i += 1
                    value = "".join(chars)
                if i >= n:
                    raise _at("Unclosed start tag", text, begin)
                if (tag, name) in (("a", "href"), ("tg-emoji", "emoji-id")):
                    argument = value
                elif tag == "code" and name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
            if tag == "span" and argument != "spoiler":
                raise _at('Tag "span" must have class "tg-spoiler"', text, begin)
            stack.append((tag, argument, u16, expandable))
            i += 1
            continue
        if not stack:
            raise _at("Unexpected end tag", text, begin)
        while t[i] not in _SPACES and t[i] != ">":
            i += 1
        end_name = t[begin + 2 : i].lower()
        while i < n and t[i] in _SPACES:
            i += 1
        if t[i] != ">":
            raise _at("Unclosed end tag", text, begin)
        i += 1
        tag, argument, start, expandable = stack.pop()
        if end_name and end_name != tag:
            raise _at("Unmatched end tag", text, begin, f', expected "</{tag}>", found "</{end_name}>"')
        entity = _entity(tag, argument, start, u16 - start, expandable, out)
        if entity is not None and entity["length"] > 0:
            entities.append(entity)
    if stack:
        raise EntityError(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Parsed("".join(out), entities)


def _entity(
    tag: str, argument: str, offset: int, length: int, expandable: bool, out: list[str]
) -> dict[str, Any] | None:
    kind = TAGS[tag]
    entity: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
    if tag == "a":
        url = argument or _tail(out, length)
        if not url:
            return None
        entity["url"] = url
    elif tag == "code" and argument:
        entity.update(type="pre", language=argument)
    elif tag == "blockquote" and expandable:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        if not argument.isdigit() or int(argument) == 0:
            raise EntityError("Invalid custom emoji identifier specified")
        entity["custom_emoji_id"] = argument
    return entity


def _tail(out: list[str], length: int) -> str:
    """The last ``length`` UTF-16 units of the output (an ``<a>`` without href links its own text)."""
    return "".join(out).encode("utf-16-le")[-2 * length :].decode("utf-16-le") if length else ""


def parse_html(text: str, strict_ampersand: bool = True) -> str:
    """The visible text of a Telegram HTML message; raises EntityError where Telegram would."""
    return parse_entities(text, strict_ampersand).text


def check_message(
    text: object, parse_mode: str | None, strict_ampersand: bool = True, limit: int = MAX_TEXT
) -> Parsed:
    """Check message text as ``sendMessage`` does; raises ValueError with Telegram's description."""
    if not isinstance(text, str) or not text.strip(_TRIM):
        raise ValueError("Bad Request: message text is empty")
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            parsed = parse_entities(text, strict_ampersand)
        except EntityError as exc:
            raise ValueError(f"Bad Request: can't parse entities: {exc}") from None
    elif mode in ("", "markdown", "markdownv2"):
        parsed = Parsed(text)  # Markdown is not checked: the bot uses HTML throughout
    else:
        raise ValueError("Bad Request: unsupported parse_mode")
    stripped = parsed.text.lstrip(_TRIM)
    shift = _u16(parsed.text[: len(parsed.text) - len(stripped)])
    visible = stripped.rstrip(_TRIM)
    if not visible:
        raise ValueError("Bad Request: message text is empty")
    if len(visible) > limit:
        raise ValueError("Bad Request: message is too long")
    if shift:
        for entity in parsed.entities:
            entity["offset"] = max(0, entity["offset"] - shift)
    total = _u16(visible)
    parsed.entities = [
        {**e, "length": min(e["length"], total - e["offset"])} for e in parsed.entities if e["offset"] < total
    ]
    parsed.text = visible
    return parsed


def check_text(text: object, parse_mode: str | None, strict_ampersand: bool = True) -> str | None:
    """The error description Telegram would answer for this message text, or None if it is fine."""
    try:
        check_message(text, parse_mode, strict_ampersand)
    except ValueError as exc:
        return str(exc)
    return None


def keyboard_lines(reply_markup: dict[str, Any] | None) -> list[str]:
    """An inline keyboard as text, one line per row: ``[Quotes] [Full text]``."""
    rows = (reply_markup or {}).get("inline_keyboard") or []
    return [" ".join(f"[{button.get('text', '')}]" for button in row) for row in rows if row]


def to_plain_text(
    text: str, parse_mode: str | None = "HTML", reply_markup: dict[str, Any] | None = None
) -> str:
    """A message as a person reads it: tags gone, entities decoded, buttons as ``[Label]`` lines."""
    plain = text
    if parse_mode and parse_mode.upper() == "HTML":
        try:
            plain = parse_entities(text, strict_ampersand=False).text
        except EntityError:
            plain = html.unescape(re.sub(r"<[^>]*>", "", text))
    return "\n".join([plain, *keyboard_lines(reply_markup)]) if reply_markup else plain
