"""People named by initials or pseudonyms, and the roles they are introduced with.

Reviews anonymise: "her partner, Mr F,", "Ms D (mother)", "Child B, Child A's half-brother",
or a pseudonym for the child ("Cara was a two-year-old White British girl"). A name takes
the role it is introduced with, and every later mention of it is that person.
"""

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from casereview.extract.findings import text_of

_LABEL = re.compile(r"^(Child|Baby|Infant|Young Person|YP|Sibling) [A-Z0-9]{1,2}$")
_TITLES = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.")
_APPOSITIVE_FILLERS = {
    "the",
    "her",
    "his",
    "their",
    "a",
    "an",
    "who",
    "was",
    "is",
    "then",
    "now",
    "also",
    "known",
    "as",
}
# An anonymised adult nobody introduced: gender from the title, not a parent by default.
_TITLE_ROLE = {
    "mr": "unknown man",
    "ms": "unknown woman",
    "mrs": "unknown woman",
    "miss": "unknown woman",
    "mx": "unknown adult",
    "dr": "unknown adult",
}


def name_matcher(nlp: Language) -> Matcher:
    m = Matcher(nlp.vocab)
    m.add(
        "NAME",
        [
            [{"TEXT": {"IN": list(_TITLES)}}, {"TEXT": {"REGEX": r"^[A-Z][a-z]{0,12}$"}}],
            [
                {"LOWER": {"IN": ["adult", "male", "female", "person", "man", "woman"]}},
                {"TEXT": {"REGEX": r"^[A-Z]{1,2}[0-9]?$"}},
            ],
        ],
    )
    return m


def with_introduced_names(doc: Doc, spans: list[Span], matcher: Matcher) -> list[Span]:
    """Initials take the role they are introduced with ("her partner, Mr F,",
    "Ms D (mother)", "Child B, Child A's half-brother"): every later "Mr F" is then that
    person. Unintroduced titles stay unknown adults of their gender."""
    names = [Span(doc, s, e) for _, s, e in matcher(doc)]
    labelled = [s for s in spans if s.label_ == "child" and _LABEL.match(s.text)]
    names = sorted(names + [Span(doc, s.start, s.end) for s in labelled], key=lambda s: s.start)
    if not names:
        return spans
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    roles: dict[str, str] = {}
    for n in names:
        role = None
        j = n.end
        if j < len(doc) and doc[j].text in (",", "(", "-"):
            j += 1
            while j < len(doc) and doc[j].lower_ in _APPOSITIVE_FILLERS:
                j += 1
            # "Child B, Child A's half-brother": past the owner and its 's
            owner = by_start.get(j)
            k = owner.end if owner is not None else j
            while k < len(doc) and doc[k].lower_ in ("'s", "'"):
                k += 1
            if k != j and k in by_start and (owner is None or k > owner.end):
                role = by_start[k].label_
            elif owner is not None:
                role = owner.label_
        if role is None and n.start >= 1 and doc[n.start - 1].text in (",", "("):
            prev = by_end.get(n.start - 1)
            if prev is not None:
                role = prev.label_
        if role is None and n.start >= 1 and (n.start in by_start or (n.start - 1) in by_end):
            prev = by_end.get(n.start)
            if prev is not None:  # "mother Ms D"
                role = prev.label_
        if role and n.text not in roles:
            roles[n.text] = role
    # The first child named is the subject child, whatever it is called beside ("two
    # siblings, Child A, ..."); a later one becomes what it is introduced as.
    first_label = labelled[0].text if labelled else None
    relabel = {
        (s.start, s.end)
        for s in labelled
        if s.text != first_label and roles.get(s.text, "child") != "child"
    }
    out = [
        Span(doc, s.start, s.end, label=roles[s.text]) if (s.start, s.end) in relabel else s
        for s in spans
    ]
    taken = {i for s in spans for i in range(s.start, s.end)}
    for n in names:
        if n.start in taken or n.end - 1 in taken:
            continue
        role = roles.get(n.text) or _TITLE_ROLE.get(doc[n.start].text.rstrip(".").lower())
        if role:
            out.append(Span(doc, n.start, n.end, label=role))
    return sorted(out, key=lambda s: (s.start, -s.end))


# A pseudonym is the child when the text introduces it as one: "Cara was a two-year-old
# girl", "Sam, aged six months,", "Sam's mother", "the birth of Sam", "At six months old Sam".
_CHILD_INTRO = re.compile(
    r"\b([A-Z][a-z]{2,14})(?:,| was| is|\s*\() (?:a |an |then |only |just |aged )?"
    r"(?:\w+[- ](?:year|month|week|day)s?[- ]old|aged|\d|baby|boy|girl|infant|teenager|"
    r"young (?:person|man|woman)|child|toddler|newborn|(?:white|black|mixed|asian|british)\b)"
)
_CHILD_OWNS = re.compile(
    r"\b([A-Z][a-z]{2,14})'s (?:mother|father|mum|dad|parents|stepfather|step-father|birth|"
    r"siblings|brother|sister|carers?|death|life|school|nursery|injur(?:y|ies)|needs)\b"
)
_CHILD_AGE_BEFORE = re.compile(r"\b(?:old|birth of|born|aged \d+ \w+),? ([A-Z][a-z]{2,14})\b")
_NOT_NAMES = {
    "The",
    "This",
    "That",
    "There",
    "Then",
    "When",
    "While",
    "After",
    "Before",
    "During",
    "Mother",
    "Father",
    "Mum",
    "Dad",
    "Child",
    "Baby",
    "Police",
    "Children",
    "Social",
    "Health",
    "Her",
    "His",
    "Their",
    "She",
    "He",
    "They",
    "It",
    "In",
    "At",
    "On",
    "By",
    "From",
    "For",
    "School",
    "Hospital",
    "Court",
    "Review",
    "Case",
    "Family",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Year",
    "Ofsted",
    "Panel",
    "Local",
    "National",
    "Both",
    "Each",
    "One",
    "Two",
    "Three",
    "Some",
    "All",
    "Over",
    "Within",
    "Following",
    "Although",
    "However",
    "Since",
    "Until",
    "Aged",
    "Age",
    "White",
    "Black",
    "Asian",
    "British",
    "Mixed",
    "Sadly",
    "Shortly",
    "Subsequently",
    "Professionals",
    "Practitioners",
    "Agencies",
    "Key",
    "Learning",
    "Recommendations",
    "Grandmother",
    "Grandfather",
    "Stepfather",
    "Partner",
    "Sibling",
    "Siblings",
    "Brother",
    "Sister",
}


def with_child_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Mark every mention of the child's pseudonym as the child."""
    text = text_of(doc)
    names: list[str] = []
    for pat in (_CHILD_INTRO, _CHILD_OWNS, _CHILD_AGE_BEFORE):
        for m in pat.finditer(text):
            name = m.group(1)
            if name not in _NOT_NAMES and name not in names:
                names.append(name)
    if not names:
        return spans
    name = min(names, key=lambda n: text.find(n))  # the first named is the subject child
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for tok in doc:
        if tok.text == name and tok.i not in taken:
            out.append(Span(doc, tok.i, tok.i + 1, label="child"))
    return sorted(out, key=lambda s: (s.start, -s.end))


# "the grandmother, who was his main carer", "cared for during the day by her grandmother"
# (manual, "Who": whoever cared for the child)
_CARER_AFTER = re.compile(
    r"^,? (?:who was |who is |who had been |)(?:the |his |her |their |the child's |the baby's |"
    r"the children's |)"
    r"(?:main|primary|principal|sole|daytime|day-time|full-time|main daytime|usual|kinship|)"
    r"\s?carer\b"
    # "her grandfather, who looked after her every day after school"
    r"|^,? who (?:regularly |often |usually |also |)(?:looked after|was looking after|"
    r"had been looking after|cared for|was caring for|had been caring for|minded|babysat|"
    r"was babysitting) (?:her|him|them|the child|the baby|the children)\b",
    re.IGNORECASE,
)
_CARER_BEFORE = re.compile(
    r"\b(?:cared for|looked after|brought up|raised|minded)(?: during the day| at weekends|"
    r" each day| overnight| mainly| mostly| largely)? by (?:the |his |her |their |)$",
    re.IGNORECASE,
)


def with_carers(doc: Doc, spans: list[Span]) -> list[Span]:
    """Relatives or friends named as the child's carer become carers throughout."""
    text = text_of(doc)
    carers: set[str] = set()
    for s in spans:
        if s.label_ != "other":
            continue
        after = text[s.end_char : s.end_char + 60]
        before = text[max(0, s.start_char - 60) : s.start_char]
        if _CARER_AFTER.match(after) or _CARER_BEFORE.search(before):
            carers.add(s[-1].lower_)  # "maternal grandmother" -> later "the grandmother"
    if not carers:
        return spans
    return [
        Span(doc, s.start, s.end, label="carer")
        if s.label_ == "other" and s[-1].lower_ in carers
        else s
        for s in spans
    ]
