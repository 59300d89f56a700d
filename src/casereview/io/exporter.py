"""Exporting the register as a wide case table: CSV, Excel (.xlsx) or SPSS (.sav).

SPSS files carry the codebook: categorical values as their numeric codes with value
labels, and every column with its variable label, so SPSS users see what they expect.

Every derived variable of the codebook is written with the coded ones, computed by the
codebook's own rules (`analysis.derive`): derived yes/no fields (the toxic trio, the neglect
protocol of 002 Appendix C) and total scores (the 0-39 overall risk rating of 001 Table 5),
so a published figure can be rebuilt from the export alone in SPSS, R or pandas.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from casereview.codebook.model import Codebook, DerivationRule
from casereview.codebook.registry import CodebookRegistry, default_registry
from casereview.errors import CaseReviewError
from casereview.io.atomic import atomic_path
from casereview.io.formula import neutralise, neutralise_frame
from casereview.io.layout import STRUCTURAL, STRUCTURAL_LABELS
from casereview.store.database import Store
from casereview.store.frames import case_table, case_table_chunks

if TYPE_CHECKING:  # the pseudonymiser brings in spaCy (extract.names): only when asked for
    from casereview.io.pseudonyms import Pseudonymiser

FORMATS = (".csv", ".xlsx", ".sav")


@dataclass(frozen=True)
class ExportReport:
    path: str
    codebook: str
    rows: int
    columns: int


def export_file(
    store: Store,
    path: Path | str,
    codebook: str | None = None,
    *,
    study: str | None = None,
    labels: bool = False,
    registry: CodebookRegistry | None = None,
    pseudonymiser: Pseudonymiser | None = None,
) -> ExportReport:
    """The case table to `path`; with a pseudonymiser, people's names in the review
    references, child labels and free-text fields are replaced (io/pseudonymise.py)."""
    if pseudonymiser is not None:
        from casereview.io.pseudonymise import pseudonymise_frame
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CaseReviewError(f"{path}: unsupported export format {suffix or '(none)'}; use {', '.join(FORMATS)}")
    cb = (registry or default_registry()).get(codebook or register_codebook(store, study))
    nothing = f"nothing to export: no review is coded against {cb.key}" + (f" in study {study!r}" if study else "")
    if suffix == ".sav":  # ReadStat writes one whole frame
        frame = case_table(store, cb, study)
        if frame.empty:
            raise CaseReviewError(nothing)
        frame = with_derived(frame, cb)
        if pseudonymiser is not None:
            frame = pseudonymise_frame(frame, cb, pseudonymiser)
        with atomic_path(path) as tmp:
            write_sav(frame, cb, tmp)
        return ExportReport(str(path), cb.key, len(frame), len(frame.columns))
    # CSV and Excel stream: a few thousand reviews at a time from the store to the file.
    chunks = (with_derived(c, cb) for c in case_table_chunks(store, cb, study) if not c.empty)
    if pseudonymiser is not None:
        chunks = (pseudonymise_frame(c, cb, pseudonymiser) for c in chunks)
    first = next(chunks, None)
    if first is None:
        raise CaseReviewError(nothing)
    pieces = (
        neutralise_frame(with_labels(c, cb) if labels else c)
        for c in itertools.chain([first], chunks)
    )
    with atomic_path(path) as tmp:
        rows = write_csv(pieces, tmp) if suffix == ".csv" else write_xlsx(pieces, cb, tmp)
    return ExportReport(str(path), cb.key, rows, len(first.columns))


def write_csv(pieces: Iterable[pd.DataFrame], path: Path) -> int:
    """The pieces one after the other under one header; returns the rows written."""
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for piece in pieces:
            piece.to_csv(fh, index=False, header=rows == 0)
            rows += len(piece)
    return rows


def register_codebook(store: Store, study: str | None = None) -> str:
    """The codebook the register's reviews are coded against, when there is only one."""
    from casereview.store.usage import codebook_usage

    usage = codebook_usage(store, study)
    where = f" in study {study!r}" if study else ""
    if not usage:
        raise CaseReviewError(f"nothing to export: the register holds no coded reviews{where}")
    if len(usage) > 1:
        listed = ", ".join(f"{cid} ({n} reviews)" for cid, n in usage)
        raise CaseReviewError(
            f"the register{where} holds reviews coded against {len(usage)} codebooks: {listed}; "
            "choose one with --codebook"
        )
    return usage[0][0]


def with_derived(frame: pd.DataFrame, cb: Codebook) -> pd.DataFrame:
    """The case table with every derived field recomputed by its codebook rule (whatever
    was stored for it) and one column per score rule, named after the rule id."""
    # analysis.derive needs only the codebook (no store, no analysis frame), so the export
    # and the report apply one and the same rule.
    from casereview.analysis.derive import add_scores, apply_derivations

    out = frame.copy()
    for f in cb.fields:
        if f.id not in out.columns:
            out[f.id] = None
    typed = add_scores(apply_derivations(out, cb), cb)
    for rule in cb.derivations:
        out[rule.field] = [None if pd.isna(v) else str(v) for v in typed[rule.field]]
    for score in cb.scores:
        if score.id in typed.columns:
            out[score.id] = typed[score.id].to_numpy(dtype=float)
    return out


def with_labels(frame: pd.DataFrame, cb: Codebook) -> pd.DataFrame:
    out = frame.copy()
    for f in cb.fields:
        labels = {v.id: v.label for v in cb.values_of(f)}
        if labels:
            out[f.id] = out[f.id].map(lambda v, lab=labels: lab.get(v, v) if v is not None else None)
    return out


XLSX_MAX_ROWS = 1_048_576  # rows of one Excel sheet, the header included


def write_xlsx(pieces: Iterable[pd.DataFrame], cb: Codebook, path: Path) -> int:
    """Sheet `cases` written row by row as the pieces come (XlsxWriter's constant-memory
    mode), then sheet `variables`; returns the case rows written."""
    import xlsxwriter

    # Text is written as text: never turned into a formula, a number or a hyperlink.
    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("cases")
    rows = 0
    try:
        for piece in pieces:
            if rows == 0:
                sheet.write_row(0, 0, list(piece.columns), bold)
            if rows + len(piece) >= XLSX_MAX_ROWS:
                raise CaseReviewError(
                    f"more than {XLSX_MAX_ROWS - 1:,} rows do not fit in an Excel sheet; "
                    "export to .csv or .sav"
                )
            for values in piece.itertuples(index=False, name=None):
                rows += 1
                sheet.write_row(rows, 0, [_cell(v) for v in values])
        variables = book.add_worksheet("variables")
        variables.write_row(0, 0, VARIABLE_COLUMNS, bold)
        for i, row in enumerate(_variables(cb), start=1):
            variables.write_row(i, 0, [neutralise(row[h]) for h in VARIABLE_COLUMNS])
    finally:
        book.close()
    return rows


VARIABLE_COLUMNS = ["variable", "label", "type", "level", "values", "source", "derived"]


def _variables(cb: Codebook) -> list[dict[str, str]]:
    """One row per column of the cases sheet that the codebook defines: coded and derived
    fields (with the derivation rule in words) and score rules."""
    derived = {r.field: r for r in cb.derivations}
    rows = [
        {
            "variable": f.id,
            "label": f.label,
            "type": f.type,
            "level": f.level,
            "values": "; ".join(f"{v.code} = {v.id} ({v.label})" for v in cb.values_of(f)),
            "source": f.source.cite(),
            "derived": _derivation_text(derived[f.id]) if f.id in derived else "",
        }
        for f in cb.fields
    ]
    rows += [
        {
            "variable": r.id,
            "label": r.label,
            "type": "score",
            "level": _score_level(cb, r.fields),
            "values": f"sum of the scores of {', '.join(r.fields)}"
            + (f"; 0 to {r.maximum:g}" if r.maximum is not None else "")
            + "; empty where any of them is not recorded",
            "source": r.source.cite(),
            "derived": "",
        }
        for r in cb.scores
    ]
    return rows


def _cell(value: object) -> object:
    """A frame value as XlsxWriter takes it: missing as an empty cell."""
    return None if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


def write_sav(frame: pd.DataFrame, cb: Codebook, path: Path) -> None:
    import pyreadstat

    out = pd.DataFrame(index=frame.index)
    value_labels: dict[str, dict[float, str]] = {}
    variable_labels = dict(STRUCTURAL_LABELS)
    for col in STRUCTURAL:
        out[col] = frame[col].map(lambda v: "" if v is None else str(v))
    out["year"] = pd.to_numeric(frame["year"], errors="coerce")
    for f in cb.fields:
        variable_labels[f.id] = f.label
        values = cb.values_of(f)
        if values:
            codes = {v.id: float(v.code) for v in values}
            out[f.id] = frame[f.id].map(lambda v, c=codes: c.get(v) if v is not None else None).astype(float)
            value_labels[f.id] = {float(v.code): v.label for v in values}
        elif f.type in ("integer", "number"):
            out[f.id] = pd.to_numeric(frame[f.id], errors="coerce")
        else:
            out[f.id] = frame[f.id].map(lambda v: "" if v is None else str(v))
    for score in cb.scores:
        if score.id in frame.columns:
            out[score.id] = pd.to_numeric(frame[score.id], errors="coerce")
            variable_labels[score.id] = score.label
    missing: dict[str, list] = {
        f.id: [float(v.code) for v in cb.values_of(f) if v.missing] for f in cb.fields
    }
    pyreadstat.write_sav(
        out,
        str(path),
        column_labels=[variable_labels.get(c, c) for c in out.columns],
        variable_value_labels=value_labels,
        missing_ranges={k: v for k, v in missing.items() if v},
    )
    _check_sav(path, len(out))


def _check_sav(path: Path, rows: int) -> None:
    """ReadStat does not report failed writes (a full disk gives a short file and no error),
    so the file is read back: its last row must be there."""
    import pyreadstat

    try:
        _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
        last, _ = pyreadstat.read_sav(str(path), row_offset=max(rows - 1, 0), row_limit=1)
        complete = meta.number_rows == rows and len(last) == min(rows, 1)
    except pyreadstat.ReadstatError:
        complete = False
    if not complete:
        raise OSError(f"the SPSS file came out incomplete ({path.stat().st_size} bytes written)")


def _score_level(cb: Codebook, fields: tuple[str, ...]) -> str:
    levels = {cb.field(f).level for f in fields}
    return levels.pop() if len(levels) == 1 else "mixed"


def _derivation_text(rule: DerivationRule) -> str:
    """The rule in words, for the variables sheet."""
    which = "all" if rule.at_least == len(rule.from_fields) else f"at least {rule.at_least}"
    return (
        f"yes when {which} of {', '.join(rule.from_fields)} are one of "
        f"{', '.join(rule.present_values)}; no when that cannot happen; else not_stated"
    )
