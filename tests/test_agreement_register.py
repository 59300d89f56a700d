"""Agreement between two people who coded the same reviews, from the register through the
application layer, the CLI and the page. The codings reproduce the published Cohen's kappa
example [[0,4,1],[0,8,0],[0,1,5]] (kappa 0.4842, ENGINEERING.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from casereview.app.access import Actor
from casereview.app.agreement import coder_agreement
from casereview.app.users import create_user
from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.schema import Code, Review
from casereview.web.app import create_app
from casereview.web.config import WebSettings
from conftest import make_sqlite_store
from web_client import As
from web_support import OWNER, PASSWORD

CATEGORIES = ("traditional", "scie", "hybrid")
MATRIX = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]  # rows: ann's value, columns: ben's


def _pairs() -> list[tuple[str, str]]:
    return [
        (CATEGORIES[i], CATEGORIES[j])
        for i, row in enumerate(MATRIX) for j, n in enumerate(row) for _ in range(n)
    ]


@pytest.fixture
def two_coders(tmp_path: Path) -> Store:
    pairs = _pairs()
    csv = tmp_path / "ann.csv"
    lines = ["review_id,child,study,year,region,scr_method"]
    lines += [f"AG-{k:02d},1,agree-study,2016,,{a}" for k, (a, _) in enumerate(pairs)]
    lines += ["AG-99,1,agree-study,2016,,scie"]  # coded by ann only: not compared
    csv.write_text("\n".join(lines) + "\n")
    store = make_sqlite_store(tmp_path)
    import_file(store, csv, "triennial-2014-17", coder="ann")
    with store.session() as s:
        ids = dict(s.execute(select(Review.reference, Review.id)).all())
        for k, (_, b) in enumerate(pairs):
            s.add(Code(review_id=ids[f"AG-{k:02d}"], codebook_id="triennial-2014-17",
                       codebook_version="2020", field_id="scr_method", value=b, coder="ben"))
    return store


def test_agreement_reproduces_the_published_kappa(two_coders: Store) -> None:
    report = coder_agreement(two_coders, OWNER, study="agree-study", codebook="triennial-2014-17")
    assert report.coders == ["ann", "ben"]
    [field] = report.fields
    assert (field.name, field.units, field.single, field.agreed) == ("scr_method", 19, 1, 13)
    assert field.kappa == pytest.approx(0.4842, abs=5e-5)
    assert report.overall.kappa == pytest.approx(0.4842, abs=5e-5)
    assert coder_agreement(two_coders, OWNER, study="another-study").fields == []


def test_agreement_command_and_page(two_coders: Store, tmp_path: Path) -> None:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": two_coders.url, "COLUMNS": "200"}
    out = subprocess.run(
        [sys.executable, "-m", "casereview", "agreement", "--study", "agree-study"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if "scr_method" in line)
    assert "19" in row and "13" in row and "0.484" in row
    viewer = create_user(two_coders, OWNER, "vera", "viewer", PASSWORD)
    with TestClient(create_app(two_coders, WebSettings())) as client:
        page = As(client, two_coders, Actor(viewer.name, viewer.role, viewer.id)).html(
            "/agreement?codebook=triennial-2014-17"
        )
    cells = page.css_first("table.agreement tbody tr")
    assert cells.css_first(".field").text() == "scr_method"
    assert (cells.css_first(".units").text(), cells.css_first(".agreed").text()) == ("19", "13")
    assert cells.css_first(".kappa").text() == "0.484"
