"""Reading the register back as one wide table: one row per child, one column per field.

This is the shape analysis, export and reports work on. Codes coded under an older
version of the codebook are carried over through the codebook's version mappings.
Rows are fetched through the database driver and pivoted with pandas: building
SQLAlchemy row objects for 600,000 codes costs several times the fetch itself.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any, cast

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals
from sqlalchemy import Connection, select
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from casereview.codebook.model import Codebook
from casereview.io.layout import STRUCTURAL
from casereview.store.database import Store
from casereview.store.schema import Child, Code, Review, Study, review_studies

CODE_COLUMNS = ["id", "review", "child_key", "version", "field", "value"]


def fetch_rows(conn: Connection, stmt: ClauseElement) -> list[tuple[Any, ...]]:
    """All rows of a Core SELECT as plain tuples, straight from the DBAPI cursor."""
    compiled = cast(
        SQLCompiler,
        stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True}),
    )
    params: Any = (
        tuple(compiled.params[k] for k in compiled.positiontup or ())
        if compiled.positional
        else dict(compiled.params)
    )
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def fetch_codes(conn: Connection, stmt: ClauseElement, chunk: int = 100_000) -> pd.DataFrame:
    """The code rows (CODE_COLUMNS) as typed columns, fetched in chunks: integer ids, and
    categoricals for version, field and value (a few hundred distinct strings among millions
    of rows). Never holds more than one chunk of driver tuples."""
    compiled = cast(
        SQLCompiler,
        stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True}),
    )
    params: Any = (
        tuple(compiled.params[k] for k in compiled.positiontup or ())
        if compiled.positional
        else dict(compiled.params)
    )
    parts: list[dict[str, Any]] = []
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        while rows := cursor.fetchmany(chunk):
            part = pd.DataFrame.from_records(rows, columns=CODE_COLUMNS, coerce_float=True)
            del rows
            parts.append(
                {
                    "id": part["id"].to_numpy(np.int64),
                    "review": part["review"].to_numpy(np.int64),
                    "child_key": part["child_key"].to_numpy(float),  # None -> NaN
                    "version": pd.Categorical(part["version"]),
                    "field": pd.Categorical(part["field"]),
                    "value": pd.Categorical(part["value"]),
                }
            )
            del part
    finally:
        cursor.close()
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in CODE_COLUMNS})
    columns: dict[str, Any] = {}
    for col in CODE_COLUMNS:
        pieces = [p.pop(col) for p in parts]
        if isinstance(pieces[0], pd.Categorical):
            columns[col] = union_categoricals(pieces)
        else:
            columns[col] = np.concatenate(pieces)
        del pieces
    return pd.DataFrame(columns)


def _translate(codes: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Carry codes of older versions over to `codebook` through its mappings; drop the rest."""
    for version in codes["version"].unique():
        if version == codebook.version:
            continue
        rows = codes["version"] == version
        mapping = next((m for m in codebook.mappings if m.from_version == version), None)
        if mapping is not None:
            _replace(codes, rows, "field", mapping.fields)
            for field_id, table in mapping.values.items():
                _replace(codes, rows & (codes["field"] == field_id), "value", table)
    known = {f.id for f in codebook.fields}
    return codes[codes["field"].isin(known)]


def _replace(codes: pd.DataFrame, rows: pd.Series, col: str, table: Mapping[str, str]) -> None:
    """Replace values of `col` in `rows` by `table`; a categorical column gains the new values
    as categories first."""
    if not rows.any():
        return
    if isinstance(codes[col].dtype, pd.CategoricalDtype):
        new = set(table.values()) - set(codes[col].cat.categories)
        if new:
            codes[col] = codes[col].cat.add_categories(sorted(new))
    codes.loc[rows, col] = codes.loc[rows, col].astype(object).replace(table)


def _source_names(codebook: Codebook, wanted: Collection[str]) -> set[str]:
    """The field ids under which codes of `wanted` fields may be stored: their own, and the
    old ids that a version mapping renames to them."""
    names = set(wanted)
    for m in codebook.mappings:
        names |= {old for old, new in m.fields.items() if new in wanted}
    return names


def _wide(codes: pd.DataFrame, key: str) -> pd.DataFrame:
    # The newest final code of a field wins (codes are sorted by id).
    latest = codes.drop_duplicates([key, "field"], keep="last")
    return latest.pivot(index=key, columns="field", values="value")


def case_table(
    store: Store,
    codebook: Codebook,
    study: str | None = None,
    *,
    fields: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per child of every review coded against `codebook` (reviews without
    children get one row with an empty child).

    Columns: review_id, child, study, year, region, then the codebook's field ids in
    codebook order (only `fields`, when given: the database then sends only their codes);
    canonical values as text, None where nothing was coded.
    """
    with store.engine.connect() as conn:
        return _case_rows(conn, codebook, study, fields=fields)


def case_table_chunks(
    store: Store, codebook: Codebook, study: str | None = None, *, reviews: int = 2_000
) -> Iterator[pd.DataFrame]:
    """`case_table` in pieces of at most `reviews` reviews, in the same order: what an
    export streams, so that its memory grows with a piece, not with the register."""
    final = (Code.codebook_id == codebook.id, Code.status == "final")
    with store.engine.connect() as conn:
        coded = sorted(r for (r,) in fetch_rows(conn, select(Code.review_id).where(*final).distinct()))
        for i in range(0, len(coded), reviews):
            chunk = _case_rows(conn, codebook, study, review_ids=coded[i : i + reviews])
            if len(chunk):
                yield chunk


def _case_rows(
    conn: Connection,
    codebook: Codebook,
    study: str | None,
    *,
    fields: Collection[str] | None = None,
    review_ids: list[int] | None = None,
) -> pd.DataFrame:
    study_of = (
        select(review_studies.c.review_id, Study.key)
        .join(Study, Study.id == review_studies.c.study_id)
        .subquery()
    )
    base_q = (
        select(
            Review.id, Review.reference, Review.year, Review.region, study_of.c.key,
            Child.id, Child.label,
        )
        .outerjoin(Child, Child.review_id == Review.id)
        .outerjoin(study_of, study_of.c.review_id == Review.id)
        .order_by(Review.id, Child.id)
    )
    if study is not None:
        base_q = base_q.where(study_of.c.key == study)
    final = (Code.codebook_id == codebook.id, Code.status == "final")
    # A consensus code (store/independent.py) is the value analysis uses for its field.
    used = (Code.codebook_id == codebook.id, Code.status.in_(("final", "consensus")))
    codes_q = select(
        Code.id, Code.review_id, Code.child_id, Code.codebook_version, Code.field_id, Code.value
    ).where(*used)
    agreed_q = select(Code.id).where(Code.codebook_id == codebook.id, Code.status == "consensus")
    if review_ids is not None:
        base_q = base_q.where(Review.id.in_(review_ids))
        codes_q = codes_q.where(Code.review_id.in_(review_ids))
    wanted = [f.id for f in codebook.fields if fields is None or f.id in fields]
    if fields is not None:
        codes_q = codes_q.where(Code.field_id.in_(sorted(_source_names(codebook, wanted))))
    base = pd.DataFrame(
        fetch_rows(conn, base_q),
        columns=["rid", "review_id", "year", "region", "study", "cid", "child"],
    )
    codes = fetch_codes(conn, codes_q)
    agreed = {i for (i,) in fetch_rows(conn, agreed_q)}
    # Newest final code wins, and a consensus code wins over every coder's own code.
    codes = codes.assign(agreed=codes["id"].isin(agreed)).sort_values(["agreed", "id"])
    if fields is None:
        coded = set(codes["review"])
    else:  # the reviews coded against the codebook, whichever fields they have
        coded_q = select(Code.review_id).where(*final).distinct()
        if review_ids is not None:
            coded_q = coded_q.where(Code.review_id.in_(review_ids))
        coded = {r for (r,) in fetch_rows(conn, coded_q)}
    columns = [*STRUCTURAL, *wanted]
    base = base[base["rid"].isin(coded)]
    # A review in several studies: keep its first study.
    base = base.drop_duplicates(["rid", "cid"], keep="first")
    codes = _translate(codes, codebook)
    per_review = codes[codes["child_key"].isna()]
    per_child = codes[codes["child_key"].notna()]
    frame = base.merge(_wide(per_review, "review"), left_on="rid", right_index=True, how="left")
    frame = frame.merge(_wide(per_child, "child_key"), left_on="cid", right_index=True, how="left")
    frame = frame.reindex(columns=columns).reset_index(drop=True)
    frame["year"] = frame["year"].astype("Int64")
    frame = frame.astype(object)
    return frame.where(frame.notna(), None)
