"""`casereview stats FIELD` and cold starts of the CLI, beside their floors.

1. Cold start, whole command, best of 3: `--help`, `cases list`, `codebook list`,
   `stats law_type` on a register of --reviews synthetic reviews; floor `python -c pass`.
2. `stats` on one field (field_frequency) in a fresh process: time and peak RSS; floors a
   raw `SELECT value, count(*) ... GROUP BY value` of that field through the driver, and the
   old path (the whole register loaded by case_frame, then frequency()).

Run: .venv/bin/python benchmarks/stats_bench.py [--reviews 10000] [--field law_type]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from measure import ratio, run_command, run_snippet, synthetic_register


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviews", type=int, default=10_000)
    ap.add_argument("--field", default="law_type")
    args = ap.parse_args()
    db = synthetic_register(args.reviews)
    url = f"sqlite:///{db}"
    env = {"CASEREVIEW_DATABASE_URL": url, "COLUMNS": "120"}
    exe = str(Path(sys.executable).with_name("casereview"))
    floor = run_command([sys.executable, "-c", "pass"])
    print(f"register: {args.reviews} synthetic reviews ({db.stat().st_size / 2**20:.0f} MB)")
    print(f"cold start floor: python -c pass {floor:5.2f} s")
    for cmd in (["--help"], ["codebook", "list"], ["cases", "list"], ["stats", args.field]):
        took = run_command([exe, *cmd], env=env)
        print(f"  casereview {' '.join(cmd):22} {took:5.2f} s  {ratio(took, floor)} the floor")

    setup = """
        from casereview.analysis.frame import case_frame
        from casereview.analysis.frequency import frequency
        from casereview.analysis.headline import field_frequency
        from casereview.codebook import default_registry
        from casereview.store.database import Store
    """
    stats = f"""
        t = field_frequency(Store.open({url!r}), {args.field!r}, "cafcass-scr")
    """
    old = f"""
        cb = default_registry().get("cafcass-scr")
        t = frequency(case_frame(Store.open({url!r}), "cafcass-scr"), cb, {args.field!r})
    """
    group_by = f"""
        con = sqlite3.connect({str(db)!r})
        rows = con.execute(
            "SELECT value, count(*) FROM codes WHERE codebook_id = 'cafcass-scr' "
            "AND field_id = ? AND status = 'final' GROUP BY value", ({args.field!r},)
        ).fetchall()
    """
    s_t, s_m = run_snippet(stats, setup)
    o_t, o_m = run_snippet(old, setup)
    g_t, g_m = run_snippet(group_by, "import sqlite3")
    print(f"stats {args.field} (codebooks and opening the register timed; imports not):")
    print(
        f"  one field from the database  {s_t:6.2f} s {s_m:7.0f} MB | {ratio(s_t, g_t)} time of the GROUP BY floor"
    )
    print(f"  whole register (old path)    {o_t:6.2f} s {o_m:7.0f} MB | {ratio(o_t, g_t)}")
    print(f"  floor: raw GROUP BY          {g_t:6.2f} s {g_m:7.0f} MB")


if __name__ == "__main__":
    main()
