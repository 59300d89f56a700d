"""Risk scores (codebook score rule), derivations (toxic trio) and averages by law type."""

import math

import pytest

from analysis_frames import cafcass, frame
from casereview.analysis.scores import score_listing, score_range, score_summary

# Scores worked out by hand from 000 Appendix A: high/medium/low = 3/2/1, child protection
# plan yes currently / yes previously / no = 3/2/0, 13 categories.
CASES = [
    # R001 public s31, 2014: cpp current 3 + DA high 3 + neglect low 1 = 7
    {
        "study": "2014",
        "law_type": "public_s31",
        "risk_cpp": "yes_currently",
        "risk_domestic_abuse": "high",
        "risk_neglect": "low",
    },
    # R002 public s31, 2014: every category high, cpp current = 13 * 3 = 39 (the maximum)
    {
        "study": "2014",
        "law_type": "public_s31",
        **{
            f: "high"
            for f in (
                "risk_physical_abuse",
                "risk_emotional_abuse",
                "risk_sexual_abuse",
                "risk_neglect",
                "risk_child_vulnerabilities",
                "risk_domestic_abuse",
                "risk_parental_mental_health",
                "risk_substance_misuse",
                "risk_parental_vulnerabilities",
                "risk_non_engagement",
                "risk_parental_abuse_experience",
                "risk_other",
            )
        },
        "risk_cpp": "yes_currently",
    },
    # R003 public other, 2017: cpp previous 2 + substance medium 2 = 4
    {
        "study": "2017",
        "law_type": "public_other",
        "risk_cpp": "yes_previously",
        "risk_substance_misuse": "medium",
    },
    # R004 private WTFH, 2017: nothing indicated = 0
    {"study": "2017", "law_type": "private_wtfh"},
    # R005 private WAFH, 2014: DA medium 2 + mental health low 1 + substance low 1 = 4
    {
        "study": "2014",
        "law_type": "private_wtfh_wafh",
        "risk_domestic_abuse": "medium",
        "risk_parental_mental_health": "low",
        "risk_substance_misuse": "low",
    },
    # R006 public and private, 2017: neglect not coded -> no score
    {"study": "2017", "law_type": "public_and_private", "risk_neglect": None},
]


@pytest.fixture(scope="module")
def cases():
    return frame(CASES)


def test_scores_per_case(cases) -> None:
    assert cases["risk_score"].tolist()[:5] == [7, 39, 4, 0, 4]
    assert math.isnan(cases["risk_score"].iloc[5])


def test_toxic_trio_derivations(cases) -> None:
    # R005 has all three; R001 domestic abuse only; R003 substance only; R004 none;
    # R006 has none of the three rated above none and all three known -> no.
    assert cases["toxic_trio_any"].tolist() == ["yes", "yes", "yes", "no", "yes", "no"]
    assert cases["toxic_trio_all"].tolist() == ["no", "yes", "no", "no", "yes", "no"]


def test_toxic_trio_unknown_when_it_cannot_be_settled() -> None:
    cases = frame(
        [
            {
                "risk_domestic_abuse": None,
                "risk_substance_misuse": "high",
                "risk_parental_mental_health": "low",
            },
            {
                "risk_domestic_abuse": None,
                "risk_substance_misuse": "high",
            },  # mental health none: not all
            {"risk_domestic_abuse": None},
        ]
    )
    assert cases["toxic_trio_any"].tolist() == ["yes", "yes", "not_stated"]
    assert cases["toxic_trio_all"].tolist() == ["not_stated", "no", "no"]


def test_average_by_law_type_and_study_like_000_table_6(cases) -> None:
    t = score_summary(cases, cafcass(), "law_type", across="study")
    m, n = t.data, t.counts
    assert m.at["Public law – s31 only", "2014"] == pytest.approx(23.0)  # (7 + 39) / 2
    assert n.at["Public law – s31 only", "2014"] == 2
    assert m.at["Total public law", "Overall"] == pytest.approx(50 / 3)  # (7 + 39 + 4) / 3
    assert m.at["Total private law", "2017"] == pytest.approx(0.0)
    assert n.at["Total private law", "Overall"] == 2
    assert m.at["All case types", "Overall"] == pytest.approx(54 / 5)
    assert n.at["All case types", "Overall"] == 5
    assert n.at["Public and private", "Overall"] == 0 and math.isnan(
        m.at["Public and private", "Overall"]
    )
    assert t.missing == 1
    assert t.display().at["Public law – s31 only", "2014"] == "23 (2)"


def test_score_range(cases) -> None:
    t = score_range(cases, cafcass(), "law_type")
    row = t.data.loc["Total public law"]
    assert (row["Cases"], row["Minimum"], row["Maximum"], row["Range"]) == (3, 4, 39, 35)
    assert t.data.at["All case types", "Minimum"] == 0


def test_score_listing_parts_add_up(cases) -> None:
    t = score_listing(cases, cafcass())
    parts = t.data.drop(columns=["Study", "Total"])
    assert parts.loc["R001"].sum() == 7
    assert parts.at["R003", "Child protection plan"] == 2


def test_score_spread_matches_r() -> None:
    """SD, median and quartiles of scores 1..10 as R documents them: sd(1:10) = 3.02765,
    quantile(1:10) = 1, 3.25, 5.5, 7.75, 10 (type 7, R's default)."""
    risk = ("risk_domestic_abuse", "risk_neglect", "risk_substance_misuse", "risk_other")
    levels = {0: "none", 1: "low", 2: "medium", 3: "high"}
    rows = []
    for score in range(1, 11):
        parts, left = {}, score
        for fid in risk:  # spread the score over four categories of at most 3 each
            parts[fid] = levels[min(3, left)]
            left -= min(3, left)
        rows.append({"study": "2014", "law_type": "public_s31", "risk_cpp": "no", **parts})
    t = score_range(frame(rows), cafcass())
    all_cases = t.data.loc["All case types"]
    assert all_cases["Mean"] == pytest.approx(5.5)
    assert all_cases["SD"] == pytest.approx(3.02765, abs=1e-5)
    assert all_cases["Median"] == pytest.approx(5.5)
    assert (all_cases["Lower quartile"], all_cases["Upper quartile"]) == pytest.approx((3.25, 7.75))
    assert t.display().at["All case types", "Lower quartile"] == "3.3"  # 3.25 half up
