"""The subject child's age at the incident, gender and ethnic group.

Ages follow the manual: months / 12, weeks x 7 / 365.25, days / 365.25, two decimals,
"newborn" 0, unborn null; with several children, the first named subject child. Ethnic groups
are the five the Triennial Review uses (002 Table 8): white, mixed, asian, black, other.
Vocabulary is data (rules/child.yaml); the arithmetic and the choice between candidates is here.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from casereview.extract import rules as R
from casereview.extract.findings import ChildFact, child_of
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
_NUM = (
    r"(\d{1,2}(?:\.\d)?|"
    + "|".join(sorted((k for k in _NUMBERS if len(k) > 2), key=len, reverse=True))
    + r"|a|an)"
)
_NUM_ONLY = (
    r"(\d{1,2}(?:\.\d)?|"
    + "|".join(sorted((k for k in _NUMBERS if len(k) > 2), key=len, reverse=True))
    + r")"
)
_UNIT = r"(years?|yrs?|months?|mths?|mos?|weeks?|wks?|days?)"
_HALF = r"(?:\s+and\s+a\s+half|\s?½)?"
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
        rf"(?:\s*:\s*|\s+)(?:of\s+)?{_NUM}{_HALF}(?:\s+{_UNIT})?(?:,?\s+(?:and\s+)?{_NUM}\s+{_UNIT})?\b",
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
_AND_PARENT = re.compile(r"^\s*(and|&)\s+(her|his|their)?\s*$", re.IGNORECASE)

_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "herself": "female",
}
_OTHER = {"male": "female", "female": "male"}


@lru_cache(maxsize=1)
def _role_gender() -> dict[str, str]:
    """people.yaml roles with a gender (mother, father, mother's partner, ...)."""
    return {p.role: p.gender for p in R.people().people if p.gender}


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


@lru_cache(maxsize=1)
def _vocab() -> dict:
    import yaml

    return yaml.safe_load((R.RULES_DIR / "child.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _harm_title_pattern() -> re.Pattern[str]:
    v = _vocab()["harm_title"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"(?:(?:{alt(v['before'])})(?:\s+and\s+|\s*,\s*|\s+))*(?:{alt(v['nouns'])})"
        rf"(?:\s+and\s+(?:{alt(v['before'])}\s+)*(?:{alt(v['nouns'])}))*"
        rf"\s+(?:{alt(v['after'])})\s+(?:a|an|the|two|three|four|five|six|her|his|\d+|child|baby|infant|young|siblings|children)\b",
        re.IGNORECASE,
    )


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


@Language.factory("casereview_child", default_config={})
def make_child(nlp: Language, name: str) -> "ChildReader":
    return ChildReader(nlp, name)


class ChildReader:
    """Sets doc._.cr_child: age, gender and ethnicity of the subject child."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        v = _vocab()
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        for g, phrases in v["gender"].items():
            self._add(nlp, f"gender:{g}", phrases)
        self._add(nlp, "newborn", v["newborn"])
        for group, phrases in v["ethnicity"].items():
            self._add(nlp, f"ethnicity:{group}", phrases)

    def _add(self, nlp: Language, label: str, phrases: list[str]) -> None:
        spelled = sorted({p for ph in phrases for p in R.expand(ph.lower())})
        self.words.add(label, [nlp.make_doc(p) for p in spelled])

    def _matches(self, doc: Doc) -> dict[str, list[Span]]:
        """Longest matches only, by kind ("gender", "newborn", "ethnicity")."""
        spans = sorted(
            (Span(doc, s, e, label=m) for m, s, e in self.words(doc)),
            key=lambda x: (x.start, -x.end),
        )
        out: dict[str, list[Span]] = {}
        max_end = -1
        for span in spans:
            if span.end <= max_end:
                continue
            max_end = span.end
            out.setdefault(span.label_.split(":")[0], []).append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        facts = child_of(doc)
        words = self._matches(doc)
        facts.age = self.age(doc, words.get("newborn", []))
        facts.gender = self.gender(doc, words.get("gender", []))
        facts.ethnicity = self.ethnicity(doc, words.get("ethnicity", []))
        harm = self.harm_title(doc)
        if harm is not None:
            facts.extra.append(harm)
        return doc

    # ------------------------------------------------------------------ fatal
    def harm_title(self, doc: Doc) -> ChildFact | None:
        """'Neglect of a 10-year-old boy' opening one of the first sentences: serious harm
        (fatal "no"; a death asserted anywhere still wins in the summary)."""
        for k, sent in enumerate(doc.sents):
            if k >= 3:
                break
            m = _harm_title_pattern().match(sent.text.strip())
            if m is not None:
                start = sent.start_char + sent.text.index(m.group(0))
                span = doc.char_span(start, start + len(m.group(0)), alignment_mode="expand")
                if span is not None:
                    return ChildFact("fatal", "no", span, 0.7)
        return None

    # ------------------------------------------------------------------ age
    def age(self, doc: Doc, newborn: list[Span]) -> ChildFact | None:
        text = doc.text
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
                    if sent_start <= p[0] and p[1] <= m.start() and m.start() - p[1] <= 25
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
                if pat is _BRACKETED and who != "child":
                    continue  # a bare "(15)" needs a child right before it
                if (
                    pat is _BARE
                    and who != "child"
                    and not re.search(
                        r"old|when|at the time", m.group(0) + after[:15], re.IGNORECASE
                    )
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

    # ------------------------------------------------------------------ gender
    def gender(self, doc: Doc, words: list[Span]) -> ChildFact | None:
        """Explicit words about the child (boy, girl, son, daughter) first; else the pronoun
        that follows the child ("Child A and her mother")."""
        if words:
            first = words[0]
            return ChildFact("gender", first.label_.split(":")[1], first, 0.9)
        return self._pronoun_gender(doc)

    @staticmethod
    def _pronoun_gender(doc: Doc) -> ChildFact | None:
        role_gender = _role_gender()
        """Pronouns whose last person mention (this or the previous sentence) is the child:
        "Child D is taken to hospital. He is pronounced dead"; "Child A and her mother"."""
        spans = sorted(doc.spans[PEOPLE_KEY], key=lambda s: s.end)
        ends = [s.end for s in spans]
        votes = {"male": 0, "female": 0}
        first: dict[str, Span] = {}
        sent_starts = [s.start for s in doc.sents]
        for tok in doc:
            g = _PRONOUN_GENDER.get(tok.lower_)
            if g is None:
                continue
            k = bisect_right(ends, tok.i) - 1
            j = bisect_right(sent_starts, tok.i) - 1  # this sentence; the one before it
            window = sent_starts[max(j - 1, 0)]
            # Skip people of the other gender: "Father admitted he had dropped her" -> her is
            # not the father; the child named before him is.
            while (
                k >= 0 and spans[k].end > window and role_gender.get(spans[k].label_) == _OTHER[g]
            ):
                k -= 1
            if k < 0:
                continue
            prev = spans[k]
            if prev.label_ != "child" or prev.end <= window:
                continue
            votes[g] += 1
            first.setdefault(g, doc[tok.i : tok.i + 1])
        if votes["male"] == votes["female"]:
            return None
        g = max(votes, key=lambda k: votes[k])
        conf = 0.8 if votes[g] >= 2 * votes[_OTHER[g]] else 0.6
        return ChildFact("gender", g, first[g], conf)

    # ------------------------------------------------------------------ ethnicity
    def ethnicity(self, doc: Doc, words: list[Span]) -> ChildFact | None:
        """The child's own group; else the family's; else both parents' (different -> mixed)."""
        people = list(doc.spans[PEOPLE_KEY])
        matches = [(w.start_char, w.end_char, w.label_.split(":")[1]) for w in words]
        found: dict[str, list[tuple[str, Span]]] = {}
        max_end = -1
        for start, end, group in matches:
            if end <= max_end:
                continue  # inside a longer match: "White and Black Caribbean" is one group
            max_end = end
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            before = [p for p in people if sent.start <= p.start and p.end <= span.start]
            owner = self._owner(before)
            if (
                owner in ("mother", "father")
                and len(before) >= 2
                and before[-2].label_ == "child"
                and _AND_PARENT.match(doc.text[before[-2].end_char : before[-1].start_char])
            ):
                owner = "family"  # "Child A and her mother are White British"
            found.setdefault(owner, []).append((group, span))
        for owner in ("child", "family"):
            if owner in found:
                group, span = found[owner][0]
                # "of Black Caribbean and White British dual heritage": two groups -> mixed
                same_sent = {g for g, sp in found[owner] if sp.sent.start == span.sent.start}
                if "mixed" in same_sent or len(same_sent) > 1:
                    group = "mixed"
                return ChildFact("ethnicity", group, span, 0.85 if owner == "child" else 0.75)
        parents = {o: v[0] for o, v in found.items() if o in ("mother", "father")}
        if len(parents) == 2:
            (g1, s1), (g2, _s2) = parents["mother"], parents["father"]
            return ChildFact("ethnicity", g1 if g1 == g2 else "mixed", s1, 0.6)
        # One parent's group or nationality ("her mother is Polish") is not the child's: the
        # other parent may differ (manual: the subject child's ethnic group).
        if "unknown" in found:
            group, span = found["unknown"][0]
            return ChildFact("ethnicity", group, span, 0.5)
        return None

    @staticmethod
    def _owner(before: list[Span]) -> str:
        if not before:
            return "unknown"
        label = before[-1].label_
        if label in ("child", "family", "sibling"):  # siblings share the child's heritage
            return "family" if label == "sibling" else label
        if label in ("mother", "father"):
            return label
        if label == "parents":
            return "family"
        return "other"
