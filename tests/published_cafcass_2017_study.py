"""Published figures of 001 Sections 1-3 (the 2017 study of 15 reviews, and Table 5's risk
ratings by study), typed by hand from the document. See published_tables.py."""

from __future__ import annotations

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

# 001 Table 4, p. 11: Age profile of mothers and fathers at birth of first child (2017 study,
# 15 reviews). Values: (count, published %).
TABLE_001_4 = {
    "source": "001 Table 4, p. 11",
    "unit": "reviews",
    "study": "cafcass-2017",
    "mothers": {
        "under_21": (8, 53),
        "21_25": (4, 27),
        "26_30": (1, 7),
        "over_30": (1, 7),
        "unknown": (1, 7),
    },
    "fathers": {
        "under_21": (2, 13),
        "21_25": (5, 33),
        "26_30": (2, 13),
        "over_30": (5, 33),
        "unknown": (1, 7),
    },
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
    "lowest": (
        9,
        "private_wtfh_wafh",
    ),  # "The lowest risk rating was nine in a private law WAFH case"
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
    "death_ages": (
        "1 month",
        1,
        1,
        2,
        16,
    ),  # 3.3 "aged: 1 month, 1 year, 1 year, 2 years, and 16 years"
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
