"""Row and column order as the documents print them, and parents' ages over the studies
that recorded them (hand-made frames; expected values by hand)."""

import pytest

from analysis_frames import cafcass, frame
from casereview.analysis.bands import PARENT_AGE_001, band_table, parent_age_table
from casereview.analysis.frame import studies_recording
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.risk import level_by_group
from casereview.analysis.scores import score_range, score_summary
from casereview.errors import CaseReviewError

PUBLIC_FIRST = ("public_s31", "public_other", "private_wtfh", "private_wtfh_wafh")
ROWS = [
    {"law_type": "private_wtfh", "incident_type": "homicide", "risk_neglect": "high"},
    {"law_type": "private_wtfh_wafh", "incident_type": "suicide", "risk_neglect": "low"},
    {"law_type": "public_s31", "incident_type": "homicide", "risk_neglect": "high"},
    {"law_type": "public_other", "incident_type": "neglect_fatal"},
    {"law_type": "public_and_private", "incident_type": "suicide", "risk_neglect": "medium"},
]


@pytest.fixture(scope="module")
def cases():
    return frame(ROWS)


def test_codebook_order_without_order(cases) -> None:
    # The codebook lists private law first (as 000 Table 3 does).
    t = frequency(cases, cafcass(), "law_type", hierarchy="subtotals")
    assert list(t.data.index)[:3] == [
        "Private law – WTFH only",
        "Private law – WTFH & WAFH",
        "Total private law",
    ]


def test_order_keeps_groups_and_subtotals_together(cases) -> None:
    # 001 Table 5 / 000 Table 6: public law first, each group followed by its total.
    t = frequency(cases, cafcass(), "law_type", hierarchy="subtotals", order=PUBLIC_FIRST)
    assert list(t.data.index) == [
        "Public law – s31 only",
        "Public law – others",
        "Total public law",
        "Private law – WTFH only",
        "Private law – WTFH & WAFH",
        "Total private law",
        "Public and private",  # not listed: after the listed ones
        "Total",
    ]
    assert t.data["n"].tolist() == [1, 1, 2, 1, 1, 2, 1, 5]
    assert t.groups["Total public law"] == ("Public law – s31 only", "Public law – others")


def test_order_within_a_group(cases) -> None:
    # 000 Table 3 lists 'WTFH & WAFH' before 'WTFH only'.
    t = frequency(cases, cafcass(), "law_type", hierarchy="subtotals", order=["private_wtfh_wafh"])
    assert list(t.data.index)[:3] == [
        "Private law – WTFH & WAFH",
        "Private law – WTFH only",
        "Total private law",
    ]


def test_column_order_of_top_groups(cases) -> None:
    t = crosstab(
        cases, cafcass(), "incident_type", "law_type", col_hierarchy="top", col_order=PUBLIC_FIRST
    )
    assert list(t.data.columns) == ["Public law", "Private law", "Public and private", "Total"]
    assert t.data.loc["Homicide"].tolist() == [1, 1, 0, 2]
    t = level_by_group(cases, cafcass(), "risk_neglect", "law_type", order=PUBLIC_FIRST)
    assert list(t.data.columns) == ["Public law", "Private law", "Public and private", "Total"]
    assert t.data.loc["Total"].tolist() == [1, 2, 1, 4]
    # Share of all cases of each law type featuring neglect: 1 of 2, 2 of 2, 1 of 1, 4 of 5.
    assert t.percent.loc["Total"].tolist() == pytest.approx([50, 100, 100, 80])


def test_score_tables_take_the_order(cases) -> None:
    summary = score_summary(cases, cafcass(), "law_type", order=PUBLIC_FIRST)
    assert list(summary.data.index)[:3] == [
        "Public law – s31 only",
        "Public law – others",
        "Total public law",
    ]
    spread = score_range(cases, cafcass(), "law_type", order=PUBLIC_FIRST)
    assert list(spread.data.index) == list(summary.data.index)


def test_unknown_value_in_order_is_refused(cases) -> None:
    with pytest.raises(CaseReviewError, match="no value 'public_law'"):
        frequency(cases, cafcass(), "law_type", order=["public_law"])


def test_parent_ages_over_the_studies_that_recorded_them() -> None:
    # Study s1 never recorded parents' ages; s2 did, with one father unknown.
    ages = frame(
        [
            {"study": "s1"},
            {"study": "s1"},
            {"study": "s2", "mother_age_first_birth": 19, "father_age_first_birth": 24},
            {"study": "s2", "mother_age_first_birth": 27, "father_age_first_birth": None},
            {"study": "s2", "mother_age_first_birth": 31, "father_age_first_birth": 33},
        ]
    )
    assert studies_recording(ages, ["mother_age_first_birth"])["review_id"].tolist() == [
        "R003",
        "R004",
        "R005",
    ]
    t = parent_age_table(ages, cafcass())
    mothers, fathers = t.data.columns
    assert t.data[mothers].tolist() == [1, 0, 1, 1, 0, 3]
    assert t.data[fathers].tolist() == [0, 1, 0, 1, 1, 3]
    assert t.denominator == 3
    assert any("2 reviews of studies that recorded no parent's age" in n for n in t.notes)
    # Without the restriction every review of s1 would be 'Unknown' in both columns.
    everything = band_table(
        ages, cafcass(), ["mother_age_first_birth", "father_age_first_birth"], PARENT_AGE_001
    )
    assert everything.data.loc["Unknown"].tolist() == [2, 3]
    assert everything.denominator == 5  # reviews, not review-and-parent rows
