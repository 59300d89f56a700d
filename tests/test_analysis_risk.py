"""Risk types by level, presence, and the toxic-trio overlap (001 Figure 6)."""

import pytest

from analysis_frames import cafcass, frame
from casereview.analysis.risk import levels_table, overlap, overlap_summary, presence_table

TRIO = ("risk_domestic_abuse", "risk_substance_misuse", "risk_parental_mental_health")
CASES = [
    {
        "risk_domestic_abuse": "high",
        "risk_substance_misuse": "low",
        "risk_parental_mental_health": "medium",
        "risk_cpp": "yes_currently",
    },
    {"risk_domestic_abuse": "high", "risk_cpp": "yes_previously"},
    {"risk_domestic_abuse": "medium", "risk_substance_misuse": "high"},
    {"risk_parental_mental_health": "low"},
    {},
    {"risk_domestic_abuse": None},  # unknown: settles 'at least one' only if another is present
]


@pytest.fixture(scope="module")
def cases():
    return frame(CASES)


def test_levels_align_child_protection_plan_with_high_and_medium(cases) -> None:
    t = levels_table(cases, cafcass())
    d = t.data
    assert list(d.columns) == [
        "Yes, currently",
        "Yes, previously",
        "Low",
        "No",
        "Not stated",
        "Total",
    ]
    assert d.loc["Domestic abuse"].tolist() == [2, 1, 0, 2, 1, 6]
    assert d.loc["Child protection plan"].tolist() == [1, 1, 0, 4, 0, 6]
    assert t.percent.at["Domestic abuse", "Yes, currently"] == pytest.approx(100 * 2 / 6)


def test_presence(cases) -> None:
    t = presence_table(cases, cafcass(), TRIO)
    assert t.data["n"].tolist() == [3, 2, 2]
    assert t.percent.at["Domestic abuse", "n"] == pytest.approx(60.0)  # 3 of 5 known
    assert t.percent.at["Substance misuse", "n"] == pytest.approx(100 * 2 / 6)


def test_toxic_trio_overlap(cases) -> None:
    t = overlap(cases, cafcass(), TRIO, names=["DA", "SM", "MH"])
    n = t.data["n"]
    assert n["All three"] == 1
    assert n["DA and SM"] == 1
    assert n["DA only"] == 1
    assert n["MH only"] == 1
    assert n["None"] == 1
    assert n["Total"] == 5  # R006 has an unknown field and is left out of the exact table
    assert (t.extra["at_least_one"], t.extra["all"], t.extra["none"]) == (4, 1, 1)
    s = overlap_summary(t)
    assert s.data["n"].tolist() == [4, 1, 1]
    assert s.percent.at["At least one", "n"] == pytest.approx(400 / 6)
