"""Queries and writes for review documents: add one, find by hash, load back, list a review's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.errors import NotFoundError
from casereview.ingest.model import ExtractedDocument, Page, Section
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
    """Store the document, its pages (long pages in parts) and its sections."""
    row = Document(
        review_id=review.id if review is not None else None,
        filename=doc.filename[:500],
        sha256=doc.sha256,
        title=doc.title[:500] if doc.title else None,
        source_type=doc.source_type,
        page_count=doc.page_count,
        size_bytes=size_bytes,
        text=doc.text,
    )
    session.add(row)
    session.flush()
    pages = []
    for page in doc.pages:
        for part, (start, end) in enumerate(split_page(doc.text, page.start, page.end)):
            pages.append(
                DocumentPage(
                    document_id=row.id,
                    number=page.number,
                    part=part,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                )
            )
    session.add_all(pages)
    session.add_all(
        DocumentSection(
            document_id=row.id,
            title=s.title[:500],
            kind=s.kind,
            level=s.level,
            page=s.page,
            start=s.start,
            body_start=s.body_start,
            end=s.end,
            items=s.items,
        )
        for s in doc.sections
    )
    session.flush()
    return row


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
    spans: dict[int, list[int]] = {}
    for number, start, end in session.execute(
        select(DocumentPage.number, DocumentPage.start, DocumentPage.end)
        .where(DocumentPage.document_id == document_id)
        .order_by(DocumentPage.number, DocumentPage.part)
    ):
        span = spans.setdefault(number, [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)
    pages = tuple(
        Page(number=n, start=s, end=e, text=row.text[s:e]) for n, (s, e) in sorted(spans.items())
    )
    sections = tuple(_section(s) for s in row.sections)
    return ExtractedDocument(
        text=row.text,
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
