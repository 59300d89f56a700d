"""The prose of the Cafcass study report: opening paragraphs and key observations.

Every number in a sentence is read from a finished table (after suppression) through
`reports.observations`; a sentence whose number is hidden or absent is simply not written.
The wording follows the key observations of 000 and 001 (e.g. 001 Section 5.3.2: "Domestic
abuse was the most common risk factor ... present at varied risk levels in 71% of the SCRs").
"""

from __future__ import annotations

from collections.abc import Iterator

from casereview.analysis.table import ResultTable
from casereview.numbers import fmt_number, percent
from casereview.reports.context import ReportData
from casereview.reports.layout import Tables
from casereview.reports.observations import (
    Share,
    cell,
    join,
    lower_first,
    number,
    pct,
    ranked,
    top,
    value,
)

ALL = "All case types"


def title(d: ReportData) -> str:
    return d.codebook.title.split(" (")[0]


def part(t: ResultTable | None, row: str, col: object = None) -> Share | None:
    """A cell with its share of the column total (for tables printed without percentages)."""
    if t is None:
        return None
    col = t.col_total if col is None and t.col_total is not None else col
    s = cell(t, row, col)
    whole = cell(t, t.row_total, col) if t.row_total is not None else None
    if s is None or whole is None or not whole.count:
        return None
    return Share(s.label, s.count, s.count / whole.count * 100, int(whole.count), s.unit)


def introduction(d: ReportData) -> Iterator[str]:
    c = d.cohort
    pooled = f", pooled across {len(c.studies)} studies" if d.several_studies else ""
    years = f" ({c.years})" if c.years else ""
    yield (
        f"This report presents data on {c.reviews} reviews concerning {c.children} children{pooled}{years}. "
        f"Each review was coded against the {title(d)} framework: the child and "
        "family, the index incident, Cafcass' involvement and the risk factors known before the incident."
    )
    yield (
        "Tables count cases (reviews) or children, as each note says. Risk ratings relate to the case "
        "rather than the suspected perpetrator; a rating of zero means that no risk of that type was "
        "indicated in the information available, not that it was absent (000 Appendix A; 001 Section 2)."
    )


def case_details(t: Tables, d: ReportData) -> Iterator[str]:
    law = t.get("law_type")
    if law is not None:
        members = {m for ms in law.groups.values() for m in ms}
        tops = [r for r in law.data.index if r != law.row_total and r not in members]
        shown = [s for s in (cell(law, r) for r in tops) if s is not None]
        if len(shown) > 1:
            text = join(
                [f"{lower_first(s.label.removeprefix('Total '))} {s.stated}" for s in shown]
            )
            yield f"By law type, the cases were: {text}."
    inv = t.get("involvement")
    now = part(inv, "At the time of the incident")
    if now is not None:
        yield (f"Cafcass was involved with the child at the time of the incident in {now.stated}.")
    model = top(t.get("scr_model"))
    if model is not None:
        yield f"The {lower_first(model.label)} model was the most common type of review: {model.stated}."


def children(t: Tables, d: ReportData) -> Iterator[str]:
    ag = t.get("age_gender")
    if ag is None:
        return
    girls, boys = cell(ag, "Total", "Female"), cell(ag, "Total", "Male")
    whole = cell(ag, "Total", "Total")
    if girls and boys and whole:
        yield (
            f"{girls.n} of the {whole.n} children ({pct(percent(girls.count, whole.count))}) were "
            f"girls and {boys.n} of {whole.n} ({pct(percent(boys.count, whole.count))}) boys."
        )
    gender = t.get("gender_by_study")
    if gender is not None and gender.col_total and len(gender.data.columns) > 2:
        found = [(cell(gender, "Female", c), c) for c in gender.body.columns]
        shares = [(s, c) for s, c in found if s is not None and s.percent is not None and s.of]
        if len(shares) == len(found) and shares:
            low = min(shares, key=lambda sc: sc[0].percent or 0)
            high = max(shares, key=lambda sc: sc[0].percent or 0)
            yield (
                f"Girls made up between {low[0].pct} ({low[0].n_of} in {low[1]}) and "
                f"{high[0].pct} ({high[0].n_of} in {high[1]}) of the children in each study."
            )
    band = top(ag, "Total", exclude=("Unknown",))
    if band is not None:
        yield f"The largest age group was children aged {band.label.lower()}: {band.stated}."


def incidents(t: Tables, d: ReportData) -> Iterator[str]:
    fatal = cell(t.get("incident_fatal"), "Yes")
    if fatal is not None:
        yield f"{fatal.pct} of the index incidents involved the death of a child ({fatal.n_of})."
    by_law = t.get("incident_by_law")
    most = top(by_law, by_law.col_total if by_law is not None else None) if by_law else None
    if most is not None and by_law is not None:
        share = part(by_law, most.label)
        if share is not None:
            yield (f"{most.label} was the most common index incident: {share.stated}.")
    trend = t.get("incident_trend")
    if trend is not None and trend.percent is not None and len(trend.body.columns) > 1:
        first, last = trend.body.columns[0], trend.body.columns[-1]
        changes = []
        for row in trend.body.index:
            a, b = cell(trend, row, first), cell(trend, row, last)
            if a and b and a.percent is not None and b.percent is not None:
                changes.append((b.percent - a.percent, row, a, b))
        if changes:
            delta, row, a, b = max(changes, key=lambda c: abs(c[0]))
            if abs(delta) >= 10:
                way = "rose" if delta > 0 else "fell"
                yield (
                    f"The share of {lower_first(str(row))} incidents {way} from {a.stated} in the {first} "
                    f"study to {b.stated} in the {last} study."
                )


def risk(t: Tables, d: ReportData) -> Iterator[str]:
    order = ranked(t.get("risk_presence"), exclude=("Other",))
    if order:
        first = order[0]
        tie = len(order) > 1 and order[1].count == first.count
        if not tie:
            yield (f"{first.label} was the most common risk factor, present in {first.stated}.")
        rest = [f"{lower_first(s.label)} ({s.stated_inline})" for s in order[(0 if tie else 1) : 3]]
        if rest:
            yield (
                f"The next most common were {join(rest)}."
                if not tie
                else f"The most common risk factors were {join(rest)}."
            )
    scores = t.get("score_by_law")
    if scores is not None:
        col = scores.col_total or scores.data.columns[0]
        overall = value(scores, ALL, col)
        maximum = scores.extra.get("maximum")
        if overall is not None:
            of_max = f" out of a possible {number(maximum)}" if maximum else ""
            yield f"The average risk rating was {fmt_number(overall, 1)}{of_max}."
        found = [(g, value(scores, g, col)) for g in scores.groups]
        groups = [(g, v) for g, v in found if v is not None]
        if len(groups) >= 2:
            groups.sort(key=lambda gv: -gv[1])
            text = join(
                [f"{lower_first(g.removeprefix('Total '))} {fmt_number(v, 1)}" for g, v in groups]
            )
            yield f"Average ratings by law type: {text}."
    spread = t.get("score_spread")
    lo, hi = value(spread, ALL, "Minimum"), value(spread, ALL, "Maximum")
    if lo is not None and hi is not None:
        yield f"Risk ratings ranged from {number(lo)} to {number(hi)}."
    da = t.get("da_by_law")
    high, whole = cell(da, "High", "Total"), cell(da, "Total", "Total")
    if high and whole and whole.count:
        yield (
            f"Domestic abuse was rated high risk in {high.n} of the {whole.n} cases in which it featured "
            f"({pct(percent(high.count, whole.count))})."
        )


def source_of_harm(t: Tables, d: ReportData) -> Iterator[str]:
    perp = t.get("perpetrator")
    if perp is not None:
        members = {m for ms in perp.groups.values() for m in ms}
        leaf = top(perp, exclude=tuple(str(r) for r in perp.data.index if r not in members))
        if leaf is not None:
            yield (
                f"{leaf.label} was most often the suspected perpetrator of the index incident "
                f"({leaf.stated_inline})."
            )
    familial = cell(t.get("perpetrator_group"), "Familial")
    if familial is not None:
        yield (
            f"{familial.pct} of incidents ({familial.n_of}) were known or thought to "
            "have been perpetrated by parents "
            "or other family members."
        )
    da = t.get("da_perpetrator")
    most = top(da, da.col_total) if da is not None and da.col_total else None
    if most is not None:
        share = part(da, most.label)
        if share is not None:
            yield (
                f"Where domestic abuse featured, the alleged perpetrator was most often "
                f"{lower_first(most.label)} ({share.stated_inline})."
            )


def trio_intro(d: ReportData) -> Iterator[str]:
    yield (
        "The cumulative risk of harm when domestic abuse, substance misuse and parental mental health "
        "problems co-exist (the 'toxic trio') is well known in social work practice (001 Section 5.3.1). "
        "A factor counts as present when it was rated high, medium or low."
    )


def toxic_trio(t: Tables, d: ReportData) -> Iterator[str]:
    s = t.get("toxic_trio_summary")
    if s is None:
        return
    every = next((cell(s, r) for r in s.data.index if str(r).startswith("All")), None)
    any_ = cell(s, "At least one")
    none = cell(s, "None")
    if every is not None:
        yield (f"{every.pct} of cases ({every.n_of}) involved all three 'toxic trio' risk factors.")
    if any_ is not None:
        yield f"At least one of the three was present in {any_.stated}."
    if none is not None:
        yield f"{none.n} cases featured none of the three."


def characteristics(t: Tables, d: ReportData) -> Iterator[str]:
    parents = t.get("parents_age")
    mothers, fathers = cell(parents, "Under 21", "Mothers"), cell(parents, "Under 21", "Fathers")
    if mothers is not None and fathers is not None:
        yield (
            f"{mothers.pct} of mothers ({mothers.n_of}) were under 21 at the birth of "
            f"their first child, compared with {fathers.pct} of fathers ({fathers.n_of})."
        )
    older = cell(parents, "Over 30", "Fathers"), cell(parents, "Over 30", "Mothers")
    if older[0] is not None and older[1] is not None:
        yield (
            f"{older[0].pct} of fathers ({older[0].n_of}) were over 30 at the birth of "
            f"their first child, compared with {older[1].pct} of mothers ({older[1].n_of})."
        )
    means = [
        (who, value(t.get(key), "All", "Mean"))
        for who, key in (("mothers", "mother_age"), ("fathers", "father_age"))
    ]
    known = [(who, m) for who, m in means if m is not None]
    if known:
        yield (
            "The average (mean) age at the birth of the first child was "
            + join([f"{fmt_number(m, 0)} for {who}" for who, m in known])
            + "."
        )


def summary(t: Tables, d: ReportData) -> Iterator[str]:
    """Key findings for the front of the report: the first observation of each theme."""
    for writer in (incidents, risk, toxic_trio, source_of_harm, characteristics):
        first = next(iter(writer(t, d)), None)
        if first is not None:
            yield first
