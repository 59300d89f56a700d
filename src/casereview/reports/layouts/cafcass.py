"""The study report for the Cafcass SCR codebook, laid out as 000 and 001 are.

Sections follow 000 Section 3 and 001 Sections 3 and 5: case details, children and
families, index incidents, risk types and ratings, source of harm, the toxic trio, and the
characteristics of children and parents. Each exhibit names the reference table or figure
it reproduces; an exhibit whose fields are not coded in the cohort is left out.
"""

from __future__ import annotations

import dataclasses

from casereview.analysis.bands import CHILD_AGE_000, DURATION_000, PARENT_AGE_001, band_table
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.risk import levels_table, overlap, overlap_summary, presence_table
from casereview.analysis.scores import score_range, score_summary
from casereview.analysis.table import ChartHint, ResultTable
from casereview.reports.context import ReportData
from casereview.reports.layout import ExhibitSpec, Layout, SectionSpec
from casereview.reports.layouts import cafcass_text as text

TRIO = ("risk_domestic_abuse", "risk_substance_misuse", "risk_parental_mental_health")
TRIO_NAMES = ("Domestic abuse", "Substance misuse", "Parental mental health")
# 001 Figure 4 and Section 5.1 read the incident types in four groups (001 Table 6 headings).
INCIDENT_GROUPS = {
    "Death \u2013 direct maltreatment": ["physical_abuse_fatal", "homicide", "death_direct"],
    "Death \u2013 other": ["neglect_fatal", "co_sleeping", "death_other", "death"],
    "Serious harm": ["physical_abuse_non_fatal", "neglect_non_fatal", "sexual_abuse", "serious_harm"],
    "Other": ["suicide", "drug_overdose", "other", "other_incident"],
}
# 001 Table 8 columns; incidents where the young person was the source of harm are left out.
PERPETRATOR_BY_INCIDENT = {
    "Death: physical abuse and homicide": ["physical_abuse_fatal", "homicide"],
    "Death: neglect and co-sleeping": ["neglect_fatal", "co_sleeping"],
    "Serious harm: physical abuse": ["physical_abuse_non_fatal"],
    "Serious harm: neglect": ["neglect_non_fatal"],
    "Serious harm: sexual abuse": ["sexual_abuse"],
}
RISK_LEVELS = ["high", "medium", "low"]


def _when(data: ReportData, *fields: str) -> bool:
    return data.has(*fields)


def studies_table(d: ReportData) -> ResultTable | None:
    if not d.several_studies:
        return None
    reviews = frequency(d.cases, None, "study", unit="reviews", table_id="reviews_by_study")
    children = frequency(d.cases, None, "study", unit="children", table_id="children_by_study")
    both = reviews.data.rename(columns={"n": "Reviews"})
    both["Children"] = children.data["n"].reindex(both.index).fillna(0).astype(int)
    return reviews.replace(
        data=both, percent=None, percent_basis=None, kind="crosstab", col_total=None,
        title="Number of reviews and children per study", source="001 Table 1",
        notes=(), chart=None,
    )


def law_type(d: ReportData) -> ResultTable | None:
    if not _when(d, "law_type"):
        return None
    return frequency(d.cases, d.codebook, "law_type", hierarchy="subtotals",
                     table_id="law_type", title="Case types", source="000 Table 3")


def scr_model(d: ReportData) -> ResultTable | None:
    if not _when(d, "scr_model"):
        return None
    return frequency(d.cases, d.codebook, "scr_model", table_id="scr_model",
                     title="Type of SCR", source="000 Table 1")


def involvement(d: ReportData) -> ResultTable | None:
    if not _when(d, "involvement", "law_type"):
        return None
    return crosstab(d.cases, d.codebook, "involvement", "law_type", col_hierarchy="top",
                    table_id="involvement_by_law_type", source="001 Table 3",
                    title="Case types and Cafcass' involvement at the time of the incident")


def duration(d: ReportData) -> ResultTable | None:
    if not _when(d, "involvement_months"):
        return None
    return band_table(d.cases, d.codebook, "involvement_months", DURATION_000, percent=None,
                      table_id="involvement_duration", source="000 Table 2",
                      title="Total duration of Cafcass involvement (months)")


def age_gender(d: ReportData) -> ResultTable | None:
    if not _when(d, "child_age", "child_gender"):
        return None
    return band_table(d.cases, d.codebook, "child_age", CHILD_AGE_000, by="child_gender",
                      percent="column", table_id="age_by_gender", source="001 Figure 1",
                      title="Age and gender of children at the time of the incident")


def age_by_study(d: ReportData) -> ResultTable | None:
    if not (_when(d, "child_age") and d.several_studies):
        return None
    return band_table(d.cases, d.codebook, "child_age", CHILD_AGE_000, by="study",
                      table_id="age_by_study", source="000 Table 4; 001 Figure 7",
                      title="Children's ages by study")


def gender_by_study(d: ReportData) -> ResultTable | None:
    if not _when(d, "child_gender"):
        return None
    if d.several_studies:
        return crosstab(d.cases, d.codebook, "child_gender", "study", percent="column",
                        kind="trend", table_id="gender_by_study", source="001 Table 12",
                        title="Gender of child by study")
    return frequency(d.cases, d.codebook, "child_gender", table_id="gender",
                     title="Gender of child", source="000 Section 3.2")


def parents_age(d: ReportData) -> ResultTable | None:
    if not (_when(d, "mother_age_first_birth") or _when(d, "father_age_first_birth")):
        return None
    t = band_table(d.cases, d.codebook, ["mother_age_first_birth", "father_age_first_birth"],
                   PARENT_AGE_001, unit="reviews", table_id="parents_age",
                   source="001 Tables 4 and 13",
                   title="Age profile of mothers and fathers at birth of first child")
    n = d.cohort.reviews
    return t.replace(
        data=t.data.rename(columns=_PARENT_COLUMNS),
        percent=None if t.percent is None else t.percent.rename(columns=_PARENT_COLUMNS),
        notes=(f"Counted per review: the mother's and the father's age in each of the {n} reviews, "
               "'Unknown' where it was not recorded; percentages are of each column.",),
    )


_PARENT_COLUMNS = {"Mother's age at birth of first child": "Mothers",
                   "Father's age at birth of first child": "Fathers"}


def incident_trend(d: ReportData) -> ResultTable | None:
    if not (_when(d, "incident_type") and d.several_studies):
        return None
    t = crosstab(d.cases, d.codebook, "incident_type", "study", row_values=INCIDENT_GROUPS,
                 kind="trend", table_id="incident_by_study", source="001 Figure 4",
                 title="Index incident type per study")
    return t.replace(chart=ChartHint(kind="grouped_bar", x_label="Index incident type"))


def incident_by_law(d: ReportData) -> ResultTable | None:
    if not _when(d, "incident_type", "law_type"):
        return None
    return crosstab(d.cases, d.codebook, "incident_type", "law_type", col_hierarchy="top",
                    table_id="incident_by_law_type", source="001 Table 6; 000 Table 5",
                    title="Index incident type by type of proceedings")


def incident_fatal(d: ReportData) -> ResultTable | None:
    if not _when(d, "incident_fatal"):
        return None
    return frequency(d.cases, d.codebook, "incident_fatal", table_id="incident_fatal",
                     title="Index incidents involving the death of a child")


def risk_levels(d: ReportData) -> ResultTable | None:
    if not _when(d, *TRIO):
        return None
    t = levels_table(d.cases, d.codebook, table_id="risk_levels", source="001 Figure 3; 000 Chart 2",
                     title=f"Risk types and levels for cases (number of cases = {d.cohort.reviews})")
    # Columns are levels by score; name them as the risk scale does (high / medium / low / none)
    # rather than by the child protection plan's values, and say what CPP's levels mean.
    scale = {v.score: v.label for v in d.codebook.values_of(d.codebook.field("risk_domestic_abuse"))}
    names = {}
    for fid in d.codebook.scores[0].fields:
        for v in d.codebook.values_of(d.codebook.field(fid)):
            if v.score in scale and v.label != scale[v.score]:
                names[v.label] = scale[v.score]
    rename = {c: names.get(c, c) for c in t.data.columns}
    hint = dataclasses.replace(t.chart, exclude=tuple(rename.get(c, c) for c in t.chart.exclude)) if t.chart else None
    return t.replace(
        data=t.data.rename(columns=rename),
        percent=None if t.percent is None else t.percent.rename(columns=rename),
        chart=hint,
        notes=(*t.notes, "For the child protection plan, high and medium stand for a plan at the time "
               "of the index incident and a plan before it; it has no low value (000 Chart 2 note)."),
    )


def risk_presence(d: ReportData) -> ResultTable | None:
    if not _when(d, *TRIO):
        return None
    return presence_table(d.cases, d.codebook, None, sort=True, table_id="risk_presence",
                          title="Risk types present in cases", source="001 Figure 5")


def score_by_law(d: ReportData) -> ResultTable | None:
    if not (d.codebook.scores and _when(d, "law_type", "risk_score")):
        return None
    return score_summary(d.cases, d.codebook, "law_type",
                         across="study" if d.several_studies else None,
                         table_id="risk_score_by_law_type", source="001 Table 5; 000 Table 6",
                         title="Average risk ratings by law type (number of cases in brackets)")


def score_spread(d: ReportData) -> ResultTable | None:
    if not (d.codebook.scores and _when(d, "law_type", "risk_score")):
        return None
    return score_range(d.cases, d.codebook, "law_type", table_id="risk_score_range",
                       source="000 Section 3.4; 001 Section 3.4.2")


def risk_by_law(field: str, key: str, title: str, source: str):  # type: ignore[no-untyped-def]
    def make(d: ReportData) -> ResultTable | None:
        if not _when(d, field, "law_type"):
            return None
        return crosstab(d.cases, d.codebook, field, "law_type", col_hierarchy="top",
                        row_values=RISK_LEVELS, table_id=key, title=title, source=source)
    return make


def perpetrator(d: ReportData) -> ResultTable | None:
    if not _when(d, "perpetrator"):
        return None
    return frequency(d.cases, d.codebook, "perpetrator", hierarchy="subtotals",
                     table_id="perpetrator", title="Suspected incident perpetrator", source="001 Table 7")


def perpetrator_by_incident(d: ReportData) -> ResultTable | None:
    if not _when(d, "perpetrator", "incident_type"):
        return None
    rows = [v.id for v in d.codebook.values_of(d.codebook.field("perpetrator"))
            if v.parent not in (None, "child")]
    return crosstab(d.cases, d.codebook, "perpetrator", "incident_type", row_values=rows,
                    col_values=PERPETRATOR_BY_INCIDENT, table_id="perpetrator_by_incident",
                    title="Suspected perpetrator by type of index incident", source="001 Table 8")


def da_perpetrator(d: ReportData) -> ResultTable | None:
    if not _when(d, "da_perpetrator", "law_type"):
        return None
    return crosstab(d.cases, d.codebook, "da_perpetrator", "law_type", col_hierarchy="top",
                    table_id="da_perpetrator_by_law_type", source="001 Table 10",
                    title="Alleged perpetrator of domestic abuse by law type")


def trio_overlap(d: ReportData) -> ResultTable | None:
    if not _when(d, *TRIO):
        return None
    return overlap(d.cases, d.codebook, TRIO, names=TRIO_NAMES, table_id="toxic_trio",
                   title="'Toxic trio' of risk factors in cases", source="001 Figure 6")


def trio_summary(d: ReportData) -> ResultTable | None:
    t = trio_overlap(d)
    if t is None:
        return None
    s = overlap_summary(t, source="001 Section 5.3.1")
    return s.replace(id="toxic_trio_summary", title="Cases with the 'toxic trio' risk factors")


def _spec(key: str, kind: str, make, row_header: str = "", **kw) -> ExhibitSpec:  # type: ignore[no-untyped-def]
    return ExhibitSpec(key, kind, make, row_header=row_header, **kw)  # type: ignore[arg-type]


LAYOUT = Layout(
    name="cafcass-scr",
    title=text.title,
    summary=text.summary,
    sections=(
        SectionSpec("introduction", "Introduction", (
            _spec("studies", "table", studies_table, "Study"),
        ), intro=text.introduction),
        SectionSpec("case-details", "Case details", (
            _spec("scr_model", "table", scr_model, "Type of SCR"),
            _spec("law_type", "table", law_type, "Law type"),
            _spec("involvement", "table", involvement, "Cafcass' involvement with index child"),
            _spec("duration", "table", duration, "Total duration (months)", percent=False),
        ), observe=text.case_details),
        SectionSpec("children-and-families", "Children and families", (
            _spec("age_gender", "figure", age_gender, "Age"),
        ), observe=text.children),
        SectionSpec("index-incidents", "Index incidents", (
            _spec("incident_trend", "figure", incident_trend, "Index incident type"),
            _spec("incident_by_law", "table", incident_by_law, "Incident type"),
            _spec("incident_fatal", "table", incident_fatal, "Death of a child"),
        ), observe=text.incidents),
        SectionSpec("risk", "Risk types and ratings", (
            _spec("risk_levels", "figure", risk_levels, "Risk type"),
            _spec("risk_presence", "figure", risk_presence, "Risk type"),
            _spec("score_by_law", "table", score_by_law, "Law type"),
            _spec("score_spread", "table", score_spread, "Law type"),
            _spec("da_by_law", "table", risk_by_law(
                "risk_domestic_abuse", "da_by_law_type", "Prevalence and risk level of domestic abuse by law type",
                "001 Table 9"), "Domestic abuse risk rating"),
            _spec("neglect_by_law", "table", risk_by_law(
                "risk_neglect", "neglect_by_law_type", "Prevalence and risk level of neglect by law type",
                "001 Table 11"), "Neglect risk rating"),
        ), observe=text.risk),
        SectionSpec("source-of-harm", "Source of harm", (
            _spec("perpetrator", "table", perpetrator, "Suspected incident perpetrator"),
            _spec("perpetrator_by_incident", "table", perpetrator_by_incident, "Suspected perpetrator"),
            _spec("da_perpetrator", "table", da_perpetrator, "Alleged perpetrator of domestic abuse"),
        ), observe=text.source_of_harm),
        SectionSpec("toxic-trio", "The 'toxic trio'", (
            _spec("toxic_trio", "figure", trio_overlap, "Combination"),
            _spec("toxic_trio_summary", "table", trio_summary, "Toxic trio risk factors"),
        ), intro=text.trio_intro, observe=text.toxic_trio),
        SectionSpec("characteristics", "Characteristics of children and parents", (
            _spec("age_by_study", "table", age_by_study, "Age"),
            _spec("gender_by_study", "table", gender_by_study, "Gender"),
            _spec("parents_age", "table", parents_age, "Age"),
        ), observe=text.characteristics),
    ),
)
