"""The data frames every analysis works on, built from the case register or a case file.

`case_frame` gives one row per child: the structural columns review_id, child, study, year,
region, then one column per codebook field, holding canonical values (value ids as ordered
pandas categoricals in codebook order, numbers as floats, text as objects; missing as
NaN/None). Derived fields (codebook `derivations`) are recomputed and each codebook score
rule adds a column named after the rule (e.g. `risk_score`).

`review_frame` gives one row per review (review-level fields, and `n_children`): tables that
count reviews ("cases" in 000/001) use it; tables that count children use `case_frame`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from casereview.analysis.codes import STRUCTURAL
from casereview.codebook.model import Codebook
from casereview.codebook.values import EMPTY, FieldValidator
from casereview.errors import CaseReviewError, ImportRejected, RowError, ValidationError

if TYPE_CHECKING:
    from casereview.codebook.registry import CodebookRegistry
    from casereview.store.database import Store


def case_frame(
    store: Store,
    codebook_id: str,
    study: str | None = None,
    *,
    version: str | None = None,
    registry: CodebookRegistry | None = None,
    derive: bool = True,
    fields: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per child of the reviews coded against a codebook (optionally one study).

    With `fields`, only those fields (and the fields they are derived from) are loaded and
    typed, and scores are left out: a table of a few fields does not load the register."""
    from casereview.codebook import default_registry
    from casereview.store.frames import case_table

    codebook = (registry or default_registry()).get(codebook_id, version)
    needed = None if fields is None else needed_fields(codebook, fields)
    table = case_table(store, codebook, study, fields=needed)
    return prepare(table, codebook, derive=derive, fields=needed)


def needed_fields(codebook: Codebook, fields: Collection[str]) -> set[str]:
    """`fields` and, for a derived field, the fields its rule reads (rules are in dependency
    order, so walking them backwards collects chains)."""
    needed = set(fields)
    for rule in reversed(codebook.derivations):
        if rule.field in needed:
            needed |= set(rule.from_fields)
    return needed


def prepare(
    frame: pd.DataFrame,
    codebook: Codebook,
    *,
    derive: bool = True,
    fields: Collection[str] | None = None,
) -> pd.DataFrame:
    """Types a frame of canonical values (as the register stores them) for analysis:
    categoricals in codebook order, numbers as floats; then derivations and scores (only
    the derivations of `fields`, and no scores, when `fields` is given)."""
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for col in STRUCTURAL:
        out[col] = _structural(frame[col]) if col in frame.columns else None
    out["year"] = pd.to_numeric(out["year"], errors="coerce").astype("Int64")
    out["study"] = _study_categorical(out["study"], out["year"])
    for f in codebook.fields:
        if fields is not None and f.id not in fields:
            continue
        if f.id not in frame.columns:
            out[f.id] = None if f.type not in ("integer", "number") else np.nan
            col = out[f.id]
        else:
            col = frame[f.id].reset_index(drop=True)
        values = codebook.values_of(f)
        if values:
            out[f.id] = pd.Categorical(col, categories=[v.id for v in values])
        elif f.type in ("integer", "number"):
            out[f.id] = pd.to_numeric(col, errors="coerce").astype(float)
        else:
            out[f.id] = col.astype(object).where(col.notna(), None)
    if derive and fields is not None:
        from casereview.analysis.derive import derive as derive_field

        for rule in codebook.derivations:
            if rule.field in fields:
                out[rule.field] = derive_field(out, codebook, rule)
    elif derive:
        from casereview.analysis.derive import add_scores, apply_derivations

        out = add_scores(apply_derivations(out, codebook), codebook)
    return out


def canonical(frame: pd.DataFrame, codebook: Codebook, *, first_row: int = 2) -> pd.DataFrame:
    """Raw values (ids, labels, numeric codes, aliases) -> canonical text, all or nothing.

    Row numbers in errors are those a spreadsheet shows (`first_row` for frame row 0)."""
    out = frame.copy()
    errors: list[RowError] = []
    for col in frame.columns:
        if col in STRUCTURAL:
            continue
        if col in {r.id for r in codebook.scores}:
            continue  # an exported score: recomputed from the coded fields
        if not codebook.has_field(col):
            errors.append(RowError(1, col, col, f"not a field of codebook {codebook.key}"))
            continue
        check = FieldValidator(codebook, codebook.field(col))
        # Validate each distinct raw value once: thousands of rows share a few values.
        mapping: dict[object, str | None] = {}
        for raw in pd.unique(frame[col].astype(object)):
            try:
                mapping[raw] = check(raw)
            except ValidationError as exc:
                for i in np.flatnonzero((frame[col].astype(object) == raw).to_numpy())[:20]:
                    errors.append(RowError(first_row + int(i), col, raw, exc.message))
        out[col] = frame[col].astype(object).map(mapping)
    if errors:
        raise ImportRejected("case table", errors)
    return out


def read_cases(path: str | Path, codebook: Codebook, *, derive: bool = True) -> pd.DataFrame:
    """A case file (CSV, XLSX, SAV in the shared wide layout) straight into an analysis
    frame, without a register: for sample data, tests and quick looks."""
    from casereview.io.readers import read_table

    table = read_table(Path(path))
    return prepare(
        canonical(table.frame, codebook, first_row=table.first_row), codebook, derive=derive
    )


def review_frame(cases: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per review: structural columns, `n_children`, review-level fields and scores.

    Review-level fields repeat on every child row of a review (the import checks they agree),
    so the first row of each review is kept."""
    if cases.empty:
        cols = ["review_id", "study", "year", "region", "n_children"]
        return pd.DataFrame(columns=cols + _review_columns(cases, codebook))
    n_children = cases.groupby("review_id", sort=False, observed=True).size()
    first = cases.drop_duplicates("review_id", keep="first")
    cols = ["review_id", "study", "year", "region"] + _review_columns(cases, codebook)
    out = first[cols].reset_index(drop=True)
    out.insert(4, "n_children", n_children.reindex(out["review_id"]).to_numpy())
    return out


def _review_columns(cases: pd.DataFrame, codebook: Codebook) -> list[str]:
    review_fields = [f.id for f in codebook.fields if f.level == "review" and f.id in cases]
    review_scores = [
        s.id
        for s in codebook.scores
        if s.id in cases and all(codebook.field(f).level == "review" for f in s.fields)
    ]
    return review_fields + review_scores


def studies_recording(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The rows of the studies in which some case has a value in any of `columns` (rows with
    no study are kept). A study that never collected a field has nothing 'unknown' in it:
    001 Table 13 counts parents' ages over the studies since 2014 only (its footnote 32)."""
    recorded = frame[list(columns)].notna().any(axis=1)
    studies = frame.loc[recorded, "study"].dropna().unique()
    return frame[frame["study"].isin(studies) | frame["study"].isna()]


def with_groups(
    frame: pd.DataFrame,
    column: str,
    groups: Mapping[str, Sequence[object]],
    name: str,
) -> pd.DataFrame:
    """A copy with a new categorical column `name` grouping the values of `column`.

    E.g. 000 Table 6 pools the 2012 and 2013 samples:
    `with_groups(df, "study", {"2012 and 2013": ["cafcass-2012", "cafcass-2013"],
    "2014": ["cafcass-2014"]}, "sample")`. Rows in no group get NaN (left out of tables)."""
    lookup: dict[object, str] = {}
    for label, members in groups.items():
        for m in members:
            if m in lookup:
                raise CaseReviewError(
                    f"{column} value {m!r} is in two groups: {lookup[m]!r} and {label!r}"
                )
            lookup[m] = label
    out = frame.copy()
    mapped = frame[column].astype(object).map(lookup)
    out[name] = pd.Categorical(mapped, categories=list(groups))
    return out


def _structural(col: pd.Series) -> pd.Series:
    """Text stripped, empty-like values (see `is_empty`) as None: vectorised, because a
    register's structural columns have a row per child."""
    col = col.reset_index(drop=True).astype(object)
    try:
        stripped = col.str.strip()  # NaN where the value is not text
    except AttributeError:  # no text at all (years as numbers, an empty column)
        return col.where(col.notna(), None)
    text = stripped.notna()
    empty = col.isna() | (text & stripped.str.lower().isin(EMPTY))
    return col.where(~text, stripped).where(~empty, None)


def _study_categorical(study: pd.Series, year: pd.Series) -> pd.Categorical:
    """Studies in time order (earliest year first, then name), so trends read left to right."""
    keys = pd.DataFrame({"study": study, "year": year}).dropna(subset=["study"])
    if keys.empty:
        return pd.Categorical(study)
    first_year = keys.groupby("study", sort=False)["year"].min()
    order = sorted(first_year.index, key=lambda s: (_nan_last(first_year[s]), str(s)))
    return pd.Categorical(study, categories=order)


def _nan_last(year: object) -> float:
    return float("inf") if pd.isna(year) else float(year)  # type: ignore[arg-type]
