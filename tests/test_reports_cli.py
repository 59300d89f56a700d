"""`casereview report` and `casereview brief` end to end, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from report_pages import DATA, parse, pdf_pages, workbook


def run(db: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CASEREVIEW_DATABASE_URL": f"sqlite:///{db}",
        "COLUMNS": "200",
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=db.parent,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    for name in ("cafcass-2009-2016.csv", "triennial-sample.csv"):
        done = run(path, "import", str(DATA / name))
        assert done.returncode == 0, done.stderr
    return path


def test_report_html_pdf_and_workbook(db: Path) -> None:
    html = db.parent / "out" / "report.html"
    done = run(
        db,
        "report",
        "--codebook",
        "cafcass-scr",
        "--compare",
        "triennial-2011-14",
        "--out",
        str(html),
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and "tables" in done.stdout
    page = parse(html.read_text("utf-8"))
    assert page.css_first(".cover .byline") is None  # no organisation set, none invented
    assert page.css_first('table.data[data-table-id="reference_comparison"]') is not None
    assert len(page.css("figure.exhibit.table")) >= 20

    xlsx = db.parent / "tables.xlsx"
    done = run(db, "report", "--suppress-below", "5", "--check-disclosure", "--out", str(xlsx))
    assert done.returncode == 0, done.stderr
    assert "Disclosure check passed" in done.stdout
    book = workbook(xlsx.read_bytes())
    assert book.sheetnames[0] == "Contents" and "Table 1" in book.sheetnames

    pdf = db.parent / "report.pdf"
    done = run(db, "report", "--study", "cafcass-2017", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    assert len(pdf_pages(pdf.read_bytes())) >= 5


def test_brief_html_and_pdf(db: Path) -> None:
    out = db.parent / "brief.pdf"
    done = run(db, "brief", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "learning themes" in done.stdout
    assert 1 <= len(pdf_pages(out.read_bytes())) <= 2
    html = db.parent / "brief.html"
    assert run(db, "brief", "--study", "triennial-2016-17", "--out", str(html)).returncode == 0
    assert "Practice point" in html.read_text("utf-8")


@pytest.mark.parametrize(
    "args, reason",
    [
        (("report", "--out", "report.docx"), "extension must be one of"),
        (("report", "--study", "nope", "--out", "r.html"), "no coded reviews in study 'nope'"),
        (
            ("report", "--codebook", "cafcass-scr", "--compare", "nothing", "--out", "r.html"),
            "no reference figures 'nothing'",
        ),
        (("brief", "--out", "brief.xlsx"), "extension must be one of"),
    ],
)
def test_bad_input_exits_2_with_a_reason(db: Path, args: tuple[str, ...], reason: str) -> None:
    done = run(db, *args)
    assert done.returncode == 2
    assert reason in done.stderr.splitlines()[0]


def test_report_names_its_organisation_and_author(db: Path) -> None:
    """The publisher comes from the settings (CASEREVIEW_ORGANISATION / CASEREVIEW_AUTHOR);
    --organisation / --author override them for one report."""
    html = db.parent / "byline.html"
    done = run(
        db,
        "report",
        "--codebook",
        "cafcass-scr",
        "--author",
        "Learning and Improvement Team",
        "--ci",
        "--out",
        str(html),
        CASEREVIEW_ORGANISATION="Northshire Safeguarding Children Partnership",
        CASEREVIEW_AUTHOR="someone else",
    )
    assert done.returncode == 0, done.stderr
    page = parse(html.read_text("utf-8"))
    byline = page.css_first(".cover .byline").text()
    assert "Northshire Safeguarding Children Partnership" in byline
    assert "Learning and Improvement Team" in byline and "someone else" not in byline
    # --ci: Wilson 95% intervals beside percentages (27 of 97: 0.1989-0.3747).
    assert page.css_first("#ci-note") is not None
    trio = page.css_first('table.data[data-table-id="toxic_trio_summary"]').text()
    assert "27 (28%; 20\u201337%)" in trio
