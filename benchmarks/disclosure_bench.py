"""Disclosure control on the bundled sample: for each threshold, how many of the report's
tables and figures survive protection, how many hidden cells the audit recovers, and how
long protection and audit take, beside the floor of building the same report unprotected.

    .venv/bin/python benchmarks/disclosure_bench.py [--thresholds 4 6 10]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from casereview.analysis.frame import read_cases
from casereview.codebook import default_registry
from casereview.reports.audit import check_disclosure
from casereview.reports.context import ReportData
from casereview.reports.protection import report_rule
from casereview.reports.study import report_from_data, with_protection

SAMPLE = Path(__file__).parents[1] / "src" / "casereview" / "data" / "cafcass-2009-2016.csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", type=int, nargs="*", default=[4, 6, 10])
    args = parser.parse_args()
    reg = default_registry()
    cb = reg.get("cafcass-scr")
    cases = read_cases(SAMPLE, cb)
    started = time.perf_counter()
    plain = report_from_data(ReportData(cb, cases, None, reg))
    floor = time.perf_counter() - started
    total = len(plain.exhibits())
    print(f"unprotected report: {total} tables and figures, built in {floor:.2f} s (floor)")
    for below in args.thresholds:
        rule = report_rule(below)
        assert rule is not None
        started = time.perf_counter()
        data = with_protection(ReportData(cb, cases, None, reg), below)
        report = report_from_data(data, suppress_below=below)
        built = time.perf_counter() - started
        started = time.perf_counter()
        result = check_disclosure(report, rule)
        checked = time.perf_counter() - started
        kept = len(report.exhibits())
        print(
            f"--suppress-below {below}: {kept} of {total} kept; audit: {len(result.exposures)} "
            f"of {result.hidden} hidden cells recovered; protect+build {built:.2f} s "
            f"({built / floor:.1f}x floor), audit {checked:.2f} s ({checked / floor:.1f}x floor)"
        )


if __name__ == "__main__":
    main()
