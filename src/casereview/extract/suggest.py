"""Findings -> codebook suggestions -> the resolved summary (assisted-coding manual).

Findings about the wrong person (grandparents, siblings, neighbours) suggest nothing; each
suggestion's confidence is calibrated (calibrate.py); resolve.py turns them into the summary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from casereview.extract import rules as R
from casereview.extract.calibrate import suggestion_confidence
from casereview.extract.findings import ChildFact, ChildFacts, Finding
from casereview.extract.model import Suggestion
from casereview.extract.text import NormalText, PageIndex

ASSERTED = ("present", "historical", "negated")
_CHILD_SUBSTANCE_FIELDS = {"child_alcohol", "child_drugs"}
_ASSERTION_WEIGHT = {
    "present": 1.0,
    "historical": 0.95,
    "negated": 0.9,
    "possible": 0.6,
    "hypothetical": 0.5,
}
_HOW_WEIGHT = {"possessive": 1.0, "named": 0.97, "pronoun": 0.85, "default": 0.8}
_FLIP = {"yes": "no", "no": "yes"}
_AT_HOME = re.compile(
    r"\b(witness\w*|expos\w*|at home|in the home|household|between (her|his|the) parents|parents)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Field and value labels from the codebook; summary-key labels where it has no field."""
    fm = R.field_map()
    field_labels = {f: m.label for m in fm.summary for f in m.fields}
    value_labels: dict[tuple[str, str], str] = {}
    from casereview.codebook import default_registry
    from casereview.errors import CaseReviewError

    try:
        cb = default_registry().get(fm.codebook)
    except CaseReviewError:  # a missing codebook only costs the labels
        return field_labels, value_labels
    for f in cb.fields:
        field_labels[f.id] = f.label
        for v in cb.values_of(f):
            value_labels[(f.id, v.id)] = v.label
    return field_labels, value_labels


def fields_for(f: Finding, child_age: float | None, cls: str | None = None) -> tuple[str, ...]:
    cls = cls or f.subject_class
    if cls is None:
        return ()
    fields = f.concept.fields
    key: str = cls
    if cls == "parent" and f.childhood and "parent_childhood" in fields:
        key = "parent_childhood"
    # A baby "positive for cocaine" or who "ingested methadone" was exposed to the
    # household's drugs: that is the parents' use, not the child's (manual: child_substance
    # is the child's own use).
    if key == "child" and _is_substance(fields) and child_age is not None and child_age < 10:
        key = "family"
    if (
        key == "child"
        and f.concept.older_child_fields is not None
        and child_age is not None
        and child_age >= 13
        and not _AT_HOME.search(f.sent.text)
    ):
        return f.concept.older_child_fields
    out = tuple(fields.get(key, ()))  # type: ignore[call-overload]
    if f.assertion == "negated":
        out += tuple(f.concept.fields_if_negated.get(key, ()))  # type: ignore[call-overload]
    return out


def _is_substance(fields: Any) -> bool:
    """Any concept that codes the child's own drink or drugs (alcohol, drugs, or a phrase
    naming both, such as 'Class A drugs and alcohol')."""
    return bool(set(fields.get("child", ())) & _CHILD_SUBSTANCE_FIELDS)


_PAST = ("past", "previous")


def value_for(f: Finding, ended: bool = False) -> str:
    """The finding's value; `ended`: the document says the (plan, placement) ended, so a
    plain mention without "at the time"/"still" is the past one."""
    c = f.concept
    value = c.value
    if f.assertion in c.assertion_values:
        value = c.assertion_values[f.assertion]
    elif f.assertion == "negated":
        value = _FLIP.get(value, value)
    if f.current and value in _PAST and c.value not in _PAST:
        value = c.value
    elif ended and not f.current and f.assertion == "present" and value == c.value:
        value = c.assertion_values.get("historical", value)
    if value == "never" and f.assertion == "negated" and f.current and _EARLIER.search(f.sent.text):
        # "not on a plan at the time of his death, having been on one until 2014": not then,
        # but before (manual 'child_protection_plan': previous = had been and had ended)
        value = "past"
    return value


_EARLIER = re.compile(
    r"\b(having (previously |earlier |once |)been|previously|until (19|20)\d\d|had ended|"
    r"ended in (19|20)\d\d|earlier plan|former plan|previous plan|before that)\b",
    re.IGNORECASE,
)


def _ended_fields(findings: list[Finding], age: float | None) -> set[str]:
    out: set[str] = set()
    for f in findings:
        if f.assertion in ("present", "historical") and f.concept.value in _PAST and not f.generic:
            out.update(fields_for(f, age))
    return out


def suggestions(
    findings: list[Finding], facts: ChildFacts, norm: NormalText, pages: PageIndex
) -> list[Suggestion]:
    field_labels, value_labels = _labels()
    age = facts.age.value if facts.age else None
    out: list[Suggestion] = []
    ended = _ended_fields(findings, age if isinstance(age, float) else None)
    child_age = age if isinstance(age, float) else None
    for f in findings:
        assertion = "hypothetical" if f.generic else f.assertion
        if f.concept.only is not None and assertion not in f.concept.only:
            continue
        subjects = [(f.subject or "family", f.subject_class), *f.others]
        done: set[str] = set()
        for role, cls in subjects:
            for field_id in fields_for(f, child_age, cls):
                if field_id in done:
                    continue
                done.add(field_id)
                value = value_for(f, field_id in ended)
                conf = (
                    f.concept.confidence
                    * _ASSERTION_WEIGHT[assertion]
                    * _HOW_WEIGHT.get(f.subject_how, 0.8)
                )
                out.append(
                    _make(
                        field_id,
                        value,
                        role,
                        assertion,
                        f.span,
                        f.sent,
                        conf,
                        norm,
                        pages,
                        field_labels,
                        value_labels,
                        weak=f.concept.weak,
                        how=f.subject_how,
                    )
                )
    for fact in (facts.age, facts.gender, facts.ethnicity, *facts.extra):
        if fact is not None and fact.span is not None:
            out.append(_fact(fact, norm, pages, field_labels, value_labels))
    out.sort(key=lambda s: (s.start, s.field))
    return out


def _fact(fact: ChildFact, norm: NormalText, pages: PageIndex, fl: dict, vl: dict) -> Suggestion:
    return _make(
        fact.field,
        fact.value,
        "child",
        "present",
        fact.span,
        fact.span.sent,
        fact.confidence,
        norm,
        pages,
        fl,
        vl,
        how="fact",
    )


def _make(
    field_id: str,
    value: Any,
    subject: str,
    assertion: str,
    span: Any,
    sent: Any,
    conf: float,
    norm: NormalText,
    pages: PageIndex,
    fl: dict,
    vl: dict,
    weak: bool = False,
    how: str = "default",
) -> Suggestion:
    start, end = norm.original(span.start_char, span.end_char)
    if isinstance(value, float):
        label = f"{value:g} years"
    else:
        label = vl.get((field_id, str(value))) or {"yes": "Yes", "no": "No"}.get(
            str(value), str(value)
        )
    return Suggestion(
        field=field_id,
        field_label=fl.get(field_id, field_id),
        value=value,
        value_label=label,
        subject=subject,
        assertion=assertion,
        evidence=sent.text.strip(),
        page=pages.page_of(start),
        start=start,
        end=end,
        confidence=suggestion_confidence(conf, assertion, how, _key_of().get(field_id)),
        weak=weak,
        raw_confidence=round(min(conf, 0.99), 4),
        how=how,
    )


@lru_cache(maxsize=1)
def _key_of() -> dict[str, str]:
    """Codebook field -> the summary key it resolves (the first, for a field in several)."""
    out: dict[str, str] = {}
    for fm in R.field_map().summary:
        for f in fm.fields:
            out.setdefault(f, fm.key)
    return out
