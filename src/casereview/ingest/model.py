"""What a read document is: its whole text, its pages as character ranges, its sections.

Every offset is into `ExtractedDocument.text`, so an evidence span found anywhere in the text
maps to one page (`page_at`). Pages are joined by PAGE_JOIN, which belongs to no page.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field, replace

PAGE_JOIN = "\n\n"
SOURCE_TYPES = ("pdf", "docx", "html", "txt")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, as a reader of the original would cite it
    start: int  # offsets into ExtractedDocument.text; text[start:end] == page.text
    end: int
    text: str


@dataclass(frozen=True)
class Heading:
    """A heading the source format marks as such (DOCX heading styles, HTML <h1>-<h6>)."""

    text: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs, up to the next heading of the same or higher rank."""

    title: str
    kind: str  # "heading" | "recommendations" | "learning" | "findings"
    level: int
    start: int  # start of the heading line
    body_start: int  # first character after the heading line
    end: int
    page: int
    items: int | None = None  # numbered/bulleted items (recommendations and learning sections)


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    pages: tuple[Page, ...]
    source_type: str
    sha256: str
    filename: str = ""
    title: str | None = None
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = field(default=())

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_at(self, offset: int) -> int:
        """The page number holding character `offset` (a separator belongs to the page before)."""
        if not self.pages:
            return 1
        starts = [p.start for p in self.pages]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self.pages[i].number

    def with_sections(self) -> ExtractedDocument:
        from casereview.ingest.sections import find_sections

        return replace(self, sections=tuple(find_sections(self)))


def join_pages(page_texts: list[str]) -> tuple[str, tuple[Page, ...]]:
    """Concatenate page texts into one text with each page's character range."""
    pages: list[Page] = []
    parts: list[str] = []
    pos = 0
    for number, text in enumerate(page_texts, start=1):
        if number > 1:
            parts.append(PAGE_JOIN)
            pos += len(PAGE_JOIN)
        parts.append(text)
        pages.append(Page(number=number, start=pos, end=pos + len(text), text=text))
        pos += len(text)
    return "".join(parts), tuple(pages)


def document_from_text(
    text: str | list[str],
    *,
    title: str | None = None,
    source_type: str = "txt",
    filename: str = "",
) -> ExtractedDocument:
    """Build a document from a text (one page) or a list of page texts: for tests and callers
    that already hold text. Sections are found as for a read file."""
    page_texts = [text] if isinstance(text, str) else list(text)
    whole, pages = join_pages(page_texts)
    digest = hashlib.sha256(whole.encode("utf-8")).hexdigest()
    doc = ExtractedDocument(
        text=whole,
        pages=pages,
        source_type=source_type,
        sha256=digest,
        filename=filename,
        title=title,
    )
    return doc.with_sections()
