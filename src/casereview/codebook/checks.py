"""Consistency checks a codebook must pass beyond its schema: unique ids, no dangling refs."""

from __future__ import annotations

from collections import Counter

from casereview.codebook.model import Codebook, CodebookField, Value

CHOICE_TYPES = {"categorical", "ordinal", "yes_no"}


def _duplicates(items: list[str]) -> list[str]:
    return sorted(k for k, n in Counter(items).items() if n > 1)


def _check_values(where: str, values: tuple[Value, ...]) -> list[str]:
    problems = []
    for what, items in (("value id", [v.id for v in values]), ("code", [str(v.code) for v in values])):
        for dup in _duplicates(items):
            problems.append(f"{where}: duplicate {what} {dup!r}")
    ids = {v.id for v in values}
    for v in values:
        if v.parent is not None and v.parent not in ids:
            problems.append(f"{where}: value {v.id!r} names unknown parent {v.parent!r}")
    return problems + _ambiguous_names(where, values)


def _ambiguous_names(where: str, values: tuple[Value, ...]) -> list[str]:
    """A label, alias or code that names two values would make imports guess (values.py
    looks raw input up by id, label, code and alias); duplicate ids/codes are reported above."""
    problems = []
    owner: dict[str, tuple[str, str]] = {}
    for v in values:
        names = [(v.id, "id"), (v.label, "label"), (str(v.code), "code")]
        names += [(a, "alias") for a in v.aliases]
        for name, kind in names:
            key = name.strip().lower()
            first = owner.setdefault(key, (v.id, kind))
            if first[0] != v.id and not (kind == first[1] and kind in ("id", "code")):
                problems.append(
                    f"{where}: {key!r} is the {first[1]} of value {first[0]!r} and the {kind} "
                    f"of value {v.id!r}; an import could not tell them apart"
                )
    return problems


def _check_field(cb: Codebook, f: CodebookField) -> list[str]:
    where = f"field {f.id!r}"
    problems = []
    if f.values is not None and f.value_set is not None:
        problems.append(f"{where}: give either 'values' or 'value_set', not both")
    if f.value_set is not None and f.value_set not in cb.value_sets:
        problems.append(
            f"{where}: unknown value_set {f.value_set!r}; known: {sorted(cb.value_sets) or 'none'}"
        )
    if f.type in ("categorical", "ordinal") and f.values is None and f.value_set is None:
        problems.append(f"{where}: a {f.type} field needs 'values' or 'value_set'")
    if f.type not in CHOICE_TYPES and (f.values is not None or f.value_set is not None):
        problems.append(f"{where}: a {f.type} field takes no values")
    if f.values is not None:
        problems += _check_values(where, f.values)
    resolvable = f.values is not None or f.value_set in cb.value_sets
    if f.type == "ordinal" and resolvable:
        if any(v.score is None and not v.missing for v in cb.values_of(f)):
            problems.append(f"{where}: every value of an ordinal field needs a 'score'")
    return problems


def check_references(cb: Codebook) -> list[str]:
    """Every problem found, as 'field/rule X: what is wrong' strings (empty when sound)."""
    problems: list[str] = []
    for dup in _duplicates([f.id for f in cb.fields]):
        problems.append(f"field {dup!r}: duplicate field id")
    for name, values in cb.value_sets.items():
        problems += _check_values(f"value_set {name!r}", values)
    for f in cb.fields:
        problems += _check_field(cb, f)
    ids = {f.id for f in cb.fields}
    for rule in cb.scores:
        for fid in rule.fields:
            if fid not in ids:
                problems.append(f"score {rule.id!r}: unknown field {fid!r}")
            elif cb.field(fid).type not in ("ordinal", "yes_no", "categorical"):
                problems.append(f"score {rule.id!r}: field {fid!r} has no scored values")
    problems += _check_derivations(cb, ids)
    for m in cb.mappings:
        for old, new in m.fields.items():
            if new not in ids:
                problems.append(f"mapping from {m.from_version}: {old!r} maps to unknown field {new!r}")
        for fid, table in m.values.items():
            if fid not in ids:
                problems.append(f"mapping from {m.from_version}: unknown field {fid!r}")
                continue
            allowed = {v.id for v in cb.values_of(cb.field(fid))}
            for old, new in table.items():
                if new not in allowed:
                    problems.append(
                        f"mapping from {m.from_version}: field {fid!r} value {old!r} maps to "
                        f"unknown value {new!r}"
                    )
    return problems


def _check_derivations(cb: Codebook, ids: set[str]) -> list[str]:
    """Rules name known fields, allowed present values and a reachable threshold, and are
    listed so that a rule reading another rule's result comes after it (applied in order)."""
    problems: list[str] = []
    derived_before: set[str] = set()
    later = {d.field for d in cb.derivations}
    for d in cb.derivations:
        where = f"derivation of {d.field!r}"
        for fid in (d.field, *d.from_fields):
            if fid not in ids:
                problems.append(f"{where}: unknown field {fid!r}")
        if d.field in ids and cb.field(d.field).type != "yes_no":
            problems.append(f"{where}: the derived field must be yes_no")
        if not 1 <= d.at_least <= len(d.from_fields):
            problems.append(f"{where}: at_least is {d.at_least}, allowed 1 to {len(d.from_fields)}")
        known = [cb.field(fid) for fid in d.from_fields if fid in ids]
        allowed = {v.id for f in known for v in _resolvable_values(cb, f)}
        for value in d.present_values:
            if known and value not in allowed:
                problems.append(
                    f"{where}: present value {value!r} is not a value of any of its fields; "
                    f"allowed: {', '.join(sorted(allowed)) or 'none'}"
                )
        for fid in d.from_fields:
            if fid in later and fid not in derived_before:
                problems.append(f"{where}: reads {fid!r}, which is derived by a later rule")
        derived_before.add(d.field)
    return problems


def _resolvable_values(cb: Codebook, f: CodebookField) -> tuple[Value, ...]:
    if f.value_set is not None and f.value_set not in cb.value_sets:
        return ()
    return cb.values_of(f)


def check_mapping_sources(cb: Codebook, old: Codebook) -> list[str]:
    """A mapping from `old` (an earlier version of `cb`, when both are loaded) names only
    field and value ids that exist in that version, so no old column is silently dropped."""
    problems: list[str] = []
    for m in cb.mappings:
        if m.from_version != old.version:
            continue
        where = f"mapping from {m.from_version}"
        old_ids = {f.id for f in old.fields}
        for old_id in m.fields:
            if old_id not in old_ids:
                problems.append(
                    f"{where}: {old_id!r} is not a field of {old.key}; fields: "
                    + ", ".join(sorted(old_ids))
                )
        for new_id, table in m.values.items():
            sources = [o for o, n in m.fields.items() if n == new_id] or [new_id]
            allowed = {
                v.id for o in sources if old.has_field(o) for v in old.values_of(old.field(o))
            }
            for old_value in table:
                if allowed and old_value not in allowed:
                    problems.append(
                        f"{where}: field {new_id!r} maps old value {old_value!r}, which "
                        f"{old.key} does not have; its values: {', '.join(sorted(allowed))}"
                    )
    return problems
