"""HTML to text with headings and list numbers (selectolax / lexbor).

An HTML page has no pages: it is page 1, unless it asks for printed page breaks
(`page-break-before: always` / `break-before: page` in an inline style), which start a page.
Only the page's main content is read (<main> or <article> when there is one); navigation,
scripts, styles and forms are dropped. Ordered-list numbers and bullets, which a browser
draws, are written into the text so that items can be counted and quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "head",
    "-comment",
    "object",
    "canvas",
}
_BLOCK = {
    "address",
    "article",
    "blockquote",
    "body",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "details",
    "summary",
    "center",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PAGE_BREAK = re.compile(r"(page-break-before|break-before)\s*:\s*(always|page)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass
class _Writer:
    pages: list[list[str]] = field(default_factory=lambda: [[]])
    length: int = 0  # length of the current page's text
    line_start: bool = True
    space: bool = False
    headings: list[tuple[int, int, int, int, str]] = field(default_factory=list)

    def text(self, raw: str, pre: bool = False) -> None:
        if pre:
            self._put(raw)
            self.line_start = raw.endswith("\n")
            return
        s = _SPACES.sub(" ", raw)
        words = s.strip()
        if not words:
            self.space = self.space or bool(s)
            return
        last = self.pages[-1][-1] if self.pages[-1] else "\n"
        if (self.space or s.startswith(" ")) and not self.line_start and not last[-1:].isspace():
            self._put(" ")
        self._put(words)
        self.line_start, self.space = False, s.endswith(" ")

    def newline(self) -> None:
        if not self.line_start:
            self._put("\n")
        self.line_start, self.space = True, False

    def new_page(self) -> None:
        self.newline()
        if self.length:
            self.pages.append([])
            self.length = 0

    def _put(self, s: str) -> None:
        self.pages[-1].append(s)
        self.length += len(s)


def read_html(data: bytes) -> tuple[list[str], str | None, list[tuple[int, int, int, int, str]]]:
    """Page texts, title, and headings as (page index, start, end in the page, level, text)."""
    from selectolax.lexbor import LexborHTMLParser

    try:
        html = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        html = data.decode("cp1252", errors="replace")  # the legacy default of HTML
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else ""
    root = tree.css_first("main") or tree.css_first("article") or tree.body
    w = _Writer()
    if root is not None:
        _walk(root, w)
    page_texts = ["".join(p).rstrip("\n") for p in w.pages]
    if not title:
        title = next((t for _, _, _, lvl, t in w.headings if lvl == 1), "")
    return page_texts, title or None, w.headings


def _walk(node, w: _Writer, pre: bool = False) -> None:  # type: ignore[no-untyped-def]
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            w.text(child.text_content or "", pre)
        elif tag in _DROP:
            pass
        elif tag == "br":
            w.newline() if not pre else w.text("\n", pre=True)
        else:
            style = (child.attributes or {}).get("style") or ""
            if _PAGE_BREAK.search(style):
                w.new_page()
            if tag in _HEADINGS:
                w.newline()
                start = w.length
                _walk(child, w, pre)
                text = "".join(w.pages[-1])[start:]
                if text.strip():
                    w.headings.append(
                        (len(w.pages) - 1, start, w.length, _HEADINGS[tag], " ".join(text.split()))
                    )
                w.newline()
            elif tag in ("ol", "ul"):
                _list(child, w, pre)
            elif tag in ("td", "th"):
                if not w.line_start:
                    w._put("\t")
                    w.space = False
                _walk(child, w, pre)
            elif tag in _BLOCK:
                w.newline()
                _walk(child, w, pre or tag == "pre")
                w.newline()
            else:
                _walk(child, w, pre)
        child = child.next


def _list(node, w: _Writer, pre: bool) -> None:  # type: ignore[no-untyped-def]
    attrs = node.attributes or {}
    ordered = node.tag == "ol"
    start = attrs.get("start") or "1"
    n = int(start) if start.lstrip("-").isdigit() else 1
    kind = attrs.get("type") or "1"
    w.newline()
    child = node.child
    while child is not None:
        if child.tag == "li":
            w.newline()
            w.text(f"{_ol_marker(n, kind)} " if ordered else "• ")
            n += 1
            _walk(child, w, pre)
            w.newline()
        elif child.tag not in _DROP:
            _walk(child, w, pre)
        child = child.next
    w.newline()


def _ol_marker(n: int, kind: str) -> str:
    if kind in ("a", "A"):
        s = chr(ord("a") + (n - 1) % 26)
        return (s.upper() if kind == "A" else s) + "."
    if kind in ("i", "I"):
        from casereview.ingest.word import _roman

        return (_roman(n).upper() if kind == "I" else _roman(n)) + "."
    return f"{n}."
