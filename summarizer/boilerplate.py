"""What trafilatura leaves around an article, and what it wrongly takes away: rules over its output blocks.

Each rule is a class of page furniture seen across news sites, checked on both halves of the page
benchmark (tests/benchmarks/extract_eval.py --half 0|1) before it was kept:

- headline and standfirst repeated as the first headings of the text (the title is stored apart);
- headings left at the end with nothing under them (newsletter boxes, "Most read", comment prompts);
- lines and lists that are only links to other stories ("SEE MORE: …", related-article lists);
- embedded social posts (Twitter, Instagram) quoted by the article, which trafilatura drops whole
  because of their class names, although the writer quoted them as part of the story.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right

from lxml import etree

#: A leading run of headings longer than this is content (a list of headed items), not headline + standfirst.
MAX_LEADING_HEADINGS = 2
#: A line is "only a link" when one link's text covers this share of it.
LINK_SHARE = 0.8
#: Link-only lines at most this long (in words) are cross-links; longer ones are prose wrapped in a link.
MAX_LINK_LINE_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_WORD = re.compile(r"\w+")
_EMBEDDED_POSTS = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed')]"
)


def unwrap_embedded_posts(tree: etree._Element) -> None:
    """Turn embedded social posts into plain quotations: their class names and links go, the text stays."""
    for post in tree.xpath(_EMBEDDED_POSTS):
        etree.strip_tags(post, "a")
        post.attrib.pop("class", None)
        wrapper = post.getparent()
        if wrapper is not None and (len(wrapper) == 1 or "embed" in (wrapper.get("class") or "")):
            wrapper.attrib.pop("class", None)


class LinkTexts:
    """The texts of a page's links (whitespace folded), to recognise lines that are only a link.

    Kept sorted by length, so a line is compared only with the links long enough to cover most of
    it: a page with thousands of links and lines stays cheap.
    """

    def __init__(self, tree: etree._Element | None = None) -> None:
        found = (
            " ".join(" ".join(a.itertext()).split()) for a in (tree.iter("a") if tree is not None else ())
        )
        self._texts = sorted({text for text in found if 4 <= len(text) <= 500}, key=len)
        self._lengths = [len(text) for text in self._texts]

    def share(self, text: str) -> float:
        """The share of ``text`` covered by the longest link text found in it."""
        if not text:
            return 0.0
        low = bisect_left(self._lengths, math.ceil(LINK_SHARE * len(text)))
        high = bisect_right(self._lengths, len(text))
        longest = max((len(link) for link in self._texts[low:high] if link in text), default=0)
        return longest / len(text)


def drop_furniture(body: etree._Element, links: LinkTexts) -> str | None:
    """Remove the furniture blocks from trafilatura's output tree in place.

    Returns the first leading heading's text (a headline, for pages whose metadata has no title).
    """
    blocks = [block for block in body if _text(block)]
    doomed: set[etree._Element] = set()
    leading: list[etree._Element] = []
    for block in blocks:
        if block.tag != "head":
            break
        leading.append(block)
    headline = _text(leading[0]) if leading else None
    if len(leading) <= MAX_LEADING_HEADINGS:
        doomed.update(leading)
    for block in reversed(blocks):
        if block.tag != "head":
            break
        doomed.add(block)
    doomed.update(block for block in blocks if _only_links(block, links))
    for block in doomed:
        _remove(block)
    return headline


def _only_links(block: etree._Element, links: LinkTexts) -> bool:
    if block.tag == "list":
        items = [_text(item) for item in block.iter("item")]
        items = [item for item in items if item]
        return bool(items) and all(links.share(item) >= LINK_SHARE for item in items)
    if block.tag != "p":
        return False
    text = _text(block)
    if len(_WORD.findall(text)) >= MAX_LINK_LINE_WORDS or _SENTENCE_END.search(text):
        return False
    return links.share(text) >= LINK_SHARE


def _text(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)  # the block's tail is whitespace between blocks in trafilatura's output


__all__ = ["LinkTexts", "drop_furniture", "unwrap_embedded_posts"]
