"""Rebuild the Cafcass sample datasets from the published tables.

    .venv/bin/python scripts/build_sample_data.py

Writes, under src/casereview/data/:
- cafcass-2009-2016.csv: the 97 reviews / 174 children pooled across the five Cafcass
  studies (001, June 2017), coded with the cafcass-scr 2017 codebook;
- cafcass-2014.csv: the 26 analysed reviews / 30 index children of the 2014 sample (000,
  November 2014), coded with the cafcass-scr 2014 codebook.

The cases are synthetic: one integer programme (scipy.optimize.milp, deterministic) assigns
incident, perpetrator, involvement and the 13 risk ratings to the reviews so that every
published count, cross-tabulation and average holds; a second one assigns the children's
gender and age. The published numbers come from tests/published_tables.py; the 2014
reviews of the pooled file are the same reviews as the 2014 file (same references), with
the 2014 codes renamed through the codebook's 2014 -> 2017 mapping.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from sample_data.children import ChildRow, build_children
from sample_data.details import add_details
from sample_data.review_rules import ALL_RULES
from sample_data.reviews import FACTORS, SCORE, ReviewModel
from sample_data.slots import Slot, all_slots
from sample_data.study_rules import FROM_2014, STUDY_RULES

import published_tables as pub
from casereview.codebook import default_registry

OUT = ROOT / "src" / "casereview" / "data"
STRUCTURAL = ("review_id", "child", "study", "year", "region")
YOUNG = ("suicide", "drug_overdose", "other")
FATAL = (
    "physical_abuse_fatal",
    "homicide",
    "neglect_fatal",
    "co_sleeping",
    "suicide",
    "drug_overdose",
)
TO_2014 = {v: k for k, v in FROM_2014.items()}
INCIDENT_TO_2014 = {"homicide": "spite_killing"}


def solve_reviews(slots: list[Slot]) -> list[dict]:
    rm = ReviewModel(slots, pub)
    for rule in (*ALL_RULES, *STUDY_RULES):
        rule(rm)
    reviews = rm.solution()
    for slot, r in zip(slots, reviews):
        young = r["incident_type"] in YOUNG and r["perpetrator"] == "young_person_self"
        # 001 Section 3.3 footnote 5: a death coded as non-fatal neglect (S11); the 2012
        # 'other' incident of a young person counted as fatal (000 Section 3.3: 18.1%).
        fatal = r["incident_type"] in FATAL or young or slot.tag == "S11"
        r["incident_fatal"] = "yes" if fatal else "no"
        r["law_type"] = slot.law
        r["law_type_recent"] = slot.recent
    return reviews


def check_score_averages(slots: list[Slot], reviews: list[dict]) -> None:
    """Every average of 001 Table 5 and 000 Table 6 is the rounded average of the data
    (except the one inconsistent cell, see tests/published_tables.py)."""
    score = [sum(SCORE[r[f]] for f in FACTORS) for r in reviews]

    def avg(studies: tuple[str, ...], laws: tuple[str, ...]) -> tuple[float, int]:
        cs = [c for c, s in enumerate(slots) if s.study in studies and s.law in laws]
        return sum(score[c] for c in cs) / len(cs), len(cs)

    laws = {
        "public_s31": ("public_s31",),
        "public_other": ("public_other",),
        "public": ("public_s31", "public_other"),
        "private_wtfh": ("private_wtfh",),
        "private_wtfh_wafh": ("private_wtfh_wafh",),
        "private": ("private_wtfh", "private_wtfh_wafh"),
        "public_and_private": ("public_and_private",),
    }
    laws["all"] = tuple(x for k in ("public", "private", "public_and_private") for x in laws[k])
    early = ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015")
    columns = {
        "001": (("cafcass-2017",), early, (*early, "cafcass-2017")),
        "000": (("cafcass-2012", "cafcass-2013"), ("cafcass-2014",), early[:3]),
    }
    for doc, table in (("001", pub.TABLE_001_5), ("000", pub.TABLE_000_6)):
        for key, (_label, cells) in table["rows"].items():
            for studies, cell in zip(columns[doc], cells):
                if cell is None:
                    continue
                mean, n = avg(studies, laws[key])
                published, count = cell
                if doc == "001" and key == "all" and studies == columns["001"][2]:
                    published = 13.4  # see INCONSISTENCIES: 13.1 cannot be reached
                assert n == count and abs(mean - published) <= 0.05 + 1e-9, (
                    doc,
                    key,
                    studies,
                    mean,
                    cell,
                )


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(columns)
        for row in rows:
            out.writerow([_fmt(row.get(c)) for c in columns])


def child_fields(k: ChildRow, slot: Slot, review: dict) -> dict:
    # CSE: the extra-familial sexual abuse of 2015 (001 Section 5.2.1: the few extra-familial
    # cases are mostly child sexual exploitation; the 2014 sample's CSE cases were removed).
    cse = (
        review["incident_type"] == "sexual_abuse"
        and review["perpetrator"] == "extra_familial"
        and slot.study == "cafcass-2015"
        and k.label == "1"
    )
    return {
        "child": k.label,
        "child_gender": k.gender,
        "child_age": k.age,
        "child_died": k.died,
        "cse": "yes" if cse else "no",
    }


def rows_for(
    slots: list[Slot], reviews: list[dict], kids: list[ChildRow], *, sample_2014: bool
) -> list[dict]:
    rows = []
    for k in kids:
        slot, review = slots[k.review], reviews[k.review]
        if sample_2014 and (slot.study != "cafcass-2014" or not k.in_2014_sample):
            continue
        row = {"review_id": slot.ref, "study": slot.study, "year": slot.year, "region": None}
        row.update(review)
        row.update(child_fields(k, slot, review))
        if sample_2014:
            row = {TO_2014.get(key, key): value for key, value in row.items()}
            row["incident_type"] = INCIDENT_TO_2014.get(row["incident_type"], row["incident_type"])
        rows.append(row)
    return rows


def columns_for(version: str, rows: list[dict]) -> list[str]:
    cb = default_registry().get("cafcass-scr", version)
    used = {key for row in rows for key, value in row.items() if value not in (None, "")}
    unknown = used - set(STRUCTURAL) - {f.id for f in cb.fields}
    ignored = {
        "perpetrator",
        "da_perpetrator",
        "da_perpetrator_same",
        "review_type",
        "siblings_removed",
    }
    assert not unknown - (ignored if version == "2014" else set()), unknown
    return [*STRUCTURAL, *(f.id for f in cb.fields if f.id in used and not f.derived)]


def main() -> None:
    slots = all_slots()
    reviews = solve_reviews(slots)
    check_score_averages(slots, reviews)
    add_details(slots, reviews)
    kids = build_children(slots, reviews, pub)
    pooled = rows_for(slots, reviews, kids, sample_2014=False)
    sample = rows_for(slots, reviews, kids, sample_2014=True)
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "cafcass-2009-2016.csv", columns_for("2017", pooled), pooled)
    write(OUT / "cafcass-2014.csv", columns_for("2014", sample), sample)
    print(
        f"cafcass-2009-2016.csv: {len({r['review_id'] for r in pooled})} reviews, {len(pooled)} children"
    )
    print(
        f"cafcass-2014.csv: {len({r['review_id'] for r in sample})} reviews, {len(sample)} children"
    )


if __name__ == "__main__":
    main()
