"""Banded ages, durations and parents' ages (000 Tables 2 and 4, 001 Tables 4 and 13)."""

import pandas as pd
import pytest

from analysis_frames import cafcass, frame
from casereview.analysis.bands import (
    CHILD_AGE_000,
    DURATION_000,
    PARENT_AGE_001,
    band_table,
    numeric_summary,
)


def test_child_age_band_edges() -> None:
    ages = pd.Series([0.08, 0.99, 1, 5.9, 6, 10, 11, 15, 16, 17, None])
    got = CHILD_AGE_000.cut(ages).astype(object).tolist()
    assert got[:10] == [
        "Under 1",
        "Under 1",
        "1 to 5",
        "1 to 5",
        "6 to 10",
        "6 to 10",
        "11 to 15",
        "11 to 15",
        "16 to 17",
        "16 to 17",
    ]
    assert pd.isna(got[10])


def test_duration_bands_are_closed_on_the_right() -> None:
    got = DURATION_000.cut(pd.Series([2, 12, 13, 24, 60, 69])).astype(object).tolist()
    assert got == ["0 to 12", "0 to 12", "13 to 24", "13 to 24", "49 to 60", "60 to 72"]


def test_parents_ages_side_by_side_with_unknown_like_001_table_13() -> None:
    cases = frame(
        [
            {"mother_age_first_birth": 17, "father_age_first_birth": 19},
            {"mother_age_first_birth": 20, "father_age_first_birth": 31},
            {"mother_age_first_birth": 25, "father_age_first_birth": None},
            {"mother_age_first_birth": 30, "father_age_first_birth": 30},
        ]
    )
    t = band_table(
        cases, cafcass(), ["mother_age_first_birth", "father_age_first_birth"], PARENT_AGE_001
    )
    mothers = t.data.iloc[:, 0].to_dict()
    fathers = t.data.iloc[:, 1].to_dict()
    assert mothers == {
        "Under 21": 2,
        "21-25": 1,
        "26-30": 1,
        "Over 30": 0,
        "Unknown": 0,
        "Total": 4,
    }
    assert fathers == {
        "Under 21": 1,
        "21-25": 0,
        "26-30": 1,
        "Over 30": 1,
        "Unknown": 1,
        "Total": 4,
    }
    assert t.percent.iloc[0, 0] == 50.0
    assert t.col_total is None  # mothers and fathers are not added together


def test_child_age_by_study_like_000_table_4() -> None:
    cases = frame(
        [{"study": "2012", "child_age": a} for a in (0.5, 3, 4)]
        + [{"study": "2014", "child_age": a} for a in (16, 12)]
    )
    t = band_table(cases, cafcass(), "child_age", CHILD_AGE_000, by="study")
    assert t.data["2012"].tolist() == [1, 2, 0, 0, 0, 3]
    assert t.data["2014"].tolist() == [0, 0, 0, 1, 1, 2]
    assert t.percent.at["1 to 5", "2012"] == pytest.approx(200 / 3)


def test_mothers_aged_20_or_under_like_000_chart_1() -> None:
    cases = frame([{"mother_age_first_birth": a} for a in (18, 20, 21, 29)])
    t = numeric_summary(cases, cafcass(), "mother_age_first_birth", at_most=20)
    assert t.data.at["All", "Mean"] == 22.0
    assert t.data.at["All", "% at most 20"] == 50.0
