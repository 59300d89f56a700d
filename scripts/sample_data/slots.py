"""The 97 review slots: study, reference, year and law type of each review, plus the
details the documents give about individual reviews (fixed here by hand, cited).

Law types per study: 000 Table 6 (2012+2013 combined and 2014 counts), 001 Table 5 (2017
and 2012-2015 counts; 2015 = 2012-2015 minus 000's 2012-2014). The 2012/2013 split is ours:
000 gives only the combined counts; 001 Section 5 says the early studies were mostly
private law.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PUBLIC = ("public_s31", "public_other")
PRIVATE = ("private_wtfh", "private_wtfh_wafh")


def law_group(law: str) -> str:
    return "public" if law in PUBLIC else "private" if law in PRIVATE else "public_and_private"


@dataclass
class Slot:
    study: str
    law: str
    recent: str  # law_type_recent: public | private
    tag: str = ""  # hand-fixed role, e.g. "A2" (2014) or "S5" (2017)
    incident: str | None = None
    involvement: str | None = None
    perp: str | None = None
    score: int | None = None
    ref: str = ""
    year: int = 0
    law_other: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def group(self) -> str:
        return law_group(self.law)


def _recent(law: str, both_recent: str = "public") -> str:
    g = law_group(law)
    return both_recent if g == "public_and_private" else g


LAW_COUNTS = {
    "cafcass-2012": {
        "public_s31": 5,
        "public_other": 1,
        "private_wtfh": 7,
        "private_wtfh_wafh": 8,
        "public_and_private": 2,
    },
    "cafcass-2013": {"public_s31": 4, "public_other": 2, "private_wtfh": 2, "private_wtfh_wafh": 2},
    "cafcass-2015": {
        "public_s31": 11,
        "public_other": 2,
        "private_wtfh": 3,
        "private_wtfh_wafh": 4,
        "public_and_private": 3,
    },
}
YEARS = {
    "cafcass-2012": [2009] * 5 + [2010] * 7 + [2011] * 8 + [2012] * 3,
    "cafcass-2013": [2012] * 6 + [2013] * 4,
    "cafcass-2014": [2013] * 8 + [2014] * 18,
    "cafcass-2015": [2014] * 3 + [2015] * 20,
    "cafcass-2017": [2015] * 1 + [2016] * 14,
}

S31, OTHER, WTFH, WAFH, BOTH = (
    "public_s31",
    "public_other",
    "private_wtfh",
    "private_wtfh_wafh",
    "public_and_private",
)
PA_F, PA_NF, NEG_F, NEG_NF, SA = (
    "physical_abuse_fatal",
    "physical_abuse_non_fatal",
    "neglect_fatal",
    "neglect_non_fatal",
    "sexual_abuse",
)
AT, PRIOR, FOLLOW, OFM = "at_time", "prior_only", "following_only", "other_family_member"


def slots_2014() -> list[Slot]:
    """000 Sections 3.1-3.4. Physical abuse (12): 8 private incl. the non-fatal one, 4 s31;
    currently involved 3, never with the index child 2, previously 7. Spite killings (2):
    private proceedings, at the time, by the mother. Fatal neglect: s31. Non-fatal neglect:
    2 private, 2 public (counting the public-and-private case with its recent law type).
    Overdoses: s31 and s25 (public other, footnote 5). Scores: lowest 0 (WTFH), highest 25
    (s31), public minimum 6, the two public-and-private cases 17 each (Table 6 average 17 and
    the private maximum 17 of footnote 9); case examples 2 (13) and 3 (22)."""
    s = [
        Slot("cafcass-2014", WTFH, "private", "A1", PA_NF, AT),
        Slot("cafcass-2014", WTFH, "private", "A2", PA_F, PRIOR, score=0),
        Slot("cafcass-2014", WTFH, "private", "A3", PA_F, PRIOR),
        Slot("cafcass-2014", WTFH, "private", "A4", PA_F, OFM),
        Slot("cafcass-2014", WTFH, "private", "A5", NEG_NF, AT),
        Slot("cafcass-2014", WAFH, "private", "B1", PA_F, AT),
        Slot("cafcass-2014", WAFH, "private", "B2", PA_F, PRIOR),
        Slot("cafcass-2014", WAFH, "private", "B3", PA_F, PRIOR),
        Slot("cafcass-2014", WAFH, "private", "B4", PA_F, PRIOR),
        Slot("cafcass-2014", WAFH, "private", "B5", "homicide", AT, "mother"),
        Slot("cafcass-2014", WAFH, "private", "B6", "homicide", AT, "mother"),
        Slot("cafcass-2014", WAFH, "private", "B7", NEG_NF, PRIOR),
        Slot("cafcass-2014", S31, "public", "C1", PA_F, PRIOR, score=13),  # case example 2
        Slot(
            "cafcass-2014", S31, "public", "C2", PA_F, PRIOR, "father", score=22
        ),  # case example 3
        Slot("cafcass-2014", S31, "public", "C3", PA_F, AT),
        Slot("cafcass-2014", S31, "public", "C4", PA_F, OFM),
        Slot("cafcass-2014", S31, "public", "C5", NEG_F, PRIOR, score=25),
        Slot("cafcass-2014", S31, "public", "C6", SA, AT),
        Slot("cafcass-2014", S31, "public", "C7", SA, PRIOR),
        Slot("cafcass-2014", S31, "public", "C8", "suicide", PRIOR),
        Slot("cafcass-2014", S31, "public", "C9", NEG_NF, AT),
        Slot(
            "cafcass-2014",
            OTHER,
            "public",
            "D1",
            "drug_overdose",
            PRIOR,
            law_other="s31 and s25 secure accommodation",
        ),
        Slot(
            "cafcass-2014",
            OTHER,
            "public",
            "D2",
            "drug_overdose",
            PRIOR,
            law_other="s31 and s25 secure accommodation",
        ),
        Slot(
            "cafcass-2014",
            OTHER,
            "public",
            "D3",
            SA,
            AT,
            score=6,
            law_other="s31 and discharge of a care order",
        ),
        Slot("cafcass-2014", BOTH, "public", "E1", NEG_NF, AT, score=17),
        Slot("cafcass-2014", BOTH, "private", "E2", SA, PRIOR, score=17),
    ]
    return s


def slots_2017() -> list[Slot]:
    """001 Sections 3.1-3.4: 12 s31 and 3 WAFH cases (Table 5); involvement by law type as
    Table 3; incidents as Section 3.3; scores: lowest 9 (private WAFH, near-fatal neglect
    while with mother), highest 24 (s31, very young child placed with father during
    proceedings), private 9-15."""
    z = "cafcass-2017"
    return [
        Slot(z, S31, "public", "S1", "co_sleeping", AT),
        Slot(z, S31, "public", "S2", PA_NF, AT, score=24),
        Slot(z, S31, "public", "S3", PA_NF, AT),
        Slot(z, WAFH, "private", "S4", PA_NF, AT, "mother", score=15),
        Slot(z, WAFH, "private", "S5", NEG_NF, AT, "mother", score=9),
        Slot(z, WAFH, "private", "S6", PA_NF, PRIOR, score=10),
        Slot(z, S31, "public", "S7", PA_F, PRIOR),
        Slot(z, S31, "public", "S8", PA_F, PRIOR),
        Slot(z, S31, "public", "S9", NEG_F, PRIOR),
        Slot(z, S31, "public", "S10", PA_NF, PRIOR),
        Slot(z, S31, "public", "S11", NEG_NF, PRIOR),  # teenager who died of a health condition
        Slot(z, S31, "public", "S12", NEG_NF, PRIOR),  # five children
        Slot(z, S31, "public", "S13", "other", PRIOR, "subject_child"),
        Slot(z, S31, "public", "S14", SA, FOLLOW),  # two children
        Slot(z, S31, "public", "S15", SA, FOLLOW),  # two children
    ]


def slots_free(study: str) -> list[Slot]:
    both_recent = ["public", "private", "public"]
    out: list[Slot] = []
    for law, n in LAW_COUNTS[study].items():
        for _ in range(n):
            recent = both_recent.pop(0) if law == BOTH else law_group(law)
            out.append(Slot(study, law, recent))
    return out


def all_slots() -> list[Slot]:
    """Every slot with its reference and year. References are numbered in a fixed shuffled
    order so that the number does not reveal the law type."""
    rng = random.Random(2017)
    out: list[Slot] = []
    for study in ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015", "cafcass-2017"):
        group = (
            slots_2014()
            if study == "cafcass-2014"
            else slots_2017()
            if study == "cafcass-2017"
            else slots_free(study)
        )
        numbers = list(range(1, len(group) + 1))
        rng.shuffle(numbers)
        years = YEARS[study]
        assert len(years) == len(group), study
        for slot, number in zip(group, numbers):
            slot.ref = f"C{study[-4:]}-{number:02d}"
            slot.year = years[number - 1]
        out.extend(sorted(group, key=lambda s: s.ref))
    return out
