"""The comparison section (`--compare REFERENCE`): the cohort against published figures.

REFERENCE names figures of the analysis layer's reference library: one figure id
(`triennial_2011_14_domestic_abuse`), a set by its source and years (`triennial-2011-14`,
`national-2008-09`, `cafcass-2009-16`), or `all`. Only figures that can be counted in the
cohort's codebook are used. Each row gives the cohort's count and percentage with a Wilson
95% interval, the published figure, the test that fits what was published and its p-value
(`analysis.reference.compare_cohort`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from casereview.analysis.reference import ReferenceFigure, compare_cohort, for_codebook, library
from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError
from casereview.numbers import fmt_ci, fmt_p, fmt_pct, percent, round_half_up
from casereview.reports.context import ReportData
from casereview.reports.layout import ExhibitSpec, SectionSpec, Tables
from casereview.reports.observations import lower_first, pct


def group_of(figure_id: str) -> str:
    """'triennial_2011_14_domestic_abuse' -> 'triennial-2011-14' (source name and years)."""
    tokens = figure_id.split("_")
    n = 1
    while n < len(tokens) and tokens[n].isdigit():
        n += 1
    return "-".join(tokens[:n])


def select_references(name: str, codebook_id: str) -> list[ReferenceFigure]:
    usable = for_codebook(codebook_id)
    key = name.strip().lower()
    if key == "all":
        chosen = usable
    elif key in library():
        chosen = [f for f in usable if f.id == key]
        if not chosen:
            raise CaseReviewError(
                f"reference figure {name!r} cannot be counted in a cohort coded with {codebook_id}"
            )
    else:
        chosen = [f for f in usable if group_of(f.id) == key.replace("_", "-")]
    if not chosen:
        groups = sorted({group_of(f.id) for f in usable})
        raise CaseReviewError(
            f"no reference figures {name!r} for codebook {codebook_id}; use 'all', a figure id or "
            f"one of: {', '.join(groups) or 'none'}"
        )
    return chosen


def comparison_view(table: ResultTable) -> pd.DataFrame:
    """The comparison printed for readers: cohort n/N (%), its 95% interval, the published
    figure, the difference, the test and p. Suppressed cohort numbers show their marker."""
    d = table.data
    rows = {}
    for label in d.index:
        r = d.loc[label]
        hidden = table.is_suppressed(label, "Cohort %") if "Cohort %" in d.columns else False
        marker = table.marker(label, "Cohort %") if hidden else ""
        is_prop = pd.notna(r.get("Reference %"))
        if not is_prop:
            cohort, ci, ref, diff = (
                f"{int(r['Cohort total'])} cases",
                "\u2013",
                "distribution",
                "\u2013",
            )
        elif hidden:
            cohort, ci, ref, diff = marker, marker, fmt_pct(r["Reference %"]), marker
        else:
            n, total = int(r["Cohort n"]), int(r["Cohort total"])
            cohort = f"{n} of {total} ({fmt_pct(percent(n, total))})"
            ci = fmt_ci(r["95% CI low"], r["95% CI high"])
            published = fmt_pct(r["Reference %"])
            if pd.notna(r.get("Reference n")) and pd.notna(r.get("Reference total")):
                published += f" ({int(r['Reference n'])} of {int(r['Reference total'])})"
            ref = published
            gap = round_half_up(r["Cohort %"] - r["Reference %"])
            diff = f"{'+' if gap >= 0 else ''}{gap} points"
        rows[re.sub(r"\s*\[[^\]]+\]$", "", str(label))] = {
            "This cohort": cohort,
            "95% CI": ci,
            "Published": ref,
            "Difference": diff,
            "Test": str(r["Test"]),
            "p": fmt_p(r["p"]),
            "Source": str(r["Source"]),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def comparison_section(name: str, data: ReportData) -> SectionSpec:
    refs = select_references(name, data.codebook.id)

    def make(d: ReportData) -> ResultTable | None:
        return compare_cohort(
            d.cases,
            d.codebook,
            [r.id for r in refs],
            title=f"Comparison with published figures ({name})",
        )

    def intro(d: ReportData) -> Iterator[str]:
        populations = sorted({r.population for r in refs})
        yield (
            f"This section sets the cohort against {len(refs)} published figure"
            f"{'s' if len(refs) != 1 else ''} ({name}), from: {'; '.join(populations)}. "
            "The populations differ from this cohort in how and when cases were selected, so a "
            "difference is a question to explore, not a finding in itself."
        )

    return SectionSpec(
        "comparison",
        "Comparison with published figures",
        (ExhibitSpec("comparison", "table", make, row_header="Figure", percent=False),),
        intro=intro,
        observe=observe,
    )


def observe(t: Tables, d: ReportData) -> Iterator[str]:
    table = t.get("comparison")
    if table is None:
        return
    for c in table.extra.get("comparisons", ()):
        ref = c.reference
        label = f"{ref.label} [{ref.id}]"
        if ref.kind != "proportion" or label not in table.data.index:
            continue
        if table.is_suppressed(label, "Cohort %"):
            continue
        p = fmt_p(c.test.p_value)
        p_text = f"p {p}" if p.startswith("<") else f"p = {p}"
        here, there = pct(c.proportion * 100), pct(ref.proportion * 100)
        population = lower_first(ref.population)
        if c.test.p_value < 0.05:
            way = "higher" if c.difference > 0 else "lower"
            yield (
                f"{ref.label}: {here} in this cohort, {way} than the {there} in {population} "
                f"({lower_first(c.test.method)}, {p_text})."
            )
        else:
            yield (
                f"{ref.label}: {here} in this cohort against {there} in {population} ({p_text}); "
                "the difference could be chance."
            )
