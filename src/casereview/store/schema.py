"""The case register's tables (SQLAlchemy 2 declarative models).

Reviews hold children; coded values ("codes") belong to a review and, for child-level
fields, to one child. Every code records its codebook and version, who coded it, when,
and its status: `final` (a person's code), `pending` (a machine suggestion awaiting a
person), `rejected`, or `consensus` (the value the coders of a field agreed, which
analysis uses before any one coder's value). Suggestions keep their evidence so a person
can judge them.

Text columns have no length limit: SQLite enforces none, so PostgreSQL must not either, or
the same file would import on one backend and fail on the other (migration 0004).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


review_studies = Table(
    "review_studies",
    Base.metadata,
    Column("review_id", ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("study_id", ForeignKey("studies.id", ondelete="CASCADE"), primary_key=True),
)


class Study(Base):
    """A study or sample that pools reviews (e.g. one year's Cafcass submissions)."""

    __tablename__ = "studies"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)


class Review(Base):
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    children: Mapped[list[Child]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="Child.id"
    )
    studies: Mapped[list[Study]] = relationship(secondary=review_studies)


class Child(Base):
    __tablename__ = "children"
    __table_args__ = (UniqueConstraint("review_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(Text)

    review: Mapped[Review] = relationship(back_populates="children")


class Code(Base):
    __tablename__ = "codes"
    # No index on codebook/field: analysis reads most of the table, and a full scan is
    # about 3x faster than an index search that then visits every row.
    __table_args__ = (Index("ix_codes_review", "review_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    codebook_id: Mapped[str] = mapped_column(Text)
    codebook_version: Mapped[str] = mapped_column(Text)
    field_id: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)
    coder: Mapped[str] = mapped_column(Text)
    coded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="final")
    # Evidence of a machine suggestion (empty for codes entered or imported by a person).
    document_id: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str | None] = mapped_column(String(50))
    assertion: Mapped[str | None] = mapped_column(String(50))
    confidence: Mapped[float | None] = mapped_column(Float)
    # Optimistic locking: every ORM update checks and bumps it, so two people saving the
    # same code cannot silently overwrite each other (migration 0006).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # A consensus code: the people who agreed it, comma separated (migration 0007).
    agreed_by: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it as is)
