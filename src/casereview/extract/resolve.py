"""One answer per field: suggestions -> one value per summary key, with the evidence on each side.

The manual's resolution rules (docs/assisted-coding-manual.md, "General rules"): asserted
(present or historical) beats negated; hedged or hypothetical only -> null; a category takes the
first of its `order` that is asserted (fatal: death beats serious harm, so `fatal` is never
both). Each resolution keeps the indices of the suggestions that support its value and of the
asserted ones that said otherwise, so a reviewer sees both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casereview.extract import rules as R
from casereview.extract.calibrate import summary_confidence
from casereview.extract.findings import ChildFacts
from casereview.extract.model import Suggestion

ASSERTED = ("present", "historical", "negated")
_WHOLE_FAMILY = {"family", "parents", "unknown"}


@dataclass(frozen=True)
class Resolution:
    """The resolved value of one summary key; `support` and `against` index the suggestions."""

    key: str
    value: Any
    confidence: float | None
    support: tuple[int, ...] = ()
    against: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": self.confidence,
            "support": list(self.support),
            "against": list(self.against),
        }


def implied(fm: R.FieldMap, s: Suggestion) -> Any:
    """The summary value one asserted suggestion stands for (None: it resolves nothing)."""
    if fm.kind == "number":
        return s.value
    if fm.kind == "category" and fm.key != "fatal":
        return fm.values.get(str(s.value))
    return truth(fm, s.value)


def truth(fm: R.FieldMap, value: Any) -> bool | None:
    if str(value) in fm.values:
        v = fm.values[str(value)]
        return v if isinstance(v, bool) else None
    return {"yes": True, "no": False}.get(str(value))


def resolve(items: list[Suggestion], facts: ChildFacts) -> dict[str, Resolution]:
    out: dict[str, Resolution] = {}
    for fm in R.field_map().summary:
        out[fm.key] = _resolve_key(fm, items, facts)
    return out


def _resolution(
    fm: R.FieldMap, items: list[Suggestion], value: Any, support: list[int], against: list[int]
) -> Resolution:
    if value is None:
        return Resolution(fm.key, None, None)
    conf = summary_confidence(
        [items[i].confidence for i in support], [items[i].confidence for i in against], fm.key
    )
    return Resolution(fm.key, value, conf, tuple(support), tuple(against))


def _resolve_key(fm: R.FieldMap, items: list[Suggestion], facts: ChildFacts) -> Resolution:
    mine = [i for i, s in enumerate(items) if s.field in fm.fields]
    if fm.key in ("child_age_years", "child_gender", "ethnicity"):
        fact = {"child_age_years": facts.age, "child_gender": facts.gender}.get(
            fm.key, facts.ethnicity
        )
        if fact is None:
            return Resolution(fm.key, None, None)
        value = fact.value if fm.kind == "number" else fm.values.get(str(fact.value))
        support = [i for i in mine if implied(fm, items[i]) == value]
        against = [i for i in mine if implied(fm, items[i]) not in (value, None)]
        if not support:  # a fact without a span still carries its own confidence
            return Resolution(fm.key, value, round(fact.confidence, 2), (), tuple(against))
        return _resolution(fm, items, value, support, against)
    asserted = [
        i
        for i in mine
        if items[i].assertion in ASSERTED
        and not (items[i].field in fm.positive_only and items[i].assertion == "negated")
    ]
    if fm.kind == "category":
        values = {str(items[i].value) for i in asserted}
        pick = next((v for v in fm.order if v in values), None)
        support = [i for i in asserted if str(items[i].value) == pick]
        if pick is None and fm.fallback is not None:
            support = [
                i
                for i, s in enumerate(items)
                if s.field in fm.fallback_if
                and s.assertion in ("present", "historical")
                and s.value != "no"
            ]
            pick = fm.fallback if support else None
        if pick is None:
            return Resolution(fm.key, None, None)
        value = fm.values.get(pick)
        against = [i for i in asserted if str(items[i].value) != pick]
        return _resolution(fm, items, value, support, against)
    # Flags: a strong assertion wins; a service or a bare word (weak) is true unless the same
    # person (or the family as a whole) is said not to have the problem.
    strong_true = [i for i in asserted if not items[i].weak and truth(fm, items[i].value) is True]
    false = [i for i in asserted if truth(fm, items[i].value) is False]
    if strong_true:
        return _resolution(fm, items, True, strong_true, false)
    denied = {items[i].subject for i in false if not items[i].weak}
    weak_true = [
        i
        for i in asserted
        if items[i].weak
        and truth(fm, items[i].value) is True
        and items[i].subject not in denied
        and not denied & _WHOLE_FAMILY
    ]
    if weak_true:
        return _resolution(fm, items, True, weak_true, false)
    if false:
        weak_overruled = [
            i for i in asserted if items[i].weak and truth(fm, items[i].value) is True
        ]
        return _resolution(fm, items, False, false, weak_overruled)
    return Resolution(fm.key, None, None)


def one_value_per_field(items: list[Suggestion], fields: dict[str, Resolution]) -> set[int]:
    """Indices of decidable suggestions to drop so that each summary field holds one value:
    the value its key resolved to, else (a field whose key went the other way on other
    fields' evidence) the most confident of its own values."""
    drop: set[int] = set()
    for fm in R.field_map().summary:
        res = fields.get(fm.key)
        for field_id in fm.fields:
            idx = [
                i for i, s in enumerate(items) if s.field == field_id and s.assertion in ASSERTED
            ]
            values = {str(items[i].value) for i in idx}
            if len(values) < 2:
                continue
            keep = [i for i in idx if res is not None and implied(fm, items[i]) == res.value]
            if not keep:
                best = max(idx, key=lambda i: items[i].confidence)
                keep = [i for i in idx if items[i].value == items[best].value]
            kept_value = str(items[keep[0]].value)
            drop.update(i for i in idx if str(items[i].value) != kept_value)
    return drop
