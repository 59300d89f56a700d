"""The report as data: built once from the analysis tables, then rendered several ways.

A `StudyReport` is an immutable tree (great_tables' `_gt_data.py` idea): sections, each with
paragraphs, numbered exhibits (tables and figures, numbered separately as 000 and 001 do:
"Table 6", "Figure 3") and key observations written from the numbers. Renderers (HTML, PDF,
Excel) only read it; nothing here knows about Jinja, WeasyPrint or spreadsheets.
Caveats (small cells, missing data, suppression) travel on each `ResultTable`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from casereview.analysis.table import ResultTable

ExhibitKind = Literal["table", "figure"]


@dataclass(frozen=True)
class Exhibit:
    """One numbered table or figure. A figure is drawn from its table's numbers; the
    table travels with it so spreadsheets and screen readers get the data behind it."""

    kind: ExhibitKind
    number: int
    table: ResultTable
    title: str
    notes: tuple[str, ...] = ()
    percent: bool = True  # show "n (p%)" where the table has percentages
    row_header: str = ""  # heading of the row-label column, e.g. "Law type"

    @property
    def label(self) -> str:
        return f"{'Table' if self.kind == 'table' else 'Figure'} {self.number}"

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.number}"

    @property
    def caption(self) -> str:
        return f"{self.label}: {self.title}"


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    paragraphs: tuple[str, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    observations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cohort:
    """Who the report is about (the denominators every table starts from)."""

    reviews: int
    children: int
    studies: tuple[str, ...] = ()
    first_year: int | None = None
    last_year: int | None = None

    @property
    def years(self) -> str:
        if self.first_year is None:
            return ""
        if self.last_year is None or self.last_year == self.first_year:
            return str(self.first_year)
        return f"{self.first_year}\u2013{self.last_year}"


@dataclass(frozen=True)
class FieldNote:
    """One codebook field as the methodology section lists it."""

    label: str
    type: str
    level: str
    scale: str  # the allowed values, e.g. "High (3), Medium (2), Low (1), None (0)"
    definition: str
    source: str


@dataclass(frozen=True)
class RuleNote:
    """A scoring or derivation rule of the codebook, in words."""

    label: str
    text: str
    source: str


@dataclass(frozen=True)
class Methodology:
    codebook: str  # "cafcass-scr@2017"
    title: str
    description: str
    paragraphs: tuple[str, ...]
    groups: tuple[tuple[str, tuple[FieldNote, ...]], ...]
    rules: tuple[RuleNote, ...]
    documents: tuple[str, ...]  # "001 Learning from Cafcass submissions ... (Cafcass, 2017)"


@dataclass(frozen=True)
class StudyReport:
    title: str
    subtitle: str
    cohort: Cohort
    codebook: str
    sections: tuple[Section, ...]
    methodology: Methodology
    summary: tuple[str, ...] = ()  # the key findings, for the executive summary
    suppress_below: int | None = None
    compare: str | None = None
    generated: dt.date = field(default_factory=dt.date.today)
    organisation: str | None = None  # who publishes the report (settings or --organisation)
    author: str | None = None
    ci: bool = False  # print Wilson 95% intervals beside percentages (--ci)

    def exhibits(self, kind: ExhibitKind | None = None) -> tuple[Exhibit, ...]:
        return tuple(e for s in self.sections for e in s.exhibits if kind is None or e.kind == kind)
