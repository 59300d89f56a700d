"""Final codes entered by people (not machine suggestions), for comparing coders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.store.schema import Child, Code, Review, Study, review_studies
from casereview.store.suggestions import ASSIST_CODER


@dataclass(frozen=True)
class CoderValue:
    review: str
    child: str | None
    codebook: str
    field_id: str
    coder: str
    value: str


def people_values(
    session: Session, *, study: str | None = None, codebook: str | None = None
) -> list[CoderValue]:
    q = (
        select(Review.reference, Child.label, Code.codebook_id, Code.field_id, Code.coder, Code.value)
        .join(Review, Review.id == Code.review_id)
        .outerjoin(Child, Child.id == Code.child_id)
        .where(Code.status == "final", Code.coder != ASSIST_CODER, Code.value.is_not(None))
    )
    if study:
        q = q.where(
            Code.review_id.in_(
                select(review_studies.c.review_id)
                .join(Study, Study.id == review_studies.c.study_id)
                .where(Study.key == study)
            )
        )
    if codebook:
        q = q.where(Code.codebook_id == codebook.split("@", 1)[0])
    return [
        CoderValue(ref, child, cb, field, coder, value or "")
        for ref, child, cb, field, coder, value in session.execute(q)
    ]
