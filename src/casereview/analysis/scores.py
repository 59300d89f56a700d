"""Total scores per case and their averages by group (the codebook's `scores` rules).

- `score_summary`: average score by a grouping (law type, with subtotals) and, optionally,
  by study/sample, with case counts in brackets and an overall column: 000 Table 6 and
  001 Table 5 ("Average risk rating by law type ... number of cases in brackets").
- `score_range`: cases, mean, minimum, maximum and range per group (000 Section 3.4 and key
  observations: "private law from 0 to 17, public law 6 to 25"; 001 Section 3.4.2).
- `score_listing`: each case's score and the score of each scored field.
Scores count once per review when every scored field is review-level (the Cafcass risk
rating is), so the unit is reviews ("cases").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from casereview.analysis.axis import Axis, Hierarchy, Values, make_axis
from casereview.analysis.codes import field_label
from casereview.analysis.derive import score_rule, score_values
from casereview.analysis.frequency import _arrange, units
from casereview.analysis.members import Members, by_labels, unit_ids
from casereview.analysis.table import ChartHint, ResultTable, Unit
from casereview.codebook.model import Codebook

OVERALL = "Overall"
ALL_CASES = "All case types"


def _scored(
    frame: pd.DataFrame, codebook: Codebook, score_id: str | None
) -> tuple[pd.DataFrame, str, Unit]:
    rule = score_rule(codebook, score_id)
    unit: Unit = (
        "reviews" if all(codebook.field(f).level == "review" for f in rule.fields) else "children"
    )
    data = units(frame, unit)
    if rule.id not in data.columns:
        data = data.assign(**{rule.id: score_values(data, codebook, rule)})
    return data, rule.id, unit


def score_summary(
    frame: pd.DataFrame,
    codebook: Codebook,
    by: str,
    *,
    across: str | None = None,
    score_id: str | None = None,
    hierarchy: Hierarchy = "subtotals",
    values: Values = None,
    order: Sequence[str] | None = None,
    across_values: Values = None,
    table_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    notes: Sequence[str] = (),
) -> ResultTable:
    """Mean score by `by` (rows, with subtotals) and `across` (columns, plus 'Overall');
    `counts` holds the number of cases behind each mean; `order` puts `by` value ids first
    (000 Table 6 and 001 Table 5 list public law before private law)."""
    data, sid, unit = _scored(frame, codebook, score_id)
    rule = score_rule(codebook, sid)
    score = data[sid].to_numpy(dtype=float)
    raxis = make_axis(data, codebook, by, hierarchy=hierarchy, values=values, order=order)
    r = raxis.codes(data[by])
    if across is not None:
        caxis = make_axis(data, codebook, across, values=across_values)
        c = caxis.codes(data[across])
        col_labels = list(caxis.labels)
    else:
        c = np.zeros(len(data), dtype=np.int64)
        col_labels = []
    nr, nc = len(raxis.labels), max(len(col_labels), 1)
    ok = (r >= 0) & (c >= 0) & ~np.isnan(score)
    idx = r[ok] * nc + c[ok]
    counts = np.bincount(idx, minlength=nr * nc).reshape(nr, nc).astype(float)
    sums = np.bincount(idx, weights=score[ok], minlength=nr * nc).reshape(nr, nc)
    (labels, stacked), groups = _arrange(np.hstack([counts, sums]), raxis)
    cnt, tot = stacked[:, :nc], stacked[:, nc:]
    leaf = [i for i, lab in enumerate(labels) if lab not in groups]
    labels.append(ALL_CASES)
    cnt = np.vstack([cnt, cnt[leaf].sum(axis=0)])
    tot = np.vstack([tot, tot[leaf].sum(axis=0)])
    if col_labels:
        cnt = np.hstack([cnt, cnt.sum(axis=1, keepdims=True)])
        tot = np.hstack([tot, tot.sum(axis=1, keepdims=True)])
        col_labels.append(OVERALL)
    else:
        col_labels = ["Average"]
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(cnt > 0, tot / cnt, np.nan)
    n_missing = int(((r >= 0) & (c >= 0) & np.isnan(score)).sum())
    all_notes = [
        f"{rule.label}: {rule.definition or 'sum of the scored fields'}".strip(),
        f"Average per case; the number of cases is in brackets ({int(cnt[-1, -1])} cases).",
        *notes,
    ]
    if n_missing:
        all_notes.append(f"{n_missing} cases with a field of the score not coded are left out.")
    members: dict[str, object] = {}
    ids = unit_ids(data, unit)
    if ids is not None:
        index = {lab: i for i, lab in enumerate(raxis.labels)}
        rows = [
            np.isin(r, [index[m] for m in groups[lab]]) if lab in groups else r == index[lab]
            for lab in labels[:-1]
        ] + [r >= 0]
        cols = [c == j for j in range(nc)] if across is not None else [c >= 0]
        if across is not None:
            cols.append(c >= 0)
        valid = ~np.isnan(score)
        members["members"] = Members(unit, ids, rows=[m & valid for m in rows], cols=cols)
        members["scores"] = score
    return ResultTable(
        id=table_id or f"{sid}_by_{by}" + (f"_and_{across}" if across else ""),
        title=title or f"Average {rule.label.lower()} by {field_label(codebook, by).lower()}",
        data=pd.DataFrame(means, index=labels, columns=col_labels),
        counts=pd.DataFrame(cnt.astype(np.int64), index=labels, columns=col_labels),
        unit=unit,
        denominator=int(cnt[-1, -1]) + n_missing,
        kind="summary",
        missing=n_missing,
        notes=tuple(all_notes),
        source=source,
        row_total=ALL_CASES,
        col_total=OVERALL if across is not None else None,
        groups=groups,
        chart=ChartHint(
            kind="grouped_bar" if across else "bar", y_label=f"Average {rule.label.lower()}"
        ),
        extra={"maximum": rule.maximum, **members},
    )


SPREAD_COLUMNS = (
    "Cases",
    "Mean",
    "SD",
    "Median",
    "Lower quartile",
    "Upper quartile",
    "Minimum",
    "Maximum",
)


def _spread(v: np.ndarray) -> tuple[float, ...]:
    if not len(v):
        return (0, *([np.nan] * (len(SPREAD_COLUMNS) - 1)))
    q1, median, q3 = np.percentile(v, [25, 50, 75])
    sd = float(np.std(v, ddof=1)) if len(v) > 1 else np.nan
    return (len(v), v.mean(), sd, median, q1, q3, v.min(), v.max())


def score_range(
    frame: pd.DataFrame,
    codebook: Codebook,
    by: str | None = None,
    *,
    score_id: str | None = None,
    hierarchy: Hierarchy = "subtotals",
    order: Sequence[str] | None = None,
    table_id: str | None = None,
    source: str | None = None,
) -> ResultTable:
    """Cases, mean, standard deviation, median, quartiles, minimum, maximum and range of the
    score per group and overall. The SD is the sample SD (n - 1); quartiles interpolate
    linearly between cases, as R's default and Excel's QUARTILE.INC do."""
    data, sid, unit = _scored(frame, codebook, score_id)
    rule = score_rule(codebook, sid)
    score = data[sid].to_numpy(dtype=float)
    valid = ~np.isnan(score)
    rows: dict[str, np.ndarray] = {}
    sets: dict[str, np.ndarray] = {}
    groups: dict[str, tuple[str, ...]] = {}
    in_table = valid
    if by is not None:
        axis = make_axis(data, codebook, by, hierarchy=hierarchy, order=order)
        r = axis.codes(data[by])
        in_order, groups = _order(axis, r, valid)
        for label, idxs in in_order:
            sets[label] = np.isin(r, idxs) & valid
            rows[label] = score[sets[label]]
        in_table = valid & (r >= 0)
    rows[ALL_CASES] = score[in_table]
    sets[ALL_CASES] = in_table
    stats = {label: _spread(v) for label, v in rows.items()}
    df = pd.DataFrame.from_dict(stats, orient="index", columns=list(SPREAD_COLUMNS))
    df["Range"] = df["Maximum"] - df["Minimum"]
    ids = unit_ids(data, unit)
    extra: dict[str, object] = {}
    if ids is not None:
        cases = {(label, "Cases"): m for label, m in sets.items()}
        extra = {"members": by_labels(unit, ids, list(df.index), list(df.columns), cases)}
        extra["scores"] = score
    return ResultTable(
        id=table_id or f"{sid}_range" + (f"_by_{by}" if by else ""),
        title=f"{rule.label}: mean, spread, minimum and maximum"
        + (f" by {field_label(codebook, by).lower()}" if by else ""),
        data=df,
        unit=unit,
        denominator=len(score),
        kind="summary",
        missing=int((~valid).sum()),
        notes=(f"Possible scores run from 0 to {rule.maximum:g}.",) if rule.maximum else (),
        source=source,
        row_total=ALL_CASES,
        groups=groups,
        extra=extra,
    )


def _order(
    axis: Axis, r: np.ndarray, valid: np.ndarray
) -> tuple[list[tuple[str, list[int]]], dict[str, tuple[str, ...]]]:
    """(label, category indexes) in table order, subtotal rows after their members."""
    after: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    for pos, label, members in axis.groups:
        after.setdefault(pos, []).append((label, members))
    present = set(np.unique(r[valid & (r >= 0)]).tolist())
    out: list[tuple[str, list[int]]] = []
    groups: dict[str, tuple[str, ...]] = {}
    for i, label in enumerate(axis.labels):
        if i in axis.keep_empty or i in present:
            out.append((label, [i]))
        for glabel, members in after.get(i, []):
            out.append((glabel, list(members)))
            groups[glabel] = tuple(axis.labels[m] for m in members)
    return out, groups


def score_listing(
    frame: pd.DataFrame,
    codebook: Codebook,
    *,
    score_id: str | None = None,
    table_id: str | None = None,
) -> ResultTable:
    """One row per case: its total score and the score of each scored field."""
    data, sid, unit = _scored(frame, codebook, score_id)
    rule = score_rule(codebook, sid)
    cols = {"Study": data["study"].astype(object).to_numpy(), "Total": data[sid].to_numpy()}
    for fid in rule.fields:
        single = rule.model_copy(update={"id": fid, "fields": (fid,)})
        cols[codebook.field(fid).label] = score_values(data, codebook, single).to_numpy()
    index = (
        data["review_id"].astype(str)
        if unit == "reviews"
        else data["review_id"].astype(str) + "/" + data["child"].astype(str)
    )
    return ResultTable(
        id=table_id or f"{sid}_per_case",
        title=f"{rule.label} per case",
        data=pd.DataFrame(cols, index=index.to_numpy()),
        unit=unit,
        denominator=len(data),
        kind="listing",
        missing=int(data[sid].isna().sum()),
        source=rule.source.cite(),
    )
