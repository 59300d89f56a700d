"""Ingest under careless and hostile input: special files, undecodable names, NUL bytes in
metadata, a failure while storing; and a batch that keeps memory flat."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import weakref
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casereview.errors import DocumentError
from casereview.ingest import read_document, service
from casereview.ingest.files import file_sha256, read_regular
from casereview.ingest.model import ExtractedDocument, Page
from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.document_store import add_document, load_document
from casereview.store.documents import Document, DocumentPage
from casereview.store.schema import Review
from document_factory import DOCUMENTS

WAIT = 60.0  # seconds; a hang (the old behaviour on /dev/zero and FIFOs) fails the test


def ingest_within(store: Store, paths: list[Path], **kw: object) -> list[service.IngestResult]:
    """ingest_paths in a thread that must finish: the old code blocked forever reading a FIFO."""
    out: list[list[service.IngestResult]] = []
    thread = threading.Thread(
        target=lambda: out.append(ingest_paths(store, paths, **kw)), daemon=True
    )
    thread.start()
    thread.join(WAIT)
    assert not thread.is_alive(), f"ingest did not return within {WAIT:g} s"
    return out[0]


def test_special_files_are_refused_by_name_without_being_opened(
    sqlite_store: Store, tmp_path: Path
) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    good = tmp_path / "child_r_review.txt"
    shutil.copy(DOCUMENTS / "child_r_review.txt", good)
    paths = [
        tmp_path / "zero.txt",
        tmp_path / "pipe.txt",
        tmp_path / "sock.txt",
        Path("/dev/zero"),
        good,
    ]
    try:
        results = ingest_within(sqlite_store, paths)
    finally:
        sock.close()
    by_name = {r.path.name: r for r in results}
    assert by_name["child_r_review.txt"].status == "added"
    expected = {
        "zero.txt": "zero.txt: refused: a character device, not a regular file",
        "zero": "zero: refused: a character device, not a regular file",
        "pipe.txt": "pipe.txt: refused: a FIFO (named pipe), not a regular file",
        "sock.txt": "sock.txt: refused: a socket, not a regular file",
    }
    assert {n: r.message for n, r in by_name.items() if r.failed} == expected


def test_the_reader_itself_refuses_special_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    (tmp_path / "zero.docx").symlink_to("/dev/zero")
    for name in ("pipe.pdf", "zero.docx"):
        with pytest.raises(DocumentError, match=f"^{name}: refused: .*not a regular file$"):
            read_document(tmp_path / name)
    # The worker-side readers open without blocking and check the open file.
    for name in ("pipe.pdf", "zero.docx"):
        with pytest.raises(DocumentError, match="not a regular file"):
            file_sha256(tmp_path / name)
        with pytest.raises(DocumentError, match="not a regular file"):
            read_regular(tmp_path / name)


def test_a_file_name_that_is_not_utf8_is_ingested_and_reported(
    any_store: Store, tmp_path: Path
) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/reports"))
    folder.mkdir()
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/Child \xff review.txt"))
    shutil.copy(DOCUMENTS / "child_r_review.txt", odd)
    broken = Path(os.fsdecode(os.fsencode(folder) + b"/bad \xfe.pdf"))
    broken.write_bytes(b"%PDF-1.7 not really")
    shutil.copy(DOCUMENTS / "child_m_review.html", folder / "child_m_review.html")
    results = ingest_within(any_store, [folder])
    assert sorted(r.status for r in results) == ["added", "added", "failed"]
    for r in results:
        r.message.encode("utf-8")  # printable: no lone surrogates left
    [failed] = [r for r in results if r.failed]
    assert failed.message.startswith("bad \ufffd.pdf: corrupt PDF")
    with any_store.session() as s:
        names = set(s.scalars(select(Document.filename)))
        refs = set(s.scalars(select(Review.reference)))
    assert names == {"Child \ufffd review.txt", "child_m_review.html"}
    assert "Child \ufffd review" in refs


def make_pdf_with_nul_title(path: Path) -> Path:
    import pikepdf

    with pikepdf.open(DOCUMENTS / "child_t_review.pdf") as pdf:
        pdf.docinfo["/Title"] = pikepdf.String(b"Child T\x00 overview report")
        pdf.save(path)
    return path


def test_a_nul_byte_in_pdf_metadata_does_not_stop_the_batch(
    any_store: Store, tmp_path: Path
) -> None:
    pdf = make_pdf_with_nul_title(tmp_path / "nul_title.pdf")
    results = ingest_within(any_store, [pdf, DOCUMENTS / "child_k_review.docx"])
    assert [r.status for r in results] == ["added", "added"], [r.message for r in results]
    with any_store.session() as s:
        titles = set(s.scalars(select(Document.title)))
        review_titles = set(s.scalars(select(Review.title)))
    assert "Child T overview report" in titles
    assert all("\x00" not in (t or "") for t in titles | review_titles)


def test_nul_bytes_in_text_keep_offsets(any_store: Store) -> None:
    text = "Page one has a\x00NUL.\n\nPage two."
    doc = ExtractedDocument(
        text=text,
        pages=(Page(1, 0, 18, text[:18]), Page(2, 20, len(text), text[20:])),
        source_type="txt",
        sha256="0" * 64,
        filename="nul\x00name.txt",
    )
    with any_store.session() as s:
        row = add_document(s, doc, None)
        loaded = load_document(s, row.id)
    assert loaded.text == "Page one has a NUL.\n\nPage two."
    assert loaded.filename == "nul name.txt"


def test_one_failure_while_storing_does_not_stop_the_batch(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = service.store_document

    def flaky(
        store: Store, path: Path, doc: ExtractedDocument, **kw: object
    ) -> service.IngestResult:
        if path.name == "child_k_review.docx":
            raise RuntimeError("disk I/O error\nsecond line")
        return real(store, path, doc, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "store_document", flaky)
    paths = [
        DOCUMENTS / n for n in ("child_k_review.docx", "child_m_review.html", "child_r_review.txt")
    ]
    results = ingest_paths(sqlite_store, paths)
    by_name = {r.path.name: r for r in results}
    assert by_name["child_k_review.docx"].message == (
        "child_k_review.docx: not stored (RuntimeError: disk I/O error second line)"
    )
    assert by_name["child_m_review.html"].status == by_name["child_r_review.txt"].status == "added"


def test_text_is_stored_once_and_read_back_exactly(sqlite_store: Store) -> None:
    names = [
        "child_t_review.pdf",
        "child_k_review.docx",
        "child_m_review.html",
        "child_r_review.txt",
    ]
    results = ingest_paths(sqlite_store, [DOCUMENTS / n for n in names])
    with sqlite_store.session() as s:
        assert s.scalar(select(func.sum(func.length(Document.text)))) == 0
        for r in results:
            assert r.document_id is not None
            stored = load_document(s, r.document_id)
            read = read_document(r.path)
            assert (stored.text, stored.pages) == (read.text, read.pages)
            assert stored.sections == read.sections


def test_a_document_whose_pages_do_not_tile_its_text_keeps_the_whole_text(
    sqlite_store: Store,
) -> None:
    text = "Cover page.\f\fSecond page."  # two form feeds between pages, not PAGE_JOIN
    doc = ExtractedDocument(
        text=text,
        pages=(Page(1, 0, 11, text[:11]), Page(2, 13, len(text), text[13:])),
        source_type="txt",
        sha256="1" * 64,
    )
    with sqlite_store.session() as s:
        row = add_document(s, doc, None)
        assert row.text == text
        assert load_document(s, row.id).text == text
        assert s.scalar(select(func.count(DocumentPage.id))) == 2


def test_a_batch_keeps_only_a_few_parsed_documents_alive(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory flat in batch size: the old batch held every parsed document until it ended."""
    alive: list[weakref.ref[ExtractedDocument]] = []
    real = service.read_document

    def tracked(path: Path, **kw: object) -> ExtractedDocument:
        doc = real(path, **kw)  # type: ignore[arg-type]
        alive.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(service, "read_document", tracked)
    source = (DOCUMENTS / "child_r_review.txt").read_text()
    for i in range(12):
        (tmp_path / f"report_{i:02}.txt").write_text(f"Report {i}\n\n{source}")
    most = 0

    def count(_: service.IngestResult) -> None:
        nonlocal most
        most = max(most, sum(ref() is not None for ref in alive))

    results = ingest_paths(sqlite_store, [tmp_path], workers=2, on_result=count)
    assert [r.status for r in results] == ["added"] * 12
    assert most <= 5  # the one being stored and at most two per worker read ahead


def test_storing_a_document_without_sections_does_not_look_for_them_again(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker found the sections; the unlimited main process must not parse the text
    again because there were none."""
    from casereview.ingest import sections

    report = tmp_path / "plain.txt"
    report.write_text("A short note about a visit.\n\nThe family was seen at home.\n")
    doc = read_document(report, sandbox=False)
    assert doc.sections == ()

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("sections searched again in the main process")

    monkeypatch.setattr(sections, "find_sections", refuse)
    result = service.store_document(sqlite_store, report, doc)
    assert (result.status, result.recommendations) == ("added", None)
