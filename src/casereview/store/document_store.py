"""Queries and writes for review documents: add one, find by hash, load back, list a review's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casereview.errors import NotFoundError
from casereview.ingest.files import storable
from casereview.ingest.model import PAGE_JOIN, ExtractedDocument, Page, Section
from casereview.store.documents import (
    PAGE_PART_CHARS,
    Document,
    DocumentPage,
    DocumentSection,
)
from casereview.store.schema import Review


@dataclass(frozen=True)
class StoredDocument:
    id: int
    filename: str
    title: str | None
    source_type: str
    page_count: int
    review: str | None
    recommendations: int | None


def document_by_sha(session: Session, sha256: str) -> StoredDocument | None:
    doc = session.scalar(select(Document).where(Document.sha256 == sha256))
    return _summary(session, doc) if doc is not None else None


def get_or_create_review(
    session: Session, reference: str, title: str | None = None
) -> tuple[Review, bool]:
    """The review with this reference, creating it if there is none; (review, created)."""
    review = session.scalar(select(Review).where(Review.reference == reference))
    if review is not None:
        return review, False
    review = Review(reference=reference, title=(title or None) and title[:500])
    session.add(review)
    session.flush()
    return review, True


def add_document(
    session: Session, doc: ExtractedDocument, review: Review | None, size_bytes: int | None = None
) -> Document:
    """Store the document, its pages (long pages in parts) and its sections.

    The text is stored once, on the pages (which full-text search indexes); the document row
    keeps it only when the pages cannot give it back exactly. Pages and sections are written
    with one executemany each, not as ORM objects. NUL bytes (PostgreSQL refuses them) and
    lone surrogates become a space and U+FFFD, so every offset stays as it was read.
    """
    text = storable(doc.text)
    parts = [
        (page.number, part, start, end, text[start:end])
        for page in doc.pages
        for part, (start, end) in enumerate(split_page(text, page.start, page.end))
    ]
    from_pages = text_from_pages((start, end, t) for _, _, start, end, t in parts)
    row = Document(
        review_id=review.id if review is not None else None,
        filename=storable(doc.filename)[:500],
        sha256=doc.sha256,
        title=storable(doc.title)[:500] if doc.title else None,
        source_type=doc.source_type,
        page_count=doc.page_count,
        size_bytes=size_bytes,
        text="" if from_pages == text else text,
    )
    del from_pages
    session.add(row)
    session.flush()
    if parts:
        keys = ("number", "part", "start", "end", "text")
        pages = [{"document_id": row.id, **dict(zip(keys, p, strict=True))} for p in parts]
        del parts
        session.execute(insert(DocumentPage), pages)
    sections = [
        {
            "document_id": row.id,
            "title": storable(s.title)[:500],
            "kind": s.kind,
            "level": s.level,
            "page": s.page,
            "start": s.start,
            "body_start": s.body_start,
            "end": s.end,
            "items": s.items,
        }
        for s in doc.sections
    ]
    if sections:
        session.execute(insert(DocumentSection), sections)
    return row


def text_from_pages(parts: Iterable[tuple[int, int, str]]) -> str | None:
    """The document text rebuilt from its (start, end, text) page parts in order, pages joined
    by PAGE_JOIN; None when the parts do not tile the text that way."""
    out: list[str] = []
    pos = 0
    for start, end, part in parts:
        if pos and start - pos == len(PAGE_JOIN):
            out.append(PAGE_JOIN)
        elif start != pos:
            return None
        out.append(part)
        pos = end
    return "".join(out)


def split_page(
    text: str, start: int, end: int, limit: int = PAGE_PART_CHARS
) -> list[tuple[int, int]]:
    """Cut a page's range into parts of at most `limit` characters, at whitespace."""
    parts = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = text.rfind("\n", start + limit // 2, start + limit) if cut < 0 else cut
        cut = start + limit if cut < 0 else cut + 1
        parts.append((start, cut))
        start = cut
    parts.append((start, end))
    return parts


def load_document(session: Session, document_id: int) -> ExtractedDocument:
    """A stored document as the ExtractedDocument it was read into (sections included)."""
    row = session.get(Document, document_id)
    if row is None:
        raise NotFoundError(f"no document with id {document_id}")
    rows = session.execute(
        select(DocumentPage.number, DocumentPage.start, DocumentPage.end, DocumentPage.text)
        .where(DocumentPage.document_id == document_id)
        .order_by(DocumentPage.number, DocumentPage.part)
    ).all()
    text = row.text or text_from_pages((s, e, t) for _, s, e, t in rows) or ""
    spans: dict[int, list[int]] = {}
    for number, start, end, _ in rows:
        span = spans.setdefault(number, [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)
    del rows
    pages = tuple(
        Page(number=n, start=s, end=e, text=text[s:e]) for n, (s, e) in sorted(spans.items())
    )
    sections = tuple(_section(s) for s in row.sections)
    return ExtractedDocument(
        text=text,
        pages=pages,
        source_type=row.source_type,
        sha256=row.sha256,
        filename=row.filename,
        title=row.title,
        sections=sections,
    )


def _section(row: DocumentSection) -> Section:
    return Section(
        title=row.title,
        kind=row.kind,
        level=row.level,
        start=row.start,
        body_start=row.body_start,
        end=row.end,
        page=row.page,
        items=row.items,
    )


def review_document_ids(session: Session, reference: str) -> tuple[Review, list[int]]:
    review = session.scalar(select(Review).where(Review.reference == reference))
    if review is None:
        raise NotFoundError(f"no review with reference {reference!r}")
    ids = session.scalars(
        select(Document.id).where(Document.review_id == review.id).order_by(Document.id)
    ).all()
    return review, list(ids)


def _summary(session: Session, doc: Document) -> StoredDocument:
    recs = session.scalars(
        select(DocumentSection).where(DocumentSection.document_id == doc.id)
    ).all()
    from casereview.ingest.sections import count_recommendations

    loaded = ExtractedDocument(
        text="",
        pages=(),
        source_type=doc.source_type,
        sha256=doc.sha256,
        sections=tuple(_section(s) for s in recs),
    )
    return StoredDocument(
        id=doc.id,
        filename=doc.filename,
        title=doc.title,
        source_type=doc.source_type,
        page_count=doc.page_count,
        review=doc.review.reference if doc.review else None,
        recommendations=count_recommendations(loaded) if loaded.sections else None,
    )
