"""Builds the synthetic Triennial-coded sample dataset shipped with casereview.

120 fictional reviews (about 130 children) notified 2014-15 to 2016-17, coded against the
`triennial-2014-17` codebook, with prevalences near the published national figures (002
chapter 2: 43% deaths; domestic abuse 54%, parental mental health 45%, neglect 55% ...) so
that the demo, the briefing and the reference comparisons have plausible data. No real
people: synopses and key lessons are assembled from generic phrases.

Run: .venv/bin/python scripts/build_triennial_sample.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "src" / "casereview" / "data" / "triennial-sample.csv"
rng = np.random.default_rng(20170331)

REGIONS = ["north_east", "north_west", "yorkshire_humber", "east_midlands", "west_midlands",
           "east_of_england", "london", "south_east", "south_west"]
REGION_WEIGHTS = [0.06, 0.15, 0.11, 0.08, 0.11, 0.11, 0.14, 0.15, 0.09]
DEATHS = ["fatal_physical_abuse", "overt_filicide", "covert_filicide", "extreme_neglect",
          "severe_persistent_cruelty", "child_homicide", "related_to_maltreatment"]
DEATH_WEIGHTS = [0.2, 0.08, 0.04, 0.03, 0.01, 0.1, 0.54]
HARMS = ["physical_abuse", "sexual_abuse", "cse", "neglect", "emotional_abuse", "self_harm"]
HARM_WEIGHTS = [0.55, 0.12, 0.1, 0.15, 0.03, 0.05]
SOURCES = ["mother", "father", "both_parents", "parent_partner", "other_family", "known_non_family", "stranger"]
SOURCE_WEIGHTS = [0.22, 0.3, 0.12, 0.14, 0.07, 0.1, 0.05]
METHODS = ["traditional", "scie", "silp", "hybrid", "other"]
METHOD_WEIGHTS = [0.28, 0.2, 0.12, 0.35, 0.05]
NEGLECT_INDICATORS = {
    "neg_cpp": 0.08, "neg_referred": 0.1, "neg_nourish": 0.06, "neg_living_conditions": 0.1,
    "neg_pregnancy_substance": 0.04, "neg_concealed": 0.03, "neg_health_care": 0.08,
    "neg_missed_appointments": 0.1, "neg_supervision": 0.07, "neg_clothing_hygiene": 0.05,
    "neg_engagement": 0.08, "neg_school": 0.04, "neg_firearm_ingestion": 0.01, "neg_after_incident": 0.02,
}
LESSONS = [
    "Practitioners must think the unthinkable and keep an open mind about who may harm a baby.",
    "Information about fathers and male partners must be sought and shared; unseen men pose unseen risks.",
    "Domestic abuse notifications should trigger a multi-agency assessment of the impact on the children.",
    "Neglect must be recognised early; drift and delay allowed poor conditions to become normal.",
    "Professionals should hear the voice of the child and record what the child says and shows.",
    "Parental mental ill health must be considered alongside its effect on parenting capacity.",
    "Escalation procedures should be used when a partner agency's decision leaves a child at risk.",
    "Safe sleeping advice must be repeated and adapted when families' circumstances change.",
    "Adolescents going missing should be recognised as at risk of exploitation, not as making choices.",
    "Assessments should use the family's full history rather than treating each incident in isolation.",
    "Disguised compliance and missed appointments must be challenged and followed up.",
    "Supervision must give practitioners time to reflect critically on cases that feel stuck.",
]


def pick(options: list[str], weights: list[float]) -> str:
    return str(rng.choice(options, p=np.array(weights) / sum(weights)))


def yn(p: float) -> str:
    return "yes" if rng.random() < p else "no"


def age_band(age: float) -> str:
    if age < 1:
        return "under_1"
    if age < 6:
        return "age_1_5"
    if age < 11:
        return "age_6_10"
    if age < 16:
        return "age_11_15"
    return "age_16_plus"


def child_row(fatal: bool) -> dict[str, object]:
    age = float(rng.choice([rng.uniform(0, 1), rng.uniform(1, 6), rng.uniform(6, 11), rng.uniform(11, 18)],
                           p=[0.42, 0.22, 0.1, 0.26]))
    age = round(age, 2)
    row: dict[str, object] = {
        "age_years": age,
        "age_band": age_band(age),
        "gender": pick(["male", "female"], [0.53, 0.47]),
        "ethnicity": pick(["white", "mixed", "asian", "black", "other", "not_stated"], [0.7, 0.09, 0.05, 0.07, 0.02, 0.07]),
        "fatal": "yes" if fatal else "no",
        "source_of_harm": pick(SOURCES, SOURCE_WEIGHTS),
        "csc_involvement": pick(["current", "previous", "never"], [0.5, 0.3, 0.2]),
        "cpp_status": pick(["current", "past", "never"], [0.14, 0.2, 0.66]),
        "looked_after": pick(["current", "previous", "never"], [0.06, 0.08, 0.86]),
        "child_disability": yn(0.12),
        "child_mental_health": yn(0.25 if age >= 11 else 0.0),
        "child_missing": yn(0.35 if age >= 11 else 0.0),
        "child_cse": yn(0.18 if age >= 11 else 0.0),
        "child_criminal_exploitation": yn(0.1 if age >= 11 else 0.0),
    }
    # Every Appendix C indicator is coded, so "neglect present" can be derived either way.
    row.update({name: yn(p) for name, p in NEGLECT_INDICATORS.items()})
    if fatal:
        row["death_category"] = pick(DEATHS, DEATH_WEIGHTS)
        if row["death_category"] == "related_to_maltreatment":
            row["death_related_subcategory"] = pick(["sudi", "suicide", "risk_taking", "accident", "medical", "other"],
                                                    [0.45, 0.2, 0.1, 0.1, 0.1, 0.05])
    else:
        row["harm_category"] = pick(HARMS, HARM_WEIGHTS)
    return row


def main() -> None:
    rows = []
    for i in range(1, 121):
        year = 2014 + (i - 1) // 40
        fatal = rng.random() < 0.43
        review = {
            "review_id": f"TR-{year % 100:02d}-{i:03d}",
            "study": f"triennial-{year}-{(year + 1) % 100:02d}",
            "year": year,
            "region": None,
            "lscb": f"Anyshire LSCB {1 + i % 23}",
            "eng_region": pick(REGIONS, REGION_WEIGHTS),
            "scr_method": pick(METHODS, METHOD_WEIGHTS),
            "n_recommendations": int(rng.integers(0, 16)),
            "par_alcohol": yn(0.34), "par_drugs": yn(0.38), "par_mental_health": yn(0.45),
            "par_criminal": yn(0.4), "par_learning_disability": yn(0.1), "par_aces": yn(0.3),
            "fam_domestic_abuse": yn(0.54), "fam_separation": yn(0.4), "fam_poverty": yn(0.3),
            "fam_transient": yn(0.2), "fam_social_isolation": yn(0.15),
            "key_lessons": " ".join(rng.choice(LESSONS, size=2, replace=False)),
        }
        n_children = 1 if rng.random() < 0.9 else 2
        for c in range(1, n_children + 1):
            child = child_row(fatal)
            rows.append({**review, "child": str(c), **child})
    columns: list[str] = []
    for r in rows:
        columns += [k for k in r if k not in columns]
    lead = ["review_id", "child", "study", "year", "region"]
    columns = lead + [c for c in columns if c not in lead]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} child rows of 120 reviews to {OUT}")


if __name__ == "__main__":
    main()
