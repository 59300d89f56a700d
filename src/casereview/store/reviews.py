"""Queries about reviews for listing and showing cases (CLI and web share them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from casereview.errors import NotFoundError
from casereview.store.schema import Child, Code, Review, Study, review_studies


@dataclass(frozen=True)
class ReviewSummary:
    reference: str
    year: int | None
    region: str | None
    studies: tuple[str, ...]
    children: int
    codes: int


@dataclass(frozen=True)
class CodeView:
    codebook: str
    field_id: str
    value: str | None
    child: str | None
    coder: str
    status: str
    evidence: str | None = None
    page: int | None = None


@dataclass
class ReviewDetail:
    reference: str
    title: str | None
    year: int | None
    region: str | None
    studies: list[str]
    children: list[str]
    codes: list[CodeView] = field(default_factory=list)


def list_reviews(
    session: Session, *, study: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[int, list[ReviewSummary]]:
    """(total matching, one page of summaries) ordered by reference."""
    base = select(Review.id)
    if study is not None:
        base = base.join(review_studies).join(Study).where(Study.key == study)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    ids = list(session.scalars(base.order_by(Review.reference).limit(limit).offset(offset)))
    if not ids:
        return total, []
    n_children = {
        rid: n
        for rid, n in session.execute(
            select(Child.review_id, func.count()).where(Child.review_id.in_(ids)).group_by(Child.review_id)
        )
    }
    n_codes = {
        rid: n
        for rid, n in session.execute(
            select(Code.review_id, func.count())
            .where(Code.review_id.in_(ids), Code.status == "final")
            .group_by(Code.review_id)
        )
    }
    reviews = session.scalars(
        select(Review).where(Review.id.in_(ids)).options(selectinload(Review.studies)).order_by(Review.reference)
    )
    return total, [
        ReviewSummary(
            r.reference, r.year, r.region, tuple(s.key for s in r.studies),
            n_children.get(r.id, 0), n_codes.get(r.id, 0),
        )
        for r in reviews
    ]


def get_review(session: Session, reference: str) -> ReviewDetail:
    review = session.scalar(
        select(Review)
        .where(Review.reference == reference)
        .options(selectinload(Review.studies), selectinload(Review.children))
    )
    if review is None:
        raise NotFoundError(f"no review {reference!r} in the register; `casereview cases list` shows them")
    labels = {c.id: c.label for c in review.children}
    codes = session.scalars(
        select(Code).where(Code.review_id == review.id).order_by(Code.codebook_id, Code.child_id, Code.id)
    )
    return ReviewDetail(
        reference=review.reference,
        title=review.title,
        year=review.year,
        region=review.region,
        studies=[s.key for s in review.studies],
        children=[c.label for c in review.children],
        codes=[
            CodeView(
                f"{c.codebook_id}@{c.codebook_version}", c.field_id, c.value,
                labels.get(c.child_id) if c.child_id else None, c.coder, c.status, c.evidence, c.page,
            )
            for c in codes
        ],
    )
