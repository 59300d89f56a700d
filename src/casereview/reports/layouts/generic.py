"""A study report for any codebook, built from its field groups.

One section per group of fields (in codebook order): a frequency table for each coded
categorical or ordinal field, one chart of prevalence for a group of three or more yes/no
fields (as 002 charts parental and family characteristics), and a summary of each number
field. Fields nobody coded in the cohort are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casereview.analysis.bands import numeric_summary
from casereview.analysis.frequency import frequency
from casereview.analysis.risk import presence_table
from casereview.analysis.table import ResultTable
from casereview.codebook.model import Codebook, CodebookField
from casereview.numbers import fmt_number
from casereview.reports.context import ReportData
from casereview.reports.layout import ExhibitSpec, Layout, SectionSpec, Tables
from casereview.reports.observations import cell, join, lower_first, ranked, top, value


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _frequency(f: CodebookField):  # type: ignore[no-untyped-def]
    def make(d: ReportData) -> ResultTable | None:
        if not d.has(f.id):
            return None
        return frequency(
            d.cases, d.codebook, f.id, table_id=f"frequency_{f.id}", source=f.source.cite()
        )

    return make


def _presence(key: str, title: str, fields: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def make(d: ReportData) -> ResultTable | None:
        coded = tuple(f for f in fields if d.has(f))
        if len(coded) < 2:
            return None
        return presence_table(d.cases, d.codebook, coded, sort=True, table_id=key, title=title)

    return make


def _numeric(f: CodebookField):  # type: ignore[no-untyped-def]
    def make(d: ReportData) -> ResultTable | None:
        if not d.has(f.id):
            return None
        t = numeric_summary(
            d.cases, d.codebook, f.id, table_id=f"summary_{f.id}", source=f.source.cite()
        )
        return t.replace(title=f"{f.label}: summary")

    return make


def _group_specs(
    codebook: Codebook, group: str, fields: list[CodebookField]
) -> tuple[ExhibitSpec, ...]:
    specs: list[ExhibitSpec] = []
    yes_no = tuple(f.id for f in fields if f.type == "yes_no")
    if len(yes_no) >= 3:
        key = f"present_{_slug(group)}"
        specs.append(
            ExhibitSpec(
                key,
                "figure",
                _presence(key, f"{group}: present in cases", yes_no),
                row_header=group,
            )
        )
    for f in fields:
        if f.type in ("categorical", "ordinal") or (f.type == "yes_no" and len(yes_no) < 3):
            specs.append(
                ExhibitSpec(f"frequency_{f.id}", "table", _frequency(f), row_header=f.label)
            )
        elif f.type in ("integer", "number"):
            specs.append(
                ExhibitSpec(f"summary_{f.id}", "table", _numeric(f), row_header="", percent=False)
            )
    return tuple(specs)


def _observer(specs: tuple[ExhibitSpec, ...]):  # type: ignore[no-untyped-def]
    def observe(t: Tables, d: ReportData) -> Iterator[str]:
        for spec in specs:
            table = t.get(spec.key)
            if table is None:
                continue
            if table.kind == "multi":
                order = ranked(table)[:3]
                if order:
                    yield (
                        "Most often present: "
                        + join([f"{lower_first(s.label)} ({s.stated_inline})" for s in order])
                        + "."
                    )
            elif table.kind == "frequency":
                label = spec.row_header or table.title
                fid = spec.key.removeprefix("frequency_")
                if d.codebook.has_field(fid) and d.codebook.field(fid).type == "yes_no":
                    yes = cell(table, "Yes")
                    if yes is not None and yes.percent is not None:
                        yield f"{label}: yes in {yes.stated}."
                    continue
                best = top(table)
                if best is not None and best.percent is not None:
                    yield f"{label}: most often {best.label} ({best.stated_inline})."
            elif table.kind == "summary":
                mean = value(table, table.row_total, "Mean") if table.row_total else None
                if mean is not None:
                    yield f"{table.title.removesuffix(': summary')}: mean {fmt_number(mean, 1)}."

    return observe


def _intro(d: ReportData) -> Iterator[str]:
    c = d.cohort
    years = f" ({c.years})" if c.years else ""
    yield (
        f"This report presents data on {c.reviews} reviews concerning {c.children} children{years}, "
        f"coded against {d.codebook.title}."
    )
    if d.codebook.description:
        yield d.codebook.description


def _summary(t: Tables, d: ReportData) -> Iterator[str]:
    written = 0
    for table in t.values():
        if table.kind == "multi" and written < 4:
            best = top(table)
            if best is not None:
                yield f"{best.label} was recorded in {best.stated}."
                written += 1


def generic_layout(codebook: Codebook) -> Layout:
    sections = [SectionSpec("introduction", "Introduction", (), intro=_intro)]
    groups: dict[str, list[CodebookField]] = {}
    for f in codebook.fields:
        groups.setdefault(f.group or "Other fields", []).append(f)
    for group, fields in groups.items():
        specs = _group_specs(codebook, group, fields)
        if specs:
            sections.append(SectionSpec(_slug(group), group, specs, observe=_observer(specs)))
    return Layout(
        name=f"generic:{codebook.id}",
        title=lambda d: d.codebook.title,
        sections=tuple(sections),
        summary=_summary,
    )
