"""The same search gives the same pages on SQLite (FTS5) and PostgreSQL (tsvector), including
awkward queries; over-long queries are refused with a message; a leading dash is a query."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.fulltext import search
from casereview.store.search_query import MAX_CHARS, MAX_TERMS, SearchQueryError

PAGES = {
    "Child A.txt": [
        "Neglect: a pattern of neglect was seen by the health visitor.",
        "Neglect A was the code used in the audit; neglect-a appears once.",
        "The mother described domestic abuse by her partner; C++ and R&D were mentioned.",
    ],
    "Child B.txt": [
        "Non-accidental injury was found. E-mail records from 3:16 pm show the referral.",
        "O'Brien said the injuries were injured-looking; exploitation and exploited children.",
        "Domestic and abuse were recorded apart. Abused, abusing, abuses.",
    ],
    "Child C.txt": [
        "Housing was poor and neglect was not found; the family's housing officer visited.",
        "\"Quoted words\" and (brackets) and [square] {curly} <angle> | pipe & ampersand ! bang",
        "Ünïcödé naïve café façade; the NAIVE cafe appears too.",
    ],
}
QUERIES = [
    "neglect", "neglect:A", "neglect:a", "neglect-a", "Neglect A", '"neglect a"', "neglect & housing",
    "neglect|housing", "neglect OR housing", "neglect -housing", "neglect NOT housing", "-housing neglect",
    '"domestic abuse"', '"domestic and abuse"', "domestic abuse", "C++", "R&D", "o'brien", "O'Brien",
    "non-accidental", "e-mail", "3:16", "injur*", "exploit*", "abuse", "abused", "(brackets)",
    "[square]", "{curly}", "<angle>", "!bang", "pipe", "naive", "café", "cafe", "façade", "the neglect",
    "neglect the", "her partner", '"her partner"', "a neglect", "health:*", "health*", "visitor's",
    "neglect AND housing", "neglect OR", "'quoted words'", "quoted\\ words", "neglect\tabuse",
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, pg_database_url: str) -> dict[str, Store]:
    tmp = tmp_path_factory.mktemp("parity")
    files = []
    for name, pages in PAGES.items():
        path = tmp / name
        path.write_text("\f".join(pages), encoding="utf-8")
        files.append(path)
    lite = Store.open(f"sqlite:///{tmp / 'r.db'}")
    pg = Store.open(pg_database_url)
    with pg.engine.begin() as conn:
        conn.exec_driver_sql("TRUNCATE documents, reviews RESTART IDENTITY CASCADE")
    for store in (lite, pg):
        assert all(r.status == "added" for r in ingest_paths(store, files))
    return {"sqlite": lite, "postgresql": pg}


def _answer(store: Store, query: str) -> tuple[str, ...] | str:
    try:
        return tuple(sorted(f"{h.review} p{h.page}" for h in search(store, query, 1000)))
    except SearchQueryError as exc:
        return f"refused: {exc}"


@pytest.mark.parametrize("query", QUERIES)
def test_same_pages_on_sqlite_and_postgresql(stores: dict[str, Store], query: str) -> None:
    assert _answer(stores["sqlite"], query) == _answer(stores["postgresql"], query)


def test_the_awkward_ones_find_what_a_reader_expects(stores: dict[str, Store]) -> None:
    lite = stores["sqlite"]
    # neglect:A is neglect (the stop word "a" is not indexed by either database)
    assert _answer(lite, "neglect:A") == _answer(lite, "neglect")
    assert "Child C p1" in _answer(lite, "neglect")
    assert _answer(lite, "neglect -housing") == ("Child A p1", "Child A p2")
    assert _answer(lite, "injur*") == ("Child B p1", "Child B p2")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_long_queries_are_refused_with_the_limit(stores: dict[str, Store], backend: str) -> None:
    store = stores[backend]
    with pytest.raises(SearchQueryError, match=f"the limit is {MAX_CHARS}"):
        search(store, "neglect " * 2000)
    many = " OR ".join(f"word{i}" for i in range(MAX_TERMS + 1))
    with pytest.raises(SearchQueryError, match=f"the limit is {MAX_TERMS}"):
        search(store, many)
    assert search(store, " OR ".join(f"word{i}" for i in range(MAX_TERMS - 1)) + " OR neglect")


def test_statement_timeout_stops_a_slow_postgresql_search(
    stores: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    from casereview.store import fulltext

    pg = stores["postgresql"]
    monkeypatch.setattr(fulltext, "PG_TIMEOUT_MS", 300)
    # a writer holding the pages table makes the search wait: the timeout must stop it
    with pg.engine.connect() as blocker:
        blocker.exec_driver_sql("LOCK TABLE document_pages IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(SearchQueryError, match="took longer than 0.3 s"):
            search(pg, "neglect")
        blocker.rollback()
    assert search(pg, "neglect")  # the next search runs normally


def _cli(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": url, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "casereview", "search", *args],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False, timeout=120,
    )


def test_a_leading_dash_is_part_of_the_query(stores: dict[str, Store], tmp_path: Path) -> None:
    url = stores["sqlite"].url
    for args in (["-neglect"], ["--", "-neglect"]):
        run = _cli(tmp_path, url, *args)
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert "not only ones to leave out" in run.stderr, run.stderr
    run = _cli(tmp_path, url, "-housing", "neglect", "-n", "5")
    assert run.returncode == 0, run.stderr
    assert "2 hits" in run.stdout
    run = _cli(tmp_path, url, "neglect", "-housing", "--limit", "1")
    assert run.returncode == 0 and "1 hit" in run.stdout
