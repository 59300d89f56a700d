"""One side of a table: which categories a column is counted in, in what order, with which
subtotals, and how missing values are treated.

A codebook field's values may form a tree (e.g. 'Physical abuse (fatal)' within 'Death –
direct maltreatment' within 'Death', 001 Table 6). An axis can show the values as they are
(`flat`), with subtotal rows for each group (`subtotals`, as 000 Table 6 / 001 Table 5 do
for public and private law), or collapsed to their broadest group (`top`, as the percentage
column of 001 Table 7 does). A caller may instead choose values or merge them (`values`),
e.g. 001 Table 8 merges 'physical abuse (fatal)' and 'homicide'. `order` shows the values
in another order than the codebook's while keeping the hierarchy: the documents do not
agree (000 Table 3 lists private law first; 000 Table 6 and 001 Tables 5, 6, 9-11 public).

Counting maps every row to an integer category index with numpy (no Python loop per row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from casereview.analysis.codes import (
    MISSING_LABEL,
    FieldCodes,
    field_codes,
    is_coded,
    subtotal_label,
)
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError

Hierarchy = Literal["flat", "subtotals", "top"]
Values = Sequence[str] | Mapping[str, Sequence[str]] | None
EXCLUDED = -1  # a value the table leaves out on purpose (`values` did not list it)
MISSING = -2  # no value, or a 'not stated' value


@dataclass(frozen=True)
class Axis:
    column: str
    labels: tuple[str, ...]  # category labels, in table order (no subtotals)
    keys: tuple[str, ...]  # value id (or value) behind each label
    index_of: Mapping[object, int]  # raw value -> category index, EXCLUDED or MISSING
    groups: tuple[tuple[int, str, tuple[int, ...]], ...] = ()  # (insert after, label, members)
    keep_empty: frozenset[int] = field(default_factory=frozenset)

    def codes(self, col: pd.Series) -> np.ndarray:
        """Each row's category index (EXCLUDED / MISSING for rows left out)."""
        if isinstance(col.dtype, pd.CategoricalDtype):
            cats = col.cat.categories
            lookup = np.array([self.index_of.get(c, EXCLUDED) for c in cats] + [MISSING])
            raw = col.cat.codes.to_numpy()
            return lookup[np.where(raw < 0, len(cats), raw)]
        values = col.astype(object).to_numpy()
        return np.array([self._index(v) for v in values], dtype=np.int64)

    def _index(self, v: object) -> int:
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            return MISSING
        return self.index_of.get(v, EXCLUDED)


def make_axis(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    column: str,
    *,
    hierarchy: Hierarchy = "flat",
    values: Values = None,
    order: Sequence[str] | None = None,
) -> Axis:
    """The categories of `column` (a codebook field or any other column of the frame).

    `order`: value ids to show first, in that order (a group goes where its first listed
    member goes; values not listed follow in codebook order). `values` fixes its own order."""
    if column not in frame.columns:
        raise CaseReviewError(
            f"no column {column!r} in the data; columns: {', '.join(map(str, frame.columns))}"
        )
    if codebook is not None and is_coded(codebook, column):
        codes = field_codes(codebook, column)
        if values is not None:
            return _chosen_axis(column, values, codes.labels, codes.missing_ids)
        rank = _ranks(codes, order)
        if hierarchy == "top":
            return _top_axis(column, codes, rank)
        return _tree_axis(column, codes, frame[column], rank, subtotals=hierarchy == "subtotals")
    observed = _observed(frame[column])
    labels = {v: str(v) for v in observed}
    if values is not None:
        return _chosen_axis(column, values, labels, frozenset())
    # A categorical column (bands, study groups) keeps every category, even empty ones.
    is_cat = isinstance(frame[column].dtype, pd.CategoricalDtype)
    keep = frozenset(range(len(observed))) if is_cat else frozenset()
    index_of = {v: i for i, v in enumerate(observed)}
    return Axis(
        column, tuple(labels.values()), tuple(map(str, observed)), index_of, keep_empty=keep
    )


def _observed(col: pd.Series) -> list[object]:
    if isinstance(col.dtype, pd.CategoricalDtype):
        return list(col.cat.categories)
    return sorted(pd.unique(col.dropna()), key=lambda v: (str(type(v)), v))


def _chosen_axis(
    column: str, values: Values, labels: Mapping[Any, str], missing: frozenset[str]
) -> Axis:
    if isinstance(values, Mapping):
        chosen = {label: tuple(ids) for label, ids in values.items()}
    else:
        chosen = {labels.get(v, str(v)): (v,) for v in values}  # type: ignore[union-attr]
    index_of: dict[object, int] = {m: MISSING for m in missing}
    for i, (label, ids) in enumerate(chosen.items()):
        for v in ids:
            if v not in labels:
                raise CaseReviewError(
                    f"{column!r} has no value {v!r}; values: {', '.join(map(str, labels))}"
                )
            index_of[v] = i
    keys = tuple("+".join(map(str, ids)) for ids in chosen.values())
    return Axis(column, tuple(chosen), keys, index_of, keep_empty=frozenset(range(len(chosen))))


def _ranks(codes: FieldCodes, order: Sequence[str] | None) -> dict[str, int]:
    """Sort key of each value id: its place in `order`, else after those in codebook order."""
    base = {v.id: i for i, v in enumerate(codes.values)}
    if not order:
        return base
    unknown = [v for v in order if v not in base]
    if unknown:
        raise CaseReviewError(
            f"{codes.field.id!r} has no value {', '.join(map(repr, unknown))}; values: "
            + ", ".join(base)
        )
    listed = {v: i for i, v in enumerate(order)}
    return {vid: listed.get(vid, len(order) + i) for vid, i in base.items()}


def _top_axis(column: str, codes: FieldCodes, rank: Mapping[str, int]) -> Axis:
    tops: list[str] = []
    for v in sorted(codes.values, key=lambda v: rank[v.id]):
        if not v.missing and codes.top(v.id) not in tops:
            tops.append(codes.top(v.id))
    index_of: dict[object, int] = {m: MISSING for m in codes.missing_ids}
    for v in codes.values:
        if not v.missing:
            index_of[v.id] = tops.index(codes.top(v.id))
    labels = tuple(codes.label(t) for t in tops)
    return Axis(column, labels, tuple(tops), index_of, keep_empty=frozenset(range(len(tops))))


def _tree_axis(
    column: str, codes: FieldCodes, col: pd.Series, rank: Mapping[str, int], *, subtotals: bool
) -> Axis:
    """Leaves always shown; a group value shown only where some case was coded with it
    (as 'X (not specified)' under subtotals); subtotal rows after each group's members."""
    used = set(col.dropna().unique()) if len(col) else set()
    children: dict[str | None, list[str]] = {}
    for v in codes.values:
        if not v.missing:
            children.setdefault(v.parent, []).append(v.id)
    first_leaf: dict[str, int] = {}

    def first(node: str) -> int:
        if node not in first_leaf:
            kids = children.get(node, [])
            first_leaf[node] = min([rank[node], *(first(k) for k in kids)]) if kids else rank[node]
        return first_leaf[node]

    labels: list[str] = []
    keys: list[str] = []
    index_of: dict[object, int] = {m: MISSING for m in codes.missing_ids}
    groups: list[tuple[int, str, tuple[int, ...]]] = []
    keep: set[int] = set()

    def emit(node: str) -> list[int]:
        kids = sorted(children.get(node, []), key=first)
        if not kids:
            index_of[node] = len(labels)
            keep.add(len(labels))
            labels.append(codes.label(node))
            keys.append(node)
            return [len(labels) - 1]
        members: list[int] = []
        for k in kids:
            members += emit(k)
        if node in used or not subtotals:
            index_of[node] = len(labels)
            if node in used:
                keep.add(len(labels))
            labels.append(
                f"{codes.label(node)} (not specified)" if subtotals else codes.label(node)
            )
            keys.append(node)
            members.append(len(labels) - 1)
        if subtotals:
            groups.append((len(labels) - 1, subtotal_label(codes.label(node)), tuple(members)))
        return members

    for root in sorted(children.get(None, []), key=first):
        emit(root)
    return Axis(
        column, _unique(labels, keys), tuple(keys), index_of, tuple(groups), frozenset(keep)
    )


def _unique(labels: list[str], keys: list[str]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    for lab in labels:
        seen[lab] = seen.get(lab, 0) + 1
    return tuple(
        f"{lab} [{k}]" if seen[lab] > 1 else lab for lab, k in zip(labels, keys, strict=True)
    )


def missing_label() -> str:
    return MISSING_LABEL
