"""Frequency tables and cross-tabulations on hand-made frames (expected values by hand)."""

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from analysis_frames import cafcass, frame
from casereview.analysis.frequency import crosstab, frequency

# Six reviews; R006 has two children. Law types: 2 s31, 1 public other, 1 WTFH only,
# 1 WTFH & WAFH, 1 coded only as 'Private law' (broad value).
ROWS = [
    {"law_type": "public_s31", "incident_type": "physical_abuse_fatal", "child_gender": "female"},
    {"law_type": "public_s31", "incident_type": "homicide", "child_gender": "male"},
    {"law_type": "public_other", "incident_type": "neglect_fatal", "child_gender": "female"},
    {"law_type": "private_wtfh", "incident_type": "homicide", "child_gender": "female"},
    {"law_type": "private_wtfh_wafh", "incident_type": "sexual_abuse", "child_gender": None},
    {"law_type": "private", "incident_type": "suicide", "child_gender": "male"},
    {
        "review_id": "R006",
        "child": "2",
        "law_type": "private",
        "incident_type": "suicide",
        "child_gender": "female",
    },
]


@pytest.fixture(scope="module")
def cases():
    return frame(ROWS)


def test_law_type_with_subtotals_like_000_table_3(cases) -> None:
    t = frequency(cases, cafcass(), "law_type", hierarchy="subtotals")
    n = t.data["n"]
    # Review-level field: counted per review, so R006's second child does not count twice.
    assert t.unit == "reviews" and t.denominator == 6
    assert n["Private law – WTFH only"] == 1
    assert n["Private law – WTFH & WAFH"] == 1
    assert n["Private law (not specified)"] == 1
    assert n["Total private law"] == 3
    assert n["Public law – s31 only"] == 2 and n["Public law – others"] == 1
    assert n["Total public law"] == 3
    assert n["Public and private"] == 0  # a leaf value with no case is still shown
    assert n["Total"] == 6
    assert t.percent is not None and t.percent.at["Total public law", "n"] == pytest.approx(50.0)
    assert t.groups["Total private law"] == (
        "Private law – WTFH only",
        "Private law – WTFH & WAFH",
        "Private law (not specified)",
    )


def test_child_level_field_counts_children_and_leaves_missing_out(cases) -> None:
    t = frequency(cases, cafcass(), "child_gender")
    assert t.unit == "children"
    assert t.denominator == 7 and t.missing == 1
    assert t.data["n"].to_dict() == {"Female": 4, "Male": 2, "Total": 6}
    assert t.percent.at["Female", "n"] == pytest.approx(400 / 6)
    assert any("1 children without 'Gender of child' recorded" in note for note in t.notes)


def test_missing_shown_as_a_category(cases) -> None:
    t = frequency(cases, cafcass(), "child_gender", missing="show")
    assert t.data["n"].to_dict() == {"Female": 4, "Male": 2, "Not stated": 1, "Total": 7}


def test_crosstab_incident_by_law_group_with_totals(cases) -> None:
    t = crosstab(
        cases,
        cafcass(),
        "incident_type",
        "law_type",
        row_hierarchy="top",
        col_hierarchy="top",
        percent="column",
    )
    d = t.data
    assert list(d.columns) == ["Private law", "Public law", "Public and private", "Total"]
    assert d.at["Death", "Public law"] == 3  # physical abuse (fatal), homicide, neglect (fatal)
    assert d.at["Death", "Private law"] == 1  # homicide
    assert d.at["Serious harm", "Private law"] == 1
    assert d.at["Other incident", "Private law"] == 1  # R006 counted once as a review
    assert d.at["Total", "Total"] == 6
    assert t.percent.at["Death", "Public law"] == pytest.approx(100.0)
    assert t.percent.at["Death", "Private law"] == pytest.approx(100 / 3)


def test_chosen_and_merged_values_like_001_table_8(cases) -> None:
    t = crosstab(
        cases,
        cafcass(),
        "incident_type",
        "law_type",
        row_values={"Death: physical abuse and homicide": ["physical_abuse_fatal", "homicide"]},
        col_hierarchy="top",
    )
    assert t.data.at["Death: physical abuse and homicide", "Total"] == 3
    assert t.extra["excluded"] == 3  # neglect (fatal), sexual abuse, suicide left out


def test_gender_by_study_column_percentages() -> None:
    cases = frame(
        [
            {"study": "a", "child_gender": "female"},
            {"study": "a", "child_gender": "male"},
            {"study": "b", "child_gender": "female"},
            {"study": "b", "child_gender": "female"},
            {"study": "b", "child_gender": "male"},
        ]
    )
    t = crosstab(cases, cafcass(), "child_gender", "study", percent="column")
    assert t.data.loc["Female"].tolist() == [1, 2, 3]
    assert t.percent.loc["Female"].round(1).tolist() == [50.0, 66.7, 60.0]


def test_independence_test_matches_scipy(cases) -> None:
    t = crosstab(
        frame(
            [
                {"child_gender": g, "law_type": l}
                for g, l in [("female", "public_s31")] * 9
                + [("male", "public_s31")] * 3
                + [("female", "private_wtfh")] * 4
                + [("male", "private_wtfh")] * 8
            ]
        ),
        cafcass(),
        "child_gender",
        "law_type",
        test=True,
    )
    expected = chi2_contingency(np.array([[4, 9], [8, 3]]), correction=False)
    assert t.extra["test"].p_value == pytest.approx(expected.pvalue)
    assert t.extra["test"].dof == 1
