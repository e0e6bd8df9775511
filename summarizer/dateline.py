"""Wire datelines: where and from whom a story was filed, glued to the front of its first sentence.

"(CNN)A new Kansas law …", "Kathmandu, Nepal (CNN)Rescuers …", "LONDON, England (CNN) -- The …",
"PARIS (AFP) - Le …", "WASHINGTON — The Senate …". A reader of a briefing wants the sentence, not
the filing line (and "(CNN)A" is a page's markup lost in scraping); the article keeps it.
"""

from __future__ import annotations

import re

#: A place (capitalised words, numbers and short particles: "Rio de Janeiro", "BERLIN, 3. Oktober").
_PLACE = r"(?:[A-Z0-9][\w.'’-]*|[a-z]{1,3})(?:,?\s+(?:[A-Z0-9][\w.'’-]*|[a-z]{1,3})){0,5}"
#: Then the agency in brackets, up to three words ("(AP)", "(dpa)", "(CNN Student News)", "(EW.com)"),
#: and then the sentence, opening with a capital: glued to the bracket, or after a dash.
_AGENCY = re.compile(
    rf"^(?:{_PLACE}\s*)?\([A-Za-z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,2}}\)(?:\s*(?:--|[-–—])\s+)?"
    r"(?=[A-Z\"“„«])"
)
#: Or a place in capitals and a long dash, with no agency: "WASHINGTON — ", "NEW YORK, June 3 -- ".
_PLACE_IN_CAPITALS = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,[\w. ]{1,20})?\s+(?:--|[–—])\s+(?=[A-Z\"“„«])"
)


def undateline(sentence: str) -> str:
    """The first sentence of an article without its wire dateline (the sentence itself if it has none)."""
    for pattern in (_AGENCY, _PLACE_IN_CAPITALS):
        match = pattern.match(sentence)
        if match:
            return sentence[match.end() :]
    return sentence
