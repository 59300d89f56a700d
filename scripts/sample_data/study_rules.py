"""What 000 says about the 2014 sample's risks (Section 3.4, Charts 2-4) and 001 Section 3
about the 2017 study's, as constraints on a ReviewModel."""

from __future__ import annotations

from sample_data.milp import total
from sample_data.reviews import FACTORS, PHYSICAL, ReviewModel

# 2014 risk category ids -> 2017 ids (codebook mapping, 001 Section 2 footnote 3).
FROM_2014 = {
    "risk_child_self_risk": "risk_child_vulnerabilities",
    "risk_domestic_violence": "risk_domestic_abuse",
    "risk_drug_alcohol": "risk_substance_misuse",
    "risk_parental_self_harm": "risk_parental_vulnerabilities",
}


def _score_between(rm: ReviewModel, c: int, low: int, high: int) -> None:
    rm.m.add(rm.score(c), low, high)


def study_2014(rm: ReviewModel) -> None:
    m, pub = rm.m, rm.pub
    groups = {
        "all": rm.cases(study="cafcass-2014"),
        "public": rm.cases(study="cafcass-2014", recent="public"),
        "private": rm.cases(study="cafcass-2014", recent="private"),
    }
    # Charts 2-4, counts given in the key observations.
    for group, field14, what, n in pub.CHARTS_000["counts"]:
        f = FROM_2014.get(field14, field14)
        if what == "present":
            m.eq(total(rm.present(c, f) for c in groups[group]), n)
        else:
            m.eq(total(rm.r[c][f][what] for c in groups[group]), n)
    # Orderings: DV most common and emotional abuse second in private law; physical abuse most
    # common in public law apart from 'other'; DV most common overall (000 Section 5.2 point 5).
    for f in FACTORS:
        if f not in ("risk_domestic_abuse", "risk_emotional_abuse"):
            m.le(total(rm.present(c, f) for c in groups["private"]), 6)
        if f not in ("risk_physical_abuse", "risk_other"):
            m.le(total(rm.present(c, f) for c in groups["public"]), 9)
        if f != "risk_domestic_abuse":
            m.le(total(rm.present(c, f) for c in groups["all"]), 17)
    # 'Other' risks were numerous, particularly in public law.
    m.ge(total(rm.present(c, "risk_other") for c in groups["public"]), 9)
    # Parental mental health in public law: the majority medium or low.
    m.le(total(rm.r[c]["risk_parental_mental_health"]["high"] for c in groups["public"]), 3)
    # Neglect: in private law cases the risk level was assessed as lower.
    neg = "risk_neglect"
    m.eq(total(rm.r[c][neg]["high"] for c in groups["private"]), 0)
    m.le(total(rm.r[c][neg]["medium"] for c in groups["private"]), 2)
    m.ge(total(rm.r[c][neg]["high"] for c in groups["public"]), 4)
    # Section 3.4: scores 0-25; private law 0-17, 14 without the case with historical care
    # proceedings (footnote 9); public law 6-25.
    for c in groups["all"]:
        slot = rm.slots[c]
        if slot.group == "private":
            _score_between(rm, c, 0, 14)
        elif slot.recent == "public":
            _score_between(rm, c, 6, 25)
    # Case example 2 ('low risk' 13): child protection plan, the mother's learning
    # difficulties ('other'), mental health. Case example 3 (22): DV high, father's and
    # mother's mental health, mother's drug and alcohol misuse and non-engagement, previous
    # child protection plans, the child's problems and the father's criminal history ('other').
    ex2, ex3 = rm.tag("C1"), rm.tag("C2")
    m.eq(rm.r[ex2]["risk_cpp"]["yes_currently"], 1)
    for f in ("risk_parental_mental_health", "risk_other"):
        m.eq(rm.present(ex2, f), 1)
    m.eq(rm.r[ex3]["risk_domestic_abuse"]["high"], 1)
    m.eq(rm.r[ex3]["risk_cpp"]["yes_previously"], 1)
    for f in (
        "risk_parental_mental_health",
        "risk_substance_misuse",
        "risk_non_engagement",
        "risk_other",
    ):
        m.eq(rm.present(ex3, f), 1)


def study_2017(rm: ReviewModel) -> None:
    m, pub = rm.m, rm.pub
    text = pub.STUDY_2017_TEXT
    cs = rm.cases(study="cafcass-2017")
    tags = {rm.slots[c].tag: c for c in cs}
    # 3.4.1: neglect in all public law cases and one private law case, 11 of 13 high.
    for t, c in tags.items():
        m.eq(rm.present(c, "risk_neglect"), 0 if t in ("S4", "S6") else 1)
    m.eq(total(rm.r[c]["risk_neglect"]["high"] for c in cs), text["neglect_high"])
    # Parental vulnerabilities in 8, seven of them with high neglect.
    m.eq(
        total(rm.present(c, "risk_parental_vulnerabilities") for c in cs),
        text["parental_vulnerabilities"],
    )
    pv_neg = [
        rm.both(
            rm.present(c, "risk_parental_vulnerabilities"),
            rm.r[c]["risk_neglect"]["high"],
            f"pvn{c}",
        )
        for c in cs
    ]
    m.eq(total(pv_neg), text["parental_vulnerabilities_with_high_neglect"])
    m.eq(
        total(rm.present(c, "risk_child_vulnerabilities") for c in cs),
        text["child_vulnerabilities"],
    )
    # Two of the three private law cases: high domestic and emotional abuse.
    for t in ("S4", "S6"):
        for f in ("risk_domestic_abuse", "risk_emotional_abuse"):
            m.eq(rm.r[tags[t]][f]["high"], 1)
    m.le(
        {
            rm.r[tags["S5"]]["risk_domestic_abuse"]["high"]: 1.0,
            rm.r[tags["S5"]]["risk_emotional_abuse"]["high"]: 1.0,
        },
        1,
    )
    # Domestic abuse perpetrator male in all cases but one, where it was reciprocal.
    for c in cs:
        m.eq(rm.d[c]["unknown"], 0)
        m.eq(rm.d[c]["mother_female_partner"], 0)
    m.eq(total(rm.d[c]["reciprocal"] for c in cs), text["da_perpetrator_not_male"])
    # Child protection plan previously in 8; 5 of them physical abuse incidents, with a known
    # physical abuse risk in 2 of those, both low. Of the physical abuse incidents, 3 had a known
    # physical abuse risk, one high (not among the five).
    m.eq(total(rm.r[c]["risk_cpp"]["yes_previously"] for c in cs), text["cpp_previously"])
    pa = [c for c in cs if rm.slots[c].incident in PHYSICAL]
    m.eq(
        total(rm.r[c]["risk_cpp"]["yes_previously"] for c in pa),
        text["cpp_previously_physical_abuse_incident"],
    )
    both = []
    for c in pa:
        q = rm.both(
            rm.r[c]["risk_cpp"]["yes_previously"], rm.present(c, "risk_physical_abuse"), f"cpa{c}"
        )
        m.le({q: 1.0, rm.r[c]["risk_physical_abuse"]["low"]: -1.0}, 0)
        m.le(
            {
                rm.r[c]["risk_physical_abuse"]["high"]: 1.0,
                rm.r[c]["risk_cpp"]["yes_previously"]: 1.0,
            },
            1,
        )
        both.append(q)
    m.eq(total(both), text["cpp_previously_physical_abuse_incident_with_pa_risk_low"])
    m.eq(
        total(rm.present(c, "risk_physical_abuse") for c in pa),
        text["physical_abuse_incidents_with_pa_risk"],
    )
    m.eq(
        total(rm.r[c]["risk_physical_abuse"]["high"] for c in pa),
        text["physical_abuse_incidents_with_pa_risk_high"],
    )
    # Parental mental health in 8, seven of them with substance misuse and domestic abuse.
    m.eq(
        total(rm.present(c, "risk_parental_mental_health") for c in cs),
        text["parental_mental_health"],
    )
    trio = []
    for c in cs:
        a = rm.both(
            rm.present(c, "risk_parental_mental_health"),
            rm.present(c, "risk_substance_misuse"),
            f"ms{c}",
        )
        trio.append(rm.both(a, rm.present(c, "risk_domestic_abuse"), f"msd{c}"))
    m.eq(total(trio), text["parental_mental_health_with_sm_and_da"])
    # 3.4.2: public law 11-24, three cases over 20 (the 24, and the case where the child was the
    # perpetrator among them); private 9, 10, 15 are fixed on the slots.
    over = []
    for c in cs:
        if rm.slots[c].group != "public":
            continue
        _score_between(rm, c, 11, 24)
        g = m.var(f"over{c}")
        m.ge(total([rm.score(c), {g: -21.0}]), 0)
        m.le(total([rm.score(c), {g: -19.0}]), 20)
        over.append(g)
        if rm.slots[c].tag in ("S2", "S13"):
            m.eq(g, 1)
    m.eq(total(over), 3)


STUDY_RULES = (study_2014, study_2017)
