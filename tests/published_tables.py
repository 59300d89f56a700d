"""Published figures of the Cafcass SCR studies, typed from the documents.

Every number here was copied by hand from a reference document (000 = Cafcass, Learning from
Cafcass submissions to SCRs, November 2014; 001 = the same series, June 2017); none comes
from code. Page numbers are those of the documents' own contents lists.

Rows and columns are keyed by the value ids of the `cafcass-scr` codebook (2017 version for
001, 2014 version for 000); the document's own row label is kept beside each row.
Column keys used throughout: "public" = law types whose parent is public (s31 only,
others), "private" = WTFH only, WTFH & WAFH; "public_and_private"; "total".

Published tables that contradict themselves keep their published numbers here; each such
cell is listed in INCONSISTENCIES with the value the rest of the document implies, and the
acceptance tests check the data against that implied value.
"""

from __future__ import annotations

from typing import Any

LAW3 = ("public", "private", "public_and_private", "total")
STUDIES = ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015", "cafcass-2017")

# ----------------------------------------------------------------------------------------
# 001 (June 2017): the five studies pooled, 97 reviews / 174 children
# ----------------------------------------------------------------------------------------

# 001 Section 1.1, p. 6: "97 SCR submissions involving 174 children".
POOLED_SIZE = {"source": "001 Section 1.1, p. 6", "reviews": 97, "children": 174}

# 001 Table 1, p. 6: Number and timeframe of SCR submissions per Cafcass study (reviews).
TABLE_001_1 = {
    "source": "001 Table 1, p. 6",
    "unit": "reviews",
    "rows": {
        "cafcass-2012": ("2009 - March 2012", 23),
        "cafcass-2013": ("April 2012 – July 2013", 10),
        "cafcass-2014": ("August 2013 – September 2014", 26),
        "cafcass-2015": ("October 2014 – November 2015", 23),
        "cafcass-2017": ("December 2015 – December 2016", 15),
    },
    "total": ("2009 – 2016", 97),
}

# 001 Table 3, p. 9: Case types and involvement in proceedings at time of incident
# (2017 study, 15 reviews). Columns: public, private, total.
TABLE_001_3 = {
    "source": "001 Table 3, p. 9",
    "unit": "reviews",
    "study": "cafcass-2017",
    "columns": ("public", "private", "total"),
    "rows": {
        "prior_only": ("Prior to incident only", (7, 1, 8)),
        "at_time": ("At the time of the incident", (3, 2, 5)),
        "following_only": ("Following the incident only", (2, 0, 2)),
    },
    "total": (12, 3, 15),
}

# Parents' age bands of 001 Tables 4 and 13 (age at birth of first child, in years).
AGE_BANDS_PARENTS = {
    "under_21": ("Under 21", None, 21),  # upper bound exclusive
    "21_25": ("21-25", 21, 26),
    "26_30": ("26-30", 26, 31),
    "over_30": ("Over 30", 31, None),
    "unknown": ("Unknown", None, None),
}

# 001 Table 4, p. 11: Age profile of mothers and fathers at birth of first child (2017 study,
# 15 reviews). Values: (count, published %).
TABLE_001_4 = {
    "source": "001 Table 4, p. 11",
    "unit": "reviews",
    "study": "cafcass-2017",
    "mothers": {"under_21": (8, 53), "21_25": (4, 27), "26_30": (1, 7), "over_30": (1, 7), "unknown": (1, 7)},
    "fathers": {"under_21": (2, 13), "21_25": (5, 33), "26_30": (2, 13), "over_30": (5, 33), "unknown": (1, 7)},
    "total": 15,
}

# 001 Table 5, p. 14: Overall risk rating by case type (average of the 0-39 risk score;
# number of cases in brackets). Values: (average, cases); None where the table shows "-".
# Columns: 2017 study, previous studies (2012-2015), overall.
TABLE_001_5 = {
    "source": "001 Table 5, p. 14",
    "unit": "reviews",
    "columns": ("2017", "2012-2015", "overall"),
    "rows": {
        "public_s31": ("Public law – s31 only", ((17.6, 12), (17.1, 29), (17.3, 41))),
        "public_other": ("Public law – others", (None, (13.3, 8), (13.3, 8))),
        "public": ("Total public law", ((17.6, 12), (16.3, 37), (16.6, 49))),
        "private_wtfh": ("Private law – WTFH only", (None, (7.1, 17), (7.1, 17))),
        "private_wtfh_wafh": ("Private law – WTFH & WAFH", ((11.3, 3), (10.2, 21), (10.4, 24))),
        "private": ("Total private law", ((11.3, 3), (8.8, 38), (9.0, 41))),
        "public_and_private": ("Public and private", (None, (17.3, 7), (17.3, 7))),
        "all": ("All case types", ((16.3, 15), (12.9, 82), (13.1, 97))),
    },
}

# 001 Section 3.4.2, p. 14-15: risk ratings in the 2017 study (15 reviews).
RISK_2017_TEXT = {
    "source": "001 Section 3.4.2, pp. 14-15",
    "cases_11_to_20": 10,  # "The majority (n=10) of cases were rated between 11 and 20"
    "lowest": (9, "private_wtfh_wafh"),  # "The lowest risk rating was nine in a private law WAFH case"
    "highest": (24, "public_s31"),  # "The highest risk rating was 24 in a s31 public law case"
    "cases_over_20": 3,  # "Three cases ... had very high risk ratings of over 20"
    "public_range": (11, 24),  # "public law range 11-24"
    "private_range": (9, 15),  # "private law range 9–15"
}

# 001 Sections 3.1-3.4 (2017 study) counts given in the text.
STUDY_2017_TEXT = {
    "source": "001 Sections 3.1-3.4, pp. 9-13",
    "reviews": 15,
    "children": 21,  # 3.2 "21 children were the subjects of 15 submissions"
    "single_child_reviews": 12,  # 3.2 "The majority (12) of SCRs involved only one child"
    "public": 12,
    "private": 3,  # Executive summary / 3.1
    "during_proceedings": 5,  # Executive summary "Five of the index incidents took place during proceedings"
    "female": 12,
    "male": 9,  # 3.2
    # 3.2: children by harm suffered: (girls, boys)
    "children_by_harm": {
        "sexual_abuse": (2, 2),
        "neglect": (5, 4),
        "physical_abuse": (4, 3),
        "perpetrator": (1, 0),
    },
    "under_six": 16,  # 3.2 "The majority (16) were young children (under six years old)"
    "deaths": 5,  # 3.3
    "death_ages": ("1 month", 1, 1, 2, 16),  # 3.3 "aged: 1 month, 1 year, 1 year, 2 years, and 16 years"
    # 3.3: deaths: two physical abuse, one neglect, one co-sleeping, and one linked to a
    # health condition coded 'neglect (non-fatal)' (footnote 5); serious maltreatment: five
    # physical abuse, three neglect (including that death), two sexual abuse, one other.
    "incidents": {
        "physical_abuse_fatal": 2,
        "neglect_fatal": 1,
        "co_sleeping": 1,
        "physical_abuse_non_fatal": 5,
        "neglect_non_fatal": 3,
        "sexual_abuse": 2,
        "other": 1,
    },
    "siblings_removed": 3,  # 3.2 "In three cases there had previously been removal of older siblings"
    "neglect_present": 13,  # 3.4.1 "Neglect featured in all public law cases and one private law (n=13)"
    "neglect_high": 11,  # 3.4.1 "the majority of these were high risk (n=11)"
    "parental_vulnerabilities": 8,  # 3.4.1 "seven of the eight cases involving parental vulnerabilities"
    "parental_vulnerabilities_with_high_neglect": 7,
    "child_vulnerabilities": 13,  # 3.4.1 "Child vulnerabilities also featured in the majority of cases (n=13)"
    "private_high_da_and_emotional": 2,  # 3.4.1 "Of the three private law cases, two featured high risks of domestic and emotional abuse"
    "da_perpetrator_not_male": 1,  # 3.4.1 "in all cases except one was male; ... the mother ... both a victim and perpetrator"
    "cpp_previously": 8,  # 3.4.1 "In eight cases the child had previously been on a child protection plan"
    "cpp_previously_physical_abuse_incident": 5,  # "Five of these cases involved physical abuse index incidents"
    "cpp_previously_physical_abuse_incident_with_pa_risk_low": 2,  # "only present in two of these cases, both at low risk"
    "physical_abuse_incidents": 8,  # 3.4.1 "Out of all eight cases which involved a physical abuse index incident" (see INCONSISTENCIES)
    "physical_abuse_incidents_with_pa_risk": 3,  # "only three involved a known risk of physical abuse"
    "physical_abuse_incidents_with_pa_risk_high": 1,  # "In the one case involving high risk of physical abuse"
    "parental_mental_health": 8,  # 3.4.1 "In all but one of the eight cases featuring parental mental health risks,
    "parental_mental_health_with_sm_and_da": 7,  # both substance misuse and domestic abuse risks also featured"
    "learning_review": 1,  # 1.1 footnote 1 "One review was configured as a multi-agency learning review"
}

# 001 Table 6, p. 19: Index incident type by type of proceedings (reviews).
TABLE_001_6 = {
    "source": "001 Table 6, p. 19",
    "unit": "reviews",
    "columns": LAW3,
    "rows": {
        "physical_abuse_fatal": ("Death – Direct maltreatment – Physical abuse", (8, 11, 1, 20)),
        "homicide": ("Death – Direct maltreatment – Homicide", (1, 12, 1, 14)),
        "neglect_fatal": ("Death – Other – Neglect", (5, 4, 0, 9)),
        "co_sleeping": ("Death – Other – Co-sleeping", (4, 2, 0, 6)),
        "physical_abuse_non_fatal": ("Serious harm – Physical abuse", (8, 4, 0, 12)),
        "neglect_non_fatal": ("Serious harm – Neglect", (5, 4, 1, 10)),
        "sexual_abuse": ("Serious harm – Sexual abuse", (10, 2, 3, 15)),
        "suicide": ("Other – Suicide", (5, 2, 0, 7)),
        "drug_overdose": ("Other – Accidental fatal drug overdose", (2, 0, 0, 2)),
        "other": ("Other – Other", (1, 0, 1, 2)),
    },
    "total": (49, 41, 7, 97),
}

# 001 Table 7, p. 20: Suspected incident perpetrator (reviews). Group percentages are those
# printed beside the table (Familial 75%, Child 11%, Extra-familial 7%, Unknown 6%).
TABLE_001_7 = {
    "source": "001 Table 7, p. 20",
    "unit": "reviews",
    "rows": {
        "father": ("Father", 22),
        "mother": ("Mother", 16),
        "both_parents": ("Both parents", 8),
        "parents_and_others": ("One/both parent(s) and others", 9),
        "mother_and_partner": ("Mother and partner", 5),
        "mothers_partner": ("Mother's partner", 5),
        "extended_family": ("Extended family", 8),
        "young_person_self": ("Young person him or herself", 10),
        "subject_child": ("Subject child was perpetrator", 1),
        "extra_familial": ("Extra-familial", 4),
        "ex_boyfriend": ("Child's ex-boyfriend", 2),
        "foster_carers": ("Foster carers", 1),
        "not_known": ("Not known", 6),
    },
    "total": 97,
    "group_percent": {"familial": 75, "child": 11, "extra_familial_group": 7, "unknown": 6},
}

# 001 Table 8, p. 21: Suspected perpetrator by type of index incident (reviews; excludes
# incidents where the young person him or herself was responsible, footnote 22).
# Columns: death by physical abuse and homicide; death by neglect and co-sleeping; serious
# harm by physical abuse; by neglect; sexual abuse.
TABLE_001_8 = {
    "source": "001 Table 8, p. 21",
    "unit": "reviews",
    "columns": ("death_physical_abuse_homicide", "death_neglect_co_sleeping",
                "harm_physical_abuse", "harm_neglect", "harm_sexual_abuse"),
    "column_incidents": {
        "death_physical_abuse_homicide": ("physical_abuse_fatal", "homicide"),
        "death_neglect_co_sleeping": ("neglect_fatal", "co_sleeping"),
        "harm_physical_abuse": ("physical_abuse_non_fatal",),
        "harm_neglect": ("neglect_non_fatal",),
        "harm_sexual_abuse": ("sexual_abuse",),
    },
    "rows": {
        "father": ("Father", (11, 2, 4, 1, 4)),
        "mother": ("Mother", (7, 7, 1, 1, 0)),
        "both_parents": ("Both parents", (1, 2, 1, 4, 0)),
        "parents_and_others": ("One/both parent(s) and others", (3, 1, 0, 1, 4)),
        "mother_and_partner": ("Mother and partner", (2, 0, 1, 2, 0)),
        "mothers_partner": ("Mother's partner", (4, 0, 1, 0, 0)),
        "extended_family": ("Extended family", (2, 2, 1, 0, 3)),
        "extra_familial": ("Extra-familial", (0, 0, 1, 0, 3)),
        "ex_boyfriend": ("Child's ex-boyfriend", (2, 0, 0, 0, 0)),
        "foster_carers": ("Foster carers", (0, 0, 0, 0, 1)),
        "not_known": ("Not known", (2, 1, 2, 1, 0)),
    },
    "total": (34, 15, 12, 10, 15),
}

# 001 Section 5.2.1, p. 20: perpetrators in the text around Tables 7-8.
PERPETRATOR_TEXT = {
    "source": "001 Section 5.2.1, pp. 20-21; Executive summary p. 5",
    "familial_percent": 75,  # "the vast majority of the incidents (75%)"
    "extended_family": 8,  # "In eight of our 97 cases ... a member of the extended family"
    "homicides": 14,  # "We have coded 14 cases as homicides"
    "homicide_fathers_equal_mothers": True,  # "equal numbers of fathers and mothers are responsible for deliberate homicides"
    "fatal_physical_fathers_at_least": 12,  # "fathers were involved in at least 12 cases,
    "fatal_physical_mothers_at_least": 10,  # and mothers in at least 10"
    "neglect_co_sleeping_deaths_mothers_at_least": 9,  # "(at least nine compared to four)"
    "neglect_co_sleeping_deaths_fathers_at_least": 4,
}

# 001 Section 5.1, pp. 18-19 and Executive summary p. 5: involvement and deaths.
INVOLVEMENT_001 = {
    "source": "001 Section 5.1, pp. 18-19",
    "unit": "reviews",
    "rows": {
        "at_time": ("involved with the child in ongoing proceedings at the time of the incident", 35, 36),
        "prior_only": ("occurred after family court proceedings had ended", 38, 39),
        "not_previously_known": ("did not previously know the child", 24, 25),
    },
    "total": 97,
}
DEATHS_001 = {
    "source": "001 Executive summary, p. 5",
    "percent_about": 60,  # "About 60% of SCRs have been triggered by the death of a child"
}

# 001 Section 5.3.1, pp. 22-23: the 'toxic trio' (domestic abuse, substance misuse,
# parental mental health). Reviews.
TOXIC_TRIO_001 = {
    "source": "001 Section 5.3.1, pp. 22-23",
    "all_three_percent": 28,  # "28% of cases involved all three toxic trio risk factors"
    "at_least_one_percent": 89,  # "(89% compared with 47%; 28% compared with 22%)"
    "none": 11,  # "Eleven Cafcass cases did not feature any of the 'toxic trio'"
    # "At least one of the toxic trio risk factors was present in each case that entailed
    # fatal or physical maltreatment by one or both of the parents."
    "parental_physical_maltreatment_all_have_one": True,
    # "In these cases the index incidents were: fatal or physical harm caused by other family
    # members; extra-familial child sexual abuse or exploitation; and likely accidental drug
    # overdoses by teenagers."
}

# 001 Table 9, p. 24: Prevalence and risk level of domestic abuse by law type (reviews).
TABLE_001_9 = {
    "source": "001 Table 9, p. 24",
    "unit": "reviews",
    "columns": LAW3,
    "rows": {
        "high": ("High", (16, 14, 3, 33)),
        "medium": ("Medium", (10, 15, 4, 29)),
        "low": ("Low", (3, 4, 0, 7)),
    },
    "total": (29, 33, 7, 69),
    "total_percent": (59, 80, 100, 71),  # % of the overall number of cases of that law type
}

# 001 Table 10, p. 24: Alleged perpetrator of domestic abuse by law type (reviews featuring
# domestic abuse). Total column percentages as printed.
TABLE_001_10 = {
    "source": "001 Table 10, p. 24",
    "unit": "reviews",
    "columns": LAW3,
    "rows": {
        "father_male_partner": ("Father/male partner", (18, 25, 3, 46)),
        "mother_female_partner": ("Mother/female partner", (0, 1, 0, 1)),
        "reciprocal": ("Reciprocal", (4, 4, 1, 9)),
        "unknown": ("Unknown or insufficient data", (7, 3, 3, 13)),
    },
    "total": (29, 33, 7, 69),
    "total_percent": {"father_male_partner": 67, "mother_female_partner": 1, "reciprocal": 13, "unknown": 19},
}

# 001 Section 5.3.2, pp. 23-24: domestic abuse in the text.
DOMESTIC_ABUSE_TEXT = {
    "source": "001 Section 5.3.2, pp. 23-24",
    "cases": 69,
    "percent": 71,  # "present at varied risk levels in 71% of the SCRS (n=69)"
    "male_percent_text": 66,  # "the alleged perpetrator was most commonly male (66%; see Table 10)" (see INCONSISTENCIES)
    "same_perpetrator": 36,  # "In 52% of cases (n= 36) the person thought to have perpetrated the index incident
    "same_perpetrator_percent": 52,  # was also thought to have perpetrated domestic abuse."
    "same_by_perpetrator": {"father": 20, "mother": 6, "both_parents": 6, "mothers_partner": 4},
    "different_perpetrator": 19,  # "In 28% (19) of cases, the person ... was not the alleged domestic abuse perpetrator"
    "different_perpetrator_percent": 28,
    "different_percent_executive_summary": 48,  # Executive summary p. 5 "in 48% of cases" (see INCONSISTENCIES)
}

# 001 Table 11, p. 25: Prevalence and risk level of neglect by law type (reviews).
TABLE_001_11 = {
    "source": "001 Table 11, p. 25",
    "unit": "reviews",
    "columns": LAW3,
    "rows": {
        "high": ("High", (26, 3, 1, 30)),
        "medium": ("Medium", (9, 6, 3, 18)),
        "low": ("Low", (4, 6, 0, 10)),
    },
    "total": (39, 15, 4, 58),
}

# 001 Section 5.3.3, p. 24: "Risk of neglect was present in 60% of SCR cases reviewed (n=58)";
# "15% of index incidents involved fatal neglect/co-sleeping, 10% involved non-fatal neglect".
NEGLECT_TEXT = {
    "source": "001 Section 5.3.3, p. 24",
    "cases": 58,
    "percent": 60,
    "fatal_neglect_co_sleeping_percent": 15,
    "non_fatal_neglect_percent": 10,
}

# 001 Section 5.4.1, pp. 25-26 (Figure 7): age of children at the time of the incident, as
# percentages of the children (174): under one 20%, one to five 33%, teenagers 9%.
CHILD_AGE_001 = {
    "source": "001 Section 5.4.1, pp. 25-26",
    "unit": "children",
    "under_1_percent": 20,
    "1_to_5_percent": 33,
    "teenagers_percent": 9,
}

# 001 Table 12, p. 26: Gender of child by year of Cafcass SCR submission study (children).
# Values: (count, published %).
TABLE_001_12 = {
    "source": "001 Table 12, p. 26",
    "unit": "children",
    "columns": (*STUDIES, "total"),
    "rows": {
        "female": ("Female", ((27, 50), (17, 59), (16, 50), (26, 68), (12, 57), (98, 56))),
        "male": ("Male", ((27, 50), (12, 41), (16, 50), (12, 32), (9, 43), (76, 44))),
    },
    "total": (54, 29, 32, 38, 21, 174),
}

# 001 Table 13, p. 27: Age profile of mothers and fathers at birth of first child (reviews of
# the studies since 2014, footnote 32: parents' ages collected since the 2014 study).
TABLE_001_13 = {
    "source": "001 Table 13, p. 27",
    "unit": "reviews",
    "studies": ("cafcass-2014", "cafcass-2015", "cafcass-2017"),
    "mothers": {"under_21": (26, 41), "21_25": (15, 23), "26_30": (11, 17), "over_30": (9, 14), "unknown": (3, 5)},
    "fathers": {"under_21": (12, 19), "21_25": (14, 22), "26_30": (12, 19), "over_30": (20, 31), "unknown": (6, 9)},
    "total": 64,
}

# ----------------------------------------------------------------------------------------
# 000 (November 2014): the 2014 sample, 26 analysed reviews / 30 index children
# ----------------------------------------------------------------------------------------

# 000 Section 1, Table 1: SCR type, of all 28 submissions (two were later excluded
# from the analysis, 000 Section 2 and Appendix A).
TABLE_000_1 = {
    "source": "000 Table 1 (Section 1)",
    "unit": "submissions",
    "rows": {
        "traditional": ("Traditional", 18),
        "hybrid": ("Hybrid", 7),
        "scie": ("SCIE", 1),
        "unclear": ("Unclear (to date)", 2),
    },
    "total": 28,
    "excluded_from_analysis": 2,
}

# 000 Section 3.1, Table 2: Total duration of Cafcass involvement (reviews).
# Bands as printed (the last two overlap at 60: read as 49-60 and 61-72).
TABLE_000_2 = {
    "source": "000 Table 2 (Section 3.1)",
    "unit": "reviews",
    "rows": {
        "0_12": ("0 to 12", (0, 12), 9),
        "13_24": ("13 to 24", (13, 24), 8),
        "25_36": ("25 to 36", (25, 36), 5),
        "37_48": ("37 to 48", (37, 48), 2),
        "49_60": ("49 to 60", (49, 60), 1),
        "61_72": ("60 to 72", (61, 72), 1),
    },
    "total": 26,
}
INVOLVEMENT_000 = {
    "source": "000 Sections 3.1, 3.3 and 5.2",
    "known_currently_or_previously": 24,  # 3.1 "in cases concerning 24 of the 26 index children"
    "other_family_member": 2,  # 3.1 "In the two cases where there was no current or previous involvement"
    "during_proceedings": 10,  # 5.2 point 2 "Ten of the 26 incidents took place whilst the proceedings were on-going"
    "began_2010_or_earlier": 13,  # 3.1 "Our involvement in half (13/26) of the cases began in 2010 or earlier"
    "earliest_start": 2005,  # 3.1 "The earliest involvement began in 2005
    "latest_start": 2013,  # and the most recent, 2013"
    "duration_min": 2,  # 3.1 "from a minimum of two months
    "duration_max": 69,  # to a maximum of 69 months"
    "duration_24_or_less": 17,  # 3.1 "in the majority of cases (17) ... 24 months (two years) or less"
    # 3.3 physical abuse (fatal and non-fatal, 12 cases): currently involved 3, never involved
    # with the index child 2, previously involved 7.
    "physical_abuse": {"at_time": 3, "other_family_member": 2, "prior_only": 7},
}

# 000 Section 3.1, Table 3: Case types (reviews).
TABLE_000_3 = {
    "source": "000 Table 3 (Section 3.1)",
    "unit": "reviews",
    "rows": {
        "private_wtfh_wafh": ("Private law – WTFH & WAFH", 7),
        "private_wtfh": ("Private law – WTFH only", 5),
        "private": ("Private law total", 12),
        "public_s31": ("Public law – s31 only", 9),
        "public_other": ("Public law – others specify", 3),
        "public": ("Public law total", 12),
        "public_and_private": ("Public and private", 2),
    },
    "total": 26,
    # footnote 5: "Two of these involved s31 and s25 secure accommodation applications and the
    # other case involved s31 applications and applications to discharge a care order."
    "public_other_s25": 2,
}

# 000 Section 3.2: children.
CHILDREN_000 = {
    "source": "000 Section 3.2",
    "children": 30,  # "There were 30 index children in the 26 submissions"
    "public": 16,  # "Sixteen index children were involved in public law cases
    "private": 14,  # and 14 in private law"
    "female": 16,  # "Sixteen children were female
    "male": 14,  # and 14 were male"
    "died": 18,  # "Eighteen of the children died as a result of the index incident
    "survived": 12,  # and 12 children survived the incident"
    # 3.5 "five of the 16 index children were 13 and over in contrast to only one of the 14
    # private law children"
    "public_13_and_over": 5,
    "private_13_and_over": 1,
}

# 000 Table 4 (Section 3.2): Children's ages. Values: (count, published %). Bands in years.
TABLE_000_4 = {
    "source": "000 Table 4 (Section 3.2)",
    "unit": "children",
    "bands": {"under_1": (0, 1), "1_5": (1, 6), "6_10": (6, 11), "11_15": (11, 16), "16_17": (16, 18)},
    "columns": ("2012 and 2013 samples", "2014 sample"),
    "rows": {
        "under_1": ("Under 1", ((7, 15.2), (3, 10))),
        "1_5": ("1 to 5", ((18, 39.1), (11, 36.7))),
        "6_10": ("6 to 10", ((9, 19.6), (9, 30))),
        "11_15": ("11 to 15", ((8, 17.4), (3, 10))),
        "16_17": ("16 to 17", ((4, 8.7), (4, 13.3))),
    },
    "total": (46, 30),
}

# 000 Section 3.2 and Section 5.2 point 3: parents' age at birth of first child.
PARENTS_000 = {
    "source": "000 Section 3.2, Chart 1",
    "fathers_missing": 3,  # "Data in respect of three fathers was missing"
    "mothers_20_or_under_percent": 46.2,  # "46.2% of mothers were aged 20 or under"
    "mothers_mean": 23,  # "The average (mean) age of the mothers was 23"
    "fathers_mean": 26,  # "with a mean age of 26"
    "fathers_20_or_under_percent": 30.4,  # "30.4% being 20 or younger"
}

# 000 Table 5 (Section 3.3): Index incident type in 2012, 2013 and 2014 samples (reviews).
# Values: (count, published %) per column: 2012, 2013, 2014, total.
TABLE_000_5 = {
    "source": "000 Table 5 (Section 3.3)",
    "unit": "reviews",
    "columns": ("2012", "2013", "2014", "total"),
    "rows": {
        "physical_abuse_fatal": ("Physical abuse (fatal)", ((3, 13.0), (4, 40), (11, 42.3), (18, 30.5))),
        "neglect_fatal": ("Neglect (fatal)", ((4, 17.4), (4, 40), (1, 3.8), (9, 15.3))),
        "spite_killing": ("Spite/revenge killing", ((5, 21.7), (1, 10), (2, 7.7), (8, 13.6))),
        "suicide": ("Suicide", ((4, 17.4), (1, 10), (1, 3.8), (6, 10.2))),
        "neglect_non_fatal": ("Neglect (non-fatal)", ((2, 8.7), (0, None), (4, 15.4), (6, 9.2))),
        "physical_abuse_non_fatal": ("Physical abuse (non-fatal)", ((4, 17.4), (0, None), (1, 3.8), (5, 8.5))),
        "sexual_abuse": ("Sexual abuse", ((0, None), (0, None), (4, 15.4), (4, 6.8))),
        "drug_overdose": ("Fatal drug overdose (not suicide)", ((0, None), (0, None), (2, 7.7), (2, 3.4))),
        "other": ("Other", ((1, 4.3), (0, None), (0, None), (1, 1.7))),
    },
    "total": (23, 10, 26, 59),
}
INCIDENTS_000_TEXT = {
    "source": "000 Sections 3.3 and 5.2",
    "non_fatal_2014_percent": 34.6,  # "Non-fatal incidents made up 34.6% of the 2014 sample
    "non_fatal_2012_2013_percent": 18.1,  # in contrast to 18.1% of the 2012 and 2013 samples combined"
    "fatal_2014": 17,  # 5.2 "Seventeen of the 26 index incidents ... entailed a child fatality"
    "fatal_physical_2014": 11,  # "Eleven of the 17 fatal incidents were fatal physical assaults"
    "spite_killings_by_mother": 2,  # 3.3 "In both cases the perpetrator was the mother of the child"
    "spite_killings_at_time": 2,  # "In both cases, Cafcass was involved in the proceedings ... at the time"
    "neglect_non_fatal_public": 2,  # "The non-fatal neglect cases were equally spread between public and private law"
    "neglect_non_fatal_private": 2,
    "neglect_fatal_law": "public_s31",  # "The fatal neglect case occurred in s31 proceedings"
    "physical_abuse_private": 8,  # "The majority (eight, including the non-fatal case) of the physical abuse cases
    "physical_abuse_public_s31": 4,  # were private law cases. The four other cases occurred in public law s31 cases."
    "overdose_secure_accommodation": 2,  # "Both of the children who died from drug overdoses had been subject to secure accommodation orders"
    "perpetrator_mother": 10,  # "in 10 of the 26 cases was either known or presumed to be the child's mother,
    "perpetrator_father": 7,  # whilst the child's father was the perpetrator or one of the perpetrators in seven cases"
}

# 000 Table 6 (Section 3.4): Average risk rating by law type, 2012, 2013 and 2014 samples.
# Values: (average, cases). Columns: combined 2012 and 2013, 2014, overall.
TABLE_000_6 = {
    "source": "000 Table 6 (Section 3.4)",
    "unit": "reviews",
    "columns": ("2012 and 2013", "2014", "overall"),
    "rows": {
        "public_s31": ("Public law (s31 only)", ((18, 9), (18.3, 9), (18.2, 18))),
        "public_other": ("Public law (other)", ((16.7, 3), (9, 3), (12.8, 6))),
        "public": ("Total public law", ((17.7, 12), (16, 12), (16.8, 24))),
        "private_wtfh": ("Private law (WTFH only)", ((6.9, 9), (5.2, 5), (6.3, 14))),
        "private_wtfh_wafh": ("Private law (WTFH and WAFH)", ((9.5, 10), (9.3, 7), (9.4, 17))),
        "private": ("Total private law", ((8.3, 19), (7.6, 12), (8, 31))),
        "public_and_private": ("Public and private law", ((18, 2), (17, 2), (17.5, 4))),
        "all": ("All case types", ((12.3, 33), (12.2, 26), (12.2, 59))),
    },
}
RISK_2014_TEXT = {
    "source": "000 Section 3.4",
    "lowest": (0, "private_wtfh"),  # "The lowest risk rating was zero in a private law WTFH case,
    "highest": (25, "public_s31"),  # the highest was 25 out of a maximum of 39 in a public law s31 case"
    "maximum_possible": 39,
    "private_range": (0, 17),  # "The range of risk scores in private law was from a minimum of 0 to a maximum of 17
    "public_range": (6, 25),  # and in public law, 6 to 25."
    "private_max_without_historical_care": 14,  # footnote 9 "Excluding this case the highest score was 14."
    # Case examples 2 and 3: public law, child died; scores 13 and 22.
    "case_example_scores": (13, 22),
}

# 000 Section 3.5, Charts 2-4: risk types by level. Only the numbers given in
# the text are typed. Chart 3 (private) and Chart 4 (public) each hold 13 cases: each of
# the two public-and-private cases is counted with its recent law type.
CHARTS_000 = {
    "source": "000 Section 3.5, Charts 2-4 and key observations",
    "cases": {"all": 26, "private": 13, "public": 13},
    # (law group, risk field, what, count)
    "counts": [
        ("private", "risk_domestic_violence", "present", 10),
        ("public", "risk_domestic_violence", "present", 8),
        ("private", "risk_domestic_violence", "high", 2),
        ("public", "risk_domestic_violence", "high", 6),
        ("private", "risk_emotional_abuse", "present", 7),
        ("private", "risk_emotional_abuse", "high", 3),
        ("public", "risk_physical_abuse", "present", 10),
        ("public", "risk_neglect", "present", 8),
        ("private", "risk_neglect", "present", 6),
        ("public", "risk_parental_mental_health", "present", 7),
        ("public", "risk_child_self_risk", "present", 6),
        ("private", "risk_child_self_risk", "present", 1),
        ("public", "risk_cpp", "yes_currently", 2),
        ("private", "risk_cpp", "yes_currently", 1),
        ("all", "risk_cpp", "yes_currently", 3),
        ("public", "risk_cpp", "yes_previously", 5),
        ("private", "risk_cpp", "yes_previously", 2),
        ("all", "risk_cpp", "yes_previously", 7),
    ],
    # Orderings stated in the key observations.
    "most_common_private": "risk_domestic_violence",
    "second_most_common_private": "risk_emotional_abuse",
    "most_common_public_excluding_other": "risk_physical_abuse",
    "most_common_all": "risk_domestic_violence",  # 5.2 point 5 "domestic violence was the most common risk factor"
}

# ----------------------------------------------------------------------------------------
# Internal inconsistencies of the published tables. The data follow `implied`; the
# published value is kept above and in the tests.
# ----------------------------------------------------------------------------------------
INCONSISTENCIES: list[dict[str, Any]] = [
    {
        "where": "001 Table 5, All case types, Overall average risk rating",
        "published": 13.1,
        "implied": 13.4,
        "note": "The table's own cells give 16.3 x 15 + 12.9 x 82 = 1302.3 (about 13.4 per case); "
        "the overall public, private and public-and-private rows (16.6 x 49, 9.0 x 41, 17.3 x 7) "
        "allow a total of at most 1307, at least 1299, i.e. 13.39-13.47, never 13.1.",
    },
    {
        "where": "000 Table 5, Neglect (non-fatal), Total %",
        "published": 9.2,
        "implied": 10.2,
        "note": "6 of 59 is 10.2%; the same count for Suicide is printed as 10.2.",
    },
    {
        "where": "000 Section 3.3, non-fatal share of the 2012 and 2013 samples",
        "published": 18.1,
        "implied": 18.2,
        "note": "6 of 33 is 18.18% (neglect 2 + physical abuse 4 non-fatal); the 'Other' incident of "
        "2012 is therefore not counted as non-fatal (coded fatal in the data).",
    },
    {
        "where": "001 Section 5.3.2 text, male domestic abuse perpetrator %",
        "published": 66,
        "implied": 67,
        "note": "Table 10 prints 46 (67%); 46 of 69 is 66.7%.",
    },
    {
        "where": "001 Executive summary, DA cases where the index perpetrator was not the DA perpetrator",
        "published": 48,
        "implied": 28,
        "note": "Section 5.3.2 gives 28% (n=19) of the 69; 48% is 100% - 52%, i.e. it also counts the 14 "
        "cases where the perpetrator of one or the other is unknown or the young person.",
    },
    {
        "where": "001 Section 3.4.1, physical abuse index incidents in the 2017 study",
        "published": 8,
        "implied": 7,
        "note": "Section 3.3 lists two fatal and five non-fatal physical abuse incidents (7), and "
        "Section 3.2 seven children (four girls, three boys) subject to physical abuse.",
    },
    {
        "where": "001 Table 12 vs 000 Section 3.2 / Table 4: children per study",
        "published": {"001 2014 study": 32, "000 2014 sample": 30, "001 2012+2013": 83, "000 2012+2013": 46},
        "implied": None,
        "note": "001 counts 32 children for the 2014 study (16 girls, 16 boys), 000 30 index children "
        "(16 girls, 14 boys); 001 counts 54 + 29 children for 2012 and 2013, 000 Table 4 46. The "
        "pooled dataset follows 001 (two extra boys in 2014 reviews); the 2014 dataset follows 000. "
        "000 Table 4's 2012-2013 column is therefore not reproduced.",
    },
    {
        "where": "000 Table 1: SCR type of 28 submissions, 26 analysed",
        "published": 28,
        "implied": 26,
        "note": "Table 1 counts all 28 submissions; the two excluded from the analysis (Appendix A) "
        "are not in the 26-review dataset. Assumed (not stated) to be both 'Traditional'.",
    },
]

# 000 Table 1 assumption for the two excluded submissions (see INCONSISTENCIES).
TABLE_000_1_EXCLUDED_ASSUMED = {"traditional": 2}
