"""The published headline figures rebuilt from an export alone.

The bundled Cafcass sample is exported as CSV, Excel and SPSS; each file is read back with
pandas (and pyreadstat for .sav) only, as an analyst in R or SPSS would, and the figures of
001 are counted from it: the toxic trio (28% all three, 89% at least one, 11 none; 001
Section 5.3.1) and the average overall risk ratings of 001 Table 5. The expected values are
typed from the document (tests/published_*.py). The old exports left the derived variables
empty, so none of this could be done outside the product."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

import published_tables as pub
from analysis_acceptance import inconsistency
from cafcass_frames import LAW_ROWS
from casereview.io.exporter import export_file
from report_pages import store_with

STUDIES = {
    "2017": ("cafcass-2017",),
    "2012-2015": ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015"),
    "overall": None,
}


def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("export")
    store = store_with(tmp, "cafcass-2009-2016.csv")
    try:
        paths = {}
        for suffix in ("csv", "xlsx", "sav"):
            paths[suffix] = tmp / f"cafcass.{suffix}"
            export_file(store, paths[suffix], "cafcass-scr")
        return paths
    finally:
        store.close()


def read_back(paths: dict[str, Path], suffix: str) -> pd.DataFrame:
    """The export as a frame of value ids / numbers, read without casereview."""
    if suffix == "csv":
        return pd.read_csv(paths["csv"])
    if suffix == "xlsx":
        return pd.read_excel(paths["xlsx"], sheet_name="cases")
    import pyreadstat

    frame, meta = pyreadstat.read_sav(str(paths["sav"]), apply_value_formats=True)
    # SPSS shows value labels: law types as 001 Table 5 prints them, yes/no as 'Yes'/'No'.
    by_label = {label: key for key, (label, _cells) in pub.TABLE_001_5["rows"].items()}
    frame["law_type"] = frame["law_type"].map(by_label)
    for col in ("toxic_trio_all", "toxic_trio_any"):
        frame[col] = frame[col].map({"Yes": "yes", "No": "no"})
    assert meta.column_names_to_labels["risk_score"] == "Overall risk rating"
    assert meta.variable_value_labels["toxic_trio_all"][1.0] == "Yes"
    return frame


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "sav"])
def test_toxic_trio_rebuilt_from_the_export(exported: dict[str, Path], suffix: str) -> None:
    cases = read_back(exported, suffix).drop_duplicates("review_id")
    n = len(cases)
    assert n == 97
    trio = pub.TOXIC_TRIO_001
    all_three = int((cases["toxic_trio_all"] == "yes").sum())
    any_one = int((cases["toxic_trio_any"] == "yes").sum())
    assert half_up(Decimal(100 * all_three) / n, 0) == trio["all_three_percent"]
    assert half_up(Decimal(100 * any_one) / n, 0) == trio["at_least_one_percent"]
    assert n - any_one == trio["none"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "sav"])
def test_table_5_risk_ratings_rebuilt_from_the_export(
    exported: dict[str, Path], suffix: str
) -> None:
    cases = read_back(exported, suffix).drop_duplicates("review_id")
    t5 = pub.TABLE_001_5
    for key, (label, cells) in t5["rows"].items():
        for column, published in zip(t5["columns"], cells, strict=True):
            rows = cases
            if key != "all":  # 001 Table 5's law-type groups
                rows = rows[rows["law_type"].isin(LAW_ROWS[key])]
            if STUDIES[column] is not None:
                rows = rows[rows["study"].isin(STUDIES[column])]
            if published is None:
                assert rows.empty, (label, column)
                continue
            mean, count = published
            if (key, column) == ("all", "overall"):
                # 001 prints 13.1; its own cells allow only 13.39-13.47 (INCONSISTENCIES).
                mean = inconsistency("001 Table 5")["implied"]
            scores = rows["risk_score"].astype(float)
            assert len(rows) == count, (label, column)
            total = Decimal(int(scores.sum()))
            assert half_up(total / len(rows), 1) == Decimal(str(mean)), (label, column)


NEGLECT_INDICATORS = (  # 002 Appendix C: any one indicator is evidence of neglect
    "neg_cpp", "neg_referred", "neg_nourish", "neg_living_conditions",
    "neg_pregnancy_substance", "neg_concealed", "neg_health_care", "neg_missed_appointments",
    "neg_supervision", "neg_clothing_hygiene", "neg_engagement", "neg_school",
    "neg_firearm_ingestion", "neg_after_incident",
)  # fmt: skip


def test_triennial_export_carries_the_neglect_protocol_and_toxic_trio(tmp_path: Path) -> None:
    """The Triennial sample's export holds the derived fields (par_substance, the toxic trio,
    the neglect protocol of 002 Appendix C), and they agree with the rules applied here to
    the exported indicator columns."""
    store = store_with(tmp_path, "triennial-sample.csv")
    try:
        export_file(store, tmp_path / "t.csv", "triennial-2014-17")
    finally:
        store.close()
    kids = pd.read_csv(tmp_path / "t.csv", dtype=str)
    indicators = kids[list(NEGLECT_INDICATORS)]
    any_yes = (indicators == "yes").any(axis=1)
    all_known = indicators.isin(["yes", "no"]).all(axis=1)
    assert kids["neglect"].notna().all()
    assert ((kids["neglect"] == "yes") == any_yes).all()
    assert ((kids["neglect"] == "no") == (~any_yes & all_known)).all()
    reviews = kids.drop_duplicates("review_id")
    substance = (reviews[["par_alcohol", "par_drugs"]] == "yes").any(axis=1)
    assert ((reviews["par_substance"] == "yes") == substance).all()
    trio = pd.concat(
        [reviews["fam_domestic_abuse"] == "yes", reviews["par_mental_health"] == "yes", substance],
        axis=1,
    )
    assert ((reviews["toxic_trio_all"] == "yes") == trio.all(axis=1)).all()
    assert ((reviews["toxic_trio_any"] == "yes") == trio.any(axis=1)).all()
    assert int((reviews["toxic_trio_any"] == "yes").sum()) == 107  # the report's 89% of 120
