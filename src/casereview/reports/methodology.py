"""The methodology appendix, written from the codebook: what was coded, on which scale,
how scores and derived measures are computed, and where each rule comes from."""

from __future__ import annotations

from casereview.codebook.model import Codebook, CodebookField
from casereview.reports.model import Cohort, FieldNote, Methodology, RuleNote

TYPE_NAMES = {
    "categorical": "category",
    "ordinal": "ordered scale",
    "yes_no": "yes / no / not stated",
    "integer": "whole number",
    "number": "number",
    "date": "date",
    "text": "free text",
}


def _scale(codebook: Codebook, f: CodebookField) -> str:
    values = codebook.values_of(f)
    if f.type == "yes_no" or not values:
        if f.type in ("integer", "number"):
            bounds = [f"{b:g}" for b in (f.minimum, f.maximum) if b is not None]
            unit = f" {f.unit}" if f.unit else ""
            return f"{'–'.join(bounds)}{unit}" if len(bounds) == 2 else unit.strip()
        return ""
    parts = []
    for v in values:
        if f.type == "ordinal" and v.score is not None:
            parts.append(f"{v.label} ({v.score:g})")
        else:
            parts.append(v.label)
    return "; ".join(parts)


def _field_note(codebook: Codebook, f: CodebookField) -> FieldNote:
    definition = (f.definition or "").strip()
    if f.derived:
        definition = ("Derived, not coded by hand. " + definition).strip()
    return FieldNote(
        label=f.label,
        type=TYPE_NAMES.get(f.type, f.type),
        level="review" if f.level == "review" else "child",
        scale=_scale(codebook, f),
        definition=definition,
        source=f.source.cite(),
    )


def _rules(codebook: Codebook) -> tuple[RuleNote, ...]:
    notes = []
    for s in codebook.scores:
        labels = [codebook.field(fid).label for fid in s.fields]
        text = (
            f"The sum of the scores of {len(labels)} fields ({', '.join(labels)})"
            + (f", from 0 to {s.maximum:g}" if s.maximum is not None else "")
            + "."
        )
        if s.definition:
            text += " " + s.definition.strip()
        notes.append(RuleNote(s.label, text, s.source.cite()))
    for r in codebook.derivations:
        target = codebook.field(r.field)
        sources = [codebook.field(fid).label.lower() for fid in r.from_fields]
        values = ", ".join(r.present_values)
        need = "all" if r.at_least == len(r.from_fields) else f"at least {r.at_least}"
        text = (
            f"'Yes' when {need} of {', '.join(sources)} hold one of: {values}; 'no' when that cannot "
            "happen; otherwise 'not stated'."
        )
        notes.append(RuleNote(target.label, text, r.source.cite()))
    return tuple(notes)


def build_methodology(
    codebook: Codebook, cohort: Cohort, *, suppress_below: int | None = None
) -> Methodology:
    groups: dict[str, list[FieldNote]] = {}
    for f in codebook.fields:
        groups.setdefault(f.group or "Other fields", []).append(_field_note(codebook, f))
    studies = (
        f" from {len(cohort.studies)} studies ({', '.join(cohort.studies)})"
        if cohort.studies
        else ""
    )
    paragraphs = [
        (
            f"The data are {cohort.reviews} reviews concerning {cohort.children} children{studies}, "
            f"coded against the codebook '{codebook.title}' ({codebook.key}). Fields coded once per "
            "review are counted per review (a 'case'); fields coded per child are counted per child."
        ),
        (
            "Values recorded as not stated or unknown are left out of percentages unless a table "
            "shows them as their own row; each table's notes give its denominator."
        ),
    ]
    if codebook.description:
        paragraphs.insert(1, codebook.description.strip())
    if suppress_below:
        paragraphs.append(
            f"Counts from 1 to {suppress_below - 1} are suppressed in every table, chart and "
            "sentence, with further cells hidden wherever a total could reveal them."
        )
    documents = tuple(
        f"{d.id}: {d.title}" + (f" ({d.publisher}, {d.year})" if d.publisher and d.year else "")
        for d in codebook.documents
    )
    return Methodology(
        codebook=codebook.key,
        title=codebook.title,
        description=codebook.description or "",
        paragraphs=tuple(paragraphs),
        groups=tuple((g, tuple(fs)) for g, fs in groups.items()),
        rules=_rules(codebook),
        documents=documents,
    )
