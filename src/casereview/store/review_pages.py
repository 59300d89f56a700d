"""A review's documents and one page of a document's text, for the review and coding pages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.errors import NotFoundError
from casereview.store.documents import Document, DocumentPage
from casereview.store.schema import Review


@dataclass(frozen=True)
class DocumentRef:
    id: int
    filename: str
    title: str | None
    source_type: str
    page_count: int


@dataclass(frozen=True)
class PageText:
    document_id: int
    review: str | None
    number: int
    page_count: int
    start: int  # offset of the page in the document's text
    text: str


def review_id(session: Session, reference: str) -> int:
    rid = session.scalar(select(Review.id).where(Review.reference == reference))
    if rid is None:
        raise NotFoundError(f"no review {reference!r} in the register")
    return rid


def review_documents(session: Session, reference: str) -> list[DocumentRef]:
    rid = review_id(session, reference)
    rows = session.execute(
        select(Document.id, Document.filename, Document.title, Document.source_type, Document.page_count)
        .where(Document.review_id == rid)
        .order_by(Document.id)
    )
    return [DocumentRef(*row) for row in rows]


def page_text(session: Session, document_id: int, number: int) -> PageText:
    """The page's text (its parts joined back together) and where it starts."""
    doc = session.execute(
        select(Document.page_count, Review.reference)
        .outerjoin(Review, Review.id == Document.review_id)
        .where(Document.id == document_id)
    ).first()
    if doc is None:
        raise NotFoundError(f"no document with id {document_id}")
    parts = session.execute(
        select(DocumentPage.start, DocumentPage.text)
        .where(DocumentPage.document_id == document_id, DocumentPage.number == number)
        .order_by(DocumentPage.part)
    ).all()
    if not parts:
        raise NotFoundError(
            f"document {document_id} has no page {number}; its pages are 1 to {doc.page_count}"
        )
    return PageText(
        document_id, doc.reference, number, doc.page_count, parts[0].start, "".join(p.text for p in parts)
    )
