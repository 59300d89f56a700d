"""The study report for the Cafcass SCR codebook, laid out as 000 and 001 are.

Sections follow 000 Section 3 and 001 Sections 3 and 5: case details, children and
families, index incidents, risk types and ratings, source of harm, the toxic trio, and the
characteristics of parents. The tables are the analysis layer's standard set
(`analysis.catalogue.standard_tables`), each naming the reference table it reproduces; this
module only chooses which are shown as tables or figures, with what title and heading
(`cafcass_tables` adds the few cuts 001 draws as figures). An exhibit whose fields are not
coded in the cohort is left out.
"""

from __future__ import annotations

from casereview.reports.layout import ExhibitSpec, Layout, SectionSpec
from casereview.reports.layouts import cafcass_text as text
from casereview.reports.layouts.cafcass_tables import (
    age_gender,
    all_risk_levels,
    catalogue,
    incident_fatal,
    incident_groups,
    parents_age,
    risk_levels_for,
    studies_table,
    titled,
)


def _x(key: str, kind: str, make, row_header: str = "", **kw) -> ExhibitSpec:  # type: ignore[no-untyped-def]
    return ExhibitSpec(key, kind, make, row_header=row_header, **kw)  # type: ignore[arg-type]


LAYOUT = Layout(
    name="cafcass-scr",
    title=text.title,
    summary=text.summary,
    sections=(
        SectionSpec(
            "introduction",
            "Introduction",
            (_x("studies", "table", studies_table, "Study"),),
            intro=text.introduction,
        ),
        SectionSpec(
            "case-details",
            "Case details",
            (
                _x(
                    "scr_model",
                    "table",
                    catalogue("scr_type", titled("Type of SCR")),
                    "Type of SCR",
                ),
                _x("law_type", "table", catalogue("law_type"), "Law type"),
                _x(
                    "involvement",
                    "table",
                    catalogue("involvement_by_law_type"),
                    "Cafcass' involvement with index child",
                ),
                _x(
                    "duration",
                    "table",
                    catalogue("involvement_duration"),
                    "Total duration (months)",
                    percent=False,
                ),
            ),
            observe=text.case_details,
        ),
        SectionSpec(
            "children-and-families",
            "Children and families",
            (
                _x("age_gender", "figure", age_gender, "Age"),
                _x("child_age", "table", catalogue("child_age", titled("Children's ages")), "Age"),
                _x("gender_by_study", "table", catalogue("gender_by_study"), "Gender"),
            ),
            observe=text.children,
        ),
        SectionSpec(
            "index-incidents",
            "Index incidents",
            (
                _x("incident_trend", "figure", incident_groups, "Index incident type"),
                _x(
                    "incident_by_study",
                    "table",
                    catalogue("incident_type_by_study"),
                    "Index incident type",
                ),
                _x(
                    "incident_by_law",
                    "table",
                    catalogue("incident_type_by_law_type"),
                    "Incident type",
                ),
                _x("incident_fatal", "table", incident_fatal, "Death of a child"),
            ),
            observe=text.incidents,
        ),
        SectionSpec(
            "risk",
            "Risk types and ratings",
            (
                _x("risk_levels", "figure", catalogue("risk_levels", all_risk_levels), "Risk type"),
                _x(
                    "risk_levels_private",
                    "figure",
                    catalogue("risk_levels_private", risk_levels_for("private", "000 Chart 3")),
                    "Risk type",
                ),
                _x(
                    "risk_levels_public",
                    "figure",
                    catalogue("risk_levels_public", risk_levels_for("public", "000 Chart 4")),
                    "Risk type",
                ),
                _x(
                    "risk_presence",
                    "figure",
                    catalogue("risk_presence", titled("Risk types present in cases")),
                    "Risk type",
                ),
                _x(
                    "score_by_law",
                    "table",
                    catalogue(
                        "risk_score_by_law_type",
                        titled("Average risk ratings by law type (number of cases in brackets)"),
                    ),
                    "Law type",
                ),
                _x("score_spread", "table", catalogue("risk_score_range"), "Law type"),
                _x("score_bands", "table", catalogue("risk_score_bands"), "Overall risk rating"),
                _x(
                    "da_by_law",
                    "table",
                    catalogue("risk_domestic_abuse_levels_by_law_type"),
                    "Domestic abuse risk rating",
                ),
                _x(
                    "neglect_by_law",
                    "table",
                    catalogue("risk_neglect_levels_by_law_type"),
                    "Neglect risk rating",
                ),
            ),
            observe=text.risk,
        ),
        SectionSpec(
            "source-of-harm",
            "Source of harm",
            (
                _x(
                    "perpetrator",
                    "table",
                    catalogue("perpetrator"),
                    "Suspected incident perpetrator",
                ),
                _x(
                    "perpetrator_group",
                    "table",
                    catalogue("perpetrator_group"),
                    "Suspected incident perpetrator",
                ),
                _x(
                    "perpetrator_by_incident",
                    "table",
                    catalogue("perpetrator_by_incident"),
                    "Suspected perpetrator",
                ),
                _x(
                    "da_perpetrator",
                    "table",
                    catalogue("da_perpetrator_by_law_type"),
                    "Alleged perpetrator of domestic abuse",
                ),
            ),
            observe=text.source_of_harm,
        ),
        SectionSpec(
            "toxic-trio",
            "The 'toxic trio'",
            (
                _x(
                    "toxic_trio",
                    "figure",
                    catalogue("toxic_trio", titled("'Toxic trio' of risk factors in cases")),
                    "Combination",
                ),
                _x(
                    "toxic_trio_summary",
                    "table",
                    catalogue(
                        "toxic_trio_summary", titled("Cases with the 'toxic trio' risk factors")
                    ),
                    "Toxic trio risk factors",
                ),
            ),
            intro=text.trio_intro,
            observe=text.toxic_trio,
        ),
        SectionSpec(
            "parents",
            "Characteristics of parents",
            (
                _x("parents_age", "table", parents_age, "Age"),
                _x(
                    "mother_age",
                    "table",
                    catalogue(
                        "mother_age_summary",
                        titled("Mother's age at birth of first child: summary"),
                    ),
                    "",
                    percent=False,
                ),
                _x(
                    "father_age",
                    "table",
                    catalogue(
                        "father_age_summary",
                        titled("Father's age at birth of first child: summary"),
                    ),
                    "",
                    percent=False,
                ),
            ),
            observe=text.characteristics,
        ),
    ),
)
