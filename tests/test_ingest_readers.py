"""Reading review documents: text, page numbers and offsets per format, and clear refusals.

Expected values come from how the fixtures were written (tests/data/documents/
make_documents.py): which sentence is on which page, the titles, the list numbers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casereview.errors import DocumentError
from casereview.ingest import ExtractedDocument, Limits, read_document
from casereview.sandbox import run_limited
from document_factory import (
    DOCUMENTS,
    make_docx_with_entities,
    make_encrypted_pdf,
    make_long_pdf,
    make_zip_bomb_docx,
)


def page_of(doc: ExtractedDocument, phrase: str) -> int:
    at = doc.text.index(phrase)
    return doc.page_at(at)


def assert_offsets_consistent(doc: ExtractedDocument) -> None:
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    for page in doc.pages:
        assert doc.text[page.start : page.end] == page.text
    for before, after in zip(doc.pages, doc.pages[1:], strict=False):
        assert before.end < after.start  # pages do not overlap; the separator is on neither


def test_pdf_pages_offsets_title_and_hash() -> None:
    path = DOCUMENTS / "child_t_review.pdf"
    doc = read_document(path)
    assert doc.source_type == "pdf"
    assert doc.page_count == 4
    assert doc.title == "Serious Case Review: Child T"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert_offsets_consistent(doc)
    assert page_of(doc, "Northshire Local Safeguarding Children Board") == 1
    assert page_of(doc, "history of depression") == 2
    assert page_of(doc, "Finding one concerns") == 3
    assert page_of(doc, "Recommendation 3") == 4
    assert page_of(doc, "could not have been predicted") == 4
    # The evidence span a coder would be shown maps back to its page text.
    page2 = doc.pages[1]
    start = doc.text.index("There was no evidence of drug misuse")
    assert page2.start <= start < page2.end
    assert page2.text[start - page2.start :].startswith("There was no evidence of drug misuse")


def test_docx_pages_follow_explicit_page_breaks_and_list_numbers_are_written() -> None:
    doc = read_document(DOCUMENTS / "child_k_review.docx")
    assert doc.source_type == "docx"
    assert doc.title == "Child Safeguarding Practice Review: Child K"
    assert doc.page_count == 3  # two explicit page breaks in the fixture
    assert_offsets_consistent(doc)
    assert page_of(doc, "Westvale Safeguarding Children Partnership") == 1
    assert page_of(doc, "misused alcohol") == 2
    assert page_of(doc, "Nurseries should receive training") == 3
    # Word draws "1." and bullets from numbering.xml; they are written into the text.
    assert "1. The partnership should track families" in doc.text
    assert "2. Nurseries should receive training" in doc.text
    assert "• Frequent moves hid the pattern" in doc.text
    assert [h.text for h in doc.headings] == [
        "Child Safeguarding Practice Review: Child K",
        "Introduction",
        "Learning points",
        "Recommendations",
        "Appendix: terms of reference",
    ]
    for h in doc.headings:
        assert doc.text[h.start : h.end] == h.text


def test_docx_rendered_page_breaks_win_over_explicit_ones(tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    d = Document()
    d.add_paragraph("First page text.")
    p = d.add_paragraph("Still page one by Word's layout, ")
    p.add_run("and this run starts page two").element.insert(
        0, OxmlElement("w:lastRenderedPageBreak")
    )
    q = d.add_paragraph("Page two goes on.")
    q.add_run().add_break(WD_BREAK.PAGE)  # ignored: Word's own layout is present
    r = d.add_paragraph()
    r.add_run("Third page by layout.").element.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    path = tmp_path / "rendered.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.page_count == 3
    assert page_of(doc, "Still page one") == 1
    assert page_of(doc, "and this run starts page two") == 2
    assert page_of(doc, "Page two goes on") == 2
    assert page_of(doc, "Third page by layout") == 3


def test_docx_without_breaks_is_one_page(tmp_path: Path) -> None:
    from docx import Document

    d = Document()
    for i in range(200):
        d.add_paragraph(f"Paragraph {i} of a report that Word never paginated.")
    path = tmp_path / "flat.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.page_count == 1  # no pages are invented by counting characters


def test_docx_section_breaks_start_pages_unless_continuous(tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_SECTION

    d = Document()
    d.add_paragraph("Cover of the report.")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("Chronology starts on a new page.")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("Two-column part on the same page.")
    path = tmp_path / "sections.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.page_count == 2
    assert page_of(doc, "Cover of the report") == 1
    assert page_of(doc, "Chronology starts") == 2
    assert page_of(doc, "Two-column part") == 2


def test_html_main_content_headings_and_ordered_list() -> None:
    doc = read_document(DOCUMENTS / "child_m_review.html")
    assert doc.source_type == "html"
    assert doc.page_count == 1
    assert doc.title == "Local Child Safeguarding Practice Review: Child M"
    assert "should not be indexed" not in doc.text  # script
    assert "Home" not in doc.text and "Copyright" not in doc.text  # nav, footer
    assert "aged 15 years, went missing" in doc.text  # inline <b> joins the sentence
    assert "2. Schools should be told within 24 hours" in doc.text
    assert [(h.level, h.text) for h in doc.headings] == [
        (1, "Local Child Safeguarding Practice Review: Child M"),
        (2, "Summary"),
        (2, "Findings"),
        (2, "Recommendations"),
        (2, "Glossary"),
    ]


def test_text_form_feeds_are_pages() -> None:
    doc = read_document(DOCUMENTS / "child_r_review.txt")
    assert doc.page_count == 3
    assert doc.title == "RAPID REVIEW: CHILD R"
    assert_offsets_consistent(doc)
    assert page_of(doc, "6 weeks who died") == 2
    assert page_of(doc, "R2. Probation") == 3
    assert "\f" not in doc.text


def test_encrypted_pdf_is_refused_and_owner_only_protection_is_read(tmp_path: Path) -> None:
    locked = make_encrypted_pdf(tmp_path / "locked.pdf")
    with pytest.raises(DocumentError, match="encrypted PDF: remove the password first"):
        read_document(locked)
    restricted = make_encrypted_pdf(tmp_path / "restricted.pdf", user_password="")
    assert read_document(restricted).page_count == 4


def test_scanned_corrupt_empty_and_unsupported_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="scanned PDF: no text layer; run OCR first"):
        read_document(DOCUMENTS / "scanned_review.pdf")
    with pytest.raises(DocumentError, match="corrupt PDF"):
        read_document(DOCUMENTS / "corrupt_review.pdf")
    fake = tmp_path / "notes.pdf"
    fake.write_text("this is not a PDF at all")
    with pytest.raises(DocumentError, match="corrupt PDF"):
        read_document(fake)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty file"):
        read_document(empty)
    legacy = tmp_path / "report.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(DocumentError, match=r"unsupported type: Word 97-2003 \.doc"):
        read_document(legacy)
    odd = tmp_path / "report.xyz"
    odd.write_text("text")
    with pytest.raises(DocumentError, match=r"unsupported type '\.xyz'.*PDF \(\.pdf\)"):
        read_document(odd)
    not_zip = tmp_path / "broken.docx"
    not_zip.write_text("plain text pretending to be Word")
    with pytest.raises(DocumentError, match="corrupt DOCX"):
        read_document(not_zip)


def test_hostile_docx_files_are_refused_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="zip bomb"):
        read_document(make_zip_bomb_docx(tmp_path / "bomb.docx"))
    with pytest.raises(DocumentError, match="declares a DTD or entities"):
        read_document(make_docx_with_entities(tmp_path / "entities.docx"))


def _spin() -> None:
    while True:
        pass


def _allocate() -> bytes:
    return b"x" * (3 * 1024**3)


def _crash() -> None:
    import ctypes

    ctypes.string_at(0)  # reads address 0: SIGSEGV, as a parser bug would


def test_worker_limits_turn_runaway_parsers_into_refusals() -> None:
    with pytest.raises(DocumentError, match="CPU time"):
        run_limited(_spin, label="spin", limits=Limits(cpu_seconds=1, timeout_seconds=20))
    with pytest.raises(DocumentError, match="longer than 0.5 s"):
        run_limited(_spin, label="spin", limits=Limits(cpu_seconds=30, timeout_seconds=0.5))
    with pytest.raises(DocumentError, match="more than 512 MB of memory"):
        run_limited(_allocate, label="big", limits=Limits(memory_mb=512))
    with pytest.raises(DocumentError, match="crashed on this file \\(SIGSEGV\\)"):
        run_limited(_crash, label="crash")


def test_a_100_page_pdf_keeps_every_page_in_order(tmp_path: Path) -> None:
    # Its speed is measured by benchmarks/extract_bench.py, not asserted here.
    path = make_long_pdf(tmp_path / "long.pdf", pages=100)
    doc = read_document(path)
    assert doc.page_count == 100
    assert page_of(doc, "57.12 The health visitor") == 57
    assert doc.pages[99].text.startswith("100.1 The health visitor")
