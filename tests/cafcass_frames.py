"""Loading the Cafcass sample datasets through the register, and the few plain rules the
acceptance tests count with (typed from the documents, not taken from the analysis code)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from casereview.analysis.frame import case_frame
from casereview.io.importer import import_file
from casereview.store.database import Store

DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"

# Broad law groups of 001 Tables 3, 6, 9-11 (001 Table 5 rows 'Total public/private law').
LAW_GROUP = {
    "public_s31": "public",
    "public_other": "public",
    "private_wtfh": "private",
    "private_wtfh_wafh": "private",
    "public_and_private": "public_and_private",
}
LAW_ROWS = {
    "public_s31": ("public_s31",),
    "public_other": ("public_other",),
    "public": ("public_s31", "public_other"),
    "private_wtfh": ("private_wtfh",),
    "private_wtfh_wafh": ("private_wtfh_wafh",),
    "private": ("private_wtfh", "private_wtfh_wafh"),
    "public_and_private": ("public_and_private",),
    "all": tuple(LAW_GROUP),
}
# 000 Appendix A, 001 Section 3.4.2: high/medium/low = 3/2/1; child protection plan
# yes currently / yes previously / no = 3/2/0; 'none' = 0.
POINTS = {
    "high": 3,
    "medium": 2,
    "low": 1,
    "none": 0,
    "yes_currently": 3,
    "yes_previously": 2,
    "no": 0,
}
RISKS_2017 = (
    "risk_cpp",
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
RISKS_2014 = (
    "risk_cpp",
    "risk_physical_abuse",
    "risk_emotional_abuse",
    "risk_sexual_abuse",
    "risk_neglect",
    "risk_child_self_risk",
    "risk_domestic_violence",
    "risk_parental_mental_health",
    "risk_drug_alcohol",
    "risk_parental_self_harm",
    "risk_non_engagement",
    "risk_parental_abuse_experience",
    "risk_other",
)
TOXIC_TRIO = ("risk_domestic_abuse", "risk_substance_misuse", "risk_parental_mental_health")


def load(tmp: Path, filename: str, version: str) -> pd.DataFrame:
    """Imports one dataset into a fresh SQLite register and reads it back, one row per child,
    with plain values (value ids as text, numbers as floats, None where missing)."""
    store = Store.open(f"sqlite:///{tmp / 'register.db'}")
    try:
        import_file(store, DATA / filename, codebook=f"cafcass-scr@{version}")
        frame = case_frame(store, "cafcass-scr", version=version, derive=False)
    finally:
        store.close()
    out = frame.astype(object)
    return out.where(out.notna(), None)


def reviews(children: pd.DataFrame, level_review: list[str]) -> pd.DataFrame:
    """One row per review; fails if a review-level field differs between a review's rows."""
    for field in level_review:
        per_review = children.groupby("review_id")[field].apply(lambda s: len(set(s.map(repr))))
        assert per_review.max() == 1, f"{field} differs between the child rows of a review"
    out = children.drop_duplicates("review_id").reset_index(drop=True)
    out["law_group"] = out["law_type"].map(LAW_GROUP)
    return out


def present(value: object) -> bool:
    return value not in (None, "none", "no")


def score(row: pd.Series, risks: tuple[str, ...]) -> int:
    return sum(POINTS[row[f]] for f in risks)


def percent(count: int, base: int) -> int:
    """Whole-number percentage, rounded half up as the documents print them."""
    return int(100 * count / base + 0.5)


def percent1(count: int, base: int) -> float:
    """Percentage with one decimal, rounded half up (000 prints e.g. 36.7, 46.2)."""
    return int(1000 * count / base + 0.5) / 10


def same_average(mean: float, published: float) -> bool:
    """The published average is the mean rounded to one decimal (13.25 is printed 13.3)."""
    return abs(mean - published) <= 0.05 + 1e-9


def mismatches(observed: dict, expected: dict, where: str) -> list[str]:
    keys = sorted(set(observed) | set(expected), key=str)
    return [
        f"{where} {k}: data {observed.get(k)!r}, published {expected.get(k)!r}"
        for k in keys
        if observed.get(k) != expected.get(k)
    ]
