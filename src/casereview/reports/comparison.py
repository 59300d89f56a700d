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
    figure with its n/N, the difference, the test, p and the Holm-adjusted p. Suppressed
    cohort numbers show their marker."""
    d = table.data
    rows = {}
    for label in d.index:
        r = d.loc[label]
        hidden = table.is_suppressed(label, "Cohort %") if "Cohort %" in d.columns else False
        marker = table.marker(label, "Cohort %") if hidden else ""
        is_prop = pd.notna(r.get("Reference %"))
        published = _published(r) if is_prop else "distribution"
        if not is_prop:
            cohort, ci, diff = f"{int(r['Cohort total'])} cases", "\u2013", "\u2013"
        elif hidden:
            cohort, ci, diff = marker, marker, marker
        else:
            n, total = int(r["Cohort n"]), int(r["Cohort total"])
            cohort = f"{n} of {total} ({fmt_pct(percent(n, total))})"
            ci = fmt_ci(r["95% CI low"], r["95% CI high"])
            gap = round_half_up(r["Cohort %"] - r["Reference %"])
            diff = f"{'+' if gap > 0 else ''}{gap} points"
        rows[_plain_label(label)] = {
            "This cohort": cohort,
            "95% CI": ci,
            "Published": published,
            "Difference": diff,
            "Test": str(r["Test"]),
            "p": fmt_p(r["p"]),
            "p (Holm)": fmt_p(r.get("p (Holm)")),
            "Source": str(r["Source"]),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def _method(name: str) -> str:
    """A test's name mid-sentence: 'exact binomial test', but 'Pearson chi-square test'."""
    return name if name.startswith(("Pearson", "Fisher", "Cochran")) else lower_first(name)


def _plain_label(label: object) -> str:
    """The row label without its figure id ('Neglect [triennial_2014_17_neglect]' -> 'Neglect')."""
    return re.sub(r"\s*\[[^\]]+\]$", "", str(label))


def _published(r: pd.Series) -> str:
    """'59% (164 of 278)'; a count rebuilt from the percentage and its denominator is marked
    'about', since the document printed only the percentage."""
    text = fmt_pct(r["Reference %"])
    if pd.notna(r.get("Reference n")) and pd.notna(r.get("Reference total")):
        about = "about " if bool(r.get("Reference n derived")) else ""
        text += f" ({about}{int(r['Reference n'])} of {int(r['Reference total'])})"
    return text


def comparison_section(name: str, data: ReportData) -> SectionSpec:
    refs = select_references(name, data.codebook.id)

    def make(d: ReportData) -> ResultTable | None:
        return compare_cohort(
            d.cases,
            d.codebook,
            [r.id for r in refs],
            title="Comparison with published figures",
        )

    def intro(d: ReportData) -> Iterator[str]:
        populations = sorted({r.population for r in refs})
        documents = "; ".join(dict.fromkeys(r.document for r in refs))
        yield (
            f"This section sets the cohort against {len(refs)} published figure"
            f"{'s' if len(refs) != 1 else ''} ({documents}), from: {'; '.join(populations)}. "
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
        p = c.adjusted_p if c.adjusted_p is not None else c.test.p_value
        p_text = (
            f"Holm-adjusted p {fmt_p(p)}"
            if fmt_p(p).startswith("<")
            else (f"Holm-adjusted p = {fmt_p(p)}")
        )
        here = f"{pct(percent(c.count, c.n))} ({c.count} of {c.n})"
        published = ref.published_count
        there = pct(ref.proportion * 100)
        if published is not None:
            about = "about " if published[2] else ""
            there += f" ({about}{published[0]} of {published[1]})"
        population = lower_first(ref.population)
        if p < 0.05:
            way = "higher" if c.difference > 0 else "lower"
            yield (
                f"{ref.label}: {here} in this cohort, {way} than the {there} in {population} "
                f"({_method(c.test.method)}, {p_text})."
            )
        else:
            yield (
                f"{ref.label}: {here} in this cohort against {there} in {population} ({p_text}); "
                "the difference could be chance."
            )
