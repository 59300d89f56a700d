"""Reading the register for a report, at scale: `case_frame` (what `casereview report` loads:
one row per child, every field typed) beside a bare driver fetch of the same code rows;
then the whole `report` (HTML) with its peak memory. Each figure in a fresh process.

Run: .venv/bin/python benchmarks/load_bench.py [--reviews 10000 50000] [--no-report]
"""

from __future__ import annotations

import argparse
import tempfile

from measure import ratio, run_snippet, synthetic_register

SETUP = """
import sqlite3
from casereview.analysis.frame import case_frame
from casereview.reports.output import write_report
from casereview.reports.study import build_study_report
from casereview.store.database import Store
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviews", type=int, nargs="+", default=[10_000])
    ap.add_argument("--no-report", action="store_true")
    args = ap.parse_args()
    for n in args.reviews:
        db = synthetic_register(n)
        url = f"sqlite:///{db}"
        _, base_m = run_snippet("pass", SETUP)
        load_t, load_m = run_snippet(f'f = case_frame(Store.open("{url}"), "cafcass-scr")', SETUP)
        fetch_t, fetch_m = run_snippet(
            f"""
            rows = sqlite3.connect({str(db)!r}).execute(
                "SELECT id, review_id, child_id, codebook_version, field_id, value FROM codes "
                "WHERE codebook_id = 'cafcass-scr' AND status = 'final'").fetchall()
            """,
            SETUP,
        )
        print(
            f"{n} reviews ({db.stat().st_size / 2**20:.0f} MB register); imports alone {base_m:.0f} MB"
        )
        print(
            f"  load (case_frame)         {load_t:6.2f} s peak {load_m:6.0f} MB | {ratio(load_t, fetch_t)} time of the fetch"
        )
        print(f"  floor: driver fetchall    {fetch_t:6.2f} s peak {fetch_m:6.0f} MB")
        if not args.no_report:
            with tempfile.TemporaryDirectory() as tmp:
                rep_t, rep_m = run_snippet(
                    f'write_report(build_study_report(Store.open("{url}")), __import__("pathlib").Path({tmp!r}) / "r.html")',
                    SETUP,
                )
            print(
                f"  report (HTML, all tables) {rep_t:6.2f} s peak {rep_m:6.0f} MB | load is {load_t / rep_t:4.0%} of it"
            )


if __name__ == "__main__":
    main()
