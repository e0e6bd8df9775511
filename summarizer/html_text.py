"""Article text from an HTML file: the title and one line per paragraph, scripts and styles dropped."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr"}
_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            if tag == "h1":
                self._in_h1 = False
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._current.append(data)
            if self._in_h1:
                self.h1 += data

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []


def html_to_article_text(markup: str) -> str:
    """An article file's text (title line, then paragraphs) from an HTML page."""
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    collector._flush()
    title = " ".join((collector.h1 or collector.title).split())
    lines = [line for line in collector.lines if line != title]
    return "\n".join([title, *lines]) if title else "\n".join(lines)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


__all__ = ["html_to_article_text", "looks_like_html"]
