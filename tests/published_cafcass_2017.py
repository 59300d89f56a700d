"""Published figures of 001 (Cafcass, Learning from Cafcass submissions to Serious Case
Reviews, June 2017), typed by hand from the document. See published_tables.py."""

from __future__ import annotations

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

AGE_BANDS_PARENTS = {
    "under_21": ("Under 21", None, 21),  # upper bound exclusive
    "21_25": ("21-25", 21, 26),
    "26_30": ("26-30", 26, 31),
    "over_30": ("Over 30", 31, None),
    "unknown": ("Unknown", None, None),
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
    "columns": (
        "death_physical_abuse_homicide",
        "death_neglect_co_sleeping",
        "harm_physical_abuse",
        "harm_neglect",
        "harm_sexual_abuse",
    ),
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
        "at_time": (
            "involved with the child in ongoing proceedings at the time of the incident",
            35,
            36,
        ),
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
    "total_percent": {
        "father_male_partner": 67,
        "mother_female_partner": 1,
        "reciprocal": 13,
        "unknown": 19,
    },
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
    "mothers": {
        "under_21": (26, 41),
        "21_25": (15, 23),
        "26_30": (11, 17),
        "over_30": (9, 14),
        "unknown": (3, 5),
    },
    "fathers": {
        "under_21": (12, 19),
        "21_25": (14, 22),
        "26_30": (12, 19),
        "over_30": (20, 31),
        "unknown": (6, 9),
    },
    "total": 64,
}
