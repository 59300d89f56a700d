"""Analysis frames from a case file and from the register agree, typed for analysis."""

from pathlib import Path

import pandas as pd
import pytest

from casereview.analysis.frame import case_frame, read_cases, review_frame, with_groups
from casereview.codebook import default_registry
from casereview.errors import CaseReviewError, ImportRejected
from casereview.io.importer import import_file

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def cb():
    return default_registry().get("cafcass-scr", "2017")


def test_file_frame_is_typed_in_codebook_order(cb) -> None:
    df = read_cases(DATA / "cases_small.csv", cb)
    assert len(df) == 5
    assert list(df["law_type"].cat.categories) == [v.id for v in cb.field("law_type").values]
    # Labels and numeric codes in the file become value ids.
    assert df.loc[3, "law_type"] == "public_s31"  # written "Public law - s31 only"
    assert df.loc[3, "risk_cpp"] == "yes_currently"  # written as code 3
    assert df["child_age"].dtype == float
    assert pd.isna(df.loc[3, "region"]) and df.loc[0, "region"] == "London"
    assert list(df["study"].cat.categories) == ["study-a", "study-b"]


def test_register_frame_matches_file_frame(sqlite_store, cb) -> None:
    import_file(sqlite_store, DATA / "cases_small.csv", "cafcass-scr")
    from_store = (
        case_frame(sqlite_store, "cafcass-scr")
        .sort_values(["review_id", "child"])
        .reset_index(drop=True)
    )
    from_file = (
        read_cases(DATA / "cases_small.csv", cb)
        .sort_values(["review_id", "child"])
        .reset_index(drop=True)
    )
    for col in (
        "review_id",
        "child",
        "law_type",
        "incident_type",
        "child_gender",
        "risk_cpp",
        "toxic_trio_any",
    ):
        assert from_store[col].astype(object).tolist() == from_file[col].astype(object).tolist(), (
            col
        )
    assert from_store["child_age"].tolist() == from_file["child_age"].tolist()
    only_a = case_frame(sqlite_store, "cafcass-scr", study="study-a")
    assert set(only_a["review_id"]) == {"T-001", "T-002"}


def test_review_frame_has_one_row_per_review(cb) -> None:
    df = read_cases(DATA / "cases_small.csv", cb)
    reviews = review_frame(df, cb)
    assert reviews["review_id"].tolist() == ["T-001", "T-002", "T-003", "T-004"]
    assert reviews["n_children"].tolist() == [1, 2, 1, 1]
    assert "child_gender" not in reviews.columns  # a child-level field
    assert "law_type" in reviews.columns


def test_bad_values_are_all_reported(cb, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "review_id,child,law_type,child_age\nX1,1,no_such_law,4\nX2,1,public_s31,40\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as err:
        read_cases(bad, cb)
    rows = {(e.row, e.column) for e in err.value.errors}
    assert rows == {(2, "law_type"), (3, "child_age")}


def test_groups_of_studies(cb) -> None:
    df = read_cases(DATA / "cases_small.csv", cb)
    grouped = with_groups(df, "study", {"Both": ["study-a", "study-b"]}, "sample")
    assert grouped["sample"].astype(object).tolist() == ["Both"] * 5
    with pytest.raises(CaseReviewError):
        with_groups(df, "study", {"A": ["study-a"], "B": ["study-a"]}, "sample")
