"""One schema for both backends: what SQLite accepts, PostgreSQL accepts too (migration 0004)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from sqlalchemy import select

from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.migrate import upgrade
from casereview.store.reviews import get_review
from casereview.store.schema import Code

SMALL = Path(__file__).parent / "data" / "cases_small.csv"


def test_long_reference_study_region_child_and_coder_on_both_backends(
    any_store: Store, tmp_path: Path
) -> None:
    ref, study, region, child, coder = "R" * 300, "S" * 1000, "North " * 100, "C" * 250, "K" * 400
    f = tmp_path / "long.csv"
    with f.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["review_id", "child", "study", "region", "law_type"])
        w.writerow([ref, child, study, region.strip(), "public_s31"])
    import_file(any_store, f, coder=coder)
    with any_store.session() as s:
        review = get_review(s, ref)
        coders = set(s.scalars(select(Code.coder)))
    assert review.studies == [study] and review.region == region.strip()
    assert review.children == [child] and coders == {coder}


def test_upgrade_from_0003_keeps_every_row_and_reference(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    store = Store(f"sqlite:///{db}")
    upgrade(store.engine, "0003")
    import_file(store, SMALL)
    tables = ("reviews", "children", "codes", "review_studies")
    con = sqlite3.connect(db)
    # Later revisions may add columns (0006 adds codes.version); the rows must keep every
    # value of the columns they had.
    columns = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in tables}
    select_old = {t: f"SELECT {', '.join(columns[t])} FROM {t} ORDER BY 1" for t in tables}
    before = [con.execute(select_old[t]).fetchall() for t in tables]
    con.close()
    store.migrate()
    con = sqlite3.connect(db)
    try:
        after = [con.execute(select_old[t]).fetchall() for t in tables]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews'").fetchone()[0]
    finally:
        con.close()
    assert after == before and "VARCHAR" not in sql
    with store.engine.connect() as conn:  # foreign keys are back on for the pool's connections
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_long_review_reference_and_title_from_ingest_on_both_backends(
    any_store: Store, tmp_path: Path
) -> None:
    from casereview.ingest.service import ingest_paths

    name = "Serious case review " + "of a very long title " * 20
    doc = tmp_path / f"{name[:200]}.txt"
    doc.write_text("The mother described domestic abuse by her partner.", encoding="utf-8")
    reference = "LCSPR-" + "9" * 300
    [result] = ingest_paths(any_store, [doc], review=reference)
    assert result.status == "added", result.message
    with any_store.session() as s:
        assert get_review(s, reference).reference == reference
