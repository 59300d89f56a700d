"""Numbers in bands (ages, durations, scores), numeric summaries, and trends over studies.

Band presets carry the document they come from:
- `CHILD_AGE_000`: Under 1, 1 to 5, 6 to 10, 11 to 15, 16 to 17 (000 Table 4);
- `CHILD_AGE_004`: the same bands with 16 and over, as the national 2008-09 age profile in
  004 gives it;
- `PARENT_AGE_001`: Under 21, 21-25, 26-30, Over 30, Unknown (001 Tables 4 and 13);
- `PARENT_20_OR_UNDER_000`: 20 or under / 21 and over (000 Section 3.2, Chart 1);
- `DURATION_000`: months of involvement 0 to 12, 13 to 24, ... 60 to 72 (000 Table 2; the
  published bands overlap at 60, so 60 is counted in '49 to 60');
- `SCORE_001`: risk rating 0-10, 11-20, 21-30, 31-39 (001 Section 3.4.2: "between 11 and 20",
  "over 20").
Ages are completed years (a child under one is recorded as months / 12), so a band
"21-25" holds 21 <= age < 26.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from casereview.analysis.codes import field_label
from casereview.analysis.frequency import TOTAL, MissingMode, crosstab, default_unit, units
from casereview.analysis.members import by_labels, unit_ids
from casereview.analysis.table import ChartHint, PercentBasis, ResultTable, Unit
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError

INF = math.inf


@dataclass(frozen=True)
class Bands:
    """Named intervals. closed="left": low <= x < high; closed="right": low < x <= high."""

    id: str
    labels: tuple[str, ...]
    edges: tuple[float, ...]  # len(labels) + 1 boundaries
    source: str
    closed: Literal["left", "right"] = "left"
    unknown: str = "Unknown"

    def __post_init__(self) -> None:
        if len(self.edges) != len(self.labels) + 1 or list(self.edges) != sorted(self.edges):
            raise CaseReviewError(f"bands {self.id!r}: need one more edge than labels, in order")

    def cut(self, values: pd.Series) -> pd.Categorical:
        nums = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
        edges = np.asarray(self.edges)
        idx = np.searchsorted(edges, nums, side="right" if self.closed == "left" else "left") - 1
        bad = np.isnan(nums) | (idx < 0) | (idx >= len(self.labels))
        if self.closed == "right":
            bad |= nums <= edges[0]
        codes = np.where(bad, -1, idx)
        return pd.Categorical.from_codes(codes, categories=list(self.labels))


CHILD_AGE_000 = Bands(
    "child_age_000",
    ("Under 1", "1 to 5", "6 to 10", "11 to 15", "16 to 17"),
    (0, 1, 6, 11, 16, 18),
    "000 Table 4",
)
CHILD_AGE_004 = Bands(
    "child_age_004",
    ("Under 1", "1 – 5", "6 – 10", "11 – 15", "16 and over"),
    (0, 1, 6, 11, 16, INF),
    "004, age profile table (national study 2008-09)",
)
PARENT_AGE_001 = Bands(
    "parent_age_001",
    ("Under 21", "21-25", "26-30", "Over 30"),
    (-INF, 21, 26, 31, INF),
    "001 Tables 4 and 13",
)
PARENT_20_OR_UNDER_000 = Bands(
    "parent_20_or_under_000",
    ("20 or under", "21 and over"),
    (-INF, 21, INF),
    "000 Section 3.2, Chart 1",
)
DURATION_000 = Bands(
    "duration_000",
    ("0 to 12", "13 to 24", "25 to 36", "37 to 48", "49 to 60", "60 to 72"),
    (-INF, 12, 24, 36, 48, 60, 72),
    "000 Table 2",
    closed="right",
)
SCORE_001 = Bands(
    "score_001",
    ("0-10", "11-20", "21-30", "31-39"),
    (-INF, 10, 20, 30, 39),
    "001 Section 3.4.2",
    closed="right",
)
TEENAGER_001 = Bands(
    "teenager", ("Under 13", "13 to 17"), (0, 13, 18), "001 Section 5.4.1 ('teenagers')"
)
PRESETS = {
    b.id: b
    for b in (
        CHILD_AGE_000,
        CHILD_AGE_004,
        PARENT_AGE_001,
        PARENT_20_OR_UNDER_000,
        DURATION_000,
        SCORE_001,
        TEENAGER_001,
    )
}


def band_table(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    fields: str | Sequence[str],
    bands: Bands,
    *,
    by: str | None = None,
    unit: Unit | None = None,
    missing: MissingMode = "show",
    percent: PercentBasis | None = "column",
    table_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> ResultTable:
    """Counts per band: one field by `by` (000 Table 4: child age by sample), or several
    fields side by side (001 Table 13: mothers' and fathers' age at first birth)."""
    fields = [fields] if isinstance(fields, str) else list(fields)
    if by is not None and len(fields) > 1:
        raise CaseReviewError(
            "band several fields side by side, or one field by a grouping, not both"
        )
    unit = unit or default_unit(codebook, fields + ([by] if by else []))
    data = units(frame, unit)
    if len(fields) == 1:
        long = pd.DataFrame({"band": bands.cut(data[fields[0]])})
        if by is not None:
            long[by] = data[by].to_numpy()
        for key in ("review_id", "child"):  # which unit each row is (analysis.members)
            if key in data.columns and not (key == "child" and unit == "reviews"):
                long[key] = data[key].to_numpy()
        col = by
    else:
        long = pd.concat(
            [
                pd.DataFrame({"band": bands.cut(data[f]), "which": field_label(codebook, f)})
                for f in fields
            ],
            ignore_index=True,
        )
        long["which"] = pd.Categorical(
            long["which"], categories=[field_label(codebook, f) for f in fields]
        )
        col = "which"
    long["band"] = pd.Categorical(long["band"], categories=list(bands.labels))
    t = crosstab(
        long,
        codebook if by else None,
        "band",
        col,
        unit=unit,
        missing=missing,
        percent=percent,
        missing_label=bands.unknown,
        col_totals=len(fields) == 1,
        table_id=table_id or f"bands_{'_'.join(fields)}" + (f"_by_{by}" if by else ""),
        title=title or f"{field_label(codebook, fields[0])} ({bands.id})",
        source=source or bands.source,
    )
    t = t.replace(keys={}, chart=ChartHint(kind="grouped_bar" if col else "bar"))
    if len(fields) > 1 and missing == "show":
        # Stacked side by side, each unit is one row per field: state the units, not the rows.
        note = (
            f"Each column counts all {len(data)} {unit}, as '{bands.unknown}' where not recorded."
        )
        t = t.replace(denominator=len(data), notes=(note,))
    ids = unit_ids(data, unit)
    if len(fields) > 1 and ids is not None:
        # Each column is one field: the units in each band of that field.
        cells = {}
        for f in fields:
            banded = bands.cut(data[f])
            which = field_label(codebook, f)
            for band in t.data.index:
                hit = pd.isna(banded) if band == bands.unknown else np.asarray(banded == band)
                if band == TOTAL:
                    hit = np.ones(len(data), dtype=bool)
                cells[(band, which)] = np.asarray(hit, dtype=bool)
        members = by_labels(unit, ids, list(t.data.index), list(t.data.columns), cells)
        t = t.replace(extra={**t.extra, "members": members})
    return t


PARENT_AGES = ("mother_age_first_birth", "father_age_first_birth")


def parent_age_table(
    cases: pd.DataFrame, codebook: Codebook, fields: Sequence[str] = PARENT_AGES
) -> ResultTable:
    """001 Tables 4 and 13: parents' ages at the birth of their first child, per review, over
    the studies that recorded them (footnote 32: collected since the 2014 study), so that a
    study which never asked is not counted as 'Unknown'."""
    from casereview.analysis.frame import studies_recording

    scope = studies_recording(cases, fields)
    t = band_table(
        scope,
        codebook,
        list(fields),
        PARENT_AGE_001,
        unit="reviews",
        table_id="parent_age_first_birth",
        title="Age profile of mothers and fathers at birth of first child",
        source="001 Tables 4 and 13",
    )
    left_out = cases["review_id"].nunique() - scope["review_id"].nunique()
    if not left_out:
        return t
    note = f"{left_out} reviews of studies that recorded no parent's age are left out."
    return t.replace(notes=(*t.notes, note))


def numeric_summary(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    field_id: str,
    *,
    by: str | None = None,
    unit: Unit | None = None,
    at_most: float | None = None,
    table_id: str | None = None,
    source: str | None = None,
) -> ResultTable:
    """Cases, mean, median, minimum and maximum of a number (overall and by a grouping);
    `at_most` adds the share at or below a value (000 Chart 1: mothers aged 20 or under)."""
    unit = unit or default_unit(codebook, [field_id] + ([by] if by else []))
    data = units(frame, unit)
    values = pd.to_numeric(data[field_id], errors="coerce")
    groups: list[tuple[str, pd.Series]] = []
    if by is not None:
        for key, part in values.groupby(data[by].to_numpy(), sort=True):
            groups.append((str(key), part))
    groups.append(("All", values))
    rows = {}
    ids = unit_ids(data, unit)
    sets = {}
    for label, v in groups:
        sets[(label, "Cases")] = data.index.isin(v.dropna().index)
        v = v.dropna()
        row = {
            "Cases": len(v),
            "Mean": v.mean(),
            "Median": v.median(),
            "Minimum": v.min(),
            "Maximum": v.max(),
        }
        if at_most is not None:
            row[f"% at most {at_most:g}"] = (v <= at_most).mean() * 100 if len(v) else np.nan
        rows[label] = row
    df = pd.DataFrame.from_dict(rows, orient="index")
    n_missing = int(values.isna().sum())
    label = field_label(codebook, field_id)
    return ResultTable(
        id=table_id or f"summary_{field_id}" + (f"_by_{by}" if by else ""),
        title=f"{label}: summary" + (f" by {field_label(codebook, by).lower()}" if by else ""),
        data=df,
        unit=unit,
        denominator=len(values),
        kind="summary",
        missing=n_missing,
        notes=_summary_notes(n_missing, unit, label, at_most),
        source=source,
        row_total="All",
        extra={}
        if ids is None
        else {
            "members": by_labels(unit, ids, list(df.index), list(df.columns), sets),
            "scores": values.to_numpy(dtype=float),
        },
    )


def _summary_notes(
    n_missing: int, unit: str, label: str, at_most: float | None
) -> tuple[str, ...]:
    notes = [f"{n_missing} {unit} with no {label.lower()} recorded are left out."] if n_missing else []
    if at_most is not None:
        # The same share is printed elsewhere (001 Table 13) over all cases, unknown included.
        notes.append(
            f"'% at most {at_most:g}' is a share of the cases with a known value (the Cases "
            "column); a table that keeps an 'Unknown' row counts those cases in its total, so "
            "its percentage for the same group is lower."
        )
    return tuple(notes)


def trend(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    field_id: str,
    *,
    over: str = "study",
    percent: PercentBasis | None = "column",
    **kwargs: object,
) -> ResultTable:
    """A field's categories across studies or years (001 Figure 4, Table 12)."""
    t = crosstab(frame, codebook, field_id, over, percent=percent, kind="trend", **kwargs)  # type: ignore[arg-type]
    return t.replace(chart=ChartHint(kind="grouped_bar", x_label=field_label(codebook, over)))
