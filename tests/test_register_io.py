"""The case register with import and export: validation, all-or-nothing, lossless round trips."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select

from casereview.codebook import default_registry
from casereview.errors import CaseReviewError, ImportRejected
from casereview.io.exporter import export_file
from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.frames import case_table
from casereview.store.reviews import get_review, list_reviews
from casereview.store.schema import Child, Code, Review

DATA = Path(__file__).parent / "data"
SMALL = DATA / "cases_small.csv"


def _counts(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Review, Child, Code))  # type: ignore[return-value]


def test_import_counts_and_canonical_values(any_store: Store) -> None:
    report = import_file(any_store, SMALL)
    assert report.codebook == "cafcass-scr@2017"  # detected from the columns
    assert (report.reviews, report.children) == (4, 5)
    frame = case_table(any_store, default_registry().get("cafcass-scr"))
    assert len(frame) == 5
    t3 = frame[frame.review_id == "T-003"].iloc[0]
    # Labels, numeric codes and mixed case are stored as value ids.
    assert t3["law_type"] == "public_s31"  # given as its label
    assert t3["child_gender"] == "male"  # given as "Male"
    assert t3["risk_cpp"] == "yes_currently"  # given as code 3
    assert t3["risk_neglect"] == "low"  # given as code 1
    assert t3["region"] is None and t3["involvement_months"] is None
    # Review-level values repeat on each child row of the review.
    t2 = frame[frame.review_id == "T-002"]
    assert list(t2["child"]) == ["1", "2"] and set(t2["law_type"]) == {"private_wtfh"}
    assert list(t2["child_age"]) == ["6", "4"]


def test_bad_rows_are_all_reported_and_nothing_is_written(any_store: Store, tmp_path: Path) -> None:
    import_file(any_store, SMALL)
    before = _counts(any_store)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "review_id,child,year,law_type,child_gender,child_age\n"
        "N-1,1,2017,public_s31,female,3\n"
        "N-2,1,2017,public_s99,female,3\n"  # unknown law type
        "N-3,1,20x7,private_wtfh,girlish,-2\n"  # bad year, gender, negative age
        ",1,2017,public_s31,male,1\n"  # no review id
    )
    with pytest.raises(ImportRejected) as info:
        import_file(any_store, bad)
    errors = info.value.errors
    where = {(e.row, e.column) for e in errors}
    assert {(3, "law_type"), (4, "year"), (4, "child_gender"), (5, "review_id")} <= where
    law = next(e for e in errors if e.column == "law_type")
    assert "public_s99" in law.reason and "public_s31" in law.reason  # names the allowed values
    assert _counts(any_store) == before  # the good row N-1 was not written either


def test_review_level_values_must_agree(sqlite_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "clash.csv"
    f.write_text("review_id,child,law_type\nR-1,1,public_s31\nR-1,2,private_wtfh\n")
    with pytest.raises(ImportRejected) as info:
        import_file(sqlite_store, f)
    assert info.value.errors[0].row == 3 and info.value.errors[0].column == "law_type"


def test_reimport_is_refused_unless_replace(sqlite_store: Store) -> None:
    import_file(sqlite_store, SMALL)
    with pytest.raises(CaseReviewError, match="already in the register"):
        import_file(sqlite_store, SMALL)
    import_file(sqlite_store, SMALL, replace=True)
    assert _counts(sqlite_store)[:2] == (4, 5)


def test_unknown_columns_and_types_are_refused(sqlite_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "odd.csv"
    f.write_text("review_id,law_type,favourite_colour\nR-1,public_s31,blue\n")
    with pytest.raises(CaseReviewError, match="favourite_colour|no codebook"):
        import_file(sqlite_store, f)
    other = tmp_path / "cases.json"
    other.write_text("{}")
    with pytest.raises(CaseReviewError, match="unsupported file type"):
        import_file(sqlite_store, other)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".sav"])
def test_export_then_import_is_lossless(any_store: Store, tmp_path: Path, suffix: str) -> None:
    cb = default_registry().get("cafcass-scr")
    import_file(any_store, SMALL)
    original = case_table(any_store, cb)
    out = tmp_path / f"export{suffix}"
    export_file(any_store, out, "cafcass-scr")
    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    import_file(fresh, out)
    again = case_table(fresh, cb)
    pd.testing.assert_frame_equal(original, again)


def test_sav_export_carries_labels(sqlite_store: Store, tmp_path: Path) -> None:
    import pyreadstat

    import_file(sqlite_store, SMALL)
    out = tmp_path / "cases.sav"
    export_file(sqlite_store, out, "cafcass-scr")
    frame, meta = pyreadstat.read_sav(str(out))
    labels = dict(zip(meta.column_names, meta.column_labels))
    assert labels["law_type"] == default_registry().get("cafcass-scr").field("law_type").label
    assert meta.variable_value_labels["risk_domestic_abuse"][3.0].lower() == "high"
    assert set(frame["risk_domestic_abuse"].dropna()) == {3.0, 2.0, 1.0}


def test_list_and_show(any_store: Store) -> None:
    import_file(any_store, SMALL)
    with any_store.session() as s:
        total, rows = list_reviews(s, study="study-b")
        detail = get_review(s, "T-004")
    assert total == 2 and [r.reference for r in rows] == ["T-003", "T-004"]
    assert detail.children == ["A"] and detail.studies == ["study-b"]
    assert {c.field_id for c in detail.codes} >= {"law_type", "child_gender", "risk_neglect"}


def test_excel_zip_bomb_guard(sqlite_store: Store, tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", "0" * 50_000_000)
    with pytest.raises(CaseReviewError, match="refused"):
        import_file(sqlite_store, bomb)


def test_a_corrupt_spss_or_excel_upload_is_refused_with_its_reason(sqlite_store: Store, tmp_path: Path) -> None:
    """Binary uploads are parsed in the limited worker: garbage gives a clear refusal."""
    sav = tmp_path / "cases.sav"
    sav.write_bytes(b"$FL2@(#) not really SPSS" + bytes(range(256)) * 40)
    with pytest.raises(CaseReviewError, match="cases.sav"):
        import_file(sqlite_store, sav)
    xlsx = tmp_path / "cases.xlsx"
    xlsx.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(CaseReviewError, match="cases.xlsx"):
        import_file(sqlite_store, xlsx)
    assert _counts(sqlite_store) == (0, 0, 0)
