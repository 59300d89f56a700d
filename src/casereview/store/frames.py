"""Reading the register back as one wide table: one row per child, one column per field.

This is the shape analysis, export and reports work on. Codes coded under an older
version of the codebook are carried over through the codebook's version mappings.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from casereview.codebook.model import Codebook
from casereview.io.layout import STRUCTURAL
from casereview.store.database import Store
from casereview.store.schema import Child, Code, Review, Study, review_studies


def _mapper(codebook: Codebook):  # type: ignore[no-untyped-def]
    by_version = {m.from_version: m for m in codebook.mappings}

    def translate(version: str, field_id: str, value: str | None) -> tuple[str | None, str | None]:
        if version == codebook.version:
            return field_id, value
        mapping = by_version.get(version)
        if mapping is None:
            return (field_id, value) if codebook.has_field(field_id) else (None, None)
        new_field = mapping.fields.get(field_id, field_id)
        if not codebook.has_field(new_field):
            return None, None
        new_value = mapping.values.get(new_field, {}).get(value or "", value)
        return new_field, new_value

    return translate


def case_table(store: Store, codebook: Codebook, study: str | None = None) -> pd.DataFrame:
    """One row per child of every review coded against `codebook` (reviews without
    children get one row with an empty child).

    Columns: review_id, child, study, year, region, then the codebook's field ids in
    codebook order; canonical values as text, None where nothing was coded.
    """
    with store.session() as s:
        study_of = (
            select(review_studies.c.review_id, Study.key)
            .join(Study, Study.id == review_studies.c.study_id)
            .subquery()
        )
        q = (
            select(Review.id, Review.reference, Review.year, Review.region, study_of.c.key, Child.id, Child.label)
            .outerjoin(Child, Child.review_id == Review.id)
            .outerjoin(study_of, study_of.c.review_id == Review.id)
            .order_by(Review.id, Child.id)
        )
        if study is not None:
            q = q.where(study_of.c.key == study)
        base = s.execute(q).all()
        codes = s.execute(
            select(Code.review_id, Code.child_id, Code.codebook_version, Code.field_id, Code.value).where(
                Code.codebook_id == codebook.id, Code.status == "final"
            )
        ).all()
    translate = _mapper(codebook)
    review_codes: dict[int, dict[str, str | None]] = {}
    child_codes: dict[int, dict[str, str | None]] = {}
    for review_id, child_id, version, field_id, value in codes:
        fid, val = translate(version, field_id, value)
        if fid is None:
            continue
        target = review_codes.setdefault(review_id, {}) if child_id is None else child_codes.setdefault(child_id, {})
        target[fid] = val
    coded_reviews = {review_id for review_id, *_ in codes}
    rows = []
    seen: set[tuple[int, int | None]] = set()
    for rid, ref, year, region, study_key, cid, label in base:
        if rid not in coded_reviews or (rid, cid) in seen:  # a review in several studies: keep its first study
            continue
        seen.add((rid, cid))
        row = {"review_id": ref, "child": label, "study": study_key, "year": year, "region": region}
        row.update(review_codes.get(rid, {}))
        if cid is not None:
            row.update(child_codes.get(cid, {}))
        rows.append(row)
    columns = [*STRUCTURAL, *(f.id for f in codebook.fields)]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.astype(object).where(frame.notna(), None)
