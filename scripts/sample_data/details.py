"""Review details fixed by short lists rather than the integer programme: parents' ages,
duration and start of Cafcass involvement, SCR model, and the texts of 'other' risks."""

from __future__ import annotations

import random

from sample_data.slots import Slot

# Parents' age at the birth of the first child, by study (None = unknown).
# 2014: 000 Section 3.2 -- 12 of 26 mothers aged 20 or under (46.2%), mean 23 (592/26 = 22.8);
# 3 fathers missing, 7 of 23 aged 20 or under (30.4%), mean 26 (599/23 = 26.0).
# 2017: 001 Table 4 bands. 2015: what 001 Table 13 leaves after 2014 and 2017.
# fmt: off
MOTHERS = {
    "cafcass-2014": [16, 17, 17, 18, 18, 19, 19, 19, 20, 20, 20, 20,
                     22, 22, 23, 23, 24, 24, 25, 25, 27, 28, 29, 30, 32, 35],
    "cafcass-2015": [17, 18, 19, 19, 20, 20, 22, 24, 25, 26, 27, 28, 28, 29, 30,
                     31, 32, 33, 34, 36, 38, None, None],
    "cafcass-2017": [16, 17, 18, 18, 19, 19, 20, 20, 21, 22, 24, 25, 29, 33, None],
}
FATHERS = {
    "cafcass-2014": [18, 19, 19, 20, 20, 20, 20, 22, 23, 23, 24, 25, 25,
                     27, 28, 29, 30, 30, 32, 33, 35, 37, 40, None, None, None],
    "cafcass-2015": [19, 20, 20, 22, 23, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
                     36, 38, 39, 41, 44, None, None],
    "cafcass-2017": [19, 20, 21, 22, 23, 24, 25, 27, 29, 31, 32, 34, 36, 42, None],
}
# 000 Table 2 and Section 3.1: durations 2-69 months, 17 of 26 up to 24 months; start years
# 2005-2013, 13 of 26 in 2010 or earlier.
MONTHS_2014 = [69, 55, 47, 40, 36, 34, 31, 29, 26, 24, 23, 21, 20, 18, 16, 15, 13,
               12, 12, 11, 10, 9, 7, 6, 4, 2]
START_2014 = [2005, 2006, 2007, 2008, 2008, 2009, 2009, 2009, 2010, 2010, 2010, 2010, 2010,
              2011, 2011, 2011, 2011, 2011, 2012, 2012, 2012, 2012, 2012, 2013, 2013, 2013]
# 000 Table 1 (28 submissions) less the two excluded, assumed traditional.
SCR_MODEL_2014 = ["traditional"] * 16 + ["hybrid"] * 7 + ["scie"] + ["unclear"] * 2
# 'Other' risks named in 000 Section 3.5 and 001 Section 3.4.1.
OTHER_RISKS = (
    "parental learning difficulties",
    "previous removal of older children",
    "parental history of violence or other criminal activity",
    "child's health or behavioural problems",
    "lack of parenting experience and of a support network",
    "child's drug or alcohol misuse",
    "parental ambivalence and anger issues",
)
# fmt: on


def _spread(values: list, n: int, seed: int) -> list:
    assert len(values) == n, (len(values), n)
    out = list(values)
    random.Random(seed).shuffle(out)
    return out


def add_details(slots: list[Slot], reviews: list[dict]) -> None:
    """Fills parents' ages for the studies since 2014, 2014 involvement and SCR model,
    'other' risk texts, review type and siblings removed (2017)."""
    for k, study in enumerate(("cafcass-2014", "cafcass-2015", "cafcass-2017")):
        cs = [c for c, s in enumerate(slots) if s.study == study]
        # Pair mothers and fathers by rank (fathers are typically older, 001 Section 5.4.2).
        last = 99
        pairs = list(
            zip(
                sorted(MOTHERS[study], key=lambda a: a or last),
                sorted(FATHERS[study], key=lambda a: a or last),
            )
        )
        for c, (mo, fa) in zip(cs, _spread(pairs, len(cs), 10 + k)):
            reviews[c]["mother_age_first_birth"] = mo
            reviews[c]["father_age_first_birth"] = fa
    y14 = [c for c, s in enumerate(slots) if s.study == "cafcass-2014"]
    order = _spread(list(range(26)), 26, 30)
    models = _spread(SCR_MODEL_2014, 26, 31)
    for c, j, model in zip(y14, order, models):
        reviews[c]["involvement_months"] = MONTHS_2014[j]
        reviews[c]["involvement_start_year"] = START_2014[j]
        reviews[c]["scr_model"] = model
        reviews[c]["law_type_other"] = slots[c].law_other
    removed = 0
    for c, s in enumerate(slots):
        r = reviews[c]
        r["risk_other_specify"] = (
            OTHER_RISKS[c % len(OTHER_RISKS)] if r["risk_other"] != "none" else None
        )
        r["review_type"] = "scr"
        if s.study == "cafcass-2017":
            # 001 Section 1.1 footnote 1: one review was a multi-agency learning review;
            # Section 3.2: older siblings previously removed in three cases.
            if s.tag == "S10":
                r["review_type"] = "learning_review"
            gone = removed < 3 and r["risk_other"] != "none"
            removed += gone
            r["siblings_removed"] = "yes" if gone else "no"
            if gone:
                r["risk_other_specify"] = "previous removal of older children"
