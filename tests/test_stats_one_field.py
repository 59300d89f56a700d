"""`stats FIELD` loads only that field's codes, and gives the same table as the whole-register path
(on the bundled sample data, with codes of two codebook versions carried over by mappings)."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from pathlib import Path

import pandas as pd
import pytest

from casereview.analysis.frame import case_frame
from casereview.analysis.frequency import frequency
from casereview.analysis.headline import field_frequency
from casereview.analysis.members import Members
from casereview.analysis.table import ResultTable
from casereview.codebook import default_registry
from casereview.io.importer import import_file
from casereview.store import frames
from casereview.store.database import Store

PACKAGE_DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("stats")
    # The 2014 sample coded with the 2014 codebook, under other review ids (the 2009-2016
    # file holds the same reviews coded with the 2017 one).
    older = pd.read_csv(PACKAGE_DATA / "cafcass-2014.csv", dtype=str, keep_default_na=False)
    older["review_id"] = "V" + older["review_id"]
    older.to_csv(folder / "older.csv", index=False)
    s = Store.open(f"sqlite:///{folder / 'register.db'}")
    import_file(s, folder / "older.csv", codebook="cafcass-scr@2014")
    import_file(s, PACKAGE_DATA / "cafcass-2009-2016.csv", codebook="cafcass-scr@2017")
    return s


def unit_sets(m: Members) -> tuple[object, ...]:
    """The units each row, column, cell and base counts, by id (the two paths may order
    the units differently)."""

    def ids(mask: object) -> frozenset[str]:
        return frozenset(m.ids[mask].tolist())

    return (
        m.unit,
        frozenset(m.ids.tolist()),
        [ids(r) for r in m.rows],
        [ids(c) for c in m.cols],
        {k: ids(v) for k, v in m.cells.items()},
        {k: ids(v) for k, v in m.bases.items()},
        m.columns,
    )


def same_table(a: ResultTable, b: ResultTable) -> None:
    for f in dataclass_fields(ResultTable):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, pd.DataFrame):
            pd.testing.assert_frame_equal(x, y)
        elif f.name == "extra":
            assert x.keys() == y.keys()
            for key in x:
                if isinstance(x[key], Members):
                    assert unit_sets(x[key]) == unit_sets(y[key]), key
                else:
                    assert x[key] == y[key], key
        else:
            assert x == y, f.name


@pytest.mark.parametrize("key", ["cafcass-scr@2017", "cafcass-scr@2014"])
def test_every_field_gives_the_same_table_as_the_whole_register_path(
    store: Store, key: str
) -> None:
    codebook = default_registry().get(key)
    whole = case_frame(store, codebook.id, version=codebook.version)
    assert len(whole) > 100
    # 2017 has derived fields (read from other fields): they are among those checked.
    assert bool(codebook.derivations) == (codebook.version == "2017")
    for f in codebook.fields:
        if f.type in ("text", "date"):
            continue
        same_table(field_frequency(store, f.id, key), frequency(whole, codebook, f.id))


def test_a_study_filter_gives_the_same_table(store: Store) -> None:
    codebook = default_registry().get("cafcass-scr")
    whole = case_frame(store, codebook.id, "cafcass-2014")
    for field_id in ("law_type", "child_gender", "toxic_trio"):
        if codebook.has_field(field_id):
            same_table(
                field_frequency(store, field_id, "cafcass-scr", "cafcass-2014"),
                frequency(whole, codebook, field_id),
            )


def test_one_field_fetches_only_its_own_codes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[int] = []
    real = frames.fetch_rows

    def counting(conn, stmt):  # type: ignore[no-untyped-def]
        rows = real(conn, stmt)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(frames, "fetch_rows", counting)
    table = field_frequency(store, "law_type", "cafcass-scr")
    assert table.denominator is not None
    with store.engine.connect() as conn:
        codes = conn.exec_driver_sql("SELECT count(*) FROM codes").scalar_one()
        reviews = conn.exec_driver_sql("SELECT count(*) FROM reviews").scalar_one()
    # base rows (one per child) + law_type codes (one per review) + coded review ids:
    # nothing near the register's codes.
    assert sum(fetched) < 4 * reviews < codes / 5
