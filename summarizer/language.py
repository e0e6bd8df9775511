"""The language of a text, offline: py3langid's model ships inside the package (nothing is downloaded)."""

from __future__ import annotations

import re

#: Characters read: the language shows in the first few paragraphs, and classifying is linear in length.
SAMPLE_CHARS = 5_000
_LETTER = re.compile(r"[^\W\d_]")
#: A language as people write it: "fr", "FR", "fr-FR", "pt_BR" (Telegram's language_code is "pt-br").
_CODE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")


def detect(text: str, default: str = "und") -> str:
    """ISO 639-1 code of the text's language (``"en"``); ``default`` when it has no letters to go by."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return default
    # Imported on first use: loading the model takes a moment that most commands never need.
    import py3langid

    # The model also knows some languages with no two-letter code ("pcm", "bcl", "zxx"…), which it
    # picks for short English or German texts now and then: the best two-letter language is taken
    # (Nigerian Pidgin reads as English, Egyptian Arabic as Arabic, Cantonese as Chinese).
    for code, _ in py3langid.rank(sample):
        if len(code) == 2:
            return str(code)
    return default


def warm() -> None:
    """Load the model now (about a second or two) rather than inside the first article's post."""
    detect("warm up the model")


def normalise(code: str | None) -> str | None:
    """The ISO 639-1 code of ``fr``, ``FR``, ``fr-FR`` or ``pt_BR`` (``"fr"``, ``"pt"``); None otherwise."""
    match = _CODE.fullmatch((code or "").strip())
    return match.group(1).lower() if match else None


__all__ = ["detect", "normalise", "warm"]
