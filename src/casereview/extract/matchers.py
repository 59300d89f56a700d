"""Term matching components: people and codebook concepts, from the rules files (data).

Both components follow spaCy's `SpanRuler` pattern: `__call__` = `match()` +
`set_annotations()`, overlapping results kept in `doc.spans[key]`. Phrases go to a
PhraseMatcher on LOWER (500 phrases in 8 ms on a 46,000-word report, ENGINEERING.md "Text"),
abbreviations to one on ORTH (so "DA" matches but "da" does not), token patterns to a Matcher.
"""

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from casereview.extract import rules as R

PEOPLE_KEY = "cr_people"
CONCEPTS_KEY = "cr_concepts"
NOT_A_PERSON = "_not_a_person"
_LABEL = re.compile(r"^(Child|Baby|Infant|Young Person|YP|Sibling) [A-Z0-9]{1,2}$")
_TITLES = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.")
_APPOSITIVE_FILLERS = {"the", "her", "his", "their", "a", "an", "who", "was", "is", "then", "now", "also", "known", "as"}
# An anonymised adult nobody introduced: gender from the title, not a parent by default.
_TITLE_ROLE = {"mr": "unknown man", "ms": "unknown woman", "mrs": "unknown woman", "miss": "unknown woman", "mx": "unknown adult", "dr": "unknown adult"}


class TermMatcher:
    """Phrases (lower-case), abbreviations (exact) and token patterns -> labelled spans."""

    def __init__(self, nlp: Language) -> None:
        self._make = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)

    def add(
        self,
        label: str,
        phrases: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
        patterns: Iterable[Iterable[dict[str, Any]]] = (),
    ) -> None:
        spelled = {p for phrase in phrases for p in R.expand(phrase.lower())}
        if spelled:
            self.lower.add(label, [self._make(p) for p in sorted(spelled)])
        if abbreviations:
            self.orth.add(label, [self._make(a) for a in abbreviations])
        pats = [list(p) for p in patterns]
        if pats:
            self.tokens.add(label, pats)

    def match(self, doc: Doc) -> list[Span]:
        found = {
            (s, e, m)
            for matcher in (self.lower, self.orth, self.tokens)
            for m, s, e in matcher(doc)
        }
        return [Span(doc, s, e, label=m) for s, e, m in sorted(found, key=lambda x: (x[0], -x[1]))]


def drop_contained(spans: list[Span]) -> list[Span]:
    """Keep spans not strictly inside a longer one ("mother's partner" beats "mother");
    spans with identical offsets but different labels are all kept. Input sorted by
    (start, -end)."""
    kept: list[Span] = []
    max_end = -1
    for span in spans:
        if max_end >= span.end and not (kept and (kept[-1].start, kept[-1].end) == (span.start, span.end)):
            continue
        kept.append(span)
        max_end = max(max_end, span.end)
    return kept


@Language.factory("casereview_people", default_config={"rules_dir": None})
def make_people(nlp: Language, name: str, rules_dir: str | None) -> "PeopleRuler":
    return PeopleRuler(nlp, name, Path(rules_dir) if rules_dir else None)


class PeopleRuler:
    """Mentions of people (doc.spans['cr_people'], label = role from people.yaml)."""

    def __init__(self, nlp: Language, name: str, rules_dir: Path | None) -> None:
        self.name = name
        self.rules = R.people(rules_dir)
        self.roles = {p.role: p for p in self.rules.people}
        self.matcher = TermMatcher(nlp)
        for person in self.rules.people:
            self.matcher.add(person.role, person.phrases, person.abbreviations, person.patterns)
        # Professionals are never the subject of a family finding ("the health visitor
        # recorded no concerns"): matched so that "visitor" is not read as a visitor.
        self.matcher.add(NOT_A_PERSON, (*self.rules.not_people, *self.rules.professionals))
        self.names = Matcher(nlp.vocab)
        self.names.add(
            "NAME",
            [
                [{"TEXT": {"IN": list(_TITLES)}}, {"TEXT": {"REGEX": r"^[A-Z][a-z]{0,12}$"}}],
                [{"LOWER": {"IN": ["adult", "male", "female", "person", "man", "woman"]}}, {"TEXT": {"REGEX": r"^[A-Z]{1,2}[0-9]?$"}}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        # One reading per word: "her mother's partner" is the partner, not also "her mother".
        spans = [s for s in filter_spans(self.matcher.match(doc)) if s.label_ != NOT_A_PERSON]
        return self._with_names(doc, spans)

    def _with_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Initials take the role they are introduced with ("her partner, Mr F,",
        "Ms D (mother)", "Child B, Child A's half-brother"): every later "Mr F" is then that
        person. Unintroduced titles stay unknown adults of their gender."""
        names = [Span(doc, s, e) for _, s, e in self.names(doc)]
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

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[PEOPLE_KEY] = spans


@Language.factory("casereview_concepts", default_config={"rules_dir": None})
def make_concepts(nlp: Language, name: str, rules_dir: str | None) -> "ConceptRuler":
    return ConceptRuler(nlp, name, Path(rules_dir) if rules_dir else None)


class ConceptRuler:
    """Codebook concepts (doc.spans['cr_concepts'], label = concept id from concepts.yaml)."""

    def __init__(self, nlp: Language, name: str, rules_dir: Path | None) -> None:
        self.name = name
        self.concepts = {c.id: c for c in R.concepts(rules_dir)}
        self.matcher = TermMatcher(nlp)
        for c in self.concepts.values():
            self.matcher.add(c.id, c.phrases, c.abbreviations, c.patterns)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        out = []
        for span in drop_contained(self.matcher.match(doc)):
            c = self.concepts[span.label_]
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            if before == "-" and span.start > 1:  # "self-neglect", "youth-offending"
                before = doc[span.start - 2].lower_
            if after in c.not_followed_by or before in c.not_preceded_by:
                continue
            out.append(span)
        return out

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[CONCEPTS_KEY] = spans
