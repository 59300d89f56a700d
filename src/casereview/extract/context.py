"""Assertion of each finding: medspaCy's ConText algorithm with our own rules.

medspaCy's `ConText` component matches modifiers over the whole Doc and compares every
modifier with every other: ~106 s on one 46,000-word report (ENGINEERING.md "Text"). We use
its own pieces — `ConTextRule`, the `MedspacyMatcher` (with its longest-match pruning),
`ConTextModifier` scopes and the `ConTextGraph` — but match modifiers once over the Doc and
build a graph only for the sentences that hold a finding.
"""

from bisect import bisect_right
from collections import defaultdict
from pathlib import Path

from medspacy.common.util import prune_overlapping_matches
from medspacy.context import ConTextGraph, ConTextModifier, ConTextRule
from spacy.language import Language
from spacy.tokens import Doc, Span

from casereview.extract import rules as R
from casereview.extract.findings import Finding, findings_of
from casereview.extract.matchers import CONCEPTS_KEY, RuleMatcher

# Stronger readings win: a recommendation about a negated fact is still a recommendation.
_PRIORITY = (
    ("HYPOTHETICAL", "hypothetical"),
    ("NEGATED_EXISTENCE", "negated"),
    ("POSSIBLE_EXISTENCE", "possible"),
    ("HISTORICAL", "historical"),
    ("CHILDHOOD", "historical"),
)


def assertion_of(categories: set[str]) -> R.Assertion:
    for category, assertion in _PRIORITY:
        if category in categories:
            return assertion  # type: ignore[return-value]
    return "present"


def build_rules(data: tuple[R.ContextRuleData, ...]) -> list[ConTextRule]:
    out: list[ConTextRule] = []
    for item in data:
        direction = item.direction
        if item.category in ("PSEUDO", "TERMINATE"):
            direction = item.category
        common = {
            "category": item.category,
            "direction": direction,
            "max_scope": item.max_scope,
            "allowed_types": set(item.allowed_types) if item.allowed_types else None,
            "excluded_types": set(item.excluded_types) if item.excluded_types else None,
        }
        if item.pattern is not None:
            out.append(ConTextRule(item.literal, pattern=[dict(t) for t in item.pattern], **common))
            continue
        literals = R.expand(item.literal.lower()) if item.expand else [item.literal.lower()]
        out.extend(ConTextRule(lit, **common) for lit in dict.fromkeys(literals))
    return out


@Language.factory("casereview_context", default_config={"rules_dir": None})
def make_context(nlp: Language, name: str, rules_dir: str | None) -> "ContextAsserter":
    return ContextAsserter(nlp, name, Path(rules_dir) if rules_dir else None)


class ContextAsserter:
    """Turns doc.spans['cr_concepts'] into findings with their ConText categories."""

    def __init__(self, nlp: Language, name: str, rules_dir: Path | None) -> None:
        self.name = name
        self.concepts = {c.id: c for c in R.concepts(rules_dir)}
        # MedspacyMatcher's matching, its phrases compiled once (matchers.RuleMatcher).
        # No pruning here: a longer modifier that overlaps a finding ("never reported" in
        # "never reported missing") must be dropped first so that the shorter one ("never")
        # still applies; see `_modifiers`.
        rules = build_rules(R.context_rules(rules_dir))
        self.matcher = RuleMatcher(nlp, rules, (rules_dir or R.RULES_DIR) / "context.yaml")
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Finding]:
        targets_by_sent: dict[int, list[Span]] = defaultdict(list)
        sents: dict[int, Span] = {}
        for span in doc.spans[CONCEPTS_KEY]:
            sent = span.sent
            targets_by_sent[sent.start].append(
                Span(doc, span.start, span.end, label=span.label_.upper())
            )
            sents[sent.start] = sent
        if not targets_by_sent:
            return []
        mods_by_sent: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        starts = sorted(sents)
        for match_id, start, end in self.matcher(doc):
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= sents[starts[i]].end:
                mods_by_sent[starts[i]].append((match_id, start, end))
        rule_map = self.matcher.rule_map
        findings: list[Finding] = []
        for sent_start in starts:
            targets = targets_by_sent[sent_start]
            modifiers = [
                ConTextModifier(rule_map[self.vocab.strings[m]], s, e, doc)
                for m, s, e in _modifiers(
                    mods_by_sent.get(sent_start, []),
                    targets,
                    rule_map,
                    self.vocab,
                    doc,
                    self.concepts,
                )
            ]
            graph = ConTextGraph(
                targets=targets, modifiers=modifiers, prune_on_modifier_overlap=False
            )
            graph.update_scopes()
            graph.apply_modifiers()
            cats: dict[tuple[int, int, str], set[str]] = defaultdict(set)
            for target, modifier in graph.edges:
                cats[(target.start, target.end, target.label_)].add(modifier.category)
            for t in targets:
                c = cats.get((t.start, t.end, t.label_), set())
                concept = self.concepts[t.label_.lower()]
                findings.append(
                    Finding(
                        span=doc[t.start : t.end],
                        sent=sents[sent_start],
                        concept=concept,
                        categories=frozenset(c),
                        assertion=assertion_of(c),
                    )
                )
        return findings

    def set_annotations(self, doc: Doc, findings: list[Finding]) -> None:
        findings_of(doc)[:] = findings


_LENT = {"not", "n't", "never", "nor", "neither"}


def _modifiers(  # type: ignore[no-untyped-def]
    matches: list[tuple[int, int, int]], targets: list[Span], rule_map: dict, vocab, doc, concepts
) -> list[tuple[int, int, int]]:
    """Modifiers that share no word with a finding ("learning" in "learning disability",
    "not" in "did not drink" are the finding's own words), then the longest of overlapping
    ones ("no history of" over "history of"), as medspaCy's matcher would prune. A rule
    aimed at given findings ("autism" makes CAMHS say nothing of mental health) may be a
    finding itself; a self-negating finding ("did not drink") lends a bare "not" to the
    words after it ("did not drink or use drugs")."""
    taken = {i for t in targets for i in range(t.start, t.end)}
    lenders = {
        i
        for t in targets
        if concepts[t.label_.lower()].value == "no"
        for i in range(t.start, t.end)
    }

    def inside_longer(m: tuple[int, int, int]) -> bool:  # "accidental" in "non-accidental"
        return any(
            t.start <= m[1] and m[2] <= t.end and (t.end - t.start) > (m[2] - m[1]) for t in targets
        )

    def keep(m: tuple[int, int, int]) -> bool:
        words = set(range(m[1], m[2]))
        if rule_map[vocab.strings[m[0]]].allowed_types is not None and not inside_longer(m):
            return True
        if not words & taken:
            return True
        lent = words & lenders and not (words & (taken - lenders))
        return bool(lent) and doc[m[1] : m[2]].text.lower() in _LENT

    free = [m for m in matches if keep(m)]
    return prune_overlapping_matches(free) if free else []
