"""CSV and Excel exports stream the register in pieces: the whole case table is never built,
and the file is the same as one written from the whole table."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pytest

from casereview.codebook import default_registry
from casereview.io import exporter
from casereview.io.exporter import export_file
from casereview.io.formula import neutralise_frame
from casereview.io.importer import import_file
from casereview.store import frames
from casereview.store.database import Store

PACKAGE_DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"


@pytest.fixture
def streamed(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    import_file(sqlite_store, PACKAGE_DATA / "cafcass-2009-2016.csv", codebook="cafcass-scr")
    codebook = default_registry().get("cafcass-scr")
    # What the export writes: the case table with every derived variable and score added.
    whole = exporter.with_derived(frames.case_table(sqlite_store, codebook), codebook)
    monkeypatch.setattr(exporter, "_whole", whole, raising=False)

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the whole case table was built for a streaming export")

    monkeypatch.setattr(exporter, "case_table", refuse)
    small = functools.partial(frames.case_table_chunks, reviews=9)  # many pieces
    monkeypatch.setattr(exporter, "case_table_chunks", small)
    return sqlite_store


def test_csv_export_streams_and_equals_the_whole_table(streamed: Store, tmp_path: Path) -> None:
    out = tmp_path / "cases.csv"
    report = export_file(streamed, out, "cafcass-scr")
    whole = exporter._whole  # type: ignore[attr-defined]
    reference = tmp_path / "reference.csv"
    neutralise_frame(whole).to_csv(reference, index=False)
    assert out.read_bytes() == reference.read_bytes()
    assert report.rows == len(whole) > 100


def test_xlsx_export_streams_and_reads_back_as_the_whole_table(
    streamed: Store, tmp_path: Path
) -> None:
    out = tmp_path / "cases.xlsx"
    report = export_file(streamed, out, "cafcass-scr")
    whole = exporter._whole  # type: ignore[attr-defined]
    back = pd.read_excel(out, sheet_name="cases", engine="calamine", dtype=object)
    assert report.rows == len(back) == len(whole)
    assert list(back.columns) == list(whole.columns)
    expected = whole.astype(object).where(whole.notna(), None)
    got = back.astype(object).where(back.notna(), None)
    def text(v: object) -> str | None:
        # Excel keeps numbers, not their spelling: a score of 7.0 reads back as 7.
        if v is None:
            return None
        return repr(float(v)) if isinstance(v, int | float) else str(v)

    for col in whole.columns:
        assert [text(v) for v in got[col]] == [text(v) for v in expected[col]], col
    variables = pd.read_excel(out, sheet_name="variables", engine="calamine")
    codebook = default_registry().get("cafcass-scr")
    assert list(variables["variable"]) == [f.id for f in codebook.fields] + [
        r.id for r in codebook.scores
    ]
