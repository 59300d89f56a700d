"""Acceptance: the pooled Cafcass dataset reproduces 001 Table 5 (average risk rating by case
type and study) and what 001 Section 3 says about the 2017 study's 15 reviews. Expected values
come from tests/published_tables.py, typed from the document."""

from __future__ import annotations

import pandas as pd
import pytest

import published_tables as pub
from cafcass_frames import LAW_ROWS, RISKS_2017, load, reviews, same_average, score
from casereview.codebook import default_registry

CODEBOOK = default_registry().get("cafcass-scr", "2017")
PHYSICAL = ("physical_abuse_fatal", "physical_abuse_non_fatal")


@pytest.fixture(scope="module")
def kids(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    return load(tmp_path_factory.mktemp("pooled17"), "cafcass-2009-2016.csv", "2017")


@pytest.fixture(scope="module")
def cases(kids: pd.DataFrame) -> pd.DataFrame:
    out = reviews(kids, [f.id for f in CODEBOOK.fields if f.level == "review"])
    out["score"] = out.apply(score, axis=1, risks=RISKS_2017)
    return out


@pytest.fixture(scope="module")
def y17(cases: pd.DataFrame) -> pd.DataFrame:
    return cases[cases["study"] == "cafcass-2017"]


def n(mask: pd.Series) -> int:
    return int(mask.sum())


def test_table_5_average_risk_rating(cases: pd.DataFrame) -> None:
    t5 = pub.TABLE_001_5
    early = ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015")
    columns = {"2017": ("cafcass-2017",), "2012-2015": early, "overall": (*early, "cafcass-2017")}
    implied = {i["where"]: i["implied"] for i in pub.INCONSISTENCIES}
    wrong = []
    for key, (label, cells) in t5["rows"].items():
        for column, cell in zip(t5["columns"], cells):
            chosen = cases["study"].isin(columns[column]) & cases["law_type"].isin(LAW_ROWS[key])
            sub = cases[chosen]
            if cell is None:  # printed "-": no case of that type
                assert sub.empty, (label, column)
                continue
            published, count = cell
            if key == "all" and column == "overall":
                # 13.1 cannot follow from the table's other cells (see INCONSISTENCIES).
                assert published == 13.1
                published = implied["001 Table 5, All case types, Overall average risk rating"]
            mean = sub["score"].mean()
            if len(sub) != count or not same_average(mean, published):
                wrong.append(f"{label} / {column}: data {mean:.3f} ({len(sub)}), published {cell}")
    assert not wrong


def test_table_3_involvement_by_law_type(y17: pd.DataFrame) -> None:
    group = y17["law_type"].map({"public_s31": "public", "private_wtfh_wafh": "private"})
    for key, (_label, cells) in pub.TABLE_001_3["rows"].items():
        inv = y17["involvement"] == key
        assert (n(inv & (group == "public")), n(inv & (group == "private")), n(inv)) == cells, key
    assert (n(group == "public"), n(group == "private"), len(y17)) == pub.TABLE_001_3["total"]
    assert n(y17["involvement"] == "at_time") == pub.STUDY_2017_TEXT["during_proceedings"]


def test_sections_3_2_and_3_3_incidents_and_children(y17: pd.DataFrame, kids: pd.DataFrame) -> None:
    text = pub.STUDY_2017_TEXT
    assert len(y17) == text["reviews"]
    assert n(y17["law_type"] == "public_s31") == text["public"]
    assert n(y17["law_type"] == "private_wtfh_wafh") == text["private"]
    assert y17["incident_type"].value_counts().to_dict() == text["incidents"]
    assert n(y17["incident_fatal"] == "yes") == text["deaths"]
    assert n(y17["siblings_removed"] == "yes") == text["siblings_removed"]
    assert n(y17["review_type"] == "learning_review") == text["learning_review"]
    k17 = kids[kids["study"] == "cafcass-2017"]
    assert len(k17) == text["children"]
    assert n(k17.groupby("review_id").size() == 1) == text["single_child_reviews"]
    assert (n(k17["child_gender"] == "female"), n(k17["child_gender"] == "male")) == (
        text["female"],
        text["male"],
    )
    age = pd.to_numeric(k17["child_age"])
    assert n(age < 6) == text["under_six"]
    # 3.3: deaths aged 1 month, 1, 1, 2 and 16 years (1 month is coded 0.08 years).
    assert sorted(age[k17["child_died"] == "yes"]) == [0.08, 1, 1, 2, 16]
    harm = {
        "sexual_abuse": ("sexual_abuse",),
        "physical_abuse": PHYSICAL,
        "neglect": ("neglect_fatal", "neglect_non_fatal", "co_sleeping"),
        "perpetrator": ("other",),
    }
    for key, (girls, boys) in text["children_by_harm"].items():
        sub = k17[k17["incident_type"].isin(harm[key])]
        assert (n(sub["child_gender"] == "female"), n(sub["child_gender"] == "male")) == (
            girls,
            boys,
        )


def test_section_3_4_1_risk_types(y17: pd.DataFrame) -> None:
    text = pub.STUDY_2017_TEXT
    neglect = y17[y17["risk_neglect"] != "none"]
    assert len(neglect) == text["neglect_present"]
    assert n(neglect["risk_neglect"] == "high") == text["neglect_high"]
    assert n(neglect["law_type"] == "public_s31") == n(y17["law_type"] == "public_s31")
    pv = y17[y17["risk_parental_vulnerabilities"] != "none"]
    assert len(pv) == text["parental_vulnerabilities"]
    assert n(pv["risk_neglect"] == "high") == text["parental_vulnerabilities_with_high_neglect"]
    assert n(y17["risk_child_vulnerabilities"] != "none") == text["child_vulnerabilities"]
    private = y17[y17["law_type"] == "private_wtfh_wafh"]
    high_both = (private["risk_domestic_abuse"] == "high") & (
        private["risk_emotional_abuse"] == "high"
    )
    assert n(high_both) == text["private_high_da_and_emotional"]
    da = y17["da_perpetrator"]
    assert n(da.notna() & (da != "father_male_partner")) == text["da_perpetrator_not_male"]
    pmh = y17[y17["risk_parental_mental_health"] != "none"]
    assert len(pmh) == text["parental_mental_health"]
    both = (pmh["risk_substance_misuse"] != "none") & (pmh["risk_domestic_abuse"] != "none")
    assert n(both) == text["parental_mental_health_with_sm_and_da"]


def test_section_3_4_1_child_protection_plans_and_physical_abuse(y17: pd.DataFrame) -> None:
    text = pub.STUDY_2017_TEXT
    cpp_prev = y17[y17["risk_cpp"] == "yes_previously"]
    assert len(cpp_prev) == text["cpp_previously"]
    cpp_pa = cpp_prev[cpp_prev["incident_type"].isin(PHYSICAL)]
    assert len(cpp_pa) == text["cpp_previously_physical_abuse_incident"]
    assert set(cpp_pa["risk_physical_abuse"]) - {"none"} == {"low"}
    low = text["cpp_previously_physical_abuse_incident_with_pa_risk_low"]
    assert n(cpp_pa["risk_physical_abuse"] == "low") == low
    pa = y17[y17["incident_type"].isin(PHYSICAL)]
    assert n(pa["risk_physical_abuse"] != "none") == text["physical_abuse_incidents_with_pa_risk"]
    assert (
        n(pa["risk_physical_abuse"] == "high") == text["physical_abuse_incidents_with_pa_risk_high"]
    )
    # 3.4.1 says "all eight" physical abuse incidents; 3.3 lists seven (see INCONSISTENCIES).
    assert len(pa) == 7 != text["physical_abuse_incidents"]


def test_section_3_4_2_risk_ratings(y17: pd.DataFrame) -> None:
    risk = pub.RISK_2017_TEXT
    scores = y17["score"]
    assert (scores.min(), y17.loc[scores.idxmin(), "law_type"]) == risk["lowest"]
    assert (scores.max(), y17.loc[scores.idxmax(), "law_type"]) == risk["highest"]
    assert n(scores.between(11, 20)) == risk["cases_11_to_20"]
    assert n(scores > 20) == risk["cases_over_20"]
    public = scores[y17["law_type"] == "public_s31"]
    private = scores[y17["law_type"] == "private_wtfh_wafh"]
    assert (public.min(), public.max()) == risk["public_range"]
    assert (private.min(), private.max()) == risk["private_range"]
