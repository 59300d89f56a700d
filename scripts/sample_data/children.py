"""The children of each review: how many, gender, age band and exact age, and who died.

Children per study: 001 Table 12 (pooled) and 000 Section 3.2 (30 index children of the
2014 sample; 001 counts two more boys for the 2014 study, added here as extra children of
two 2014 reviews in the pooled dataset only). Ages: 000 Table 4 (2014), 001 Sections 3.2-3.3
(2017) and 5.4.1 (pooled: under one 20%, one to five 33%, teenagers 9% of 174 children).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from types import ModuleType

from sample_data.milp import Model, total
from sample_data.slots import Slot

BANDS = ("u1", "1_5", "6_10", "11_12", "13_15", "16_17")
TEEN = ("13_15", "16_17")
AGES = {
    "u1": (0.08, 0.25, 0.33, 0.5, 0.67, 0.83),
    "1_5": (1, 2, 3, 4, 5),
    "6_10": (6, 7, 8, 9, 10),
    "11_12": (11, 12),
    "13_15": (13, 14, 15),
    "16_17": (16, 17),
}
YOUNG = ("suicide", "drug_overdose", "other")
FATAL = (
    "physical_abuse_fatal",
    "homicide",
    "neglect_fatal",
    "co_sleeping",
    "suicide",
    "drug_overdose",
)
# 2014 sample: reviews with two index children (000 Section 3.2: 18 died, 12 survived; 16
# public and 14 private law children). The spite killing B5 took both children.
TWO_CHILDREN_2014 = ("B5", "C6", "C9", "D3")
POOLED_EXTRA_BOYS_2014 = ("A5", "C7")
CHILDREN_2017 = {"S12": 5, "S14": 2, "S15": 2}  # 001 Section 3.2


@dataclass
class ChildRow:
    review: int  # index into the slots
    label: str
    in_2014_sample: bool = True
    gender: str = ""
    band: str = ""
    age: float = 0.0
    died: str = "no"


def child_counts(slots: list[Slot], reviews: list[dict], pub: ModuleType) -> list[int]:
    totals = dict(zip(pub.STUDIES, pub.TABLE_001_12["total"]))
    counts = [1] * len(slots)
    for c, s in enumerate(slots):
        if s.tag in TWO_CHILDREN_2014 + POOLED_EXTRA_BOYS_2014:
            counts[c] = 2
        counts[c] = CHILDREN_2017.get(s.tag, counts[c])
    for study in ("cafcass-2012", "cafcass-2013", "cafcass-2015"):
        open_ = [
            c
            for c, s in enumerate(slots)
            if s.study == study and reviews[c]["incident_type"] not in YOUNG
        ]
        k = 0
        while sum(counts[c] for c, s in enumerate(slots) if s.study == study) < totals[study]:
            counts[open_[k % len(open_)]] += 1
            k += 1
    for study in pub.STUDIES:
        assert sum(counts[c] for c, s in enumerate(slots) if s.study == study) == totals[study], (
            study
        )
    return counts


def build_children(slots: list[Slot], reviews: list[dict], pub: ModuleType) -> list[ChildRow]:
    counts = child_counts(slots, reviews, pub)
    kids = [
        ChildRow(c, str(k + 1), not (slots[c].tag in POOLED_EXTRA_BOYS_2014 and k == 1))
        for c in range(len(slots))
        for k in range(counts[c])
    ]
    m = Model()
    fem = [m.var(f"f{i}") for i in range(len(kids))]
    band = [{b: m.var(f"b{i}{b}") for b in BANDS} for i in range(len(kids))]
    for i in range(len(kids)):
        m.eq(total(band[i].values()), 1)

    def where(pred):  # type: ignore[no-untyped-def]
        return [i for i, k in enumerate(kids) if pred(slots[k.review], reviews[k.review], k)]

    def nband(ids, *bs):  # type: ignore[no-untyped-def]
        return total(band[i][b] for i in ids for b in bs)

    # 001 Table 12: girls per study.
    for study, (count, _pct) in zip(pub.STUDIES, pub.TABLE_001_12["rows"]["female"][1]):
        m.eq(total(fem[i] for i in where(lambda s, r, k, st=study: s.study == st)), count)
    # 000 Section 3.2 and Table 4: the 30 index children of the 2014 sample.
    sample = where(lambda s, r, k: s.study == "cafcass-2014" and k.in_2014_sample)
    extra = where(lambda s, r, k: s.study == "cafcass-2014" and not k.in_2014_sample)
    m.eq(total(fem[i] for i in sample), pub.CHILDREN_000["female"])
    t4 = {b: cells[1][0] for b, (_l, cells) in pub.TABLE_000_4["rows"].items()}
    for b in ("u1", "1_5", "6_10", "16_17"):
        m.eq(nband(sample, b), t4["under_1" if b == "u1" else b])
    m.eq(nband(sample, "11_12", "13_15"), t4["11_15"])
    for recent, key in (("public", "public_13_and_over"), ("private", "private_13_and_over")):
        m.eq(
            nband([i for i in sample if slots[kids[i].review].recent == recent], *TEEN),
            pub.CHILDREN_000[key],
        )
    m.eq(nband(extra, "u1", "1_5", "6_10"), len(extra))
    m.eq(fem[where(lambda s, r, k: s.tag == "C2")[0]], 1)  # case example 3: 'her father'
    # 001 Sections 3.2-3.3: the 2017 children.
    text = pub.STUDY_2017_TEXT
    y17 = where(lambda s, r, k: s.study == "cafcass-2017")
    m.eq(nband(y17, "u1", "1_5"), text["under_six"])
    m.eq(nband(y17, *TEEN), 3)  # two teenagers suffered neglect, one was the perpetrator
    harm = {
        "sexual_abuse": ("sexual_abuse",),
        "physical_abuse": ("physical_abuse_fatal", "physical_abuse_non_fatal"),
        "neglect": ("neglect_fatal", "neglect_non_fatal", "co_sleeping"),
        "perpetrator": ("other",),
    }
    for key, (girls, _boys) in text["children_by_harm"].items():
        ids = [i for i in y17 if reviews[kids[i].review]["incident_type"] in harm[key]]
        m.eq(total(fem[i] for i in ids), girls)
        if key == "physical_abuse":
            m.eq(nband(ids, "u1", "1_5"), len(ids))
        if key == "sexual_abuse":  # aged between one and 10
            m.eq(nband(ids, "1_5", "6_10"), len(ids))
    fixed_2017 = {
        "S1": "u1",
        "S2": "u1",
        "S3": "u1",
        "S7": "1_5",
        "S8": "1_5",
        "S9": "1_5",
        "S11": "16_17",
        "S13": "13_15",
    }
    for i in y17:
        b = fixed_2017.get(slots[kids[i].review].tag)
        if b and kids[i].label == "1":
            m.eq(band[i][b], 1)
    s12 = [i for i in y17 if slots[kids[i].review].tag == "S12"]
    m.eq(nband(s12, *TEEN), 1)
    # Young people who died by suicide, overdose or misadventure, and victims of a child's
    # ex-boyfriend, were teenagers; co-sleeping deaths were of infants.
    for i in where(
        lambda s, r, k: (
            k.label == "1"
            and (
                r["incident_type"] in YOUNG
                and r["perpetrator"] == "young_person_self"
                or r["perpetrator"] in ("ex_boyfriend", "subject_child")
            )
        )
    ):
        m.eq(nband([i], *TEEN), 1)
    # Child sexual exploitation (the 2015 extra-familial sexual abuse, see build_sample_data):
    # the exploited child is the oldest child of the review, aged 11-12 as no teenagers remain.
    for i in where(
        lambda s, r, k: (
            k.label == "1"
            and s.study == "cafcass-2015"
            and r["incident_type"] == "sexual_abuse"
            and r["perpetrator"] == "extra_familial"
        )
    ):
        m.eq(band[i]["11_12"], 1)
    for i in where(lambda s, r, k: k.label == "1" and r["incident_type"] == "co_sleeping"):
        m.eq(band[i]["u1"], 1)
    # 001 Section 5.4.1: under one 20%, one to five 33%, teenagers 9% of 174 children.
    everyone = list(range(len(kids)))
    m.add(nband(everyone, "u1"), 34, 35)
    m.add(nband(everyone, "1_5"), 57, 58)
    m.add(nband(everyone, *TEEN), 15, 16)
    # Fixed pseudo-random costs mix girls and boys and ages within reviews; young children
    # are favoured for deaths from maltreatment (the most vulnerable age, 001 Section 5.4.1).
    rng = random.Random(174)
    cost = {fem[i]: rng.random() for i in range(len(kids))}
    for i, k in enumerate(kids):
        maltreated = reviews[k.review]["incident_type"] in FATAL[:4] and k.label == "1"
        for b in BANDS:
            cost[band[i][b]] = rng.random() + (1.5 * BANDS.index(b) if maltreated else 0.0)
    m.minimise(cost)
    val = m.solve()
    used = {b: 0 for b in BANDS}
    for i, k in enumerate(kids):
        k.gender = "female" if val[fem[i]] else "male"
        k.band = next(b for b in BANDS if val[band[i][b]])
        k.age = AGES[k.band][used[k.band] % len(AGES[k.band])]
        used[k.band] += 1
    _fix_2017_ages_and_deaths(kids, slots, reviews)
    return kids


def _fix_2017_ages_and_deaths(kids: list[ChildRow], slots: list[Slot], reviews: list[dict]) -> None:
    """Deaths: the first child of a fatal review (both children of the 2014 spite killing B5);
    the 2017 teenager who died of a health condition (S11, 001 Section 3.3 footnote 5). 2017
    death ages as listed in 001 Section 3.3: 1 month, 1, 1, 2 and 16 years."""
    ages = {"S1": 0.08, "S7": 1, "S9": 1, "S8": 2, "S11": 16}
    for k in kids:
        s, r = slots[k.review], reviews[k.review]
        fatal = (
            r["incident_type"] in FATAL
            or s.tag == "S11"
            or r["incident_type"] == "other"
            and r["perpetrator"] == "young_person_self"
        )
        if fatal and (k.label == "1" or s.tag == "B5"):
            k.died = "yes"
        if s.tag in ages and k.label == "1":
            k.age = ages[s.tag]
