"""The Cafcass SCR codebook, 2014 and 2017 versions, against the two Cafcass reports.

Expected labels, categories and counts are typed from document 000 (Cafcass 2014) and 001
(Cafcass 2017); each comment names the table or section they come from.
"""

from __future__ import annotations

import re

import pytest

from casereview.codebook import Codebook, CodebookRegistry
from casereview.codebook.model import CodebookField
from casereview.codebook.values import validate_value
from casereview.errors import ValidationError

CB = "cafcass-scr"


@pytest.fixture(scope="module")
def registry() -> CodebookRegistry:
    return CodebookRegistry.load()


@pytest.fixture(scope="module")
def cb14(registry: CodebookRegistry) -> Codebook:
    return registry.get(CB, "2014")


@pytest.fixture(scope="module")
def cb17(registry: CodebookRegistry) -> Codebook:
    return registry.get(CB, "2017")


@pytest.fixture(scope="module", params=["2014", "2017"])
def book(request: pytest.FixtureRequest, registry: CodebookRegistry) -> Codebook:
    return registry.get(CB, request.param)


def labels(cb: Codebook, field_id: str) -> list[str]:
    return [v.label for v in cb.values_of(cb.field(field_id))]


def leaves(cb: Codebook, field_id: str) -> list[str]:
    """Labels of the values that are no other value's parent (the coded categories)."""
    values = cb.values_of(cb.field(field_id))
    parents = {v.parent for v in values}
    return [v.label for v in values if v.id not in parents]


def top_group(cb: Codebook, field_id: str, value_id: str) -> str:
    by_id = {v.id: v for v in cb.values_of(cb.field(field_id))}
    while by_id[value_id].parent is not None:
        value_id = by_id[value_id].parent  # type: ignore[assignment]
    return value_id


def risk_fields(cb: Codebook) -> list[CodebookField]:
    return [f for f in cb.fields if f.group == "Risk categories" and f.type == "ordinal"]


# ---------------------------------------------------------------- loading and general shape


def test_both_versions_load_and_2017_is_the_latest(registry: CodebookRegistry) -> None:
    assert registry.versions(CB) == ["2014", "2017"]
    assert registry.get(CB).version == "2017"


def test_documents_name_both_reports(book: Codebook) -> None:
    docs = {d.id: d for d in book.documents}
    assert docs["000"].year == 2014 and "Cafcass" in docs["000"].title
    assert docs["001"].year == 2017 and "Serious Case Reviews" in docs["001"].title


SPSS_RESERVED = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"}


def test_every_field_is_documented_and_spss_safe(book: Codebook) -> None:
    for f in book.fields:
        assert re.fullmatch(r"[a-z][a-z0-9_]{0,63}", f.id) and f.id not in SPSS_RESERVED, f.id
        assert f.label and f.definition, f"{f.id} lacks a label or definition"
        assert f.source.document in {"000", "001"} and f.source.section, f.id
    # the structural columns of a case file are not fields
    ids = {f.id for f in book.fields}
    assert not ids & {"review_id", "child", "study", "year", "region"}


def test_child_level_fields(book: Codebook) -> None:
    child = {f.id for f in book.fields if f.level == "child"}
    assert {"child_age", "child_gender", "child_died"} <= child
    # risk data relates to the case, not to a child (001 Section 2)
    assert all(f.level == "review" for f in risk_fields(book))
    assert book.field("law_type").level == "review"


# ---------------------------------------------------------------- case details


def test_scr_model_values_from_000_table_1(book: Codebook) -> None:
    # 000 Table 1: SCR type
    assert labels(book, "scr_model") == ["Traditional", "Hybrid", "SCIE", "Unclear (to date)"]


def test_law_types_2014_from_000_table_3(cb14: Codebook) -> None:
    # 000 Table 3: Case types (rows other than the totals, which are the groups)
    assert set(leaves(cb14, "law_type")) == {
        "Private law – WTFH & WAFH",
        "Private law – WTFH only",
        "Public law – s31 only",
        "Public law – others specify",
        "Public and private",
    }


def test_law_types_2017_from_001_table_5(cb17: Codebook) -> None:
    # 001 Table 5: Overall risk rating by case type (rows other than the totals)
    assert set(leaves(cb17, "law_type")) == {
        "Public law – s31 only",
        "Public law – others",
        "Private law – WTFH only",
        "Private law – WTFH & WAFH",
        "Public and private",
    }


def test_law_type_groups(book: Codebook) -> None:
    # 001 Table 5 'Total public law' / 'Total private law'; 'Public and private' stands alone
    groups = {
        v.id: top_group(book, "law_type", v.id) for v in book.values_of(book.field("law_type"))
    }
    assert groups["private_wtfh"] == groups["private_wtfh_wafh"] == "private"
    assert groups["public_s31"] == groups["public_other"] == "public"
    assert groups["public_and_private"] == "public_and_private"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Public law (s31 only)", "public_s31"),  # 000 Table 6 wording
        ("Public law (other)", "public_other"),  # 000 Table 6
        ("Private law (WTFH only)", "private_wtfh"),  # 000 Table 6
        ("Private law (WTFH and WAFH)", "private_wtfh_wafh"),  # 000 Table 6
        ("Public and private law", "public_and_private"),  # 000 Table 6
        ("Public law – others", "public_other"),  # 001 Table 5
        ("Private law – WTFH & WAFH", "private_wtfh_wafh"),  # 001 Table 5 / 000 Table 3
        ("Public", "public"),  # 001 Table 6 column
        ("3", "public_s31"),
    ],
)
def test_law_type_accepts_the_documents_wordings(book: Codebook, raw: str, expected: str) -> None:
    assert validate_value(book, "law_type", raw) == expected


def test_public_other_says_what_it_covers(book: Codebook) -> None:
    # 000 Table 3 footnote 5: s31 with s25 secure accommodation, or with discharge of a care order
    text = next(v for v in book.values_of(book.field("law_type")) if v.id == "public_other")
    assert "s25" in (text.definition or "") and "discharge" in (text.definition or "")
    assert book.field("law_type_other").type == "text"


def test_involvement_2017_from_001_table_3(cb17: Codebook) -> None:
    # 001 Table 3 rows, plus 'another family member' (000 Section 3.1)
    assert leaves(cb17, "involvement")[:3] == [
        "Prior to incident only",
        "At the time of the incident",
        "Following the incident only",
    ]
    # 001 Section 5.1: 24 cases 'did not previously know the child but knew another family
    # member or proceedings were started ... after the serious harm'
    assert top_group(cb17, "involvement", "following_only") == "not_previously_known"
    assert top_group(cb17, "involvement", "other_family_member") == "not_previously_known"
    assert top_group(cb17, "involvement", "at_time") == "at_time"


def test_involvement_codes_are_shared_by_both_versions(cb14: Codebook, cb17: Codebook) -> None:
    # 000 Sections 3.1 and 3.3: currently involved, previously involved, another family member
    old = {v.id: v.code for v in cb14.values_of(cb14.field("involvement"))}
    new = {v.id: v.code for v in cb17.values_of(cb17.field("involvement"))}
    assert set(old) == {"prior_only", "at_time", "other_family_member"}
    assert all(new[k] == code for k, code in old.items())


def test_duration_and_recommendations(book: Codebook) -> None:
    f = book.field("involvement_months")
    assert f.type == "number" and f.unit == "months"
    # 000 Section 3.1: from a minimum of two months to a maximum of 69 months
    assert validate_value(book, "involvement_months", 2) == "2"
    assert validate_value(book, "involvement_months", 69) == "69"
    with pytest.raises(ValidationError):
        validate_value(book, "involvement_months", -1)
    # 000 Table 8: recommendations per IMR ranged from 0 to 17
    assert book.field("recommendations").type == "integer"
    assert validate_value(book, "recommendations", 17) == "17"
    assert validate_value(book, "recommendations", 0) == "0"
    with pytest.raises(ValidationError, match="whole number"):
        validate_value(book, "recommendations", 1.5)


# ---------------------------------------------------------------- index incident


def test_incident_types_2014_from_000_table_5(cb14: Codebook) -> None:
    # 000 Table 5: Index incident type in 2012, 2013 and 2014 samples (row order)
    assert labels(cb14, "incident_type") == [
        "Physical abuse (fatal)",
        "Neglect (fatal)",
        "Spite/revenge killing",
        "Suicide",
        "Neglect (non-fatal)",
        "Physical abuse (non-fatal)",
        "Sexual abuse",
        "Fatal drug overdose (not suicide)",
        "Other",
    ]


def test_incident_types_2017_follow_001_table_6(cb17: Codebook) -> None:
    # 001 Table 6: Death (direct maltreatment: physical abuse, homicide; other: neglect,
    # co-sleeping), Serious harm (physical abuse, neglect, sexual abuse), Other (suicide,
    # accidental fatal drug overdose, other) - ten rows
    by_group: dict[str, set[str]] = {}
    values = cb17.values_of(cb17.field("incident_type"))
    parents = {v.parent for v in values}
    for v in values:
        if v.id not in parents:
            by_group.setdefault(v.parent or "", set()).add(v.id)
    assert by_group == {
        "death_direct": {"physical_abuse_fatal", "homicide"},
        "death_other": {"neglect_fatal", "co_sleeping"},
        "serious_harm": {"physical_abuse_non_fatal", "neglect_non_fatal", "sexual_abuse"},
        "other_incident": {"suicide", "drug_overdose", "other"},
    }
    assert top_group(cb17, "incident_type", "homicide") == "death"
    assert top_group(cb17, "incident_type", "co_sleeping") == "death"


def test_table_6_totals_roll_up_through_the_groups(cb17: Codebook) -> None:
    # 001 Table 6 'Total' column by row, and the groups' sums: 49 deaths, 37 serious harm
    totals = {
        "physical_abuse_fatal": 20,
        "homicide": 14,
        "neglect_fatal": 9,
        "co_sleeping": 6,
        "physical_abuse_non_fatal": 12,
        "neglect_non_fatal": 10,
        "sexual_abuse": 15,
        "suicide": 7,
        "drug_overdose": 2,
        "other": 2,
    }
    rolled: dict[str, int] = {}
    for value_id, n in totals.items():
        group = top_group(cb17, "incident_type", value_id)
        rolled[group] = rolled.get(group, 0) + n
    assert rolled == {"death": 49, "serious_harm": 37, "other_incident": 11}
    assert sum(rolled.values()) == 97


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Spite/revenge killing", "homicide"),  # 000 Table 5 row, a homicide (001 fn 14)
        ("Fatal drug overdose (not suicide)", "drug_overdose"),  # 000 Table 5
        ("Accidental fatal drug overdose", "drug_overdose"),  # 001 Table 6
        ("Neglect (non-fatal)", "neglect_non_fatal"),  # 001 Section 3.3 footnote 5
        ("Co-sleeping", "co_sleeping"),  # 001 Table 6
        ("Other", "other"),  # the leaf, not the 'Other' group
    ],
)
def test_incident_type_2017_accepts_both_reports_wordings(
    cb17: Codebook, raw: str, expected: str
) -> None:
    assert validate_value(cb17, "incident_type", raw) == expected


def test_incident_fatal_is_its_own_field(book: Codebook) -> None:
    # 001 Section 3.3 footnote 5: a death coded as 'neglect (non-fatal)'
    assert book.field("incident_fatal").type == "yes_no"
    assert validate_value(book, "incident_fatal", "Yes") == "yes"


def test_suspected_perpetrator_from_001_table_7(cb17: Codebook) -> None:
    # 001 Table 7: Suspected incident perpetrator (row order)
    assert leaves(cb17, "perpetrator") == [
        "Father",
        "Mother",
        "Both parents",
        "One/both parent(s) and others",
        "Mother and partner",
        "Mother's partner",
        "Extended family",
        "Young person him or herself",
        "Subject child was perpetrator",
        "Extra-familial",
        "Child's ex-boyfriend",
        "Foster carers",
        "Not known",
    ]


def test_perpetrator_groups_reproduce_table_7_percentages(cb17: Codebook) -> None:
    # 001 Table 7 frequencies by row; its % column: Familial 75%, Child 11%,
    # Extra-familial 7%, Unknown 6% of 97
    freq = {
        "Father": 22,
        "Mother": 16,
        "Both parents": 8,
        "One/both parent(s) and others": 9,
        "Mother and partner": 5,
        "Mother's partner": 5,
        "Extended family": 8,
        "Young person him or herself": 10,
        "Subject child was perpetrator": 1,
        "Extra-familial": 4,
        "Child's ex-boyfriend": 2,
        "Foster carers": 1,
        "Not known": 6,
    }
    group_n: dict[str, int] = {}
    for label, n in freq.items():
        value_id = validate_value(cb17, "perpetrator", label)
        assert value_id is not None
        group = top_group(cb17, "perpetrator", value_id)
        group_n[group] = group_n.get(group, 0) + n
    pct = {g: round(100 * n / 97) for g, n in group_n.items()}
    assert pct == {"familial": 75, "child": 11, "extra_familial_group": 7, "unknown": 6}


def test_domestic_abuse_perpetrator_from_001_table_10(cb17: Codebook) -> None:
    # 001 Table 10: Alleged perpetrator of domestic abuse by law type
    assert labels(cb17, "da_perpetrator") == [
        "Father/male partner",
        "Mother/female partner",
        "Reciprocal",
        "Unknown or insufficient data",
    ]


def test_2014_perpetrator_is_two_yes_no_fields(cb14: Codebook) -> None:
    # 000 Section 3.3: mother the perpetrator or one of them in 10 cases, father in 7,
    # so both can be true of one case
    assert cb14.field("perpetrator_mother").type == "yes_no"
    assert cb14.field("perpetrator_father").type == "yes_no"
    assert not cb14.has_field("perpetrator")


# ---------------------------------------------------------------- children and parents


@pytest.mark.parametrize("age", [1 / 12, 1, 2, 16])  # 001 Section 3.3: 1 month ... 16 years
def test_child_ages_of_the_2017_deaths_are_accepted(book: Codebook, age: float) -> None:
    assert validate_value(book, "child_age", age) is not None


def test_child_age_is_years_under_18(book: Codebook) -> None:
    f = book.field("child_age")
    assert f.type == "number" and f.unit == "years" and f.level == "child"
    # under-ones are recorded as months / 12 (000 Table 4 band 'Under 1')
    assert "months / 12" in (f.definition or "")
    assert validate_value(book, "child_age", "0.5") == "0.5"
    with pytest.raises(ValidationError, match="outside the allowed range"):
        validate_value(book, "child_age", 18)  # 000 Table 4 top band '16 to 17'


def test_child_gender_from_001_table_12(book: Codebook) -> None:
    # 001 Table 12 rows: Female, Male
    assert sorted(labels(book, "child_gender")) == ["Female", "Male"]
    assert validate_value(book, "child_gender", "girl") == "female"


def test_parents_age_at_first_birth(book: Codebook) -> None:
    # 001 Table 13 / 000 Chart 1: age at the birth of the first child, one per case
    for fid in ("mother_age_first_birth", "father_age_first_birth"):
        f = book.field(fid)
        assert f.type == "number" and f.unit == "years" and f.level == "review"
    # 000 Section 3.2: mean ages 23 (mothers) and 26 (fathers)
    assert validate_value(book, "mother_age_first_birth", 23) == "23"
    assert validate_value(book, "father_age_first_birth", 26) == "26"


# ---------------------------------------------------------------- risk categories and score

RISK_2014 = {
    # 000 Appendix B, items 1-13
    "risk_cpp": "Child subject to CPP?",
    "risk_physical_abuse": "Physical Abuse",
    "risk_emotional_abuse": "Emotional Abuse",
    "risk_sexual_abuse": "Sexual Abuse",
    "risk_neglect": "Neglect",
    "risk_child_self_risk": "Child putting self at risk",
    "risk_domestic_violence": "Domestic violence",
    "risk_parental_mental_health": "Parental mental health",
    "risk_drug_alcohol": "Drug/alcohol abuse",
    "risk_parental_self_harm": "Parental self-harm, suicide threats etc.",
    "risk_non_engagement": "Antagonism to/ non-engagement with services",
    "risk_parental_abuse_experience": "Parental experience of abuse",
    "risk_other": "Other – specify",
}

RISK_2017 = {
    # 001 Section 2: 'child protection plan; physical abuse; emotional abuse, sexual abuse,
    # neglect, child vulnerabilities; domestic abuse; parental mental health; substance
    # misuse; parental vulnerabilities; antagonism to/non-engagement with professionals;
    # parental experience of abuse; other'
    "risk_cpp": "Child protection plan",
    "risk_physical_abuse": "Physical abuse",
    "risk_emotional_abuse": "Emotional abuse",
    "risk_sexual_abuse": "Sexual abuse",
    "risk_neglect": "Neglect",
    "risk_child_vulnerabilities": "Child vulnerabilities",
    "risk_domestic_abuse": "Domestic abuse",
    "risk_parental_mental_health": "Parental mental health",
    "risk_substance_misuse": "Substance misuse",
    "risk_parental_vulnerabilities": "Parental vulnerabilities",
    "risk_non_engagement": "Antagonism to/non-engagement with professionals",
    "risk_parental_abuse_experience": "Parental experience of abuse",
    "risk_other": "Other",
}


def test_13_risk_categories_2014(cb14: Codebook) -> None:
    assert {f.id: f.label for f in risk_fields(cb14)} == RISK_2014


def test_13_risk_categories_2017(cb17: Codebook) -> None:
    assert {f.id: f.label for f in risk_fields(cb17)} == RISK_2017


def test_risk_levels_are_high_medium_low_none_3_2_1_0(book: Codebook) -> None:
    # 000 Appendix A: 'high', 'medium' or 'low' converted to 3, 2 and 1; zero when no risk
    for f in risk_fields(book):
        if f.id == "risk_cpp":
            continue
        scores = {v.id: v.score for v in book.values_of(f)}
        assert scores == {"high": 3, "medium": 2, "low": 1, "none": 0}, f.id


def test_child_protection_plan_is_yes_currently_previously_no_3_2_0(book: Codebook) -> None:
    # 000 Appendix A; 001 footnote 6: 'yes, currently'; 'yes, previously'; 'no' = 3, 2, 0
    values = book.values_of(book.field("risk_cpp"))
    assert [(v.label, v.score) for v in values] == [
        ("Yes, currently", 3),
        ("Yes, previously", 2),
        ("No", 0),
    ]
    # 000 Chart 2 note: in the charts 'high' and 'medium' stand for current and previous
    assert validate_value(book, "risk_cpp", "high") == "yes_currently"
    assert validate_value(book, "risk_cpp", "medium") == "yes_previously"
    with pytest.raises(ValidationError, match="allowed"):
        validate_value(book, "risk_cpp", "low")  # 'there was no corresponding low value'


def test_risk_score_is_the_13_categories_with_maximum_39(book: Codebook) -> None:
    rule = next(s for s in book.scores if s.id == "risk_score")
    assert set(rule.fields) == {f.id for f in risk_fields(book)} and len(rule.fields) == 13
    # 000 Section 3.4 footnote 8: 'a maximum of 39' (the 2013 report wrongly said 36)
    assert rule.maximum == 39
    highest = sum(max(v.score or 0 for v in book.values_of(book.field(f))) for f in rule.fields)
    lowest = sum(min(v.score or 0 for v in book.values_of(book.field(f))) for f in rule.fields)
    assert (lowest, highest) == (0, 39)


def test_renamed_categories_are_explained(cb17: Codebook) -> None:
    # 001 footnote 7: parental vulnerabilities include personality and learning
    # difficulties and self-harm or suicide attempts; footnote 11: child vulnerabilities
    # include the child's very young age or disability
    pv = cb17.field("risk_parental_vulnerabilities").definition or ""
    assert "learning difficulties" in pv and "self-harm" in pv
    cv = cb17.field("risk_child_vulnerabilities").definition or ""
    assert "very young age" in cv and "disabilit" in cv


def test_toxic_trio_is_derived_from_the_risk_ratings(cb17: Codebook) -> None:
    # 001 Section 5.3.1: domestic abuse, substance misuse and mental health
    trio = {"risk_domestic_abuse", "risk_substance_misuse", "risk_parental_mental_health"}
    rules = {d.field: d for d in cb17.derivations}
    assert set(rules["toxic_trio_any"].from_fields) == trio
    assert set(rules["toxic_trio_all"].from_fields) == trio
    assert (rules["toxic_trio_any"].at_least, rules["toxic_trio_all"].at_least) == (1, 3)
    # any rating above 'none' counts as present
    assert set(rules["toxic_trio_any"].present_values) == {"high", "medium", "low"}
    assert cb17.field("toxic_trio_all").derived


# ---------------------------------------------------------------- mapping 2014 -> 2017


def test_mapping_covers_every_2014_field(cb14: Codebook, cb17: Codebook) -> None:
    mapping = next(m for m in cb17.mappings if m.from_version == "2014")
    assert set(mapping.fields) == {f.id for f in cb14.fields}
    assert all(cb17.has_field(new) for new in mapping.fields.values())


def test_mapping_of_the_risk_categories(cb14: Codebook, cb17: Codebook) -> None:
    fields = next(m for m in cb17.mappings if m.from_version == "2014").fields
    # 001 footnote 3: 'child putting self at risk' -> 'child vulnerabilities';
    # 'parental self-harm, suicide' -> 'parental vulnerability'
    assert fields["risk_child_self_risk"] == "risk_child_vulnerabilities"
    assert fields["risk_parental_self_harm"] == "risk_parental_vulnerabilities"
    # renamed without change of meaning (000 Appendix B vs 001 Section 2)
    assert fields["risk_domestic_violence"] == "risk_domestic_abuse"
    assert fields["risk_drug_alcohol"] == "risk_substance_misuse"
    # every 2014 risk field lands on a 2017 risk field with the same scored values
    new_risk = {f.id for f in risk_fields(cb17)}
    for old in risk_fields(cb14):
        new = cb17.field(fields[old.id])
        assert new.id in new_risk
        assert [(v.id, v.score) for v in cb14.values_of(old)] == [
            (v.id, v.score) for v in cb17.values_of(new)
        ]
    assert sorted(fields[f.id] for f in risk_fields(cb14)) == sorted(new_risk)


def test_mapping_of_incident_types(cb14: Codebook, cb17: Codebook) -> None:
    table = next(m for m in cb17.mappings if m.from_version == "2014").values["incident_type"]
    old_ids = {v.id for v in cb14.values_of(cb14.field("incident_type"))}
    new_ids = {v.id for v in cb17.values_of(cb17.field("incident_type"))}
    assert set(table) == old_ids and set(table.values()) <= new_ids
    # 000 Section 3.3: spite killings 'were evidently homicides'; 001 fn 14 defines homicide
    assert table["spite_killing"] == "homicide"


def test_codes_are_stable_across_versions(cb14: Codebook, cb17: Codebook) -> None:
    # a value id kept by both versions keeps its numeric code (SPSS value labels)
    for old in cb14.fields:
        if not cb17.has_field(old.id):
            continue
        new_codes = {v.id: v.code for v in cb17.values_of(cb17.field(old.id))}
        for v in cb14.values_of(old):
            if v.id in new_codes:
                assert new_codes[v.id] == v.code, (old.id, v.id)


# ---------------------------------------------------------------- CSE sub-study (000 Section 4)


def test_cse_applications_from_000_table_7(book: Codebook) -> None:
    # 000 Table 7: Application type rows, and its two columns
    assert labels(book, "cse_application") == ["s25", "s31", "s25 and s31", "s8", "Other"]
    assert labels(book, "cse_victim_role") == [
        "CSE victim subject of application",
        "CSE victim respondent in application",
    ]
    # 000 Section 4.3: all most recent applications concerned girls aged 13-17
    assert validate_value(book, "cse_age_recent_application", 13) == "13"
    assert book.field("cse").level == "child"
