"""Text cleaning that keeps what the writer wrote: quotes stay curly or straight as typed."""

from __future__ import annotations

import re
import unicodedata

#: Runs of spaces to fold into one space: two or more, or one that is not a plain space (a lone " "
#: is left alone instead of being replaced by itself, which made cleaning a long text slow).
_SPACES = re.compile(
    r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
#: The characters ``_SPACES`` and ``_NEWLINES`` change: a text or line with none of them (most) is
#: left as it is after one quick search, instead of a substitution that scans it slowly for nothing.
_ODD_SPACE = re.compile(r"[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ODD_NEWLINE = re.compile(r"[\r\u2028\u2029\x85]")
#: ``_SPACES`` for a line whose only spaces are plain ones: opening with a literal, it is found quickly.
_PLAIN_SPACES = re.compile(r"  +")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """Normalise line breaks and runs of spaces, drop control characters, NFC-compose.

    Quotation marks are left exactly as written: quote offsets and attribution depend on them.
    """
    if _ODD_NEWLINE.search(text):
        text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_fold_spaces(line).strip() for line in text.split("\n"))


def _fold_spaces(line: str) -> str:
    if _ODD_SPACE.search(line):
        return _SPACES.sub(" ", line)
    if "  " in line:
        return _PLAIN_SPACES.sub(" ", line)
    return line


def looks_binary(data: bytes) -> bool:
    """True for data that is clearly not text (NUL bytes or mostly control bytes)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.1


class NotText(ValueError):
    """Raised for bytes that cannot be read as an article."""


def decode_article_bytes(data: bytes) -> str:
    """Decode uploaded or file bytes as UTF-8 text, refusing binary data and invalid UTF-8."""
    if looks_binary(data):
        raise NotText("this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotText(f"the file is not valid UTF-8 (bad byte at position {exc.start})") from exc
