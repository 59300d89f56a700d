"""Published figures of 000 (Cafcass, Learning from Cafcass submissions to SCRs, November
2014), typed by hand from the document. See published_tables.py."""

from __future__ import annotations

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
    "bands": {
        "under_1": (0, 1),
        "1_5": (1, 6),
        "6_10": (6, 11),
        "11_15": (11, 16),
        "16_17": (16, 18),
    },
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
        "physical_abuse_fatal": (
            "Physical abuse (fatal)",
            ((3, 13.0), (4, 40), (11, 42.3), (18, 30.5)),
        ),
        "neglect_fatal": ("Neglect (fatal)", ((4, 17.4), (4, 40), (1, 3.8), (9, 15.3))),
        "spite_killing": ("Spite/revenge killing", ((5, 21.7), (1, 10), (2, 7.7), (8, 13.6))),
        "suicide": ("Suicide", ((4, 17.4), (1, 10), (1, 3.8), (6, 10.2))),
        "neglect_non_fatal": ("Neglect (non-fatal)", ((2, 8.7), (0, None), (4, 15.4), (6, 9.2))),
        "physical_abuse_non_fatal": (
            "Physical abuse (non-fatal)",
            ((4, 17.4), (0, None), (1, 3.8), (5, 8.5)),
        ),
        "sexual_abuse": ("Sexual abuse", ((0, None), (0, None), (4, 15.4), (4, 6.8))),
        "drug_overdose": (
            "Fatal drug overdose (not suicide)",
            ((0, None), (0, None), (2, 7.7), (2, 3.4)),
        ),
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
    "highest": (
        25,
        "public_s31",
    ),  # the highest was 25 out of a maximum of 39 in a public law s31 case"
    "maximum_possible": 39,
    "private_range": (
        0,
        17,
    ),  # "The range of risk scores in private law was from a minimum of 0 to a maximum of 17
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
