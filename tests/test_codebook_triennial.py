"""The Triennial Review 2014-17 codebook against the report it encodes (document 002).

Expected labels are typed from 002 (the reference text has no page numbers, so the comments
cite the table, section or appendix and the line of the reference text file).
"""

from __future__ import annotations

import copy

import pytest
import yaml

from casereview.codebook import default_registry
from casereview.codebook.loader import BUNDLED_DIR, codebook_from_dict
from casereview.codebook.model import Codebook
from casereview.codebook.values import validate_value
from casereview.errors import CodebookError, ValidationError

CODEBOOK_FILE = BUNDLED_DIR / "triennial-2014-17" / "2020.yaml"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return default_registry().get("triennial-2014-17")


def labels(cb: Codebook, field_id: str) -> dict[str, str]:
    return {v.id: v.label for v in cb.values_of(cb.field(field_id))}


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_loads_as_the_2020_version_citing_its_documents(cb: Codebook) -> None:
    assert cb.key == "triennial-2014-17@2020"
    assert default_registry().get("triennial-2014-17", "2020") is not None
    docs = {d.id: d for d in cb.documents}
    # 002 was published in 2020: the LSCB transition "was completed on 29 September 2019"
    # (footnote 1, line 36) and cohort dates run to 31 March 2017.
    assert docs["002"].year == 2020
    assert "2014-2017" in docs["002"].title
    cited = {f.source.document for f in cb.fields} | {d.source.document for d in cb.derivations}
    assert cited <= set(docs), "every cited document has a documents entry"


# --- 002 Appendix B: Classification of deaths (line 7916 ff.), Table 3 ---------------------

APPENDIX_B = [  # (code, heading as printed in Appendix B)
    (1, "Fatal Physical Abuse"),
    (2, "Overt Filicide"),
    (3, "Covert Filicide"),
    (4, "Extreme Neglect/Deprivational Abuse"),
    (5, "Severe, persistent child cruelty"),
    (6, "Child Homicide"),
    (7, "Fatal Assaults"),
    (8, "Deaths Related to Maltreatment"),
]


def test_all_eight_death_categories_in_appendix_b_order(cb: Codebook) -> None:
    values = cb.values_of(cb.field("death_category"))
    by_code = {v.code: norm(v.label) for v in values if not v.missing}
    assert by_code == {code: norm(heading) for code, heading in APPENDIX_B}


def test_category_not_clear_is_missing_not_a_ninth_category(cb: Codebook) -> None:
    # Appendix B: "this is coded as 'category not clear'" (line 7922)
    not_clear = [v for v in cb.values_of(cb.field("death_category")) if v.missing]
    assert [norm(v.label) for v in not_clear] == ["category not clear"]


def test_death_category_definitions_follow_appendix_b(cb: Codebook) -> None:
    defs = {v.id: norm(v.definition or "") for v in cb.values_of(cb.field("death_category"))}
    assert "parent or parent figure" in defs["fatal_physical_abuse"]  # category 1
    assert "concealed pregnanc" in defs["covert_filicide"]  # category 3
    assert "someone other than a parent" in defs["child_homicide"]  # category 6
    assert "peer-on-peer" in defs["fatal_assault"]  # category 7


def test_sub_categories_of_deaths_related_to_maltreatment(cb: Codebook) -> None:
    sub = labels(cb, "death_related_subcategory")
    # Section 2.4.2 (line 835): "sudden unexpected death in infancy (SUDI) with 37 cases and
    # suicide with 30"; Appendix B category 8 (line 8003 ff.): fatal accidents, natural causes,
    # risk-taking behaviours; Appendix J: "If other category of death related to maltreatment".
    assert norm(sub["sudi"]) == "sudden unexpected death in infancy (sudi)"
    assert sub["suicide"] == "Suicide"
    assert {"accident", "medical", "risk_taking", "other"} <= set(sub)
    assert validate_value(cb, "death_related_subcategory", "SUDI") == "sudi"
    assert cb.field("death_related_subcategory").level == "child"


def test_direct_maltreatment_deaths_are_appendix_b_categories_one_to_five(cb: Codebook) -> None:
    # Chapter 2 summary points (line 932): direct maltreatment deaths are "overt and covert
    # filicide, severe persistent child cruelty, extreme neglect and fatal physical abuse".
    rule = next(d for d in cb.derivations if d.field == "direct_maltreatment_death")
    assert rule.from_fields == ("death_category",)
    codes = {v.id: v.code for v in cb.values_of(cb.field("death_category"))}
    assert sorted(codes[v] for v in rule.present_values) == [1, 2, 3, 4, 5]


# --- Non-fatal harm and source of harm (Tables 5 and 6) ---------------------------------------


def test_serious_harm_categories(cb: Codebook) -> None:
    harm = labels(cb, "harm_category")
    # Executive summary (line 91): "physical and emotional abuse and neglect, sexual abuse and
    # exploitation"; Section 4.1.1 (line 3523): "Risk-taking/violent behaviour".
    assert harm["physical_abuse"] == "Physical abuse"
    assert harm["emotional_abuse"] == "Emotional abuse"
    assert harm["neglect"] == "Neglect"
    assert harm["sexual_abuse"] == "Sexual abuse"
    assert "CSE" in harm["cse"]
    assert harm["risk_taking_violent"] == "Risk-taking/violent behaviour"
    assert validate_value(cb, "harm_category", "child sexual exploitation") == "cse"


def test_source_of_harm_follows_appendix_b_rules(cb: Codebook) -> None:
    src = labels(cb, "source_of_harm")
    # Appendix B (line 7923): suicide/self-harm assigned as self; neglect as 'both parents';
    # Table 6 narrative (line 867): 'not known/not clear'; "strangers unknown to the child".
    assert src["self"] == "Self"
    assert src["both_parents"] == "Both parents"
    assert norm(src["not_known_not_clear"]) == "not known/not clear"
    assert "stranger" in norm(src["stranger"])
    assert {"mother", "father", "other_family"} <= set(src)
    assert validate_value(cb, "source_of_harm", "not clear") == "not_known_not_clear"


def test_fatal_is_a_yes_no_field(cb: Codebook) -> None:
    # Appendix J: "Death / Serious Incident"
    assert cb.field("fatal").type == "yes_no"
    assert validate_value(cb, "fatal", "yes") == "yes"


# --- The child (Tables 7-11) ------------------------------------------------------------------


def test_age_bands_of_table_7(cb: Codebook) -> None:
    ages = cb.values_of(cb.field("age_band"))
    # Section 2.6.1 (line 925): "154 (42%) aged under one year"; the older groups 11+.
    assert [v.label for v in ages] == [
        "Under 1 year",
        "1-5 years",
        "6-10 years",
        "11-15 years",
        "16 years and over",
    ]
    assert [v.score for v in ages] == [1, 2, 3, 4, 5]
    age = cb.field("age_years")
    assert (age.type, age.minimum, age.maximum) == ("number", 0, 18)
    with pytest.raises(ValidationError):
        validate_value(cb, "age_years", "19")


def test_gender_ethnicity_and_where_living(cb: Codebook) -> None:
    assert validate_value(cb, "gender", "girl") == "female"  # 2.6.1 "200 boys, 168 girls"
    eth = labels(cb, "ethnicity")
    assert eth["white"] == "White"
    assert eth["black"] == "Black or Black British"  # Table 20 text: "Black British"
    assert validate_value(cb, "ethnicity", "White British") == "white"  # Table 20 text
    # 2.6.2 (line 964): "ethnicity was not stated" for 25 of 368: a missing value
    assert next(v for v in cb.values_of(cb.field("ethnicity")) if v.id == "not_stated").missing
    living = labels(cb, "living_situation")
    # 2.6.3 (line 978): "living at home or with relatives", and supervised settings
    assert {"with_parents", "with_relatives", "foster_care", "residential"} <= set(living)


def test_social_care_plans_and_looked_after(cb: Codebook) -> None:
    # 2.6.4 (line 1003): "55% had current involvement; 22% were previously known but their case
    # was currently closed; and only 16% had never been known"
    assert [v.id for v in cb.values_of(cb.field("csc_involvement")) if not v.missing] == [
        "current",
        "previous",
        "never",
    ]
    # Table 11 (line 1034): "Index child with a child protection plan (current or past)"
    assert {"current", "past", "never"} <= set(labels(cb, "cpp_status"))
    # 2.6.4 (line 1049): "neglect, followed by emotional abuse, physical abuse and finally
    # sexual abuse"; Appendix J "what category/s" (several: multiple)
    cats = labels(cb, "cpp_category")
    assert {cats[k] for k in ("neglect", "emotional_abuse", "physical_abuse", "sexual_abuse")} == {
        "Neglect",
        "Emotional abuse",
        "Physical abuse",
        "Sexual abuse",
    }
    assert "multiple" in cats
    # 2.6.4 (line 1054): "were or had previously been looked after"
    assert validate_value(cb, "looked_after", "previously known") == "previous"


# --- Characteristics (Tables 12-15, Appendix J) -----------------------------------------------

PARENTAL = {  # field id -> words typed from Table 12 narrative / Appendix J parental column
    "par_alcohol": "alcohol misuse",
    "par_drugs": "drug misuse",
    "par_mental_health": "mental health problems",
    "par_aces": "adverse childhood experiences",
    "par_csc_childhood": "known to children's social care in childhood",
    "par_learning_disability": "intellectual disability",
    "par_criminal": "criminal record",
    "par_violent_crime": "violent crime (other than domestic violence)",
}
FAMILY = {  # Table 13 narrative (line 1153 ff.) / Appendix J
    "fam_domestic_abuse": "domestic violence/abuse",
    "fam_separation": "parental separation",
    "fam_acrimonious_separation": "acrimonious separation",
    "fam_poverty": "poverty",
    "fam_social_isolation": "social isolation",
    "fam_transient": "transient lifestyle",
    "fam_multiple_partners": "multiple partners",
}
CHILD = {  # Table 14 narrative (line 1162 ff.) / Appendix J child column / chapter 4
    "child_disability": "disability",
    "child_fii": "fabricated or induced illness",
    "child_behaviour": "behaviour problems",
    "child_mental_health": "mental health problems",
    "child_alcohol": "alcohol misuse",
    "child_drugs": "drug misuse",
    "child_ipv": "intimate partner violence",
    "child_bullying": "bullying",
    "child_cse": "child sexual exploitation",
    "child_missing": "going missing",
    "child_criminal_exploitation": "criminal exploitation",
}


@pytest.mark.parametrize(
    ("field_id", "words", "level"),
    [(k, w, "review") for k, w in {**PARENTAL, **FAMILY}.items()]
    + [(k, w, "child") for k, w in CHILD.items()],
)
def test_characteristics_are_yes_no_fields(
    cb: Codebook, field_id: str, words: str, level: str
) -> None:
    f = cb.field(field_id)
    assert f.type == "yes_no"
    assert f.level == level
    assert words in norm(f.label)


def test_disability_detail_and_table_sources(cb: Codebook) -> None:
    assert cb.field("child_disability").source.section == "Table 15"
    assert "learning" in labels(cb, "child_disability_type")
    assert cb.field("par_mental_health").source.section == "Table 12"
    assert cb.field("fam_domestic_abuse").source.section == "Table 13"


# --- Neglect protocol (Appendix C, line 8015 ff.) ---------------------------------------------

APPENDIX_C = {  # field id -> words typed from the Appendix C bullet
    "neg_cpp": "cp plan under the category of neglect",
    "neg_referred": "neglect directly referred to",
    "neg_nourish": "poorly nourished",
    "neg_living_conditions": "poor living conditions",
    "neg_pregnancy_substance": "drug/alcohol misuse in pregnancy",
    "neg_concealed": "concealed pregnancy/birth",
    "neg_health_care": "not accessing health care",
    "neg_missed_appointments": "repeated missed appointments",
    "neg_supervision": "inappropriate supervision",
    "neg_clothing_hygiene": "inadequate clothing/hygiene",
    "neg_engagement": "reluctance to engage with services",
    "neg_school": "school attendance concerns",
    "neg_firearm_ingestion": "accessing firearm or ingesting a harmful substance",
    "neg_after_incident": "identified after the incident",
}


def test_each_appendix_c_indicator_is_a_yes_no_field(cb: Codebook) -> None:
    for fid, words in APPENDIX_C.items():
        f = cb.field(fid)
        assert f.type == "yes_no" and f.source.section == "Appendix C", fid
        assert words in norm(f.label), fid


def test_neglect_is_derived_from_any_one_indicator(cb: Codebook) -> None:
    rule = next(d for d in cb.derivations if d.field == "neglect")
    # Appendix C: a CP plan under neglect, or "one or a combination of the following factors"
    assert set(rule.from_fields) == set(APPENDIX_C)
    assert rule.at_least == 1
    assert rule.present_values == ("yes",)
    assert rule.source.section == "Appendix C"
    assert all(cb.has_field(f) for f in (rule.field, *rule.from_fields))
    assert cb.field("neglect").derived and cb.field("neglect").type == "yes_no"


def test_toxic_trio_rules(cb: Codebook) -> None:
    rules = {d.field: d for d in cb.derivations}
    trio = {"fam_domestic_abuse", "par_mental_health", "par_substance"}
    assert set(rules["toxic_trio_all"].from_fields) == trio
    assert rules["toxic_trio_all"].at_least == 3
    assert set(rules["toxic_trio_any"].from_fields) == trio
    assert rules["toxic_trio_any"].at_least == 1
    # substance misuse = alcohol or drugs (Table 12 "alcohol or substance misuse")
    assert set(rules["par_substance"].from_fields) == {"par_alcohol", "par_drugs"}
    order = [d.field for d in cb.derivations]
    assert order.index("par_substance") < order.index("toxic_trio_all")


def test_every_derivation_names_existing_fields_and_values(cb: Codebook) -> None:
    for d in cb.derivations:
        assert cb.field(d.field).derived, d.field
        allowed = {v.id for fid in d.from_fields for v in cb.values_of(cb.field(fid))}
        assert set(d.present_values) <= allowed, d.field


# --- The review: method, recommendations, region, LSCB ----------------------------------------


def test_scr_methods_of_table_21(cb: Codebook) -> None:
    methods = labels(cb, "scr_method")
    # 6.1 narrative (line 6038 ff.): traditional with IMRs and a chronology, SCIE learning
    # together, Welsh CPR, SILP, 'Other', 'unspecified systems' or 'hybrid', not stated.
    assert "IMRs" in methods["traditional"]
    assert "Learning Together" in methods["scie"]
    assert "Welsh Child Practice Review" == methods["welsh_cpr"]
    assert "Significant Incident Learning Process" in methods["silp"]
    assert "hybrid" in methods["hybrid"]
    assert {"other", "not_stated"} <= set(methods)
    assert validate_value(cb, "scr_method", "root cause analysis") == "other"


def test_review_level_fields(cb: Codebook) -> None:
    n = cb.field("n_recommendations")
    assert (n.type, n.level, n.minimum) == ("integer", "review", 0)
    assert cb.field("lscb").type == "text"
    regions = labels(cb, "eng_region")
    assert len(regions) == 9  # the nine English regions
    # Section 2.3 summary (line 807): "Yorkshire and the Humber, 1.66" and "North West, 5.52"
    assert regions["yorkshire_humber"] == "Yorkshire and the Humber"
    assert regions["north_west"] == "North West"


def test_field_ids_are_usable_spss_names_and_avoid_structural_columns(cb: Codebook) -> None:
    reserved = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"}
    structural = {"review_id", "child", "study", "year", "region"}
    for f in cb.fields:
        assert len(f.id) <= 64 and f.id not in reserved | structural, f.id


# --- The derivation checks this codebook relies on --------------------------------------------


def _raw() -> dict:
    return yaml.safe_load(CODEBOOK_FILE.read_text(encoding="utf-8"))


def test_a_present_value_no_field_allows_is_refused() -> None:
    data = _raw()
    rule = next(d for d in data["derivations"] if d["field"] == "direct_maltreatment_death")
    rule["present_values"] = ["fatal_physical_abuse", "filicide"]
    with pytest.raises(CodebookError, match="present value 'filicide'"):
        codebook_from_dict(data, "test")


def test_a_rule_reading_a_later_derived_field_is_refused() -> None:
    data = _raw()
    rules = data["derivations"]
    sub = next(d for d in rules if d["field"] == "par_substance")
    rules.remove(sub)
    rules.append(copy.deepcopy(sub))
    with pytest.raises(CodebookError, match="derived by a later rule"):
        codebook_from_dict(data, "test")


def test_an_unreachable_threshold_is_refused() -> None:
    data = _raw()
    next(d for d in data["derivations"] if d["field"] == "toxic_trio_all")["at_least"] = 4
    with pytest.raises(CodebookError, match="at_least is 4"):
        codebook_from_dict(data, "test")
