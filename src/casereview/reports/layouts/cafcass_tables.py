"""The exhibits of the Cafcass study report that are not plain standard tables: standard
tables adjusted for print (titles, the risk scale's level names, parents' ages over the
studies that recorded them) and the cuts 001 draws as figures (001 Figures 1 and 4)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from casereview.analysis.bands import CHILD_AGE_000, PARENT_AGE_001, band_table
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.members import Members, of_table
from casereview.analysis.table import ChartHint, ResultTable
from casereview.reports.context import ReportData

INCIDENT_GROUPS = {
    "Death \u2013 direct maltreatment": ["physical_abuse_fatal", "homicide", "death_direct"],
    "Death \u2013 other": ["neglect_fatal", "co_sleeping", "death_other", "death"],
    "Serious harm": [
        "physical_abuse_non_fatal",
        "neglect_non_fatal",
        "sexual_abuse",
        "serious_harm",
    ],
    "Other": ["suicide", "drug_overdose", "other", "other_incident"],
}
PARENT_COLUMNS = {
    "Mother's age at birth of first child": "Mothers",
    "Father's age at birth of first child": "Fathers",
}
Adjust = Callable[[ResultTable, ReportData], ResultTable]


def catalogue(table_id: str, adjust: Adjust | None = None):  # type: ignore[no-untyped-def]
    """An exhibit drawn from the standard table `table_id`, optionally adjusted."""

    def make(d: ReportData) -> ResultTable | None:
        t = d.catalogue.get(table_id)
        if t is None:
            return None
        return adjust(t, d) if adjust else t

    return make


def studies_table(d: ReportData) -> ResultTable | None:
    if not d.several_studies:
        return None
    reviews = frequency(d.cases, None, "study", unit="reviews", table_id="reviews_by_study")
    children = frequency(d.cases, None, "study", unit="children", table_id="children_by_study")
    both = reviews.data.rename(columns={"n": "Reviews"})
    both["Children"] = children.data["n"].reindex(both.index).fillna(0).astype(int)
    return reviews.replace(
        extra={**reviews.extra, "members": _study_members(reviews, children)},
        data=both,
        percent=None,
        percent_basis=None,
        kind="crosstab",
        col_total=None,
        title="Number of reviews and children per study",
        source="001 Table 1; 001 Section 1.1",
        notes=(),
        chart=None,
    )


def _study_members(reviews: ResultTable, children: ResultTable) -> tuple[Members, ...]:
    """Reviews in the first column, children in the second (analysis.members)."""
    out = []
    for j, t in enumerate((reviews, children)):
        for m in of_table(t.extra):
            rows = list(t.data.index)
            cells = {
                (reviews.data.index.get_loc(r), j): m.rows[rows.index(r)] & m.cols[0]
                for r in reviews.data.index
                if r in rows
            }
            out.append(Members(m.unit, m.ids, cells=cells, columns=frozenset({j})))
    return tuple(out)


def age_gender(d: ReportData) -> ResultTable | None:
    if not d.has("child_age", "child_gender"):
        return None
    return band_table(
        d.cases,
        d.codebook,
        "child_age",
        CHILD_AGE_000,
        by="child_gender",
        percent="column",
        table_id="age_by_gender",
        source="001 Figures 1 and 7",
        title="Age and gender of children at the time of the incident",
    )


def incident_groups(d: ReportData) -> ResultTable | None:
    if not (d.has("incident_type") and d.several_studies):
        return None
    t = crosstab(
        d.cases,
        d.codebook,
        "incident_type",
        "study",
        row_values=INCIDENT_GROUPS,
        kind="trend",
        table_id="incident_groups_by_study",
        source="001 Figure 4",
        title="Index incident type per study",
    )
    return t.replace(chart=ChartHint(kind="grouped_bar", x_label="Index incident type"))


def incident_fatal(d: ReportData) -> ResultTable | None:
    if not d.has("incident_fatal"):
        return None
    return frequency(
        d.cases,
        d.codebook,
        "incident_fatal",
        table_id="incident_fatal",
        title="Index incidents involving the death of a child",
        source="000 Section 5.2",
    )


def risk_scale(t: ResultTable, d: ReportData) -> ResultTable:
    """Level columns named as the risk scale names them (high / medium / low / none),
    not by the child protection plan's values, with 000 Chart 2's note on what they mean."""
    scale = {
        v.score: v.label for v in d.codebook.values_of(d.codebook.field("risk_domestic_abuse"))
    }
    names: dict[str, str] = {}
    for fid in d.codebook.scores[0].fields if d.codebook.scores else ():
        for v in d.codebook.values_of(d.codebook.field(fid)):
            if v.score in scale and v.label != scale[v.score]:
                names[v.label] = scale[v.score]
    rename = {c: names.get(c, c) for c in t.data.columns}
    hint = t.chart
    if hint is not None:
        hint = dataclasses.replace(hint, exclude=tuple(rename.get(c, c) for c in hint.exclude))
    return t.replace(
        data=t.data.rename(columns=rename),
        percent=None if t.percent is None else t.percent.rename(columns=rename),
        chart=hint,
        notes=(
            *t.notes,
            (
                "For the child protection plan, high and medium stand for a plan at the time "
                "of the index incident and a plan before it; it has no low value (000 Chart 2 note)."
            ),
        ),
    )


def titled(title: str) -> Adjust:
    return lambda t, d: t.replace(title=title)


def risk_levels_for(law: str, chart: str) -> Adjust:
    def adjust(t: ResultTable, d: ReportData) -> ResultTable:
        t = risk_scale(t, d)
        return t.replace(title=f"Risk types in {law} law cases (number of cases = {t.denominator})")

    return adjust


def all_risk_levels(t: ResultTable, d: ReportData) -> ResultTable:
    t = risk_scale(t, d)
    return t.replace(title=f"Risk types and levels for cases (number of cases = {t.denominator})")


def parents_age(d: ReportData) -> ResultTable | None:
    """001 Table 13: parents' ages were collected from the 2014 study on (its footnote 32), so
    reviews of studies that recorded no parent's age at all are left out of the table."""
    ages = ["mother_age_first_birth", "father_age_first_birth"]
    if not any(d.has(a) for a in ages):
        return None
    cases = d.cases
    recorded = cases[ages].notna().any(axis=1)
    studies = set(cases.loc[recorded, "study"].dropna().astype(str))
    keep = cases["study"].astype(str).isin(studies) | cases["study"].isna()
    scope = cases[keep]
    t = band_table(
        scope,
        d.codebook,
        ages,
        PARENT_AGE_001,
        unit="reviews",
        table_id="parent_age_first_birth",
        title="Age profile of mothers and fathers at birth of first child",
        source="001 Tables 4 and 13",
    )
    n = int(scope["review_id"].nunique())
    left_out = d.cohort.reviews - n
    notes = [
        (
            f"Counted per review: the mother's and the father's age in each of {n} reviews, "
            "'Unknown' where it was not recorded; percentages are of each column."
        )
    ]
    if left_out:
        notes.append(
            f"{left_out} reviews from studies that did not record parents' ages are left out."
        )
    return t.replace(
        data=t.data.rename(columns=PARENT_COLUMNS),
        percent=None if t.percent is None else t.percent.rename(columns=PARENT_COLUMNS),
        notes=tuple(notes),
    )
