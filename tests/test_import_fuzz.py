"""Short, fixed-seed fuzzing of the CSV, Excel and SPSS readers: every mutant is read or refused
with one line naming the file; none gives a traceback, kills the parser or hangs.
benchmarks/fuzz_tables.py runs the same mutations by the thousand."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz_outcome import fuzz_outcomes
from table_fuzz import SEEDS, classify, mutants

PER_FORMAT = 60


@pytest.mark.parametrize("kind", ["csv", "xlsx", "sav"])
def test_mutated_case_tables_are_read_or_refused_cleanly(kind: str, tmp_path: Path) -> None:
    outcomes = fuzz_outcomes(SEEDS, classify, mutants, kind, PER_FORMAT, 2026, tmp_path)
    bad = {n: o for n, o in outcomes.items() if o.status not in ("read", "refused")}
    assert bad == {}
    statuses = {o.status for o in outcomes.values()}
    assert statuses == {"read", "refused"}  # the mutations both spare and break tables


def test_seed_tables_are_read_whole() -> None:
    for kind, path in SEEDS.items():
        outcome = classify(path)
        assert (outcome.status, outcome.detail) == ("read", "5 rows, 0 bad values"), kind
