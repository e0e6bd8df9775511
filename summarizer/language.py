"""The language of a text, offline: py3langid's model ships inside the package (nothing is downloaded)."""

from __future__ import annotations

import re

#: Characters read: the language shows in the first few paragraphs, and classifying is linear in length.
SAMPLE_CHARS = 5_000
_LETTER = re.compile(r"[^\W\d_]")


def detect(text: str, default: str = "und") -> str:
    """ISO 639-1 code of the text's language (``"en"``); ``default`` when it has no letters to go by."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return default
    # Imported on first use: loading the model takes a moment that most commands never need.
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)


__all__ = ["detect"]
