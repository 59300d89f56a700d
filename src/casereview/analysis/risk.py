"""Several fields side by side: levels per field, presence per field, and overlaps.

- `levels_table`: for each field (risk type), the number of cases at each level (high /
  medium / low / none): the data behind 000 Charts 2-4 and 001 Figure 3. Fields whose
  values differ but are scored alike share a column by score: the child protection plan's
  'yes, currently' / 'yes, previously' show as high / medium, as the note under 000 Chart 2
  says.
- `presence_table`: for each field, the cases where it is present (any level above none),
  with percentages of cases: 001 Figure 5, and the prevalence lines of 001 Tables 9 and 11.
- `level_by_group`: cases at each level above none of one field by a grouping, with the
  share of each group's cases featuring it: 001 Tables 9 and 11.
- `overlap`: every combination of several yes/no conditions (exactly which are present),
  with "at least one", "all" and "none" in `extra`: the toxic trio of 001 Section 5.3.1 and
  Figure 6. `overlap_summary` gives those three lines as a table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from casereview.analysis.codes import MISSING_LABEL, field_codes
from casereview.analysis.frequency import SINGULAR, TOTAL, crosstab, units
from casereview.analysis.members import Members, by_labels, unit_ids
from casereview.analysis.table import ChartHint, ResultTable, Unit
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _unit(codebook: Codebook, fields: Sequence[str]) -> Unit:
    return "reviews" if all(codebook.field(f).level == "review" for f in fields) else "children"


def _default_fields(codebook: Codebook) -> tuple[str, ...]:
    if not codebook.scores:
        raise CaseReviewError(f"codebook {codebook.key} has no score rule; name the fields to show")
    return codebook.scores[0].fields


def present_mask(
    col: pd.Series, codebook: Codebook, field_id: str, present: Sequence[str] | None
) -> np.ndarray:
    """True where the field is present: one of `present`, else any value scoring above 0
    (yes/no fields: 'yes')."""
    if present is None:
        codes = field_codes(codebook, field_id)
        present = [v.id for v in codes.values if (v.score or 0) > 0 and not v.missing]
    return col.isin(list(present)).to_numpy()


def known_mask(col: pd.Series, codebook: Codebook, field_id: str) -> np.ndarray:
    missing = list(field_codes(codebook, field_id).missing_ids)
    return (col.notna() & ~col.isin(missing)).to_numpy()


def levels_table(
    frame: pd.DataFrame,
    codebook: Codebook,
    fields: Sequence[str] | None = None,
    *,
    table_id: str = "risk_levels",
    title: str = "Risk types and levels",
    source: str | None = None,
    notes: Sequence[str] = (),
) -> ResultTable:
    """Rows: fields; columns: levels by score, highest first (labels from the field whose
    values first use that score); `percent`: share of all cases in scope."""
    fields = tuple(fields or _default_fields(codebook))
    unit = _unit(codebook, fields)
    data = units(frame, unit)
    level_label: dict[float, str] = {}
    for fid in fields:
        for v in field_codes(codebook, fid).values:
            if v.score is not None and not v.missing:
                level_label.setdefault(float(v.score), v.label)
    scores = sorted(level_label, reverse=True)
    columns = [level_label[s] for s in scores]
    counts = np.zeros((len(fields), len(scores) + 1), dtype=np.int64)
    cell_sets: dict[tuple[object, object], np.ndarray] = {}
    for i, fid in enumerate(fields):
        codes = field_codes(codebook, fid)
        col = data[fid]
        label = codebook.field(fid).label
        for v in codes.values:
            if v.missing or v.score is None:
                continue
            j = scores.index(float(v.score))
            hit = (col == v.id).to_numpy()
            counts[i, j] += int(hit.sum())
            key = (label, columns[j])
            cell_sets[key] = cell_sets[key] | hit if key in cell_sets else hit
        unknown = ~known_mask(col, codebook, fid)
        counts[i, -1] = int(unknown.sum())
        cell_sets[(label, MISSING_LABEL)] = unknown
        cell_sets[(label, "Total")] = np.ones(len(data), dtype=bool)
    df = pd.DataFrame(
        counts, index=[codebook.field(f).label for f in fields], columns=[*columns, MISSING_LABEL]
    )
    if not df[MISSING_LABEL].any():
        df = df.drop(columns=MISSING_LABEL)
    n = len(data)
    df["Total"] = n  # each field's levels add up to all cases (explicit for suppression)
    lowest = columns[-1] if scores and scores[-1] == 0 else None
    all_notes = [f"Number of {unit} at each level; {n} {unit} in all.", *notes]
    return ResultTable(
        id=table_id,
        title=title,
        data=df,
        unit=unit,
        denominator=n,
        kind="multi",
        percent=df / n * 100 if n else df * np.nan,
        percent_basis="row",
        col_total="Total",
        missing=int(counts[:, -1].max()) if len(fields) else 0,
        notes=tuple(all_notes),
        source=source,
        chart=ChartHint(
            kind="stacked_bar",
            horizontal=True,
            exclude=(lowest, MISSING_LABEL) if lowest else (MISSING_LABEL,),
        ),
        keys={codebook.field(f).label: f for f in fields},
        extra=_members(unit, data, df, cell_sets),
    )


def _members(
    unit: str,
    data: pd.DataFrame,
    df: pd.DataFrame,
    cells: Mapping[Any, np.ndarray],
    bases: Mapping[Any, np.ndarray] | None = None,
) -> dict[str, object]:
    """`extra` with the units behind each cell (analysis.members), when the frame has ids."""
    ids = unit_ids(data, unit)
    if ids is None:
        return {}
    return {"members": by_labels(unit, ids, list(df.index), list(df.columns), cells, bases)}


def presence_table(
    frame: pd.DataFrame,
    codebook: Codebook,
    fields: Sequence[str] | None = None,
    *,
    present: Sequence[str] | None = None,
    sort: bool = False,
    table_id: str = "risk_presence",
    title: str = "Risk types present",
    source: str | None = None,
    notes: Sequence[str] = (),
) -> ResultTable:
    """Cases in which each field is present, with % of the cases where it is known."""
    fields = tuple(fields or _default_fields(codebook))
    unit = _unit(codebook, fields)
    data = units(frame, unit)
    rows = {}
    cells: dict[tuple[object, object], np.ndarray] = {}
    bases: dict[tuple[object, object], np.ndarray] = {}
    for fid in fields:
        col = data[fid]
        known_at = known_mask(col, codebook, fid)
        present_at = present_mask(col, codebook, fid, present)
        label = codebook.field(fid).label
        cells[(label, "n")], bases[(label, "n")] = present_at, known_at
        rows[label] = (int(present_at.sum()), int(known_at.sum()))
    df = pd.DataFrame.from_dict(rows, orient="index", columns=["n", "known"])
    if sort:
        df = df.sort_values("n", ascending=False, kind="stable")
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = pd.DataFrame({"n": df["n"] / df["known"].replace(0, np.nan) * 100})
    return ResultTable(
        id=table_id,
        title=title,
        data=df[["n"]],
        unit=unit,
        denominator=len(data),
        kind="multi",
        percent=pct,
        percent_basis="row",
        missing=int(len(data) - df["known"].min()) if len(df) else 0,
        notes=(
            f"Percentages are of the {unit} in which each was recorded ({len(data)} {unit} in all).",
            *notes,
        ),
        source=source,
        chart=ChartHint(kind="bar", value="percent", horizontal=True),
        keys={codebook.field(f).label: f for f in fields},
        extra={"known": df["known"].to_dict(), **_members(unit, data, df[["n"]], cells, bases)},
    )


def level_by_group(
    cases: pd.DataFrame,
    codebook: Codebook,
    field_id: str,
    by: str,
    *,
    order: Sequence[str] | None = None,
    source: str | None = None,
) -> ResultTable:
    """Cases at each level above none of one risk by law type, with the share of all cases
    in each column featuring it (001 Tables 9 and 11: "Total cases featuring risk (% of
    overall number of cases)"). `order` puts `by` value ids first (public law, as 001 does)."""
    levels = [v.id for v in field_codes(codebook, field_id).values if (v.score or 0) > 0]
    t = crosstab(
        cases,
        codebook,
        field_id,
        by,
        row_values=levels,
        col_hierarchy="top",
        col_order=order,
        source=source,
        table_id=f"{field_id}_levels_by_{by}",
        title=f"Prevalence and risk level of {codebook.field(field_id).label.lower()} by law type",
    )
    data = units(cases, t.unit)
    everyone = crosstab(data, codebook, field_id, by, col_hierarchy="top")
    all_cases = everyone.data.loc[TOTAL]
    pct = pd.DataFrame(np.nan, index=t.data.index, columns=t.data.columns)
    with np.errstate(invalid="ignore", divide="ignore"):
        pct.loc[TOTAL] = (
            t.data.loc[TOTAL] / all_cases.reindex(t.data.columns).replace(0, np.nan) * 100
        )
    extra = dict(t.extra)
    m, base = extra.get("members"), everyone.extra.get("members")
    if isinstance(m, Members) and isinstance(base, Members):
        # The total row's percentages are of all cases of each law type (a base no cell shows).
        i, bi = list(t.data.index).index(TOTAL), list(everyone.data.index).index(TOTAL)
        cols = list(everyone.data.columns)
        bases = {
            (i, j): base.rows[bi] & base.cols[cols.index(c)]
            for j, c in enumerate(t.data.columns)
            if c in cols
        }
        extra["members"] = Members(m.unit, m.ids, m.rows, m.cols, bases=bases)
    return t.replace(
        extra=extra,
        percent=pct,
        percent_basis="column",
        notes=(*t.notes, "The percentage on the total row is of all cases of that law type."),
    )


def overlap(
    frame: pd.DataFrame,
    codebook: Codebook,
    fields: Sequence[str],
    *,
    present: Sequence[str] | None = None,
    names: Sequence[str] | None = None,
    table_id: str = "overlap",
    title: str | None = None,
    source: str | None = None,
) -> ResultTable:
    """Cases by exactly which of `fields` are present (every combination, largest first),
    on the cases where all are known. `extra` holds `at_least_one`, `all`, `none` and
    `known` (cases whose status is settled, as `derive` decides it)."""
    if len(fields) < 2:
        raise CaseReviewError("an overlap needs at least two fields")
    unit = _unit(codebook, fields)
    data = units(frame, unit)
    names = list(names or [codebook.field(f).label for f in fields])
    pres = np.column_stack([present_mask(data[f], codebook, f, present) for f in fields])
    known = np.column_stack([known_mask(data[f], codebook, f) for f in fields])
    k = len(fields)
    complete = known.all(axis=1)
    bits = (pres.astype(np.int64) << np.arange(k)).sum(axis=1)
    counts = np.bincount(bits[complete], minlength=2**k)
    labels, values = [], []
    for size in range(k, -1, -1):
        for combo in combinations(range(k), size):
            code = sum(1 << i for i in combo)
            labels.append(_combo_label(combo, names, k))
            values.append(int(counts[code]))
    n_present = pres.sum(axis=1)
    n_unknown = (~known).sum(axis=1)
    settled_any = (n_present >= 1) | (n_unknown == 0)
    at_least_one = int((n_present >= 1).sum())
    all_k = int((n_present == k).sum())
    none = int(((n_present == 0) & (n_unknown == 0)).sum())
    df = pd.DataFrame({"n": values}, index=labels)
    df.loc["Total"] = df["n"].sum()
    total = int(complete.sum())
    sets = {
        (lab, "n"): complete & (bits == sum(1 << i for i in combo))
        for lab, combo in zip(
            labels,
            (c for size in range(k, -1, -1) for c in combinations(range(k), size)),
            strict=True,
        )
    }
    sets[("Total", "n")] = complete
    summary_sets = {
        "at_least_one": n_present >= 1,
        "all": n_present == k,
        "none": (n_present == 0) & (n_unknown == 0),
    }
    extra = {
        "fields": tuple(fields),
        "at_least_one": at_least_one,
        "all": all_k,
        "none": none,
        "known": int(settled_any.sum()),
        "per_field": {names[i]: int(pres[:, i].sum()) for i in range(k)},
        **_members(unit, data, df, sets),
    }
    if "members" in extra:
        extra["summary_sets"] = summary_sets
    return ResultTable(
        id=table_id,
        title=title or "Overlap of " + ", ".join(n.lower() for n in names),
        data=df,
        unit=unit,
        denominator=len(data),
        kind="overlap",
        percent=df / total * 100 if total else df * np.nan,
        percent_basis="total",
        missing=len(data) - total,
        notes=(
            (
                f"Each {SINGULAR.get(unit, unit)} is counted once, in the combination it has; "
                f"{total} {unit} with all of them recorded."
            ),
        ),
        source=source,
        row_total="Total",
        chart=ChartHint(kind="venn"),
        extra=extra,
    )


def overlap_summary(table: ResultTable, *, source: str | None = None) -> ResultTable:
    """'At least one', 'All N' and 'None' from an `overlap` table, as % of all cases."""
    e = table.extra
    k = len(e["fields"])
    n = table.denominator or 0
    labels = ["At least one", f"All {NUMBER_WORDS.get(k, str(k))}", "None"]
    df = pd.DataFrame({"n": [e["at_least_one"], e["all"], e["none"]]}, index=labels)
    extra = {k2: v for k2, v in e.items() if k2 not in ("members", "summary_sets")}
    if "summary_sets" in e:
        from casereview.analysis.members import Members

        sets = e["summary_sets"]
        m = e["members"]
        keys = ("at_least_one", "all", "none")
        extra["members"] = Members(
            m.unit, m.ids, cells={(i, 0): sets[key] for i, key in enumerate(keys)}
        )
    return ResultTable(
        id=f"{table.id}_summary",
        title=table.title.replace("Overlap of", "Cases with") if table.title else "Summary",
        data=df,
        unit=table.unit,
        denominator=n,
        kind="multi",
        percent=df / n * 100 if n else df * np.nan,
        percent_basis="total",
        notes=(f"Percentages are of all {n} {table.unit}.",),
        source=source or table.source,
        chart=ChartHint(kind="bar", value="percent"),
        extra=extra,
    )


def _combo_label(combo: tuple[int, ...], names: list[str], k: int) -> str:
    if len(combo) == k:
        return f"All {NUMBER_WORDS.get(k, str(k))}"
    if not combo:
        return "None"
    if len(combo) == 1:
        return f"{names[combo[0]]} only"
    return " and ".join(names[i] for i in combo)
