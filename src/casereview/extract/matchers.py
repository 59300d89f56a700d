"""Term matching components: people and codebook concepts, from the rules files (data).

Both components follow spaCy's `SpanRuler` pattern: `__call__` = `match()` +
`set_annotations()`, overlapping results kept in `doc.spans[key]`. Phrases go to a
PhraseMatcher on LOWER (500 phrases in 8 ms on a 46,000-word report, ENGINEERING.md "Text"),
abbreviations to one on ORTH (so "DA" matches but "da" does not), token patterns to a Matcher.
The phrases, expanded and tokenised, are compiled once and kept on disk (cache.py): a
process reads ~60,000 token-hash sequences instead of tokenising them again.
"""

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from casereview.extract import rules as R
from casereview.extract.cache import cached
from casereview.extract.names import (
    name_matcher,
    with_carers,
    with_child_names,
    with_introduced_names,
)

_NEGATIONS = {"not", "no", "never", "n't", "without", "nor"}
PEOPLE_KEY = "cr_people"
CONCEPTS_KEY = "cr_concepts"
NOT_A_PERSON = "_not_a_person"


# For each label, in order: (label, LOWER hash sequences, ORTH hash sequences).
Keys = tuple[int, ...]
Compiled = list[tuple[str, list[Keys], list[Keys]]]


class TermMatcher:
    """Phrases (lower-case), abbreviations (exact) and token patterns -> labelled spans."""

    def __init__(self, nlp: Language) -> None:
        self._make = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)

    def compile(
        self, label: str, phrases: Iterable[str] = (), abbreviations: Iterable[str] = ()
    ) -> tuple[str, list[Keys], list[Keys]]:
        """Every spelling of the phrases as the LOWER hashes of its tokens, and the
        abbreviations as ORTH hashes: what a PhraseMatcher stores for a pattern Doc."""
        spelled = {p for phrase in phrases for p in R.expand(phrase.lower())}
        lower = [tuple(t.lower for t in self._make(p)) for p in sorted(spelled)]
        orth = [tuple(t.orth for t in self._make(a)) for a in abbreviations]
        return label, [k for k in lower if k], [k for k in orth if k]

    def add_compiled(
        self,
        label: str,
        lower: Sequence[Keys],
        orth: Sequence[Keys],
        patterns: Iterable[Iterable[dict[str, Any]]] = (),
    ) -> None:
        # PhraseMatcher.add takes hash sequences as well as Docs (its own unpickling does).
        if lower:
            self.lower.add(label, list(lower))  # type: ignore[arg-type]
        if orth:
            self.orth.add(label, list(orth))  # type: ignore[arg-type]
        pats = [list(p) for p in patterns]
        if pats:
            self.tokens.add(label, pats)

    def add(
        self,
        label: str,
        phrases: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
        patterns: Iterable[Iterable[dict[str, Any]]] = (),
    ) -> None:
        self.add_compiled(*self.compile(label, phrases, abbreviations), patterns)

    def match(self, doc: Doc) -> list[Span]:
        found = {
            (s, e, m)
            for matcher in (self.lower, self.orth, self.tokens)
            for m, s, e in matcher(doc)
        }
        return [Span(doc, s, e, label=m) for s, e, m in sorted(found, key=lambda x: (x[0], -x[1]))]


def compiled_terms(
    matcher: TermMatcher,
    kind: str,
    rules_dir: Path | None,
    rules_file: str,
    terms: Sequence[tuple[str, Iterable[str], Iterable[str]]],
) -> Compiled:
    """`matcher.compile` of each (label, phrases, abbreviations), from the on-disk cache
    when the rules file and the compiling code are unchanged."""
    source = (rules_dir or R.RULES_DIR) / rules_file
    compiled = cached(kind, [source], lambda: [matcher.compile(*t) for t in terms])
    if [entry[0] for entry in compiled] != [t[0] for t in terms]:  # never trust misaligned data
        compiled = [matcher.compile(*t) for t in terms]
    return compiled


def drop_contained(spans: list[Span]) -> list[Span]:
    """Keep spans not strictly inside a longer one ("mother's partner" beats "mother");
    spans with identical offsets but different labels are all kept. Input sorted by
    (start, -end)."""
    kept: list[Span] = []
    max_end = -1
    for span in spans:
        if max_end >= span.end and not (
            kept and (kept[-1].start, kept[-1].end) == (span.start, span.end)
        ):
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
        # Professionals are never the subject of a family finding ("the health visitor
        # recorded no concerns"): matched so that "visitor" is not read as a visitor.
        terms = [(p.role, p.phrases, p.abbreviations) for p in self.rules.people]
        terms.append((NOT_A_PERSON, (*self.rules.not_people, *self.rules.professionals), ()))
        patterns = [p.patterns for p in self.rules.people] + [()]
        compiled = compiled_terms(self.matcher, "people", rules_dir, "people.yaml", terms)
        for entry, pats in zip(compiled, patterns, strict=True):
            self.matcher.add_compiled(*entry, pats)
        self.names = name_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        # One reading per word: "her mother's partner" is the partner, not also "her mother".
        spans = [s for s in filter_spans(self.matcher.match(doc)) if s.label_ != NOT_A_PERSON]
        spans = with_introduced_names(doc, spans, self.names)
        return with_carers(doc, with_child_names(doc, spans))

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
        terms = [(c.id, c.phrases, c.abbreviations) for c in self.concepts.values()]
        compiled = compiled_terms(self.matcher, "concepts", rules_dir, "concepts.yaml", terms)
        for entry, c in zip(compiled, self.concepts.values(), strict=True):
            self.matcher.add_compiled(*entry, c.patterns)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        out = []
        spans = drop_contained(self.matcher.match(doc))
        # A phrase that carries a negation word ("did not drink", "was not brought") gives way
        # to a longer overlapping one ("did not drink or use drugs", "not brought into the
        # plan"), which the negation then covers.
        negative = [
            i
            for i, sp in enumerate(spans)
            if self.concepts[sp.label_].value == "no" or any(t.lower_ in _NEGATIONS for t in sp)
        ]
        if negative:
            drop = {
                i
                for i in negative
                if any(
                    j != i
                    and sp.start < spans[i].end
                    and spans[i].start < sp.end
                    and len(sp) > len(spans[i])
                    for j, sp in enumerate(spans)
                )
            }
            spans = [sp for i, sp in enumerate(spans) if i not in drop]
        for span in spans:
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
