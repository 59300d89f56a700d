"""Fuzzing the PDF, DOCX and HTML readers with mutated documents.

For each format, mutants of the test documents (tests/document_fuzz.py: bytes flipped, cut,
inserted, deleted, deep nesting; DOCX zip entries damaged, dropped, renamed, duplicated, or
given lying sizes) are read as `casereview ingest` reads them, in the limited worker. Prints
per format: files tried, read, refused with one clear line, tracebacks, contained crashes,
hangs, and the time taken; then every traceback, crash and hang with its mutant number (the
same seed and number give the same file again: --keep writes them out).

Run: .venv/bin/python benchmarks/fuzz_documents.py [--count 1000] [--seed 12] [--keep DIR]
"""

from __future__ import annotations

from fuzz_run import run  # also puts tests/ on the import path

from document_fuzz import SEEDS, classify, mutants

if __name__ == "__main__":
    raise SystemExit(run(SEEDS, classify, mutants, "pdf,docx,html"))
