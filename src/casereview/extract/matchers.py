"""Term matching components: people and codebook concepts, from the rules files (data).

Both components follow spaCy's `SpanRuler` pattern: `__call__` = `match()` +
`set_annotations()`, overlapping results kept in `doc.spans[key]`. Phrases go to a
PhraseMatcher on LOWER (500 phrases in 8 ms on a 46,000-word report, ENGINEERING.md "Text"),
abbreviations to one on ORTH (so "DA" matches but "da" does not), token patterns to a Matcher.
The phrases, expanded and tokenised, are compiled once and kept on disk (cache.py): a
process reads ~60,000 token-hash sequences instead of tokenising them again.
"""

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.attrs import LOWER, ORTH
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


class WindowedMatcher:
    """A spaCy token Matcher run only where each of its patterns can start.

    spaCy's Matcher tests every pattern's first token against every token of the Doc, in
    Python (~0.2 s for a dozen patterns over a 100-page report). A pattern whose first token
    must have given LOWER or TEXT values, and whose length is bounded, is run instead on the
    few tokens that have them (found at once with numpy) and the words after, up to its
    length; the matches are the same, in (start, end) order. Other patterns run over the
    whole Doc, as spaCy's do.
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.whole = Matcher(vocab)
        # (0 = LOWER | 1 = ORTH column, first-token hashes, longest match, its own Matcher)
        self.anchored: list[tuple[int, Any, int, Matcher]] = []

    def __len__(self) -> int:
        return len(self.whole) + len(self.anchored)

    def add(self, label: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            first, length = _first_values(pattern), _longest(pattern)
            if first is None or length is None:
                self.whole.add(label, [pattern])
                continue
            attr, values = first
            hashes = np.array(sorted({self.vocab.strings.add(v) for v in values}), dtype=np.uint64)
            own = Matcher(self.vocab)
            own.add(label, [pattern])
            self.anchored.append((0 if attr == "LOWER" else 1, hashes, length, own))

    @classmethod
    def wrapping(cls, matcher: Any) -> "WindowedMatcher":
        """The same patterns as a built Matcher (labels kept; no on_match callbacks)."""
        out = cls(matcher.vocab)
        for key in sorted(matcher._patterns):  # spaCy lists no keys
            callback, patterns = matcher.get(key)
            if callback is not None or matcher._filter.get(key):
                raise ValueError("WindowedMatcher keeps no on_match callbacks or greedy filters")
            out.add(matcher.vocab.strings[key], [list(p) for p in patterns])
        return out

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = list(self.whole(doc)) if len(self.whole) else []
        if self.anchored and len(doc):
            n = len(doc)
            attrs = doc.to_array([LOWER, ORTH])
            for column, hashes, length, own in self.anchored:
                for begin in np.flatnonzero(np.isin(attrs[:, column], hashes)).tolist():
                    window = doc[begin : min(n, begin + length)]
                    # matches starting later in the window are found from their own start
                    found.extend((m, begin, begin + e) for m, s, e in own(window) if s == 0)
        return sorted(found, key=lambda x: (x[1], x[2]))


def _first_values(pattern: Sequence[dict[str, Any]]) -> tuple[str, list[str]] | None:
    """("LOWER" or "ORTH", values) the first token must have, or None if it could be any."""
    if not pattern or pattern[0].get("OP", "1") != "1":
        return None
    first = pattern[0]
    keys = [k for k in ("LOWER", "TEXT", "ORTH") if k in first]
    if len(keys) != 1:
        return None
    value = first[keys[0]]
    if isinstance(value, str):
        values = [value]
    elif (
        isinstance(value, dict)
        and set(value) == {"IN"}
        and all(isinstance(v, str) for v in value["IN"])
    ):
        values = list(value["IN"])
    else:
        return None
    return ("LOWER" if keys[0] == "LOWER" else "ORTH"), values


def _longest(pattern: Sequence[dict[str, Any]]) -> int | None:
    """Most tokens a match can span; None when unbounded ("*", "+", "{n,}" ...)."""
    if any(t.get("OP", "1") not in ("1", "?", "!") for t in pattern):
        return None
    return len(pattern)


# For each label, in order: (label, LOWER hash sequences, ORTH hash sequences).
Keys = tuple[int, ...]
Compiled = list[tuple[str, list[Keys], list[Keys]]]


class TermMatcher:
    """Phrases (lower-case), abbreviations (exact) and token patterns -> labelled spans."""

    def __init__(self, nlp: Language) -> None:
        self._make = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = WindowedMatcher(nlp.vocab)

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


class RuleMatcher:
    """medspaCy's MedspacyMatcher for ConText rules (phrases on LOWER, token patterns, no
    pruning; the same rule ids and matches, in the same order for each span) with the
    phrase rules' tokens compiled once and kept on disk (cache.py), instead of tokenising
    ~2,300 literals in every process, and the token patterns run where they can start."""

    def __init__(self, nlp: Language, rules: Sequence[Any], rules_file: Path) -> None:
        self.vocab = nlp.vocab
        self.tokens = WindowedMatcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rule_map: dict[str, Any] = {}
        tokenizer = nlp.tokenizer

        def compile_all() -> list[Keys]:
            return [
                ()
                if r.pattern is not None
                else tuple(t.lower for t in tokenizer(r.literal.lower()))
                for r in rules
            ]

        compiled = cached("context", [rules_file], compile_all)
        if len(compiled) != len(rules):  # never trust misaligned data
            compiled = compile_all()
        for count, (rule, keys) in enumerate(zip(rules, compiled, strict=True)):
            rule_id = f"{rule.category}_{count}"  # as MedspacyMatcher names them
            rule._rule_id = rule_id
            self.rule_map[rule_id] = rule
            if isinstance(rule.pattern, list):
                if rule.on_match is not None:
                    raise ValueError(f"rule {rule.literal!r}: on_match callbacks are not used")
                self.tokens.add(rule_id, [rule.pattern])
            elif rule.pattern is not None:
                raise ValueError(f"rule {rule.literal!r}: regular-expression rules are not used")
            else:
                self.phrases.add(rule_id, [keys], on_match=rule.on_match)  # type: ignore[list-item]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches: list[tuple[int, int, int]] = self.tokens(doc)
        return matches + self.phrases(doc)


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


def _overlapped_by_longer(spans: list[Span], which: list[int]) -> set[int]:
    """Those of spans[which] that a longer span overlaps. `spans` is sorted by start, so
    only spans starting before one ends, and at most the longest length before it, can."""
    starts = [sp.start for sp in spans]
    reach = max(len(sp) for sp in spans)
    out = set()
    for i in which:
        here = spans[i]
        j = bisect_left(starts, here.end) - 1
        while j >= 0 and starts[j] > here.start - reach:
            sp = spans[j]
            if j != i and here.start < sp.end and len(sp) > len(here):
                out.add(i)
                break
            j -= 1
    return out


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
        # called as a Matcher is (same matches, found faster)
        self.names = cast(Matcher, WindowedMatcher.wrapping(name_matcher(nlp)))

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
            drop = _overlapped_by_longer(spans, negative)
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
