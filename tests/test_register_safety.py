"""Crash safety and schema integrity of the register.

SQLite's own crash-test idea: kill the importer with SIGKILL in the middle of writing,
then the file must pass `PRAGMA integrity_check` and hold all of the import or none of it.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import casereview.store.tables  # noqa: F401
from casereview.store.database import Store
from casereview.store.migrate import include_object
from casereview.store.schema import Base

IMPORTER = textwrap.dedent(
    """
    import sys, time
    import casereview.store.cases as cases
    from casereview.io import importer
    from casereview.store.database import Store

    original = cases.write_batch
    def announced(*args, **kwargs):
        print("writing", flush=True)
        return original(*args, **kwargs)
    importer.write_batch = announced
    importer.import_file(Store.open(sys.argv[1]), sys.argv[2])
    print("done", flush=True)
    """
)


def _big_table(path: Path, reviews: int) -> None:
    risks = ["high", "medium", "low", "none"]
    lines = ["review_id,child,study,year,law_type,child_gender,risk_domestic_abuse,risk_neglect,risk_physical_abuse"]
    for i in range(reviews):
        for child in (1, 2):
            lines.append(
                f"K-{i:05d},{child},bulk,2016,public_s31,{'male' if child == 1 else 'female'},"
                f"{risks[i % 4]},{risks[(i + 1) % 4]},{risks[(i + 2) % 4]}"
            )
    path.write_text("\n".join(lines) + "\n")


def test_sigkill_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    url = f"sqlite:///{db}"
    Store.open(url).close()
    table = tmp_path / "big.csv"
    _big_table(table, 20_000)
    script = tmp_path / "run_import.py"
    script.write_text(IMPORTER)
    proc = subprocess.Popen(
        [sys.executable, str(script), url, str(table)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.3)  # well inside the write phase of 40,000 children
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reviews = con.execute("SELECT count(*) FROM reviews").fetchone()[0]
        children = con.execute("SELECT count(*) FROM children").fetchone()[0]
        codes = con.execute("SELECT count(*) FROM codes").fetchone()[0]
    finally:
        con.close()
    assert (reviews, children, codes) in {(0, 0, 0), (20_000, 40_000, 40_000 * 5)}


def test_migrations_match_the_models(any_store: Store) -> None:
    with any_store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
