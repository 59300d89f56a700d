"""Learning themes and practice points from the coded learning text of reviews.

The learning text is what coders recorded as a review's key lessons (a free-text field of
the cohort's codebook whose id or label speaks of lessons or learning, e.g. the Triennial
codebook's `key_lessons`, 002 Appendix J). Each sentence is placed under the learning
themes of 002 Appendix H (the `learning-themes` codebook) by the phrases in `themes.yaml`.
A theme is present in a review when one of its sentences falls under it; practice points
are the sentences that most reviews share, one per leading theme, as the Knowledge Bite
(003) draws its 'practice points' from the national learning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

from casereview.analysis.table import ChartHint, ResultTable
from casereview.codebook.model import Codebook
from casereview.codebook.registry import CodebookRegistry

THEMES_CODEBOOK = "learning-themes"
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"'‘“(])")
_PRACTICE_WORDS = re.compile(
    r"\b(should|must|need to|needs to|ensure|always|never|remember)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class ThemeRule:
    id: str
    label: str
    group: str
    national: int | None  # frequency noted by survey respondents, 002 Appendix H
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PracticePoint:
    text: str
    reviews: int | None  # reviews whose learning text says it (None when suppressed)
    shown: str  # the count as printed ("14 reviews", or "fewer than 5 reviews" when suppressed)


@dataclass(frozen=True)
class ThemePoints:
    """A leading theme with the practice points drawn from it."""

    theme: str
    group: str
    shown: str  # reviews raising the theme, as printed
    percent: float | None
    national: int | None  # 002 Appendix H frequency
    points: tuple[PracticePoint, ...]


@dataclass(frozen=True)
class Learning:
    field_labels: tuple[str, ...]
    reviews_with_text: int
    themes: ResultTable  # reviews per theme present, largest first
    leading: tuple[ThemePoints, ...]

    @property
    def points(self) -> tuple[PracticePoint, ...]:
        return tuple(p for t in self.leading for p in t.points)


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    parts = []
    for p in phrases:
        words = [re.escape(w).replace(r"\*", r"\w*") for w in p.lower().split()]
        parts.append(r"\b" + r"\s+".join(words) + (r"\b" if not p.endswith("*") else ""))
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=4)
def _phrases() -> dict[str, list[str]]:
    text = resources.files("casereview.reports").joinpath("themes.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def theme_rules(registry: CodebookRegistry) -> tuple[ThemeRule, ...]:
    """One rule per topic of the learning-themes codebook, in codebook order."""
    themes = registry.get(THEMES_CODEBOOK)
    phrases = _phrases()
    rules = []
    for f in themes.fields:
        if f.type != "yes_no" or f.id not in phrases:
            continue
        note = re.fullmatch(r"Frequency (\d+)", f.source.note or "")
        rules.append(
            ThemeRule(
                f.id,
                f.label,
                f.group or "",
                int(note.group(1)) if note else None,
                _phrase_regex(phrases[f.id]),
            )
        )
    return tuple(rules)


def learning_fields(codebook: Codebook) -> tuple[str, ...]:
    """The free-text fields that hold a review's learning (key lessons, learning points)."""
    return tuple(
        f.id
        for f in codebook.fields
        if f.type == "text" and re.search(r"lesson|learning", f"{f.id} {f.label}", re.IGNORECASE)
    )


def sentences(text: str) -> list[str]:
    out = []
    for s in _SENTENCE_END.split(" ".join(text.split())):
        s = s.strip().rstrip(";").strip()
        if len(s) >= 12:
            out.append(s if s.endswith((".", "!", "?")) else s + ".")
    return out


def learning_from(
    reviews: pd.DataFrame,
    codebook: Codebook,
    rules: tuple[ThemeRule, ...],
    *,
    suppress_below: int | None = None,
    suppress: Callable[[ResultTable], ResultTable] | None = None,
    max_themes: int = 6,
    per_theme: int = 2,
    budget: int = 1500,
) -> Learning | None:
    """Themes and practice points of the reviews' learning text; None when none is coded."""
    fields = [f for f in learning_fields(codebook) if f in reviews.columns]
    if not fields:
        return None
    per_review: dict[str, set[str]] = {}
    for _, row in reviews[["review_id", *fields]].iterrows():
        said = {s for f in fields if isinstance(row[f], str) for s in sentences(row[f])}
        if said:
            per_review[str(row["review_id"])] = said
    if not per_review:
        return None
    said_by = Counter(s for ss in per_review.values() for s in ss)
    themes_of = {s: _themes(s, rules) for s in said_by}
    theme_reviews: Counter[str] = Counter()
    for ss in per_review.values():
        theme_reviews.update({t for s in ss for t in themes_of[s]})
    n = len(per_review)
    table = _theme_table(rules, theme_reviews, n)
    if suppress is not None:
        table = suppress(table)
    leading = _leading(
        rules, table, said_by, themes_of, suppress_below, max_themes, per_theme, budget
    )
    labels = tuple(codebook.field(f).label for f in fields)
    return Learning(labels, n, table, leading)


def _themes(sentence: str, rules: tuple[ThemeRule, ...]) -> tuple[str, ...]:
    """The themes a sentence falls under, the one named first in the sentence first (its
    primary theme: 'Disguised compliance ... must be challenged' is about disguised
    compliance before it is about challenge)."""
    found = []
    for r in rules:
        m = r.pattern.search(sentence)
        if m:
            found.append((m.start(), r.id))
    return tuple(t for _, t in sorted(found))


def _theme_table(rules: tuple[ThemeRule, ...], counts: Counter[str], n: int) -> ResultTable:
    present = sorted((r for r in rules if counts[r.id]), key=lambda r: -counts[r.id])
    data = pd.DataFrame(
        {"n": [counts[r.id] for r in present]}, index=[r.label for r in present], dtype=np.int64
    )
    return ResultTable(
        id="learning_themes",
        title="Learning themes in the reviews' key lessons",
        data=data,
        unit="reviews",
        denominator=n,
        kind="multi",
        percent=data / n * 100 if n else data * np.nan,
        percent_basis="total",
        notes=(
            f"Percentages are of the {n} reviews with learning text; a review can touch several themes.",
        ),
        source="002 Appendix H",
        chart=ChartHint(kind="bar", horizontal=True),
        keys={r.label: r.id for r in present},
        extra={
            "groups": {r.label: r.group for r in present},
            "national": {r.label: r.national for r in present},
        },
    )


def _count(k: int, suppress_below: int | None) -> tuple[int | None, str]:
    if suppress_below is not None and 0 < k < suppress_below:
        return None, f"fewer than {suppress_below} reviews"
    return k, f"{k} review{'s' if k != 1 else ''}"


def _leading(
    rules: tuple[ThemeRule, ...],
    table: ResultTable,
    said_by: Counter[str],
    themes_of: dict[str, tuple[str, ...]],
    suppress_below: int | None,
    max_themes: int,
    per_theme: int,
    budget: int,
) -> tuple[ThemePoints, ...]:
    """The most raised themes, each with the sentences most reviews share whose primary
    theme it is, within a length budget so that the briefing keeps to two pages."""
    rule = {r.id: r for r in rules}
    shown = table.display(percent=False)
    used: set[str] = set()
    out: list[ThemePoints] = []
    # Most widely shared first; then sentences that tell a practitioner what to do; then brevity.
    order = sorted(said_by, key=lambda s: (-said_by[s], not _PRACTICE_WORDS.search(s), len(s)))
    for label in table.data.index:
        theme = table.keys[label]
        primary = [s for s in order if s not in used and themes_of[s][:1] == (theme,)]
        points = []
        for s in primary[:per_theme]:
            if budget - len(s) < 0:
                break
            budget -= len(s)
            used.add(s)
            points.append(PracticePoint(s, *_count(said_by[s], suppress_below)))
        if not points:
            continue
        pct = (
            None
            if table.is_suppressed(label, "n") or table.percent is None
            else float(table.percent.at[label, "n"])
        )
        out.append(
            ThemePoints(
                str(label),
                rule[theme].group,
                str(shown.at[label, "n"]) + " reviews",
                pct,
                rule[theme].national,
                tuple(points),
            )
        )
        if len(out) == max_themes:
            break
    return tuple(out)
