"""How long the analysis of a large cohort takes: every standard table of a study report
over 10,000 synthetic reviews, with peak memory, beside a floor measured in the same run;
then the HTML study report over the same cohort (built, then rendered with its charts).

The floor is a bare pandas `groupby(col, observed=False).size()` over the same frame for
each column the tables use: the least work any table set over those columns must do. The
ratio (tables / floor) says how much the real tables cost beyond counting.

    python benchmarks/report_bench.py [--reviews 10000] [--repeat 3] [--sqlite]

`--sqlite` also imports the cohort into a SQLite register and times reading it back
(`case_frame`). Target: all tables in under 5 s on one core.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _best(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _peak(fn) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reviews", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sqlite", action="store_true", help="also time the register round trip")
    ap.add_argument(
        "--disclosure",
        type=int,
        metavar="N",
        help="only time disclosure control (--suppress-below N) of the report on the bundled sample",
    )
    args = ap.parse_args()
    if args.disclosure:
        disclosure(args.disclosure)
        return

    import scipy.optimize
    import scipy.stats  # noqa: F401
    import statsmodels.stats.proportion  # noqa: F401

    from casereview.analysis import stats  # noqa: F401  (warm the lazy SciPy imports outside the timing)
    from casereview.analysis.catalogue import standard_tables
    from casereview.analysis.frame import prepare, review_frame
    from casereview.analysis.suppress import suppress
    from casereview.analysis.synthetic import synthetic_cases
    from casereview.codebook import default_registry

    cb = default_registry().get("cafcass-scr")
    t0 = time.perf_counter()
    raw = synthetic_cases(cb, args.reviews, seed=1)
    gen = time.perf_counter() - t0
    t_prep, cases = _best(lambda: prepare(raw, cb), args.repeat)
    reviews = review_frame(cases, cb)
    print(
        f"cohort: {args.reviews} reviews, {len(cases)} children, {len(cb.fields)} fields "
        f"(generated in {gen:.2f} s; typed + derived + scored in {t_prep:.3f} s)"
    )

    t_tables, tables = _best(lambda: standard_tables(cases, cb), args.repeat)
    mem_tables = _peak(lambda: standard_tables(cases, cb))
    cells = sum(t.data.size for t in tables)

    columns = [c for c in cases.columns if c != "review_id" and cases[c].dtype.name == "category"]

    def floor() -> int:
        n = 0
        for c in columns:
            n += int(cases.groupby(c, observed=False).size().sum())
            n += int(reviews.groupby(c, observed=False).size().sum()) if c in reviews else 0
        return n

    t_floor, _ = _best(floor, args.repeat)
    mem_floor = _peak(floor)
    print(
        f"all tables: {len(tables)} tables, {cells} cells: {t_tables:.3f} s, peak {mem_tables:.1f} MiB"
    )
    print(
        f"floor (bare groupby().size() over {len(columns)} columns, child and review frames): "
        f"{t_floor:.3f} s, peak {mem_floor:.1f} MiB"
    )
    print(f"ratio tables / floor: {t_tables / t_floor:.1f}x")
    counted = [t for t in tables if t.kind not in ("comparison", "listing", "summary")]
    t_sup, _ = _best(lambda: [suppress(t, "lt5") for t in counted], 1)
    print(f"suppression (lt5, {len(counted)} count tables): {t_sup:.3f} s")
    print(f"target: all tables < 5 s on one core: {'met' if t_tables < 5 else 'NOT met'}")

    # The HTML study report over the same cohort: building it (every table of the layout and
    # the sentences written from them) and rendering it (charts drawn, template filled).
    from casereview.reports.context import ReportData
    from casereview.reports.html import render_html
    from casereview.reports.study import report_from_data

    registry = default_registry()

    def build():  # type: ignore[no-untyped-def]
        return report_from_data(ReportData(cb, cases, None, registry))

    t_build, report = _best(build, args.repeat)
    t_html, html = _best(lambda: render_html(report), args.repeat)
    mem_html = _peak(lambda: render_html(report))
    print(
        f"HTML report: {len(report.exhibits('table'))} tables and {len(report.exhibits('figure'))} "
        f"figures built in {t_build:.3f} s; rendered in {t_html:.3f} s "
        f"({len(html) / 2**20:.1f} MiB of HTML), peak {mem_html:.1f} MiB"
    )

    if args.sqlite:
        from casereview.analysis.frame import case_frame
        from casereview.io.importer import import_file
        from casereview.store.database import Store

        with tempfile.TemporaryDirectory() as tmp:
            csv = Path(tmp) / "cases.csv"
            raw.to_csv(csv, index=False)
            store = Store.open(f"sqlite:///{Path(tmp) / 'register.db'}")
            t0 = time.perf_counter()
            import_file(store, csv, "cafcass-scr")
            t_import = time.perf_counter() - t0
            t_read, back = _best(lambda: case_frame(store, "cafcass-scr"), args.repeat)
            store.close()
        print(
            f"SQLite: import {t_import:.2f} s; case_frame read back {t_read:.3f} s ({len(back)} rows)"
        )


def disclosure(below: int) -> None:
    """The standard report on the bundled sample: built plainly (the floor), then protected
    as one publication and attacked by its own audit, at `--suppress-below below`."""
    from casereview.analysis.frame import read_cases
    from casereview.codebook import default_registry
    from casereview.reports.audit import check_disclosure
    from casereview.reports.context import ReportData
    from casereview.reports.protection import report_rule
    from casereview.reports.study import report_from_data, with_protection

    registry = default_registry()
    cb = registry.get("cafcass-scr")
    sample = Path(__file__).parents[1] / "src" / "casereview" / "data" / "cafcass-2009-2016.csv"
    cases = read_cases(sample, cb)
    data = ReportData(cb, cases, None, registry)
    t_floor, plain = _best(lambda: report_from_data(data, compare="all"), 1)
    rule = report_rule(below)
    t0 = time.perf_counter()
    report = report_from_data(with_protection(data, below), compare="all", suppress_below=below)
    t_protect = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = check_disclosure(report, rule)  # type: ignore[arg-type]
    t_audit = time.perf_counter() - t0
    print(
        f"bundled sample, --suppress-below {below}: plain report {t_floor:.2f} s "
        f"({len(plain.exhibits())} exhibits, the floor); protected {t_protect:.2f} s "
        f"({len(report.exhibits())} exhibits kept); audit {t_audit:.2f} s "
        f"({result.hidden} hidden small counts, {len(result.exposures)} exposed); "
        f"ratio (protected + audit) / floor: {(t_protect + t_audit) / t_floor:.1f}x; "
        f"target protection + audit < 10 s: {'met' if t_protect + t_audit < 10 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
