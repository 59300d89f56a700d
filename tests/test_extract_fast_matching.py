"""The faster matchers find exactly what the library matchers they replace find: token
patterns run only where they can start (spaCy's Matcher), ConText rules with their phrases
compiled once (medspaCy's MedspacyMatcher), the negated-phrase overlap check."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from medspacy.common.medspacy_matcher import MedspacyMatcher
from spacy.matcher import Matcher
from spacy.tokens import Span

from casereview.extract import pipeline as P
from casereview.extract import rules as R
from casereview.extract.context import build_rules
from casereview.extract.matchers import RuleMatcher, WindowedMatcher, _overlapped_by_longer
from casereview.extract.names import name_matcher

DEV = Path(__file__).parent / "data" / "extract_dev"

# Besides the rules' own patterns: optional and negated tokens, TEXT values, and patterns
# that can start anywhere or run on without bound (those go to a whole-Doc Matcher).
EXTRA: dict[str, list[list[dict[str, Any]]]] = {
    "was_x_missing": [[{"LOWER": "was"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "missing"}]],
    "not_the": [[{"LOWER": {"IN": ["of", "to"]}}, {"LOWER": "the", "OP": "!"}, {"IS_ALPHA": True}]],
    "title": [[{"TEXT": {"IN": ["Mr", "Ms"]}}, {"IS_TITLE": True}]],
    "any_start": [[{"IS_DIGIT": True}, {"LOWER": {"IN": ["weeks", "months", "years"]}}]],
    "unbounded": [[{"LOWER": "police"}, {"IS_PUNCT": False, "OP": "*"}, {"LOWER": "arrested"}]],
    "regex": [[{"TEXT": {"REGEX": "^[A-Z]$"}}, {"LOWER": "was"}]],
}


def _span(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[1], match[2]


def _texts() -> list[str]:
    cases = yaml.safe_load((DEV / "dev.yaml").read_text(encoding="utf-8"))["cases"]
    return [c["text"] for c in cases]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return P.pipeline()


def test_same_matches_as_spacy_matcher(nlp: Any) -> None:
    patterns: dict[str, list[list[dict[str, Any]]]] = dict(EXTRA)
    for c in R.concepts():
        if c.patterns:
            patterns[c.id] = [[dict(t) for t in p] for p in c.patterns]
    for p in R.people().people:
        if p.patterns:
            patterns[p.role] = [[dict(t) for t in q] for q in p.patterns]
    reference, ours = Matcher(nlp.vocab), WindowedMatcher(nlp.vocab)
    for label, pats in patterns.items():
        reference.add(label, pats)
        ours.add(label, pats)
    assert len(ours.whole) == 3  # any_start, unbounded, regex
    seen: set[int] = set()
    for text in _texts():
        doc = nlp(text)  # sentence starts set, as the pipeline's matchers see them
        expected = sorted(reference(doc), key=lambda m: (m[1], m[2]))
        found = ours(doc)
        assert sorted(found) == sorted(expected), text[:60]
        assert [m[1:] for m in found] == [m[1:] for m in expected]
        seen.update(m[0] for m in found)
    assert len(seen) >= 8  # the texts exercised most patterns, anchored and not


def test_wrapping_a_built_matcher(nlp: Any) -> None:
    names = name_matcher(nlp)
    wrapped = WindowedMatcher.wrapping(names)
    total = 0
    for text in _texts():
        doc = nlp.make_doc(text)
        assert sorted(wrapped(doc)) == sorted(names(doc))
        total += len(names(doc))
    assert total > 0


def test_overlapped_by_longer_as_brute_force(nlp: Any) -> None:
    doc = nlp.make_doc(" ".join(["word"] * 120))
    rng = random.Random(3)
    for _ in range(200):
        bounds = []
        for _ in range(rng.randint(1, 25)):
            start = rng.randrange(0, 110)
            bounds.append((start, start + rng.randint(1, 8)))
        spans = [Span(doc, s, e) for s, e in sorted(bounds, key=lambda b: (b[0], -b[1]))]
        which = [i for i in range(len(spans)) if rng.random() < 0.5]
        brute = {
            i
            for i in which
            if any(
                j != i
                and sp.start < spans[i].end
                and spans[i].start < sp.end
                and len(sp) > len(spans[i])
                for j, sp in enumerate(spans)
            )
        }
        assert _overlapped_by_longer(spans, which) == brute


def test_rule_matcher_as_medspacy_matcher(nlp: Any) -> None:
    reference = MedspacyMatcher(nlp, name="reference", phrase_matcher_attr="LOWER", prune=False)
    reference.add(build_rules(R.context_rules()))
    source = R.RULES_DIR / "context.yaml"
    ours = RuleMatcher(nlp, build_rules(R.context_rules()), source)
    assert {k: (r.literal, r.category) for k, r in ours.rule_map.items()} == {
        k: (r.literal, r.category) for k, r in reference.rule_map.items()
    }
    total = 0
    for text in _texts():
        doc = nlp(text)
        # ConText sorts by position; rules matching the same words must keep their order
        assert sorted(ours(doc), key=_span) == sorted(reference(doc), key=_span), text[:60]
        total += len(ours(doc))
    assert total > len(_texts())
