"""Acceptance: the 2014 sample (26 analysed reviews, 30 index children) reproduces the
published tables of 000 (Cafcass, Learning from Cafcass submissions to SCRs, November 2014),
cell by cell; the pooled dataset reproduces 000's columns for the 2012 and 2013 samples.
Expected values come from tests/published_tables.py, typed from the document."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import published_tables as pub
from cafcass_frames import (
    LAW_GROUP,
    LAW_ROWS,
    RISKS_2014,
    RISKS_2017,
    load,
    mismatches,
    percent1,
    present,
    reviews,
    same_average,
    score,
)
from casereview.codebook import default_registry

CODEBOOK = default_registry().get("cafcass-scr", "2014")
REVIEW_FIELDS = [f.id for f in CODEBOOK.fields if f.level == "review"]
PHYSICAL = ("physical_abuse_fatal", "physical_abuse_non_fatal")


@pytest.fixture(scope="module")
def kids(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    return load(tmp_path_factory.mktemp("sample2014"), "cafcass-2014.csv", "2014")


@pytest.fixture(scope="module")
def cases(kids: pd.DataFrame) -> pd.DataFrame:
    out = reviews(kids, REVIEW_FIELDS)
    out["score"] = out.apply(score, axis=1, risks=RISKS_2014)
    return out


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    cb = default_registry().get("cafcass-scr", "2017")
    kids = load(tmp_path_factory.mktemp("pooled2014"), "cafcass-2009-2016.csv", "2017")
    out = reviews(kids, [f.id for f in cb.fields if f.level == "review"])
    out["score"] = out.apply(score, axis=1, risks=RISKS_2017)
    return out


def test_size(kids: pd.DataFrame, cases: pd.DataFrame) -> None:
    assert len(cases) == pub.TABLE_000_3["total"] == 26
    assert len(kids) == pub.CHILDREN_000["children"]
    assert set(cases["study"]) == {"cafcass-2014"}


def test_table_1_scr_type(cases: pd.DataFrame) -> None:
    # 000 Table 1 counts all 28 submissions; two were excluded from the analysis, assumed
    # here to have been 'Traditional' (see INCONSISTENCIES).
    t1 = pub.TABLE_000_1
    observed = cases["scr_model"].value_counts().to_dict()
    for model, n in pub.TABLE_000_1_EXCLUDED_ASSUMED.items():
        observed[model] = observed.get(model, 0) + n
    assert not mismatches(observed, {k: n for k, (_l, n) in t1["rows"].items()}, "000 Table 1")
    assert len(cases) + t1["excluded_from_analysis"] == t1["total"]


def test_table_2_duration_of_involvement(cases: pd.DataFrame) -> None:
    t2 = pub.TABLE_000_2
    months = pd.to_numeric(cases["involvement_months"])
    observed = {
        k: int(months.between(lo, hi).sum()) for k, (_l, (lo, hi), _n) in t2["rows"].items()
    }
    assert not mismatches(observed, {k: n for k, (_l, _b, n) in t2["rows"].items()}, "000 Table 2")
    text = pub.INVOLVEMENT_000
    assert (months.min(), months.max()) == (text["duration_min"], text["duration_max"])
    assert int((months <= 24).sum()) == text["duration_24_or_less"]
    start = pd.to_numeric(cases["involvement_start_year"])
    assert (start.min(), start.max()) == (text["earliest_start"], text["latest_start"])
    assert int((start <= 2010).sum()) == text["began_2010_or_earlier"]


def test_involvement_text(cases: pd.DataFrame) -> None:
    text = pub.INVOLVEMENT_000
    inv = cases["involvement"]
    assert int(inv.isin(["at_time", "prior_only"]).sum()) == text["known_currently_or_previously"]
    assert int((inv == "other_family_member").sum()) == text["other_family_member"]
    assert int((inv == "at_time").sum()) == text["during_proceedings"]
    physical = cases[cases["incident_type"].isin(PHYSICAL)]
    assert physical["involvement"].value_counts().to_dict() == text["physical_abuse"]


def test_table_3_case_types(cases: pd.DataFrame) -> None:
    t3 = pub.TABLE_000_3
    observed = {k: int(cases["law_type"].isin(LAW_ROWS[k]).sum()) for k in t3["rows"]}
    assert not mismatches(observed, {k: n for k, (_l, n) in t3["rows"].items()}, "000 Table 3")
    other = cases[cases["law_type"] == "public_other"]["law_type_other"]
    assert int(other.str.contains("s25").sum()) == t3["public_other_s25"]


def test_section_3_2_children(kids: pd.DataFrame, cases: pd.DataFrame) -> None:
    text = pub.CHILDREN_000
    recent = kids["law_type_recent"]
    assert (int((recent == "public").sum()), int((recent == "private").sum())) == (
        text["public"],
        text["private"],
    )
    assert int((kids["child_gender"] == "female").sum()) == text["female"]
    assert int((kids["child_gender"] == "male").sum()) == text["male"]
    assert int((kids["child_died"] == "yes").sum()) == text["died"]
    assert int((kids["child_died"] == "no").sum()) == text["survived"]
    age = pd.to_numeric(kids["child_age"])
    assert int(((age >= 13) & (recent == "public")).sum()) == text["public_13_and_over"]
    assert int(((age >= 13) & (recent == "private")).sum()) == text["private_13_and_over"]
    # Charts 3 and 4 hold 13 cases each: the two public-and-private cases go with their recent law type.
    assert cases["law_type_recent"].value_counts().to_dict() == {"public": 13, "private": 13}


def test_table_4_childrens_ages(kids: pd.DataFrame) -> None:
    t4 = pub.TABLE_000_4
    age = pd.to_numeric(kids["child_age"])
    observed = {}
    for key, (lo, hi) in t4["bands"].items():
        n = int(((age >= lo) & (age < hi)).sum())
        observed[key] = (n, percent1(n, len(kids)))
    expected = {k: cells[1] for k, (_l, cells) in t4["rows"].items()}
    assert not mismatches(observed, expected, "000 Table 4")
    assert len(kids) == t4["total"][1]


def test_parents_age_at_first_birth(cases: pd.DataFrame) -> None:
    text = pub.PARENTS_000
    mothers = pd.to_numeric(cases["mother_age_first_birth"])
    fathers = pd.to_numeric(cases["father_age_first_birth"])
    assert int(fathers.isna().sum()) == text["fathers_missing"] and mothers.notna().all()
    assert percent1(int((mothers <= 20).sum()), len(mothers)) == text["mothers_20_or_under_percent"]
    assert (
        percent1(int((fathers <= 20).sum()), int(fathers.notna().sum()))
        == text["fathers_20_or_under_percent"]
    )
    assert round(mothers.mean()) == text["mothers_mean"]
    assert round(fathers.mean()) == text["fathers_mean"]


def incident_columns(frame: pd.DataFrame, rename: dict[str, str]) -> dict[str, int]:
    return frame["incident_type"].map(lambda v: rename.get(v, v)).value_counts().to_dict()


def test_table_5_incident_types_2014(cases: pd.DataFrame) -> None:
    t5 = pub.TABLE_000_5
    observed = incident_columns(cases, {})
    expected = {k: cells[2][0] for k, (_l, cells) in t5["rows"].items() if cells[2][0]}
    assert not mismatches(observed, expected, "000 Table 5, 2014")
    for key, (_label, cells) in t5["rows"].items():
        n, pct = cells[2]
        if n:
            assert percent1(n, len(cases)) == pct, key
    fatal = cases["incident_fatal"] == "yes"
    text = pub.INCIDENTS_000_TEXT
    assert int(fatal.sum()) == text["fatal_2014"]
    assert percent1(int((~fatal).sum()), len(cases)) == text["non_fatal_2014_percent"]
    assert (
        int((cases["incident_type"] == "physical_abuse_fatal").sum()) == text["fatal_physical_2014"]
    )


def test_section_3_3_incident_analysis(cases: pd.DataFrame) -> None:
    text = pub.INCIDENTS_000_TEXT
    spite = cases[cases["incident_type"] == "spite_killing"]
    assert (spite["perpetrator_mother"] == "yes").sum() == text["spite_killings_by_mother"]
    assert (spite["involvement"] == "at_time").sum() == text["spite_killings_at_time"]
    neglect = (
        cases[cases["incident_type"] == "neglect_non_fatal"]["law_type_recent"]
        .value_counts()
        .to_dict()
    )
    assert neglect == {
        "public": text["neglect_non_fatal_public"],
        "private": text["neglect_non_fatal_private"],
    }
    assert set(cases[cases["incident_type"] == "neglect_fatal"]["law_type"]) == {
        text["neglect_fatal_law"]
    }
    physical = cases[cases["incident_type"].isin(PHYSICAL)]
    assert (
        int(physical["law_type"].map(LAW_GROUP).eq("private").sum())
        == text["physical_abuse_private"]
    )
    assert int((physical["law_type"] == "public_s31").sum()) == text["physical_abuse_public_s31"]
    overdoses = cases[cases["incident_type"] == "drug_overdose"]
    assert (
        int(overdoses["law_type_other"].str.contains("s25").sum())
        == text["overdose_secure_accommodation"]
    )
    assert int((cases["perpetrator_mother"] == "yes").sum()) == text["perpetrator_mother"]
    assert int((cases["perpetrator_father"] == "yes").sum()) == text["perpetrator_father"]


def test_table_5_earlier_samples_from_the_pooled_dataset(pooled: pd.DataFrame) -> None:
    """000's 2012 and 2013 columns: the pooled dataset's homicides are 000's spite/revenge
    killings and its co-sleeping deaths fall within 000's fatal neglect."""
    t5 = pub.TABLE_000_5
    rename = {"homicide": "spite_killing", "co_sleeping": "neglect_fatal"}
    columns = {
        0: ("cafcass-2012",),
        1: ("cafcass-2013",),
        3: ("cafcass-2012", "cafcass-2013", "cafcass-2014"),
    }
    for col, studies in columns.items():
        sub = pooled[pooled["study"].isin(studies)]
        observed = incident_columns(sub, rename)
        expected = {k: cells[col][0] for k, (_l, cells) in t5["rows"].items() if cells[col][0]}
        assert not mismatches(observed, expected, f"000 Table 5 column {col}")
        assert len(sub) == t5["total"][col]
        for key, (_label, cells) in t5["rows"].items():
            n, pct = cells[col]
            if key == "neglect_non_fatal" and col == 3:
                assert pct == 9.2 and percent1(n, len(sub)) == 10.2  # see INCONSISTENCIES
            elif n:
                assert percent1(n, len(sub)) == pct, (key, col)
    early = pooled[pooled["study"].isin(["cafcass-2012", "cafcass-2013"])]
    non_fatal = early["incident_type"].isin(["neglect_non_fatal", "physical_abuse_non_fatal"])
    # 18.1% printed for 6 of 33 (18.2%); the 2012 'Other' death is not among them.
    assert percent1(int(non_fatal.sum()), len(early)) == 18.2
    assert pub.INCIDENTS_000_TEXT["non_fatal_2012_2013_percent"] == 18.1
    assert int((early["incident_fatal"] == "no").sum()) == 6


def test_table_6_average_risk_rating(cases: pd.DataFrame, pooled: pd.DataFrame) -> None:
    t6 = pub.TABLE_000_6
    columns = {
        "2012 and 2013": ("cafcass-2012", "cafcass-2013"),
        "2014": ("cafcass-2014",),
        "overall": ("cafcass-2012", "cafcass-2013", "cafcass-2014"),
    }
    wrong = []
    for key, (label, cells) in t6["rows"].items():
        for column, (published, n) in zip(t6["columns"], cells):
            source = cases if column == "2014" else pooled
            sub = source[
                source["study"].isin(columns[column]) & source["law_type"].isin(LAW_ROWS[key])
            ]
            mean = sub["score"].mean()
            if len(sub) != n or not same_average(mean, published):
                wrong.append(
                    f"{label} / {column}: data {mean:.3f} ({len(sub)}), published {published} ({n})"
                )
    assert not wrong


def test_section_3_4_risk_ratings(cases: pd.DataFrame) -> None:
    text = pub.RISK_2014_TEXT
    s = cases["score"]
    assert s.max() <= text["maximum_possible"]
    assert (s.min(), cases.loc[s.idxmin(), "law_type"]) == text["lowest"]
    assert (s.max(), cases.loc[s.idxmax(), "law_type"]) == text["highest"]
    private = cases[cases["law_type_recent"] == "private"]["score"]
    public = cases[cases["law_type_recent"] == "public"]["score"]
    assert (private.min(), private.max()) == text["private_range"]
    assert (public.min(), public.max()) == text["public_range"]
    pure_private = cases[cases["law_type"].map(LAW_GROUP) == "private"]["score"]
    assert pure_private.max() == text["private_max_without_historical_care"]
    # Case examples 2 and 3: public law cases where the child died, scored 13 and 22.
    died_public = cases[
        (cases["law_type_recent"] == "public") & (cases["incident_type"] == "physical_abuse_fatal")
    ]
    for example in text["case_example_scores"]:
        assert (died_public["score"] == example).any(), example


def test_charts_2_to_4_risk_types(cases: pd.DataFrame) -> None:
    charts = pub.CHARTS_000
    groups = {
        "all": cases,
        "public": cases[cases["law_type_recent"] == "public"],
        "private": cases[cases["law_type_recent"] == "private"],
    }
    assert {k: len(v) for k, v in groups.items()} == charts["cases"]
    wrong = []
    for group, field, what, n in charts["counts"]:
        col = groups[group][field]
        got = int(col.map(present).sum()) if what == "present" else int((col == what).sum())
        if got != n:
            wrong.append(f"{group} {field} {what}: data {got}, published {n}")
    assert not wrong

    def ranking(frame: pd.DataFrame, exclude: tuple[str, ...] = ()) -> list[str]:
        counts = {f: int(frame[f].map(present).sum()) for f in RISKS_2014 if f not in exclude}
        return sorted(counts, key=lambda f: -counts[f])

    private_rank = ranking(groups["private"])
    assert private_rank[:2] == [charts["most_common_private"], charts["second_most_common_private"]]
    assert (
        ranking(groups["public"], ("risk_other",))[0]
        == charts["most_common_public_excluding_other"]
    )
    assert ranking(cases)[0] == charts["most_common_all"]


def test_2014_reviews_are_the_same_in_both_datasets(kids: pd.DataFrame, tmp_path: Path) -> None:
    """Read with the 2017 codebook, the 2014 file's codes carry over through the codebook's
    version mapping and match the pooled dataset's 2014 reviews."""
    from casereview.analysis.frame import case_frame
    from casereview.io.importer import import_file
    from casereview.store.database import Store

    store = Store.open(f"sqlite:///{tmp_path / 'both.db'}")
    try:
        import_file(
            store,
            Path(__file__).parents[1] / "src/casereview/data/cafcass-2014.csv",
            codebook="cafcass-scr@2014",
        )
        mapped = case_frame(store, "cafcass-scr", version="2017", derive=False).astype(object)
    finally:
        store.close()
    mapped = mapped.where(mapped.notna(), None)
    pooled_kids = load(tmp_path, "cafcass-2009-2016.csv", "2017").astype(object)
    pooled_kids = pooled_kids[pooled_kids["study"] == "cafcass-2014"]
    merged = mapped.merge(pooled_kids, on=["review_id", "child"], suffixes=("", "_pooled"))
    assert len(merged) == len(mapped) == 30
    for field in (
        "law_type",
        "involvement",
        "incident_type",
        "incident_fatal",
        "child_gender",
        "child_age",
        *RISKS_2017,
        "mother_age_first_birth",
        "father_age_first_birth",
    ):
        a, b = merged[field], merged[f"{field}_pooled"]
        differ = merged[~((a.isna() & b.isna()) | (a.astype(str) == b.astype(str)))]
        assert differ.empty, (field, differ[["review_id", field, f"{field}_pooled"]].head())
    # The pooled file counts two more boys in 2014 reviews (001 Table 12: 32 children).
    assert len(pooled_kids) - len(mapped) == 2


def test_published_tables_add_up() -> None:
    """The typed tables' own totals (a check on the typing, not on the data)."""
    t5 = pub.TABLE_000_5
    columns = list(zip(*(cells for _label, cells in t5["rows"].values())))
    assert tuple(sum(n for n, _pct in col) for col in columns) == t5["total"]
    assert all(row[0][0] + row[1][0] + row[2][0] == row[3][0] for _l, row in t5["rows"].values())
    t4 = pub.TABLE_000_4
    columns = list(zip(*(cells for _label, cells in t4["rows"].values())))
    assert tuple(sum(n for n, _pct in col) for col in columns) == t4["total"]
    assert sum(n for _l, _b, n in pub.TABLE_000_2["rows"].values()) == pub.TABLE_000_2["total"]
    t3 = {k: n for k, (_l, n) in pub.TABLE_000_3["rows"].items()}
    assert t3["private"] == t3["private_wtfh"] + t3["private_wtfh_wafh"]
    assert t3["public"] == t3["public_s31"] + t3["public_other"]
    assert t3["private"] + t3["public"] + t3["public_and_private"] == pub.TABLE_000_3["total"]
    assert sum(n for _l, n in pub.TABLE_000_1["rows"].values()) == pub.TABLE_000_1["total"]
