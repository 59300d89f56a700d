"""Which codebooks the register's reviews are coded against, and how many reviews each."""

from __future__ import annotations

from sqlalchemy import distinct, func, select

from casereview.store.database import Store
from casereview.store.schema import Code, Study, review_studies


def codebook_usage(store: Store, study: str | None = None) -> list[tuple[str, int]]:
    """(codebook id, number of reviews with final codes), most used first."""
    q = select(Code.codebook_id, func.count(distinct(Code.review_id))).where(Code.status == "final")
    if study is not None:
        q = (
            q.join(review_studies, review_studies.c.review_id == Code.review_id)
            .join(Study, Study.id == review_studies.c.study_id)
            .where(Study.key == study)
        )
    q = q.group_by(Code.codebook_id)
    with store.session() as s:
        rows = [(str(cid), int(n)) for cid, n in s.execute(q).all()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def study_keys(store: Store) -> list[str]:
    with store.session() as s:
        return [str(k) for k in s.execute(select(Study.key).order_by(Study.key)).scalars()]
