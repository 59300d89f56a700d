"""DOCX to text with page numbers, headings and list numbers (python-docx).

A DOCX has no fixed pages: pagination is done by whichever program renders it. We number
pages as follows, and say so in docs/ingestion.md:
1. If Word saved its own pagination (`w:lastRenderedPageBreak` marks, written each time Word
   lays the document out), a page starts at each of those marks: the page numbers a reader of
   the document in Word, or of a PDF printed from it, would cite.
2. Otherwise a page starts at each explicit page break (`w:br w:type="page"`, "page break
   before" on a paragraph) and at each section break that starts a new page.
3. With none of these the whole document is page 1.
Pages are never invented by counting characters.

Automatic list numbers and bullets are not in the text of a DOCX (Word draws them from
numbering.xml); we write them into the text ("1.", "a)", "•") so items can be counted and
quoted as a reader sees them. Text boxes, footnotes, headers and footers are not read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from casereview.errors import DocumentError
from casereview.ingest.zipcheck import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {
    W + "drawing",
    W + "pict",
    W + "object",
    W + "footnoteReference",
    W + "delText",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}
_NEW_PAGE_SECTIONS = {"nextPage", "oddPage", "evenPage"}


@dataclass
class _Builder:
    rendered: bool  # paginate by Word's rendered page breaks only
    # A sectPr ends its section, and the *next* section's sectPr says how that one starts
    # (w:type: nextPage, continuous, ...): the break after section k is sectPr k+1's type.
    breaks_after: list[str] = field(default_factory=list)
    sections_seen: int = 0
    pages: list[list[str]] = field(default_factory=lambda: [[]])
    # (page index, start and end in the page's text, level, heading text)
    headings: list[tuple[int, int, int, int, str]] = field(default_factory=list)

    def new_page(self) -> None:
        if any(self.pages[-1]):
            self.pages.append([])

    def write(self, s: str) -> None:
        self.pages[-1].append(s)


def read_docx(path: Path) -> tuple[list[str], str | None, list[tuple[int, int, int, int, str]]]:
    """Page texts, the title, and headings as (page index, start, end in the page, level, text)."""
    check_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError(f"{path.name}: corrupt DOCX: cannot be read ({exc})") from None
    except Exception as exc:  # noqa: BLE001 (lxml syntax errors, other damage in the package)
        raise DocumentError(f"{path.name}: corrupt DOCX: {type(exc).__name__}: {exc}") from None
    body = document.element.body
    styles = _StyleInfo(document)
    b = _Builder(rendered=next(body.iter(W + "lastRenderedPageBreak"), None) is not None)
    sects = [e for e in body.iter(W + "sectPr") if e.getparent().tag in (W + "pPr", W + "body")]
    b.breaks_after = [_val(nxt, W + "type") or "nextPage" for nxt in sects[1:]]
    numbers = _Numbering(document)
    for block in body.iterchildren():
        _block(block, b, styles, numbers)
    page_texts, leads = [], []
    for parts in b.pages:
        joined = "".join(parts)
        leads.append(len(joined) - len(joined.lstrip("\n")))
        page_texts.append(joined.strip("\n"))
    if len(page_texts) > 1 and not page_texts[-1].strip():
        page_texts.pop()  # a final section break leaves an empty page behind
    headings = [(i, s - leads[i], e - leads[i], lvl, t) for i, s, e, lvl, t in b.headings]
    title = " ".join((document.core_properties.title or "").split()) or None
    if not title:
        title = next((t for _, _, _, lvl, t in headings if lvl <= 1), None)
    return page_texts, title, headings


def _block(el, b: _Builder, styles: _StyleInfo, numbers: _Numbering) -> None:  # type: ignore[no-untyped-def]
    tag = el.tag
    if tag == W + "p":
        _paragraph(el, b, styles, numbers)
    elif tag == W + "tbl":
        for row in el.iterchildren(W + "tr"):
            for cell in row.iterchildren(W + "tc"):
                for child in cell.iterchildren():
                    _block(child, b, styles, numbers)
    elif tag == W + "sdt":  # content control: its paragraphs are in sdtContent
        for content in el.iterchildren(W + "sdtContent"):
            for child in content.iterchildren():
                _block(child, b, styles, numbers)


def _paragraph(p, b: _Builder, styles: _StyleInfo, numbers: _Numbering) -> None:  # type: ignore[no-untyped-def]
    ppr = p.find(W + "pPr")
    style_id = _val(ppr, W + "pStyle") if ppr is not None else None
    if not b.rendered and ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        b.new_page()
    parts: list[str] = []
    marker = numbers.marker(ppr, style_id, styles)
    if marker:
        parts.append(marker + " ")
    for kind, value in _runs(p):
        if kind == "text":
            parts.append(value)
        elif kind == "line":
            parts.append("\n")
        elif (kind == "page" and not b.rendered) or (kind == "rendered" and b.rendered):
            b.write("".join(parts))
            parts = []
            b.new_page()
    text = "".join(parts)
    level = styles.heading_level(style_id, ppr)
    if level is not None and text.strip():
        pos = sum(len(s) for s in b.pages[-1])
        b.headings.append((len(b.pages) - 1, pos, pos + len(text), level, " ".join(text.split())))
    b.write(text + "\n")
    sect = ppr.find(W + "sectPr") if ppr is not None else None
    if sect is not None:
        k, b.sections_seen = b.sections_seen, b.sections_seen + 1
        kind = b.breaks_after[k] if k < len(b.breaks_after) else "nextPage"
        if kind in _NEW_PAGE_SECTIONS and not b.rendered:
            b.new_page()


def _runs(p):  # type: ignore[no-untyped-def]
    """Text events of a paragraph in document order, skipping drawings and deleted text."""
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _SKIP or tag == W + "pPr" or tag == W + "rPr":
            continue
        if tag == W + "t":
            yield "text", el.text or ""
        elif tag == W + "tab":
            yield "text", "\t"
        elif tag in (W + "br", W + "cr"):
            yield ("page", "") if el.get(W + "type") == "page" else ("line", "")
        elif tag == W + "noBreakHyphen":
            yield "text", "-"
        elif tag == W + "lastRenderedPageBreak":
            yield "rendered", ""
        else:
            stack.extend(reversed(list(el)))


def _val(parent, tag: str) -> str | None:  # type: ignore[no-untyped-def]
    el = parent.find(tag) if parent is not None else None
    return el.get(W + "val") if el is not None else None


class _StyleInfo:
    """Style id -> heading level and inherited numbering, following `basedOn`."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self._styles = {}
        for st in document.styles.element.iterchildren(W + "style"):
            self._styles[st.get(W + "styleId")] = st

    def _chain(self, style_id: str | None):  # type: ignore[no-untyped-def]
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            style_id = _val(st, W + "basedOn")

    def heading_level(self, style_id: str | None, ppr) -> int | None:  # type: ignore[no-untyped-def]
        for st in self._chain(style_id):
            name = (_val(st, W + "name") or "").lower()
            if name == "title":
                return 0
            if name.startswith("heading ") and name[8:].isdigit():
                return int(name[8:])
        outline = _val(ppr, W + "outlineLvl") if ppr is not None else None
        if outline is None:
            for st in self._chain(style_id):
                outline = _val(st.find(W + "pPr"), W + "outlineLvl")
                if outline is not None:
                    break
        return (
            int(outline) + 1
            if outline is not None and outline.isdigit() and int(outline) < 9
            else None
        )

    def num_pr(self, style_id: str | None):  # type: ignore[no-untyped-def]
        for st in self._chain(style_id):
            ppr = st.find(W + "pPr")
            if ppr is not None and ppr.find(W + "numPr") is not None:
                return ppr.find(W + "numPr")
        return None


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


class _Numbering:
    """Renders automatic list numbers ("1.", "a)", "2.1") the way Word draws them."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in an.iterchildren(W + "lvl"):
                start = _val(lvl, W + "start")
                levels[int(lvl.get(W + "ilvl", "0"))] = (
                    _val(lvl, W + "numFmt") or "decimal",
                    _val(lvl, W + "lvlText") or "",
                    int(start) if start and start.isdigit() else 1,
                )
            abstract[an.get(W + "abstractNumId")] = levels
        for num in root.iterchildren(W + "num"):
            self._levels[num.get(W + "numId")] = abstract.get(_val(num, W + "abstractNumId"), {})

    def marker(self, ppr, style_id: str | None, styles: _StyleInfo) -> str:  # type: ignore[no-untyped-def]
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is None:
            num_pr = styles.num_pr(style_id)
        if num_pr is None:
            return ""
        num_id = _val(num_pr, W + "numId")
        ilvl = int(_val(num_pr, W + "ilvl") or 0)
        levels = self._levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        fmt, text, start = levels[ilvl]
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        counters = self._counters.setdefault(num_id or "", {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        for k in range(9, -1, -1):  # replace %10 before %1
            if f"%{k + 1}" in text:
                f, _, s = levels.get(k, ("decimal", "", 1))
                text = text.replace(f"%{k + 1}", _FORMATS.get(f, str)(counters.get(k, s)))
        return text
