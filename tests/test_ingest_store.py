"""Ingesting into the register: documents, pages, sections, reviews; idempotence; batches
with a broken file; the `ingest` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.document_store import load_document
from casereview.store.documents import Document, DocumentPage, DocumentSection
from casereview.store.schema import Review
from document_factory import DOCUMENTS, make_encrypted_pdf


def counts(store: Store) -> tuple[int, int, int, int]:
    with store.session() as s:
        return (
            s.scalar(select(func.count(Document.id))) or 0,
            s.scalar(select(func.count(DocumentPage.id))) or 0,
            s.scalar(select(func.count(DocumentSection.id))) or 0,
            s.scalar(select(func.count(Review.id))) or 0,
        )


def test_ingest_stores_pages_sections_and_a_review_named_after_the_file(any_store: Store) -> None:
    [result] = ingest_paths(any_store, [DOCUMENTS / "child_t_review.pdf"])
    assert (result.status, result.review, result.pages, result.recommendations) == (
        "added",
        "child_t_review",
        4,
        4,
    )
    assert counts(any_store) == (1, 4, 6, 1)
    with any_store.session() as s:
        doc = s.get(Document, result.document_id)
        assert doc is not None
        assert (doc.filename, doc.source_type, doc.page_count) == ("child_t_review.pdf", "pdf", 4)
        assert doc.review is not None and doc.review.title == "Serious Case Review: Child T"
        pages = s.scalars(select(DocumentPage).order_by(DocumentPage.number)).all()
        assert [p.number for p in pages] == [1, 2, 3, 4]
        assert doc.text == ""  # the text is stored once, on the pages
        loaded = load_document(s, doc.id)
        for p in pages:
            assert loaded.text[p.start : p.end] == p.text
    assert loaded.page_at(loaded.text.index("Recommendation 3")) == 4
    assert [s.title for s in loaded.sections if s.kind == "recommendations"] == [
        "5. Recommendations"
    ]


def test_reingesting_the_same_file_adds_nothing(any_store: Store, tmp_path: Path) -> None:
    first = ingest_paths(any_store, [DOCUMENTS / "child_r_review.txt"])
    copy = tmp_path / "renamed copy.txt"
    shutil.copy(DOCUMENTS / "child_r_review.txt", copy)
    again = ingest_paths(any_store, [DOCUMENTS / "child_r_review.txt", copy], review="OTHER")
    assert [r.status for r in first] == ["added"]
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert all(
        "already ingested" in r.message and "review child_r_review" in r.message for r in again
    )
    # one document, its 3 pages and 3 headings (title, BACKGROUND, RECOMMENDATIONS); no "OTHER"
    assert counts(any_store) == (1, 3, 3, 1)


def test_batch_with_broken_files_stores_the_others(any_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in (
        "child_k_review.docx",
        "child_m_review.html",
        "corrupt_review.pdf",
        "scanned_review.pdf",
    ):
        shutil.copy(DOCUMENTS / name, folder / name)
    make_encrypted_pdf(folder / "locked.pdf")
    (folder / "notes.xlsx").write_bytes(b"PK not a report")  # other types in a folder are skipped
    (folder / ".hidden.txt").write_text("skipped")
    results = ingest_paths(any_store, [folder, tmp_path / "missing.pdf"], workers=2)
    by_name = {r.path.name: r for r in results}
    assert set(by_name) == {
        "child_k_review.docx",
        "child_m_review.html",
        "corrupt_review.pdf",
        "scanned_review.pdf",
        "locked.pdf",
        "missing.pdf",
    }
    assert by_name["child_k_review.docx"].status == "added"
    assert by_name["child_m_review.html"].status == "added"
    assert "corrupt PDF" in by_name["corrupt_review.pdf"].message
    assert "scanned PDF: no text layer; run OCR first" in by_name["scanned_review.pdf"].message
    assert "encrypted PDF: remove the password first" in by_name["locked.pdf"].message
    assert "no such file or folder" in by_name["missing.pdf"].message
    assert sum(r.failed for r in results) == 4
    assert counts(any_store)[0] == 2


def test_review_option_links_documents_to_one_review(sqlite_store: Store) -> None:
    results = ingest_paths(
        sqlite_store,
        [DOCUMENTS / "child_m_review.html", DOCUMENTS / "child_k_review.docx"],
        review="LCSPR-2021-07",
    )
    assert {r.review for r in results} == {"LCSPR-2021-07"}
    with sqlite_store.session() as s:
        refs = s.scalars(select(Review.reference)).all()
        linked = s.scalars(select(Document.review_id)).all()
    assert refs == ["LCSPR-2021-07"]
    assert len(set(linked)) == 1 and None not in linked


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )


def test_ingest_command_reports_each_file_and_exits_2_after_the_batch(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path,
        "ingest",
        str(DOCUMENTS / "child_t_review.pdf"),
        str(DOCUMENTS / "corrupt_review.pdf"),
        str(DOCUMENTS / "child_r_review.txt"),
        "--workers",
        "2",
    )
    assert result.returncode == 2, result.stderr
    out = result.stdout
    assert "corrupt_review.pdf: corrupt PDF" in out
    assert (
        "child_t_review.pdf: 4 pages, review child_t_review (new review), 4 recommendations" in out
    )
    assert "2 added, 0 already there, 1 failed" in out
    again = run_cli(tmp_path, "ingest", str(DOCUMENTS / "child_t_review.pdf"))
    assert again.returncode == 0
    assert (
        "already ingested as document" in again.stdout
        and "0 added, 1 already there" in again.stdout
    )
