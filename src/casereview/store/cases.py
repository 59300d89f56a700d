"""Writing and reading coded cases: bulk writes with SQLAlchemy Core, reads as plain rows.

Bulk paths use Core executemany (ENGINEERING.md: the ORM is 20x slower for 600k codes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from casereview.domain.cases import CaseBatch
from casereview.errors import CaseReviewError
from casereview.store.schema import Child, Code, Review, Study, review_studies, utcnow

# Core tables (not the ORM classes): ORM bulk inserts fall back to one statement per row.
REVIEWS: Table = Review.__table__  # type: ignore[assignment]
CHILDREN: Table = Child.__table__  # type: ignore[assignment]
CODES: Table = Code.__table__  # type: ignore[assignment]

CHUNK = 5_000


def existing_references(session: Session, references: Iterable[str]) -> set[str]:
    refs = list(references)
    found: set[str] = set()
    for i in range(0, len(refs), CHUNK):
        chunk = refs[i : i + CHUNK]
        found.update(session.scalars(select(Review.reference).where(Review.reference.in_(chunk))))
    return found


def clash_message(clash: set[str]) -> str:
    shown = ", ".join(sorted(clash)[:10])
    return (
        f"{len(clash)} review(s) already in the register ({shown}); "
        "import with --replace to overwrite them"
    )


def _study_ids(session: Session, keys: set[str]) -> dict[str, int]:
    ids = {key: sid for key, sid in session.execute(select(Study.key, Study.id).where(Study.key.in_(keys)))}
    for key in sorted(keys - ids.keys()):
        ids[key] = session.execute(insert(Study).values(key=key).returning(Study.id)).scalar_one()
    return ids


def _ids_by_reference(session: Session, refs: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(refs), CHUNK):
        rows = session.execute(
            select(Review.reference, Review.id).where(Review.reference.in_(refs[i : i + CHUNK]))
        )
        out.update((ref, rid) for ref, rid in rows)
    return out


def write_batch(
    session: Session,
    batch: CaseBatch,
    *,
    coder: str,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write every review of the batch inside the caller's transaction."""
    refs = [r.reference for r in batch.reviews]
    clash = existing_references(session, refs)
    if clash and not replace:
        raise CaseReviewError(clash_message(clash))
    if clash:
        session.execute(delete(Review).where(Review.reference.in_(sorted(clash))))
    now = utcnow()
    session.execute(
        insert(REVIEWS),
        [{"reference": r.reference, "year": r.year, "region": r.region, "created_at": now} for r in batch.reviews],
    )
    review_ids = _ids_by_reference(session, refs)
    studies = _study_ids(session, {r.study for r in batch.reviews if r.study})
    links = [
        {"review_id": review_ids[r.reference], "study_id": studies[r.study]}
        for r in batch.reviews
        if r.study
    ]
    if links:
        session.execute(insert(review_studies), links)
    children = [
        {"review_id": review_ids[r.reference], "label": c.label}
        for r in batch.reviews
        for c in r.children
    ]
    if children:
        session.execute(insert(CHILDREN), children)
    child_ids = _child_ids(session, list(review_ids.values()))
    common = (batch.codebook_id, batch.codebook_version, coder, now, "final")
    rows: list[tuple[object, ...]] = []
    for r in batch.reviews:
        rid = review_ids[r.reference]
        rows.extend((rid, None, f, v) for f, v in r.codes.items())
        for c in r.children:
            cid = child_ids[(rid, c.label)]
            rows.extend((rid, cid, f, v) for f, v in c.codes.items())
        if len(rows) >= CODE_CHUNK:
            insert_codes(session, rows, common)
            rows = []
        if progress is not None:
            progress(max(len(r.children), 1))
    if rows:
        insert_codes(session, rows, common)


# (review_id, child_id, field_id, value) per code, then what every code of a batch shares.
CODE_COLUMNS = ("review_id", "child_id", "field_id", "value")
COMMON_COLUMNS = ("codebook_id", "codebook_version", "coder", "coded_at", "status")
CODE_CHUNK = 50_000


def insert_codes(
    session: Session,
    rows: list[tuple[object, ...]],
    common: tuple[str, str, str, dt.datetime, str],
) -> None:
    """Write code rows (CODE_COLUMNS) sharing `common` (COMMON_COLUMNS) in the session's
    transaction, through the driver: COPY on PostgreSQL, one executemany on SQLite.
    SQLAlchemy's per-row parameter processing cost 2-4 times the write itself; the values
    here are canonical text and ids already, and the one timestamp is converted once."""
    conn = session.connection()
    dbapi = conn.connection.driver_connection
    columns = ", ".join(CODE_COLUMNS + COMMON_COLUMNS)
    process = CODES.c.coded_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    if process is not None:
        common = (*common[:3], process(common[3]), common[4])
    if conn.dialect.name == "postgresql":
        with dbapi.cursor() as cur, cur.copy(f"COPY codes ({columns}) FROM STDIN") as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row + common)
    else:
        marks = ", ".join("?" * (len(CODE_COLUMNS) + len(COMMON_COLUMNS)))
        cur = dbapi.cursor()  # type: ignore[union-attr]
        try:
            cur.executemany(
                f"INSERT INTO codes ({columns}) VALUES ({marks})", (r + common for r in rows)
            )
        finally:
            cur.close()


def _child_ids(session: Session, review_ids: list[int]) -> dict[tuple[int, str], int]:
    out: dict[tuple[int, str], int] = {}
    for i in range(0, len(review_ids), CHUNK):
        rows = session.execute(
            select(Child.review_id, Child.label, Child.id).where(
                Child.review_id.in_(review_ids[i : i + CHUNK])
            )
        )
        out.update(((rid, label), cid) for rid, label, cid in rows)
    return out


def count_reviews(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Review)) or 0
