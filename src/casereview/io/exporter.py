"""Exporting the register as a wide case table: CSV, Excel (.xlsx) or SPSS (.sav).

SPSS files carry the codebook: categorical values as their numeric codes with value
labels, and every column with its variable label, so SPSS users see what they expect.

Every derived variable of the codebook is written with the coded ones, computed by the
codebook's own rules (`analysis.derive`): derived yes/no fields (the toxic trio, the neglect
protocol of 002 Appendix C) and total scores (the 0-39 overall risk rating of 001 Table 5),
so a published figure can be rebuilt from the export alone in SPSS, R or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from casereview.codebook.model import Codebook, DerivationRule
from casereview.codebook.registry import CodebookRegistry, default_registry
from casereview.errors import CaseReviewError
from casereview.io.layout import STRUCTURAL, STRUCTURAL_LABELS
from casereview.store.database import Store
from casereview.store.frames import case_table

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
    codebook: str,
    *,
    study: str | None = None,
    labels: bool = False,
    registry: CodebookRegistry | None = None,
) -> ExportReport:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CaseReviewError(f"{path}: unsupported export format {suffix or '(none)'}; use {', '.join(FORMATS)}")
    cb = (registry or default_registry()).get(codebook)
    frame = case_table(store, cb, study)
    if not frame.empty:
        frame = with_derived(frame, cb)
    if frame.empty:
        raise CaseReviewError(f"nothing to export: no review is coded against {cb.key}" + (f" in study {study!r}" if study else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".sav":
        write_sav(frame, cb, path)
    else:
        out = with_labels(frame, cb) if labels else frame
        if suffix == ".csv":
            out.to_csv(path, index=False)
        else:
            write_xlsx(out, cb, path)
    return ExportReport(str(path), cb.key, len(frame), len(frame.columns))


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


def write_xlsx(frame: pd.DataFrame, cb: Codebook, path: Path) -> None:
    variables = pd.DataFrame(
        [
            {
                "variable": f.id,
                "label": f.label,
                "type": f.type,
                "level": f.level,
                "values": "; ".join(f"{v.code} = {v.id} ({v.label})" for v in cb.values_of(f)),
                "source": f.source.cite(),
            }
            for f in cb.fields
        ]
        + [
            {
                "variable": r.id,
                "label": r.label,
                "type": "score",
                "level": _score_level(cb, r.fields),
                "values": f"sum of the scores of {', '.join(r.fields)}"
                + (f"; 0 to {r.maximum:g}" if r.maximum is not None else "")
                + "; empty where any of them is not recorded",
                "source": r.source.cite(),
            }
            for r in cb.scores
        ]
    )
    derived = {r.field: r for r in cb.derivations}
    variables["derived"] = [
        _derivation_text(derived[v]) if v in derived else "" for v in variables["variable"]
    ]
    with pd.ExcelWriter(path, engine="xlsxwriter") as xl:
        frame.to_excel(xl, sheet_name="cases", index=False)
        variables.to_excel(xl, sheet_name="variables", index=False)


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
