"""The methodology appendix, written from the codebook for the report's readers: where the
data come from, what is counted, how missing values, rounding and derived measures are
handled, what each field records and where each rule comes from. No internal ids: fields
by their labels, values by their labels, documents by author and year (reports.citations)."""

from __future__ import annotations

import re

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


def _readable(text: str, codebook: Codebook) -> str:
    """Field ids quoted in a codebook's text ('risk_other_specify') as their labels."""

    def label(m: re.Match[str]) -> str:
        fid = m.group(1)
        return f"'{codebook.field(fid).label}'" if codebook.has_field(fid) else m.group(0)

    quoted = re.sub(r"'([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'", label, text)

    def bare(m: re.Match[str]) -> str:
        fid = m.group(1)
        return codebook.field(fid).label if codebook.has_field(fid) else m.group(0)

    return re.sub(r"(?<!['\w])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w'])", bare, quoted)


def _field_note(codebook: Codebook, f: CodebookField) -> FieldNote:
    definition = _readable((f.definition or "").strip(), codebook)
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
            f"Each case's ratings of {len(labels)} kinds of risk ({', '.join(labels)}) are added "
            "up, each rating counting as the number shown beside it under 'Fields coded'"
            + (f", so a case scores between 0 and {s.maximum:g}" if s.maximum is not None else "")
            + ". A case with any of these ratings missing has no total and is left out of "
            "averages rather than given a total that would understate its risk."
        )
        notes.append(RuleNote(s.label, text, s.source.cite()))
    for r in codebook.derivations:
        target = codebook.field(r.field)
        sources = [codebook.field(fid).label.lower() for fid in r.from_fields]
        value_labels = {
            v.id: v.label.lower()
            for fid in r.from_fields
            for v in codebook.values_of(codebook.field(fid))
        }
        values = _or([value_labels.get(v, v) for v in r.present_values])
        if r.at_least == len(r.from_fields):
            need = "all of " + _and(sources)
        elif r.at_least == 1:
            need = "at least one of " + _or(sources)
        else:
            need = f"at least {r.at_least} of " + _or(sources)
        text = (
            f"Counted as 'yes' when {need} recorded as {values}; 'no' when none "
            "(or too few) could be; 'not stated', and left out of percentages, when missing "
            "information could change the answer."
        )
        notes.append(RuleNote(target.label, text, r.source.cite()))
    return tuple(notes)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def build_methodology(
    codebook: Codebook,
    cohort: Cohort,
    *,
    suppress_below: int | None = None,
    withheld: tuple[str, ...] = (),
) -> Methodology:
    groups: dict[str, list[FieldNote]] = {}
    for f in codebook.fields:
        groups.setdefault(f.group or "Other fields", []).append(_field_note(codebook, f))
    studies = f", pooled from {len(cohort.studies)} studies" if len(cohort.studies) > 1 else ""
    years = f" ({cohort.years})" if cohort.years else ""
    paragraphs = [
        (
            f"Where the data come from. This report counts {cohort.reviews} case reviews "
            f"concerning {cohort.children} children{studies}{years}. Each review was read and "
            f"its facts recorded against the framework '{codebook.title}'; the fields it records "
            "are listed below with the values each can take."
        ),
        (
            "What is counted. Some facts belong to a review as a whole, such as the type of "
            "proceedings or the risk ratings: these are counted once per review, called a case. "
            "Others belong to each child, such as age and gender: these are counted once per "
            "child. The note under each table says which it counts."
        ),
        (
            "Missing information. Where a review did not record something, that review is left "
            "out of the table's percentages, unless the table shows 'unknown' as a row of its "
            "own. The note under each table gives the number its percentages are of, and every "
            "percentage in the text says what it is a share of."
        ),
        (
            "Rounding. Percentages are given to the nearest whole number and averages to one "
            "decimal place, with halves rounded up (28.5% is shown as 29%), as in the published "
            "studies. Rounded percentages may not add up to exactly 100; a note says so where "
            "they do not."
        ),
    ]
    if suppress_below:
        paragraphs.append(
            f"Counts from 1 to {suppress_below - 1} are suppressed in every table, chart and "
            "sentence, with further cells hidden wherever a total could reveal them."
        )
    if withheld:
        paragraphs.append(
            "These tables are not published because no suppression pattern could stop their "
            "small numbers being worked out from the rest of the report: "
            + "; ".join(withheld)
            + "."
        )
    documents = tuple(
        f"{d.publisher} ({d.year}). {d.title}." if d.publisher and d.year else f"{d.title}."
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
