"""Review-level coding of the 97 pooled reviews, chosen by one integer programme so that every
published marginal and cross-tabulation holds at once (001 Tables 5-11, Section 5 text; 000
Tables 3, 5, 6, Section 3 text and Charts 2-4 for the 2014 reviews; 001 Section 3 for 2017).

Codes use the 2017 codebook ids; the 2014 dataset is the 2014 reviews renamed to 2014 ids.
"""

from __future__ import annotations

from types import ModuleType

from sample_data.milp import Expr, Model, scaled, total
from sample_data.slots import Slot

FACTORS = (
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
LEVELS = ("none", "low", "medium", "high")
CPP_LEVELS = ("no", "yes_previously", "yes_currently")


def levels(f: str) -> tuple[str, ...]:
    return CPP_LEVELS if f == "risk_cpp" else LEVELS


SCORE = {
    "none": 0,
    "low": 1,
    "medium": 2,
    "high": 3,
    "no": 0,
    "yes_previously": 2,
    "yes_currently": 3,
}
INVOLVEMENT = ("prior_only", "at_time", "following_only", "other_family_member")
DA_PERPS = ("father_male_partner", "mother_female_partner", "reciprocal", "unknown")
SAME = ("yes", "no", "not_stated")
PARENTS = ("father", "mother", "both_parents", "parents_and_others", "mother_and_partner")
FAMILIAL = (*PARENTS, "mothers_partner", "extended_family")
PHYSICAL = ("physical_abuse_fatal", "homicide", "physical_abuse_non_fatal")
YOUNG = ("suicide", "drug_overdose", "other")

# Risk-score totals per study group and law type. Each is the only integer (or the chosen one
# of two) whose average rounds to the published figure AND whose sums round to the published
# totals and overall columns: 000 Table 6 (2012+2013 and 2014 columns), 001 Table 5 (2017 and
# 2012-2015 columns; 2015 = 2012-2015 minus 000's 2012-2014). Checked in build_sample_data.
SCORE_SUMS = {
    ("cafcass-2012", "cafcass-2013"): {
        "public_s31": 162,
        "public_other": 50,
        "private_wtfh": 62,
        "private_wtfh_wafh": 95,
        "public_and_private": 36,
    },
    ("cafcass-2014",): {
        "public_s31": 165,
        "public_other": 27,
        "private_wtfh": 26,
        "private_wtfh_wafh": 65,
        "public_and_private": 34,
    },
    ("cafcass-2015",): {
        "public_s31": 170,
        "public_other": 29,
        "private_wtfh": 32,
        "private_wtfh_wafh": 55,
        "public_and_private": 51,
    },
    ("cafcass-2017",): {"public_s31": 211, "private_wtfh_wafh": 34},
}


class ReviewModel:
    def __init__(self, slots: list[Slot], pub: ModuleType) -> None:
        self.slots, self.pub, self.m = slots, pub, Model()
        m = self.m
        self.pairs = self._allowed_pairs()
        self.x: list[dict[tuple[str, str], int]] = []
        self.v: list[dict[str, int]] = []
        self.r: list[dict[str, dict[str, int]]] = []
        self.d: list[dict[str, int]] = []
        self.s: list[dict[str, int]] = []
        self.pm: list[int] = []
        self.pf: list[int] = []
        for c, slot in enumerate(slots):
            pairs = [
                (i, p)
                for i, p in self.pairs
                if (slot.incident in (None, i)) and (slot.perp in (None, p))
            ]
            self.x.append({ip: m.var(f"x{c}{ip}") for ip in pairs})
            m.eq(total(self.x[c].values()), 1)
            self.v.append({k: m.var(f"v{c}{k}") for k in INVOLVEMENT})
            m.eq(total(self.v[c].values()), 1)
            if slot.involvement:
                m.eq(self.v[c][slot.involvement], 1)
            self.r.append({f: {lv: m.var(f"r{c}{f}{lv}") for lv in levels(f)} for f in FACTORS})
            for f in FACTORS:
                m.eq(total(self.r[c][f].values()), 1)
            self.d.append({k: m.var(f"d{c}{k}") for k in DA_PERPS})
            self.s.append({k: m.var(f"s{c}{k}") for k in SAME})
            m.eq(total([*self.d[c].values(), self.r[c]["risk_domestic_abuse"]["none"]]), 1)
            m.eq(total([*self.s[c].values(), self.r[c]["risk_domestic_abuse"]["none"]]), 1)
            self.pm.append(m.var(f"pm{c}"))
            self.pf.append(m.var(f"pf{c}"))
            po = self.perp(c, "parents_and_others")
            m.le(total([self.pm[c], scaled(po, -1)]), 0)
            m.le(total([self.pf[c], scaled(po, -1)]), 0)
            m.ge(total([self.pm[c], self.pf[c], scaled(po, -1)]), 0)
            if slot.score is not None:
                m.eq(self.score(c), slot.score)

    # ---------------------------------------------------------------- expressions
    def _allowed_pairs(self) -> list[tuple[str, str]]:
        t8 = self.pub.TABLE_001_8
        pairs = []
        for p, (_label, cells) in t8["rows"].items():
            for col, n in zip(t8["columns"], cells):
                if n:
                    pairs += [(i, p) for i in t8["column_incidents"][col]]
        pairs += [(i, "young_person_self") for i in YOUNG] + [("other", "subject_child")]
        return pairs

    def inc(self, c: int, *incidents: str) -> Expr:
        return total(v for (i, _p), v in self.x[c].items() if i in incidents)

    def perp(self, c: int, *perps: str) -> Expr:
        return total(v for (_i, p), v in self.x[c].items() if p in perps)

    def pair(self, c: int, incidents: tuple[str, ...], perps: tuple[str, ...]) -> Expr:
        return total(v for (i, p), v in self.x[c].items() if i in incidents and p in perps)

    def present(self, c: int, f: str) -> Expr:
        return {-1: 1.0, self.r[c][f][levels(f)[0]]: -1.0}

    def score(self, c: int) -> Expr:
        return total({v: SCORE[lv]} for f in FACTORS for lv, v in self.r[c][f].items())

    def mother_flag(self, c: int) -> Expr:
        return total([self.perp(c, "mother", "both_parents", "mother_and_partner"), self.pm[c]])

    def father_flag(self, c: int) -> Expr:
        return total([self.perp(c, "father", "both_parents"), self.pf[c]])

    def cases(
        self,
        study: str | None = None,
        group: str | None = None,
        law: str | None = None,
        recent: str | None = None,
    ) -> list[int]:
        return [
            c
            for c, s in enumerate(self.slots)
            if (study is None or s.study == study)
            and (group is None or s.group == group)
            and (law is None or s.law == law)
            and (recent is None or s.recent == recent)
        ]

    def tag(self, name: str) -> int:
        return next(c for c, s in enumerate(self.slots) if s.tag == name)

    def both(self, a: Expr | int, b: Expr | int, name: str) -> int:
        """A new binary that is 1 exactly when both a and b are 1."""
        m = self.m
        z = m.var(name)
        a = {a: 1.0} if isinstance(a, int) else a
        b = {b: 1.0} if isinstance(b, int) else b
        m.le(total([{z: 1.0}, scaled(a, -1)]), 0)
        m.le(total([{z: 1.0}, scaled(b, -1)]), 0)
        m.ge(total([{z: 1.0}, scaled(a, -1), scaled(b, -1)]), -1)
        return z

    # ---------------------------------------------------------------- solving
    def solution(self) -> list[dict[str, object]]:
        val = self.m.solve()
        out = []
        for c, slot in enumerate(self.slots):
            ((inc, perp),) = [ip for ip, v in self.x[c].items() if val[v]]
            row: dict[str, object] = {"incident_type": inc, "perpetrator": perp}
            row["involvement"] = next(k for k, v in self.v[c].items() if val[v])
            for f in FACTORS:
                row[f] = next(lv for lv, v in self.r[c][f].items() if val[v])
            row["da_perpetrator"] = next((k for k, v in self.d[c].items() if val[v]), None)
            row["da_perpetrator_same"] = next((k for k, v in self.s[c].items() if val[v]), None)
            flags = {"mother": val[self.pm[c]], "father": val[self.pf[c]]}
            row["perpetrator_mother"] = (
                "yes"
                if perp in ("mother", "both_parents", "mother_and_partner") or flags["mother"]
                else "no"
            )
            row["perpetrator_father"] = (
                "yes" if perp in ("father", "both_parents") or flags["father"] else "no"
            )
            out.append(row)
        return out
