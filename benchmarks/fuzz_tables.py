"""Fuzzing the CSV, Excel and SPSS readers with mutated case tables.

For each format, mutants of tests/data/cases_small.* (tests/table_fuzz.py: bytes flipped,
cut, inserted, deleted; CSV quotes, separators, line breaks, NUL bytes, bad UTF-8 and whole
lines repeated or dropped; Excel zip entries damaged, dropped, renamed, duplicated or given
lying sizes; SPSS header counts overwritten) are read as `casereview import` reads them (the
binary formats in the limited worker) and checked against the codebook. Prints per format:
files tried, read, refused with one clear line naming the file, tracebacks, contained
crashes, hangs, and the time taken; then every traceback, crash and hang with its mutant
number (the same seed and number give the same file again: --keep writes them out).

Run: .venv/bin/python benchmarks/fuzz_tables.py [--count 1000] [--seed 12] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from table_fuzz import SEEDS, classify, mutants

BAD = ("traceback", "crash", "hang")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000, help="mutants per format")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--formats", default="csv,xlsx,sav")
    ap.add_argument("--keep", type=Path, help="write the mutants that failed here")
    args = ap.parse_args()
    failures: list[tuple[str, int, str, str]] = []
    print(
        f"{'format':6} {'tried':>6} {'read':>6} {'refused':>8} {'traceback':>9} {'crash':>6} {'hang':>5} {'seconds':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.formats.split(","):
            counts: Counter[str] = Counter()
            t0 = time.perf_counter()
            for n, data in mutants(kind, args.count, args.seed):
                path = Path(tmp) / f"mutant_{n:05d}{SEEDS[kind].suffix}"
                path.write_bytes(data)
                outcome = classify(path)
                counts[outcome.status] += 1
                if outcome.status in BAD:
                    failures.append((kind, n, outcome.status, outcome.detail))
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (args.keep / f"{kind}_{n:05d}{path.suffix}").write_bytes(data)
                path.unlink()
            seconds = time.perf_counter() - t0
            print(
                f"{kind:6} {sum(counts.values()):>6} {counts['read']:>6} {counts['refused']:>8} "
                f"{counts['traceback']:>9} {counts['crash']:>6} {counts['hang']:>5} {seconds:>8.1f}",
                flush=True,
            )
    for kind, n, status, detail in failures:
        print(f"{kind} mutant {n} (seed {args.seed}): {status}: {detail[:300]}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
