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

from fuzz_run import run  # also puts tests/ on the import path

from table_fuzz import SEEDS, classify, mutants

if __name__ == "__main__":
    raise SystemExit(run(SEEDS, classify, mutants, "csv,xlsx,sav"))
