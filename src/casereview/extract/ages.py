"""The subject child's age at the incident, in years, from the ages a text states.

The manual: months / 12, weeks x 7 / 365.25, days / 365.25, two decimals; "newborn" 0; unborn,
"less than one month" or not stated -> null; with several children, the first named subject
child. Candidates are scored: a child noun after the age, the child named just before it, an
incident nearby count for it; an earlier time ("then 2", "when she was 3") counts against it.
"""

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from casereview.extract.findings import ChildFact, text_of
from casereview.extract.matchers import PEOPLE_KEY

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
# "twenty-one" .. "fifty-nine" (weeks and months are written out too), hyphen or space
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NUMBERS.update({k: v for k, v in _TENS.items()})
_NUMBERS.update(
    {
        f"{t}{sep}{u}": tv + i + 1
        for t, tv in _TENS.items()
        for i, u in enumerate(_UNITS)
        for sep in "- "
    }
)
# A look-ahead on the first letters lets the regex engine skip, at each word, the ~90
# alternatives below unless one of them can start there (~0.25 s -> 0.05 s per pattern on a
# 100-page report; what matches is unchanged).
_STARTS = "|".join(sorted({k[:3] for k in _NUMBERS if len(k) > 2}))
_FIRST = "".join(sorted({k[0] for k in _NUMBERS}))
_NUM = (
    rf"(?=[\d{_FIRST}])(?=\d|{_STARTS}|an?(?![^\W½]))"
    r"(\d{1,2}(?:\.\d)?|"
    + "|".join(sorted((k for k in _NUMBERS if len(k) > 2), key=len, reverse=True))
    + r"|a|an)"
)
_NUM_ONLY = (
    rf"(?=[\d{_FIRST}])(?=\d|{_STARTS})"
    r"(\d{1,2}(?:\.\d)?|"
    + "|".join(sorted((k for k in _NUMBERS if len(k) > 2), key=len, reverse=True))
    + r")"
)
_UNIT = r"(years?|yrs?|months?|mths?|mos?|weeks?|wks?|days?)"
_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half|\s?½)?"
_AGE_PATTERNS = [
    # chronology entries: "8 weeks: Police attend ...", "Aged 2 years 4 months: ..."
    _ENTRY := re.compile(
        rf"\b(?:aged\s+)?{_NUM_ONLY}\s+{_UNIT}(?:,?\s+(?:and\s+)?{_NUM_ONLY}\s+{_UNIT})?(?:\s+old)?\s*:",
        re.IGNORECASE,
    ),
    # "17 years and 2 months old", "2 years, 4 months old", "aged 2 years and 4 months",
    # "2-year-1-month-old"
    re.compile(
        rf"\b{_NUM_ONLY}[\s-]+(years?|yrs?)(?:,\s*|[\s-]+and[\s-]+|[\s-]+){_NUM_ONLY}[\s-]+(months?|mths?|weeks?)(?:[\s-]+old)?\b",
        re.IGNORECASE,
    ),
    # "15-year-old", "six week old", "18 month old baby", "two and a half year old"
    re.compile(rf"\b{_NUM}{_HALF}[\s-]+{_UNIT}[\s-]+old\b", re.IGNORECASE),
    # "aged 2 years 4 months", "aged 15", "aged 6 weeks", "age 3"
    re.compile(
        rf"\bage[d]?(?:\s+at\s+(?:the\s+)?(?:incident|death|time of (?:the )?incident))?"
        rf"(?:\s*:\s*|\s+)(?:of\s+)?(?:just\s+|only\s+)?{_NUM}{_HALF}(?:\s+{_UNIT})?(?:,?\s+(?:and\s+)?{_NUM}\s+{_UNIT})?\b",
        re.IGNORECASE,
    ),
    # "3 months of age", "4 years of age"
    re.compile(rf"\b{_NUM}{_HALF}\s+{_UNIT}\s+of\s+age\b", re.IGNORECASE),
    # "was 14 when", "Child P was 15 and ..." (a bare number needs the child just before it)
    _BARE := re.compile(
        rf"\b(?:was|is|just|only|then|now|turned|turning)\s+{_NUM_ONLY}{_HALF}(?:\s+{_UNIT})?(?=\s*(?:old\b|when\b|at the time\b|and\b|,|;|\.))",
        re.IGNORECASE,
    ),
    _BRACKETED := re.compile(
        rf"\(\s*(?:aged\s+)?{_NUM_ONLY}{_HALF}(?:\s+{_UNIT})?\s*\)", re.IGNORECASE
    ),
    # news style: "C, 14, was found hanged" (a bare number between commas after the child)
    _APPOSITIVE := re.compile(rf"(?<=,)\s+{_NUM_ONLY}(?=\s*,\s)", re.IGNORECASE),
    # "a girl of five-and-a-half", "a boy of 14"
    re.compile(
        rf"\b(?:boy|girl|child|baby|son|daughter|toddler) of (?:just |only |)?{_NUM_ONLY}{_HALF}(?:[\s-]+{_UNIT})?\b",
        re.IGNORECASE,
    ),
]
_CHILD_NOUN_AFTER = re.compile(
    r"^\W{0,2}(?:white\s+british\s+|black\s+\w+\s+|mixed\s+\w+\s+|asian\s+\w+\s+|british\s+)?"
    r"(boy|girl|baby|child|infant|son|daughter|toddler|young person|teenager|adolescent|twin|twins|"
    r"male|female|subject|pre-?schooler|schoolgirl|schoolboy|young man|young woman|newborn|neonate)\b",
    re.IGNORECASE,
)
_NOT_CHILD_AFTER = re.compile(
    r"^\W{0,2}(mother|father|man|woman|partner|brother|sister|sibling|siblings|half-brother|"
    r"half-sister|cousin|boyfriend|girlfriend|male adult|adult|friend|uncle|aunt|mum|dad)\b",
    re.IGNORECASE,
)
_INCIDENT_BEFORE = re.compile(
    r"(died|death|killed|took (his|her) own life|found (dead|unresponsive|hanged|hanging)|"
    r"was (seriously )?(injured|harmed|assaulted|stabbed|shot)|admitted to hospital)[^.]*$",
    re.IGNORECASE,
)
_INCIDENT_NEAR = re.compile(
    r"\b(died|death|killed|admitted|injur\w*|found (dead|unresponsive|hanged)|harmed|assaulted|"
    r"stabbed|scald\w*|burn(s|ed|t)|fractur\w*|incident|collapsed|(taken|brought|rushed) to hospital|"
    r"overdose|toxicology)\b",
    re.IGNORECASE,
)
_HISTORY_BEFORE = re.compile(
    r"(when (she|he|they) (was|were)|at the age of|at age|aged? about|from the age of|since the age of|until (she|he) was|by the age of|(at|from|since|by|until|under) the|over the)\s*$",
    re.IGNORECASE,
)


# "in front of her 8-year-old son": a parent's son or daughter, whoever was named before
_POSSESSIVE_BEFORE = re.compile(r"\b(her|his|their)\s+$", re.IGNORECASE)
_OFFSPRING_AFTER = re.compile(r"^\W{0,2}(son|daughter|baby)\b", re.IGNORECASE)

_BOUND_BEFORE = re.compile(
    r"\b(less than|under|younger than|older than|over|more than)\s+$", re.IGNORECASE
)


def _subject_after_person(who: str, person: str, after: str, aged: bool = False) -> bool:
    """An age after another person that is still the subject child's: the plural of a group
    of subject siblings ("three siblings, a 9-year-old boy and ..."), or a parent's own son or
    daughter ("in front of her 8-year-old son")."""
    group = person.lower().rstrip().endswith(("siblings", "sisters", "brothers", "twins"))
    if who == "sibling" and group and aged:
        return True  # "two brothers aged 3 and 5", "three siblings aged 8, 6 and 4"
    noun = _CHILD_NOUN_AFTER.match(after)
    if noun is None:
        return False
    if who == "sibling":
        return group
    return who in ("mother", "father", "parents") and noun.group(1).lower() in (
        "son",
        "daughter",
        "baby",
        "child",
    )


@dataclass
class _Age:
    years: float
    score: float
    start: int
    end: int


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    t = text.lower()
    if t in _NUMBERS:
        return float(_NUMBERS[t])
    try:
        return float(t)
    except ValueError:
        return None


def _to_years(n: float, unit: str | None) -> float:
    u = (unit or "year").lower()
    if u.startswith(("mo", "mth")):
        return n / 12
    if u.startswith("w"):
        return n * 7 / 365.25
    if u.startswith("d"):
        return n / 365.25
    return n


def age_value(match: re.Match[str]) -> float | None:
    """Years from a matched age expression (groups: number, unit, number, unit)."""
    groups = [g for g in match.groups()]
    nums = [
        (groups[i], groups[i + 1] if i + 1 < len(groups) else None)
        for i in range(0, len(groups), 2)
    ]
    total = 0.0
    seen = False
    half = "half" in match.group(0).lower() or "½" in match.group(0)
    for num, unit in nums:
        n = _num(num)
        if n is None:
            continue
        if half and not seen:
            n += 0.5
        total += _to_years(n, unit)
        seen = True
    return round(total, 2) if seen else None


def read_age(doc: Doc, newborn: list[Span]) -> ChildFact | None:
    """The subject child's age at the incident: the best-scored age expression."""
    text = text_of(doc)
    people = [(s.start_char, s.end_char, s.label_) for s in doc.spans[PEOPLE_KEY]]
    cands: list[_Age] = []
    seen: set[tuple[int, int]] = set()
    for k, pat in enumerate(_AGE_PATTERNS):
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in seen):
                continue
            years = age_value(m)
            if years is None or years > 18:
                continue
            after, before = (
                text[m.end() : m.end() + 40],
                text[max(0, m.start() - 60) : m.start()],
            )
            if _NOT_CHILD_AFTER.match(after) or _BOUND_BEFORE.search(before):
                continue  # "less than one month old" states no age
            here = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            sent_start = here.sent.start_char if here is not None else 0
            near = [
                p
                for p in people
                if sent_start <= p[0]
                and p[1] <= m.start()
                and m.start() - p[1] <= 25
                and ":" not in text[p[1] : m.start()]  # "Family T7: Death of a 15-year-old"
            ]
            who = near[-1][2] if near else None
            if (
                who
                and who != "child"
                and not _subject_after_person(
                    who,
                    text[near[-1][0] : near[-1][1]],
                    after,
                    m.group(0).lower().startswith("aged"),
                )
                and not (_POSSESSIVE_BEFORE.search(before) and _OFFSPRING_AFTER.match(after))
            ):
                continue
            score = (
                1.0
                + (2.0 if _CHILD_NOUN_AFTER.match(after) else 0.0)
                + (1.5 if who == "child" else 0.0)
            )
            if (pat is _BRACKETED or pat is _APPOSITIVE) and who != "child":
                continue  # a bare "(15)" or ", 15," needs a child right before it
            if (
                pat is _BARE
                and who != "child"
                and not re.search(r"old|when|at the time", m.group(0) + after[:15], re.IGNORECASE)
            ):
                continue
            if pat is _ENTRY:
                if here is None or not (
                    here[0].is_sent_start
                    or text[max(0, m.start() - 2) : m.start()].strip() in (".", ":", ";")
                ):
                    continue
                score += 0.5 + 0.01 * len(cands)  # a chronology: the last entry is the incident
            if m.group(0).lower().startswith("then"):
                score -= 1.0  # "Child R, then 2, ...": an earlier time
            if _HISTORY_BEFORE.search(before) and not _INCIDENT_BEFORE.search(before):
                score -= 1.5
            if _INCIDENT_NEAR.search(text[max(0, m.start() - 200) : m.end() + 200]):
                score += 0.75  # the age at the incident, not at an earlier event
            seen.add((m.start(), m.end()))
            cands.append(_Age(years, score, m.start(), m.end()))
    for span in newborn:
        cands.append(_Age(0.0, 1.5, span.start_char, span.end_char))
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.score, -c.start))
    if best.score < 1.0:
        return None
    where = doc.char_span(best.start, best.end, alignment_mode="expand")
    if where is None:
        return None
    return ChildFact("age_years", best.years, where, min(0.95, 0.55 + 0.12 * best.score))
