"""Codebook rules applied to a case frame: derived yes/no fields and total scores.

Both are driven only by the codebook data, so a user's own codebook gets them too:
- a `DerivationRule` sets a yes/no field: 'yes' when at least `at_least` of `from_fields`
  hold one of `present_values`, 'no' when that can no longer happen, else 'not_stated'
  (e.g. the toxic trio of 001 Section 5.3.1: domestic abuse, substance misuse and parental
  mental health rated high, medium or low);
- a `ScoreRule` adds a column holding the sum of each listed field's value `score` (e.g.
  the overall risk rating of 001 Section 3.4.2 / 000 Section 3.4: 13 categories, 0-39).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casereview.analysis.codes import field_codes
from casereview.codebook.model import Codebook, DerivationRule, ScoreRule
from casereview.errors import CaseReviewError


def apply_derivations(frame: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """A copy of `frame` with every derived field recomputed, in codebook rule order
    (the codebook checks put rules in dependency order)."""
    out = frame.copy()
    for rule in codebook.derivations:
        out[rule.field] = derive(out, codebook, rule)
    return out


def derive(frame: pd.DataFrame, codebook: Codebook, rule: DerivationRule) -> pd.Categorical:
    """The values of one derived yes/no field (see module docstring)."""
    _require(frame, rule.from_fields, f"derivation of {rule.field!r}")
    present = np.zeros(len(frame), dtype=np.int64)
    unknown = np.zeros(len(frame), dtype=np.int64)
    for fid in rule.from_fields:
        codes = field_codes(codebook, fid)
        col = frame[fid]
        is_present = col.isin(rule.present_values).to_numpy()
        is_unknown = (col.isna() | col.isin(list(codes.missing_ids))).to_numpy()
        present += is_present
        unknown += is_unknown
    target = field_codes(codebook, rule.field)
    yes, no, not_stated = _yes_no_ids(target.ids, rule.field)
    result = np.where(
        present >= rule.at_least, yes, np.where(present + unknown < rule.at_least, no, not_stated)
    )
    return pd.Categorical(result, categories=list(target.ids))


def _yes_no_ids(ids: tuple[str, ...], field_id: str) -> tuple[str, str, str]:
    wanted = ("yes", "no", "not_stated")
    if not all(w in ids for w in wanted):
        raise CaseReviewError(
            f"derived field {field_id!r} must have the values yes, no and not_stated; it has "
            + ", ".join(ids)
        )
    return wanted


def score_values(frame: pd.DataFrame, codebook: Codebook, rule: ScoreRule) -> pd.Series:
    """Each row's total score; NaN where any scored field is missing or 'not stated'
    (a partial sum would understate the risk, so it is left out and counted as missing)."""
    _require(frame, rule.fields, f"score {rule.id!r}")
    total = np.zeros(len(frame), dtype=float)
    for fid in rule.fields:
        codes = field_codes(codebook, fid)
        col = frame[fid]
        if not isinstance(col.dtype, pd.CategoricalDtype):
            col = pd.Series(pd.Categorical(col, categories=list(codes.ids)), index=frame.index)
        cats = list(col.cat.categories)
        lookup = np.array(
            [_score_of(codes.scores.get(c), c in codes.missing_ids) for c in cats] + [np.nan]
        )
        raw_codes = col.cat.codes.to_numpy()
        # code -1 (missing) indexes the trailing NaN
        total += lookup[np.where(raw_codes < 0, len(cats), raw_codes)]
    return pd.Series(total, index=frame.index, name=rule.id)


def _score_of(score: float | None, missing: bool) -> float:
    if missing or score is None:
        return np.nan
    return float(score)


def add_scores(frame: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """A copy of `frame` with one column per score rule (named after the rule id)."""
    out = frame.copy()
    for rule in codebook.scores:
        if all(f in out.columns for f in rule.fields):
            out[rule.id] = score_values(out, codebook, rule)
    return out


def score_rule(codebook: Codebook, score_id: str | None = None) -> ScoreRule:
    """A codebook's score rule by id (the only one when `score_id` is None)."""
    if score_id is None and len(codebook.scores) == 1:
        return codebook.scores[0]
    for rule in codebook.scores:
        if rule.id == score_id:
            return rule
    raise CaseReviewError(
        f"codebook {codebook.key} has no score rule {score_id!r}; rules: "
        + (", ".join(r.id for r in codebook.scores) or "none")
    )


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    absent = [c for c in columns if c not in frame.columns]
    if absent:
        raise CaseReviewError(f"{what} needs the columns {', '.join(absent)}, which the data lacks")
