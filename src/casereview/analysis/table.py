"""The result every analysis returns and every renderer (HTML, PDF, Excel, briefing) consumes.

A `ResultTable` is built once and never changed (great_tables' immutable builders; caveats
travel on the object as in tableone's remarks). It holds:

- `data`: the numbers, a DataFrame whose index is the row categories and whose columns are
  the column categories (or, for summary tables, statistics such as `mean`, `n`, `min`).
  Counts stay counts: percentages never live in `data`.
- `percent`: percentages (0-100, unrounded) for the same rows/columns as `data`, or None.
  `percent_basis` says what they are a share of: the whole `denominator`, each row, or each
  column. Kept apart so that suppression can hide a percentage with its count and renderers
  can choose "n (%)", "n" or "%".
- `row_total` / `col_total`: the labels of total rows/columns inside `data` (or None), so
  suppression and renderers know which cells are margins.
- `counts`: for summary tables whose `data` are means, the number of cases behind each cell
  (000 Table 6 prints them in brackets: "18.3 (9)"). None for count tables.
- `groups`: subtotal rows inside `data` and the rows they add up (e.g. "Total public law" ->
  ("Public law – s31 only", "Public law – others")), so suppression can protect them.
- `suppressed`: after small-cell suppression, a frame of strings shaped like `data`: "" for a
  cell shown as usual, else the marker to print instead ("<5", "*", "c"). Hidden numbers are
  already blanked to NaN in `data`, `percent` and `counts`; `suppression` names the rule.

Labels in `data` are human labels (codebook value labels), in codebook order; `keys`
optionally maps each label back to its value id for machine use.

Usage for a renderer: `t.display()` gives a string frame ("12 (34.5%)", "<5", "–") ready to
print; `t.data` / `t.percent` give the raw numbers for charts and spreadsheets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

import pandas as pd

from casereview import numbers

Unit = Literal["children", "reviews", "cases", "population"]
Kind = Literal[
    "frequency",  # one variable: count (and %) per category
    "crosstab",  # two variables: counts with row/column totals
    "summary",  # statistics per group (mean score, n, min, max, range...)
    "multi",  # several yes/no variables, one row each (risk factors present)
    "overlap",  # combinations of yes/no variables (toxic trio)
    "trend",  # counts or percentages across studies/years
    "rate",  # rates per population (per 100,000 children)
    "comparison",  # cohort against published reference figures, with tests
    "listing",  # one row per case (e.g. risk scores per case)
]
PercentBasis = Literal["total", "row", "column"]
ChartKind = Literal["bar", "stacked_bar", "grouped_bar", "line", "venn", "none"]


@dataclass(frozen=True)
class ChartHint:
    """How the reference documents draw this table (the report engineer draws it).

    `value` says whether the chart plots counts or percentages; `horizontal` lays bars
    sideways as 000 Charts 2-4 do; `exclude` lists rows/columns left out of the chart
    (totals are always left out).
    """

    kind: ChartKind = "bar"
    value: Literal["count", "percent"] = "count"
    horizontal: bool = False
    x_label: str | None = None
    y_label: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class ResultTable:
    """One numbered table (or the data behind one figure) of a report.

    Fields:
      id           stable machine id, e.g. "risk_score_by_law_type" (used for file/sheet names)
      title        human title, e.g. "Average risk score by law type"
      data         the counts / statistics (see module docstring); never mutate it
      unit         what is counted: "children" or "reviews" (or "cases"/"population")
      denominator  how many units are in scope (before missing values are removed), or None
      kind         see `Kind`
      percent      percentages parallel to `data`, or None
      percent_basis what the percentages are a share of
      missing      units left out because the value was missing / not stated
      notes        sentences printed under the table (denominators, definitions)
      caveats      warnings (small numbers, missing data, suppression, inconsistent sources)
      source       the reference table this reproduces, e.g. "001 Table 6", or None
      row_total    label of the total row inside `data`, if any
      col_total    label of the total column inside `data`, if any
      counts       cases behind each cell of a summary table (means), or None
      groups       subtotal row label -> labels of the rows it adds up
      suppressed   markers shaped like `data` ("" = shown) after suppression, else None
      suppression  the name of the suppression rule applied, or None
      chart        how to draw it, or None for tables that are not charted
      keys         label -> value id for the row categories (for drill-down/exports)
      extra        any further machine-readable results (test statistics, overlaps)
    """

    id: str
    title: str
    data: pd.DataFrame
    unit: Unit
    denominator: int | None
    kind: Kind
    percent: pd.DataFrame | None = None
    percent_basis: PercentBasis | None = None
    missing: int = 0
    notes: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()
    source: str | None = None
    row_total: str | None = None
    col_total: str | None = None
    counts: pd.DataFrame | None = None
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    suppressed: pd.DataFrame | None = None
    suppression: str | None = None
    chart: ChartHint | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Own private copies so that a caller changing its frame cannot change the table.
        object.__setattr__(self, "data", self.data.copy())
        if self.percent is not None:
            object.__setattr__(self, "percent", self.percent.copy())
            if self.percent_basis is None:
                raise ValueError(f"table {self.id}: percent given without percent_basis")
        if self.counts is not None:
            object.__setattr__(self, "counts", self.counts.copy())
        if self.suppressed is not None:
            object.__setattr__(self, "suppressed", self.suppressed.fillna("").astype(str).copy())
        object.__setattr__(
            self, "groups", MappingProxyType({k: tuple(v) for k, v in self.groups.items()})
        )
        object.__setattr__(self, "notes", tuple(self.notes))
        object.__setattr__(self, "caveats", tuple(self.caveats))
        object.__setattr__(self, "keys", MappingProxyType(dict(self.keys)))
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    # -- deriving new tables -------------------------------------------------------------
    def replace(self, **changes: Any) -> ResultTable:
        """A copy with some fields changed (the table itself never changes)."""
        return dataclasses.replace(self, **changes)

    def with_caveat(self, caveat: str) -> ResultTable:
        return self.replace(caveats=(*self.caveats, caveat))

    # -- views for renderers -------------------------------------------------------------
    @property
    def body(self) -> pd.DataFrame:
        """`data` without total/subtotal rows and the total column (what a chart plots)."""
        df = self.data
        margins = [r for r in self.margin_rows if r in df.index]
        if margins:
            df = df.drop(index=margins)
        if self.col_total is not None and self.col_total in df.columns:
            df = df.drop(columns=self.col_total)
        return df

    def is_suppressed(self, row: Any, col: Any) -> bool:
        return bool(self.suppressed is not None and self.suppressed.at[row, col])

    def marker(self, row: Any, col: Any) -> str:
        """What a suppressed cell shows ("" when the cell is shown)."""
        return "" if self.suppressed is None else str(self.suppressed.at[row, col])

    @property
    def margin_rows(self) -> tuple[str, ...]:
        """Total and subtotal rows (left out of charts, treated as sums by suppression)."""
        rows = tuple(self.groups)
        return rows + ((self.row_total,) if self.row_total is not None else ())

    def display(
        self,
        *,
        percent: bool = True,
        decimals: int | None = None,
        pct_decimals: int = 0,
        ci: bool = False,
    ) -> pd.DataFrame:
        """A frame of strings ready to print: "n (p%)" (or "n"); a mean with its case count as
        "18.3 (9)"; suppressed cells as their marker; missing numbers as an en dash.
        `ci=True` adds the Wilson 95% interval of each percentage: "27 (28%; 20\u201338%)"."""
        out = pd.DataFrame(index=self.data.index, columns=self.data.columns, dtype=object)
        for col in self.data.columns:
            for row in self.data.index:
                if self.is_suppressed(row, col):
                    out.at[row, col] = self.marker(row, col)
                    continue
                out.at[row, col] = self._cell(row, col, percent, decimals, pct_decimals, ci)
        return out

    def _interval(self, row: Any, col: Any, pct_decimals: int) -> str:
        """'; 20\u201338%' inside the brackets of a percentage, or '' when there is none."""
        basis = self.percent_basis
        if (basis == "row" and col == self.col_total) or (basis != "row" and row == self.row_total):
            return ""  # a total is 100% of itself
        base = self.percent_base(row, col)
        value = self.data.at[row, col]
        if base is None or base <= 0 or numbers.is_missing(value):
            return ""
        from casereview.analysis.stats import wilson_ci

        low, high = wilson_ci(int(value), base)
        text = numbers.fmt_ci(100 * low, 100 * high, pct_decimals)
        return "" if text == numbers.DASH else f"; {text}"

    def percent_base(self, row: Any, col: Any) -> int | None:
        """The number a cell's percentage is of (its row, column or grand total), or None."""
        pct_frame = self.percent
        if pct_frame is None or row not in pct_frame.index or col not in pct_frame.columns:
            return None
        pct, count = pct_frame.at[row, col], self.data.at[row, col]
        if numbers.is_missing(pct) or numbers.is_missing(count):
            return None
        if pct > 0:  # count / base = pct / 100 exactly
            base = numbers.exact(count) * 100 / numbers.exact(pct)
            return int(base) if base.denominator == 1 else None
        d, rt, ct = self.data, self.row_total, self.col_total
        if self.percent_basis == "row":
            if ct is not None and ct in d.columns:
                total = d.at[row, ct]
            else:
                total = self.extra.get("known", {}).get(row)
        elif self.percent_basis == "column" or (self.percent_basis == "total" and ct is None):
            total = d.at[rt, col] if rt is not None and rt in d.index else self.denominator
        else:
            total = d.at[rt, ct] if rt is not None and rt in d.index else self.denominator
        return None if total is None or numbers.is_missing(total) else int(total)

    def _cell(
        self,
        row: Any,
        col: Any,
        percent: bool,
        decimals: int | None,
        pct_decimals: int,
        ci: bool = False,
    ) -> str:
        value = self.data.at[row, col]
        text = format_number(value, decimals)
        counts = self.counts
        if counts is not None and col in counts.columns and row in counts.index:
            n = counts.at[row, col]
            return text if _isnan(n) or _isnan(value) else f"{text} ({format_number(n)})"
        pct_frame = self.percent
        if (
            percent
            and pct_frame is not None
            and col in pct_frame.columns
            and row in pct_frame.index
        ):
            pct = pct_frame.at[row, col]
            if not _isnan(pct):
                text = f"{text} ({numbers.fmt_pct(pct, pct_decimals)})"
                if ci:
                    text = text[:-1] + self._interval(row, col, pct_decimals) + ")"
        return text

    def rounding_note(self, pct_decimals: int = 0) -> str | None:
        """The note printed under the table when its rounded percentages do not add to 100
        (only where the exact percentages do: categories of one variable, no hidden cell)."""
        pct = self.percent
        if pct is None or self.kind not in ("frequency", "crosstab"):
            return None
        body = pct.loc[
            [r for r in self.body.index if r in pct.index],
            [c for c in self.body.columns if c in pct.columns],
        ]
        if body.empty:
            return None
        if self.percent_basis == "row":
            runs = [list(body.loc[r]) for r in body.index]
        elif self.percent_basis == "column":
            runs = [list(body[c]) for c in body.columns]
        else:
            runs = [list(body.to_numpy().ravel())]
        for run in runs:
            if any(numbers.is_missing(v) for v in run):
                continue
            if sum(numbers.exact(v) for v in run) != 100:
                continue  # not parts of one whole (multiple answers, or missing left out)
            note = numbers.rounded_sum_note(run, pct_decimals)
            if note is not None:
                return note
        return None

    def to_records(self) -> list[dict[str, Any]]:
        """Rows as plain dicts (JSON API): the row label under `""` plus one key per column."""
        records = []
        for row in self.data.index:
            rec: dict[str, Any] = {"": str(row)}
            for col in self.data.columns:
                v = self.data.at[row, col]
                rec[str(col)] = None if self.is_suppressed(row, col) or _isnan(v) else _plain(v)
            records.append(rec)
        return records


def format_number(value: Any, decimals: int | None = None) -> str:
    """A number as a table shows it; NaN/None as an en dash (see `casereview.numbers`)."""
    return numbers.fmt_number(value, decimals)


def round_half_up(value: Any, decimals: int) -> str:
    """Rounded as published tables round (13.25 -> 13.3), on the exact value."""
    return str(numbers.round_half_up(value, decimals))


def _isnan(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """numpy scalars -> Python scalars for JSON."""
    return value.item() if hasattr(value, "item") else value
