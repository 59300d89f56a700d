"""Short, fixed-seed fuzzing of the PDF, DOCX and HTML readers: every mutant is read or refused
with one line naming the file; none gives a traceback, kills the parser or hangs.
benchmarks/fuzz_documents.py runs the same mutations by the thousand."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from document_fuzz import SEEDS, classify, mutants
from fuzz_outcome import fuzz_outcomes

PER_FORMAT = 60


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_mutated_documents_are_read_or_refused_cleanly(kind: str, tmp_path: Path) -> None:
    outcomes = fuzz_outcomes(SEEDS, classify, mutants, kind, PER_FORMAT, 2026, tmp_path)
    bad = {n: o for n, o in outcomes.items() if o.status not in ("read", "refused")}
    assert bad == {}
    statuses = {o.status for o in outcomes.values()}
    assert statuses == {"read", "refused"}  # the mutations both spare and break documents


@pytest.mark.parametrize(
    ("kind", "seed", "number", "expected"),
    [
        # a page object PDFium cannot load (was: PdfiumError escaping the reader)
        ("pdf", 3, 50, "corrupt PDF: page 1 of 4 cannot be read"),
        # a zip claiming a version Python cannot read (was: NotImplementedError)
        ("docx", 12, 4, "corrupt DOCX: not a zip archive (zip file version 20.7)"),
        # a parser message over two lines (was: the line break kept)
        (
            "docx",
            12,
            920,
            "corrupt DOCX: XMLSyntaxError: Invalid character: Char 0x0 out of allowed range , line 2, column 602 (<string>, line 2)",
        ),
        # thousands of nested elements (was: a message without the file name)
        ("html", 12, 122, "refused: the document is nested too deeply to read"),
    ],
)
def test_mutants_that_once_escaped_are_refused_by_name(
    kind: str, seed: int, number: int, expected: str, tmp_path: Path
) -> None:
    [(_, data)] = islice(mutants(kind, number + 1, seed), number, None)
    path = tmp_path / f"found{SEEDS[kind].suffix}"
    path.write_bytes(data)
    outcome = classify(path)
    assert (outcome.status, outcome.detail) == ("refused", f"{path.name}: {expected}")
