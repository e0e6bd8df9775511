"""Dash dialogue (Spanish, Russian): a paragraph opening with a dash is a line of speech.

"—Texto —dijo María—. Más texto." and "— Текст, — сказал Иван. — Ещё текст." are speech broken
by the narrator's words (the inciso, between dashes): each spoken part is one span, the opening
dash included like a quotation mark; the inciso stays outside and names the speaker.
"""

from __future__ import annotations

from summarizer.quotes.marks import Span, paragraph_spans, paragraphs

_DASHES = "—―–"
#: Punctuation between an inciso's closing dash and the speech it resumes: "—dijo María—. Más".
_RESUME_SKIP = ".,;: \t\u00a0\u202f"


def spans_with_dialogue(text: str) -> list[Span]:
    """Like :func:`.marks.quote_spans`, with each dialogue paragraph read as dash-delimited speech."""
    spans: list[Span] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        spoken = dialogue_spans(text, index, p_start, p_end)
        spans.extend(spoken if spoken is not None else paragraph_spans(text, index, p_start, p_end))
    return spans


def dialogue_spans(text: str, index: int, p_start: int, p_end: int) -> list[Span] | None:
    """The spoken parts of paragraph ``index`` when it is a dialogue line, else None."""
    first = p_start
    while first < p_end and text[first].isspace():
        first += 1
    if first >= p_end or text[first] not in _DASHES:
        return None
    spans: list[Span] = []
    seg_start, pos = first, first + 1
    while pos < p_end:
        cut = _inciso_start(text, pos, p_end)
        if cut is None:
            spans.append(Span(seg_start, _trim(text, seg_start, p_end), index, True))
            break
        spans.append(Span(seg_start, _trim(text, seg_start, cut), index, True))
        close = _next_dash(text, cut + 1, p_end)
        if close is None:
            break  # "— Texto —dijo María, y se fue.": narration to the end
        if text[close - 1].isspace():
            seg_start, pos = close, close + 1  # Russian: "— сказал Иван. — Ещё текст."
        else:
            resume = close + 1
            while resume < p_end and text[resume] in _RESUME_SKIP:
                resume += 1
            if resume >= p_end or not (text[resume].isalnum() or text[resume] in "¿¡"):
                break
            seg_start, pos = resume, resume  # Spanish: "—dijo María—. Más texto."
    return [s for s in spans if any(c.isalnum() for c in text[s.start : s.end])]


def _inciso_start(text: str, pos: int, end: int) -> int | None:
    """The next dash after a space: where the narrator's words begin."""
    at = _next_dash(text, pos, end)
    while at is not None and not text[at - 1].isspace():
        at = _next_dash(text, at + 1, end)
    return at


def _next_dash(text: str, pos: int, end: int) -> int | None:
    found = [i for i in (text.find(d, pos, end) for d in _DASHES) if i >= 0]
    return min(found) if found else None


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
