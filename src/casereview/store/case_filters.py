"""The case list's query: reviews filtered by study, fatal or not, region and coding
status, optionally limited to the reviews a full-text search found, one page at a time."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, not_, select
from sqlalchemy.orm import Session, selectinload

from casereview.store.schema import Child, Code, Review, Study, review_studies

# The yes/no fields that say a child died, in the codebooks that have one: Cafcass
# (incident_fatal, per review) and the Triennial framework (fatal, per child).
FATAL_FIELDS = ("incident_fatal", "fatal")
CODING_STATUSES = ("uncoded", "pending", "coded")


@dataclass(frozen=True)
class CaseFilter:
    study: str | None = None
    fatal: bool | None = None
    region: str | None = None
    status: str | None = None  # one of CODING_STATUSES


@dataclass(frozen=True)
class CaseRow:
    reference: str
    title: str | None
    year: int | None
    region: str | None
    studies: tuple[str, ...]
    children: int
    final_codes: int
    pending_codes: int


def _has(status: str):  # type: ignore[no-untyped-def]
    return exists().where(Code.review_id == Review.id, Code.status == status)


def filtered(f: CaseFilter, references: Collection[str] | None = None) -> Select[Any]:
    q = select(Review.id)
    if f.study:
        q = q.where(
            exists().where(
                review_studies.c.review_id == Review.id,
                review_studies.c.study_id == Study.id,
                Study.key == f.study,
            )
        )
    if f.region:
        q = q.where(Review.region == f.region)
    if f.fatal is not None:
        q = q.where(
            exists().where(
                Code.review_id == Review.id,
                Code.status == "final",
                Code.field_id.in_(FATAL_FIELDS),
                Code.value == ("yes" if f.fatal else "no"),
            )
        )
    if f.status == "uncoded":
        q = q.where(not_(_has("final")), not_(_has("pending")))
    elif f.status == "pending":
        q = q.where(_has("pending"))
    elif f.status == "coded":
        q = q.where(and_(_has("final"), not_(_has("pending"))))
    if references is not None:
        q = q.where(Review.reference.in_(list(references)))
    return q


def find_cases(
    session: Session, f: CaseFilter, *, references: Collection[str] | None, limit: int, offset: int
) -> tuple[int, list[CaseRow]]:
    """(total matching, one page of rows ordered by reference)."""
    base = filtered(f, references)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    ids = list(session.scalars(base.order_by(Review.reference).limit(limit).offset(offset)))
    if not ids:
        return total, []
    children = dict(
        session.execute(  # type: ignore[arg-type]
            select(Child.review_id, func.count()).where(Child.review_id.in_(ids)).group_by(Child.review_id)
        ).all()
    )
    counts: dict[tuple[int, str], int] = {
        (rid, status): n
        for rid, status, n in session.execute(
            select(Code.review_id, Code.status, func.count())
            .where(Code.review_id.in_(ids))
            .group_by(Code.review_id, Code.status)
        )
    }
    reviews = session.scalars(
        select(Review).where(Review.id.in_(ids)).options(selectinload(Review.studies)).order_by(Review.reference)
    )
    return total, [
        CaseRow(
            r.reference, r.title, r.year, r.region, tuple(s.key for s in r.studies),
            children.get(r.id, 0), counts.get((r.id, "final"), 0), counts.get((r.id, "pending"), 0),
        )
        for r in reviews
    ]


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """(study keys, regions) present in the register, for the filter menus."""
    studies = list(session.scalars(select(Study.key).order_by(Study.key)))
    regions = list(
        session.scalars(select(Review.region).where(Review.region.is_not(None)).distinct().order_by(Review.region))
    )
    return studies, [r for r in regions if r]
