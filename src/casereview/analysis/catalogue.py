"""The standard set of tables for a study report, in report order.

`standard_tables(cases, codebook)` returns every table the reference documents publish that
the cohort's codebook can support (000 Tables 1-6 and Charts 1-4; 001 Tables 3-13 and
Figures 3-7), each carrying its source; tables whose fields are absent or never coded are
left out. For any other codebook it returns a frequency table per coded field and a summary
per score rule. `extra["section"]` groups the tables under report headings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from casereview.analysis import bands, risk, scores
from casereview.analysis.codes import is_coded
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.risk import level_by_group
from casereview.analysis.table import ResultTable
from casereview.codebook.model import Codebook

# Law types in the order the documents print them: public law first (000 Table 6; 001 Tables
# 3, 5, 6, 9, 10 and 11), except 000 Table 3, which lists private law first and, within it,
# 'WTFH & WAFH' before 'WTFH only'.
LAW_ORDER = (
    "public_s31",
    "public_other",
    "private_wtfh",
    "private_wtfh_wafh",
    "public_and_private",
)
LAW_ORDER_000_3 = (
    "private_wtfh_wafh",
    "private_wtfh",
    "public_s31",
    "public_other",
    "public_and_private",
)
TOXIC_TRIO = ("risk_domestic_abuse", "risk_substance_misuse", "risk_parental_mental_health")
TABLE_8_COLUMNS = {
    "Death: physical abuse and homicide": ["physical_abuse_fatal", "homicide"],
    "Death: neglect and co-sleeping": ["neglect_fatal", "co_sleeping"],
    "Serious harm: physical abuse": ["physical_abuse_non_fatal"],
    "Serious harm: neglect": ["neglect_non_fatal"],
    "Serious harm: sexual abuse": ["sexual_abuse"],
}
TABLE_8_ROWS = [
    "father",
    "mother",
    "both_parents",
    "parents_and_others",
    "mother_and_partner",
    "mothers_partner",
    "extended_family",
    "extra_familial",
    "ex_boyfriend",
    "foster_carers",
    "not_known",
]


def _has(cases: pd.DataFrame, *cols: str) -> bool:
    return all(c in cases.columns and cases[c].notna().any() for c in cols)


def standard_tables(
    cases: pd.DataFrame,
    codebook: Codebook,
    *,
    across: str = "study",
    compare: bool = True,
    population: Mapping[str, float] | None = None,
) -> list[ResultTable]:
    """All standard tables for the cohort (one row per child in `cases`); with `population`
    (region -> child population) also reviews per 100,000 children by region."""
    if codebook.id != "cafcass-scr":
        return generic_tables(cases, codebook)
    out: list[ResultTable] = []

    def add(section: str, needs: tuple[str, ...], make: Callable[[], ResultTable]) -> None:
        if _has(cases, *needs):
            t = make()
            out.append(t.replace(extra={**t.extra, "section": section}))

    cb = codebook
    several = cases[across].nunique() > 1 if across in cases else False
    add(
        "Case details",
        ("scr_model",),
        lambda: frequency(cases, cb, "scr_model", source="000 Table 1", table_id="scr_type"),
    )
    add(
        "Case details",
        ("involvement_months",),
        lambda: bands.band_table(
            cases,
            cb,
            "involvement_months",
            bands.DURATION_000,
            percent=None,
            table_id="involvement_duration",
            title="Total duration of Cafcass involvement (months)",
        ),
    )
    add(
        "Case details",
        ("law_type",),
        lambda: frequency(
            cases,
            cb,
            "law_type",
            hierarchy="subtotals",
            order=LAW_ORDER_000_3,
            source="000 Table 3",
            table_id="law_type",
            title="Case types",
        ),
    )
    add(
        "Case details",
        ("involvement", "law_type"),
        lambda: crosstab(
            cases,
            cb,
            "involvement",
            "law_type",
            col_hierarchy="top",
            col_order=LAW_ORDER,
            source="001 Table 3",
            table_id="involvement_by_law_type",
            title="Case types and involvement in proceedings at time of incident",
        ),
    )
    add(
        "Children and families",
        ("child_age",),
        lambda: bands.band_table(
            cases,
            cb,
            "child_age",
            bands.CHILD_AGE_000,
            by=across if several else None,
            table_id="child_age",
            title="Children's ages",
            source="000 Table 4; 001 Figure 7",
        ),
    )
    add(
        "Children and families",
        ("child_gender",),
        lambda: crosstab(
            cases,
            cb,
            "child_gender",
            across,
            percent="column",
            kind="trend",
            source="001 Table 12",
            table_id="gender_by_study",
            title="Gender of child by study",
        ),
    )
    add(
        "Children and families",
        ("mother_age_first_birth",),
        lambda: bands.parent_age_table(cases, cb),
    )
    add(
        "Children and families",
        ("mother_age_first_birth",),
        lambda: bands.numeric_summary(
            cases,
            cb,
            "mother_age_first_birth",
            at_most=20,
            table_id="mother_age_summary",
            source="000 Section 3.2, Chart 1",
        ),
    )
    add(
        "Children and families",
        ("father_age_first_birth",),
        lambda: bands.numeric_summary(
            cases,
            cb,
            "father_age_first_birth",
            at_most=20,
            table_id="father_age_summary",
            source="000 Section 3.2, Chart 1",
        ),
    )
    add(
        "Index incidents",
        ("incident_type",),
        lambda: crosstab(
            cases,
            cb,
            "incident_type",
            across,
            percent="column",
            kind="trend",
            source="000 Table 5; 001 Figure 4",
            table_id="incident_type_by_study",
            title="Index incident type by study",
        ),
    )
    add(
        "Index incidents",
        ("incident_type", "law_type"),
        lambda: crosstab(
            cases,
            cb,
            "incident_type",
            "law_type",
            row_hierarchy="subtotals",
            col_hierarchy="top",
            col_order=LAW_ORDER,
            source="001 Table 6",
            table_id="incident_type_by_law_type",
            title="Index incident type by type of proceedings",
        ),
    )
    add(
        "Index incidents",
        ("perpetrator",),
        lambda: frequency(
            cases,
            cb,
            "perpetrator",
            source="001 Table 7",
            table_id="perpetrator",
            title="Suspected incident perpetrator",
        ),
    )
    add(
        "Index incidents",
        ("perpetrator",),
        lambda: frequency(
            cases,
            cb,
            "perpetrator",
            hierarchy="top",
            source="001 Table 7",
            table_id="perpetrator_group",
            title="Suspected incident perpetrator (groups)",
        ),
    )
    add(
        "Index incidents",
        ("perpetrator", "incident_type"),
        lambda: crosstab(
            cases,
            cb,
            "perpetrator",
            "incident_type",
            row_values=TABLE_8_ROWS,
            col_values=TABLE_8_COLUMNS,
            source="001 Table 8",
            table_id="perpetrator_by_incident",
            title="Suspected perpetrator by type of index incident",
            notes=(
                "Excludes incidents where the young person him or herself was responsible, and 'other' incidents.",
            ),
        ),
    )
    add(
        "Risk",
        ("risk_score", "law_type"),
        lambda: scores.score_summary(
            cases,
            cb,
            "law_type",
            across=across if several else None,
            order=LAW_ORDER,
            source="000 Table 6; 001 Table 5",
            table_id="risk_score_by_law_type",
            title="Average risk rating by law type",
        ),
    )
    add(
        "Risk",
        ("risk_score",),
        lambda: scores.score_range(
            cases,
            cb,
            "law_type" if _has(cases, "law_type") else None,
            order=LAW_ORDER,
            table_id="risk_score_range",
            source="000 Section 3.4; 001 Section 3.4.2",
        ),
    )
    add(
        "Risk",
        ("risk_score",),
        lambda: bands.band_table(
            cases,
            cb,
            "risk_score",
            bands.SCORE_001,
            percent="column",
            table_id="risk_score_bands",
            title="Overall risk rating in bands",
            source="001 Section 3.4.2",
        ),
    )
    add(
        "Risk",
        ("risk_cpp",),
        lambda: risk.levels_table(cases, cb, source="000 Chart 2; 001 Figure 3"),
    )
    for law, chart in (("private", "000 Chart 3"), ("public", "000 Chart 4")):
        add(
            "Risk",
            ("law_type_recent",),
            lambda law=law, chart=chart: risk.levels_table(  # type: ignore[misc]
                cases[cases["law_type_recent"] == law],
                cb,
                table_id=f"risk_levels_{law}",
                title=f"Risk types in {law} law cases",
                source=chart,
            ),
        )
    add(
        "Risk",
        ("risk_cpp",),
        lambda: risk.presence_table(cases, cb, sort=True, source="001 Figure 5"),
    )
    if _has(cases, *TOXIC_TRIO):
        trio = risk.overlap(
            cases,
            cb,
            TOXIC_TRIO,
            table_id="toxic_trio",
            title="'Toxic trio' of risk factors",
            source="001 Section 5.3.1, Figure 6",
        )
        out += [
            trio.replace(extra={**trio.extra, "section": "Risk"}),
            _in_section(risk.overlap_summary(trio), "Risk"),
        ]
    for fid, src in (("risk_domestic_abuse", "001 Table 9"), ("risk_neglect", "001 Table 11")):
        add(
            "Risk",
            (fid, "law_type"),
            lambda fid=fid, src=src: level_by_group(  # type: ignore[misc]
                cases, cb, fid, "law_type", order=LAW_ORDER, source=src
            ),
        )
    add(
        "Risk",
        ("da_perpetrator", "law_type"),
        lambda: crosstab(
            cases,
            cb,
            "da_perpetrator",
            "law_type",
            col_hierarchy="top",
            col_order=LAW_ORDER,
            percent="total",
            source="001 Table 10",
            table_id="da_perpetrator_by_law_type",
            title="Alleged perpetrator of domestic abuse by law type",
        ),
    )
    if population:
        from casereview.analysis.rates import rates

        add("Regions", ("region",), lambda: rates(cases, population))
    if compare:
        from casereview.analysis.reference import compare_cohort

        t = compare_cohort(cases, cb)
        if len(t.data):
            out.append(t.replace(extra={**t.extra, "section": "Comparison with published figures"}))
    return out


def _in_section(t: ResultTable, section: str) -> ResultTable:
    return t.replace(extra={**t.extra, "section": section})


def generic_tables(cases: pd.DataFrame, codebook: Codebook) -> list[ResultTable]:
    """A frequency table per coded field and a summary per score rule."""
    out: list[ResultTable] = []
    for f in codebook.fields:
        if is_coded(codebook, f.id) and _has(cases, f.id):
            out.append(frequency(cases, codebook, f.id, source=f.source.cite()))
    for rule in codebook.scores:
        if _has(cases, rule.id):
            out.append(scores.score_range(cases, codebook, score_id=rule.id))
    return out
