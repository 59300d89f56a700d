"""Review documents in the register: the file's text, its pages and its sections.

A document belongs to at most one review (nullable: a document can be kept before anyone
says which review it is). The file's SHA-256 is unique, so the same file is stored once.
Pages are the unit of full-text search; a page longer than PAGE_PART_CHARS is stored in
parts (same page number, part 0, 1, ...), because PostgreSQL keeps word positions only up
to 16,383 per tsvector and phrase search would miss words beyond that (ENGINEERING.md).

The text is stored once, on the pages: `Document.text` is empty when the pages, joined by
PAGE_JOIN, give the document's text back exactly (every document read from a file), and holds
the whole text only for a document whose pages do not tile it that way.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casereview.store.schema import Base, Review, utcnow

# About 8,000 words: well inside PostgreSQL's 16,383 positions per tsvector.
PAGE_PART_CHARS = 50_000


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_review", "review_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source_type: Mapped[str] = mapped_column(String(10))
    page_count: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    review: Mapped[Review | None] = relationship()
    pages: Mapped[list[DocumentPage]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(DocumentPage.number, DocumentPage.part)",
    )
    sections: Mapped[list[DocumentSection]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DocumentSection.start",
    )


class DocumentPage(Base):
    __tablename__ = "document_pages"
    __table_args__ = (UniqueConstraint("document_id", "number", "part"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # 1-based page number
    part: Mapped[int] = mapped_column(Integer, default=0)  # 0 unless the page is very long
    start: Mapped[int] = mapped_column(Integer)  # offsets into the document's text
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="pages")


class DocumentSection(Base):
    __tablename__ = "document_sections"
    __table_args__ = (Index("ix_document_sections_document", "document_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))  # heading|recommendations|learning|findings
    level: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    body_start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    items: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="sections")
