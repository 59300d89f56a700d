"""What a study report contains, per codebook: sections of exhibits and the sentences
written from them.

A layout is data plus small functions: each exhibit names the analysis call that makes its
table (None when the cohort has nothing to show), each section may add opening paragraphs
and key observations read from the finished (suppressed) tables. `assemble` runs a layout
over a cohort and numbers tables and figures in order, as 000 and 001 do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from casereview.analysis.table import ResultTable
from casereview.reports.context import ReportData
from casereview.reports.descriptives import statistics_notes
from casereview.reports.inconsistencies import source_notes
from casereview.reports.model import Exhibit, ExhibitKind, Section

Tables = Mapping[str, ResultTable]
TableMaker = Callable[[ReportData], ResultTable | None]
Writer = Callable[[Tables, ReportData], Iterable[str]]


@dataclass(frozen=True)
class ExhibitSpec:
    key: str  # how observations refer to the table
    kind: ExhibitKind
    make: TableMaker
    title: str | None = None  # replaces the analysis title
    row_header: str = ""
    percent: bool = True
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    exhibits: tuple[ExhibitSpec, ...] = ()
    intro: Callable[[ReportData], Iterable[str]] | None = None
    observe: Writer | None = None


@dataclass(frozen=True)
class Layout:
    name: str
    title: Callable[[ReportData], str]
    sections: tuple[SectionSpec, ...]
    summary: Writer | None = None
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Assembled:
    sections: tuple[Section, ...]
    tables: Mapping[str, ResultTable]
    summary: tuple[str, ...]


def make_tables(layout: Layout, data: ReportData) -> dict[str, ResultTable]:
    """Every table of the layout, suppressed if the cohort asks for it (no prose, no numbering)."""
    tables: dict[str, ResultTable] = {}
    for spec in layout.sections:
        for ex in spec.exhibits:
            t = ex.make(data)
            if t is None:
                continue
            tables[ex.key] = data.suppress(t) if data.suppress is not None else t
    if data.protect is not None:
        sizes = {"reviews": data.cohort.reviews, "children": data.cohort.children}
        return data.protect(tables, sizes)
    return tables


def _rounding(table: ResultTable, shown: bool) -> tuple[str, ...]:
    note = table.rounding_note() if shown else None
    return () if note is None else (note,)


def assemble(
    layout: Layout, data: ReportData, extra_sections: Iterable[SectionSpec] = ()
) -> Assembled:
    specs = (*layout.sections, *extra_sections)
    tables = make_tables(Layout(layout.name, layout.title, tuple(specs)), data)
    counters = {"table": 0, "figure": 0}
    sections: list[Section] = []
    for spec in specs:
        exhibits = []
        for ex in spec.exhibits:
            t = tables.get(ex.key)
            if t is None:
                continue
            counters[ex.kind] += 1
            exhibits.append(
                Exhibit(
                    kind=ex.kind,
                    number=counters[ex.kind],
                    table=t,
                    title=ex.title or t.title,
                    notes=(
                        *ex.notes,
                        *t.notes,
                        *_rounding(t, ex.percent),
                        *statistics_notes(t, data.cohort.studies),
                        *source_notes(t),
                    ),
                    percent=ex.percent,
                    row_header=ex.row_header,
                )
            )
        paragraphs = tuple(spec.intro(data)) if spec.intro else ()
        if not exhibits and not paragraphs:
            continue
        observations = tuple(spec.observe(tables, data)) if spec.observe else ()
        sections.append(
            Section(
                spec.id, len(sections) + 1, spec.title, paragraphs, tuple(exhibits), observations
            )
        )
    summary = tuple(layout.summary(tables, data)) if layout.summary else ()
    return Assembled(tuple(sections), tables, summary)
