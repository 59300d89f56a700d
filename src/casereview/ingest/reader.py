"""Reading one review document (PDF, DOCX, HTML, text) into an ExtractedDocument.

`read_document` is what callers use: it checks the file in this process with stat() only (a
regular file, not empty, a type we read), then reads and parses it in a limited worker
process (sandbox.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from casereview.errors import DocumentError
from casereview.ingest.files import check_regular, read_regular, shown
from casereview.ingest.model import ExtractedDocument, Heading, join_pages
from casereview.ingest.textclean import clean_text, first_line
from casereview.sandbox import DEFAULT_LIMITS, Limits, run_limited

SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
}
# Formats people will try, with what to do instead.
_ADVICE = {
    ".doc": "Word 97-2003 .doc is not supported: save it as .docx or PDF",
    ".rtf": "RTF is not supported: save it as .docx or PDF",
    ".odt": "OpenDocument .odt is not supported: save it as .docx or PDF",
    ".pages": "Apple Pages files are not supported: export as .docx or PDF",
}
ALLOWED = "PDF (.pdf), Word (.docx), HTML (.html, .htm) or text (.txt)"


def source_type_of(path: Path) -> str:
    """The format read for `path` by its suffix, or DocumentError for formats we do not read."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in _ADVICE:
        raise DocumentError(f"{path.name}: unsupported type: {_ADVICE[suffix]}")
    raise DocumentError(f"{path.name}: unsupported type {suffix or '(no suffix)'!r}: use {ALLOWED}")


def read_document(
    path: str | Path, *, sandbox: bool = True, limits: Limits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """Read a review document: its text with pages and offsets, title, hash and sections.

    Raises DocumentError (encrypted, corrupt, scanned without text, unsupported, empty).
    """
    p = Path(path)
    try:
        st = check_regular(p)
        source_type_of(p)
        if st.st_size == 0:
            raise DocumentError(f"{p.name}: empty file")
        if not sandbox:
            return read_unsandboxed(p)
        return run_limited(read_unsandboxed, p, label=shown(p.name), limits=limits)  # type: ignore[no-any-return]
    except DocumentError as exc:  # one printable line, whatever the parser said
        exc.message = " ".join(shown(exc.message).split())
        exc.args = (exc.message,)
        raise


def read_unsandboxed(path: Path) -> ExtractedDocument:
    """Parse in this process: only for trusted files, or inside the worker."""
    kind = source_type_of(path)
    data = read_regular(path)
    if not data:
        raise DocumentError(f"{path.name}: empty file")
    digest = hashlib.sha256(data).hexdigest()
    headings: list[tuple[int, int, int, int, str]] = []
    if kind == "pdf":
        if b"%PDF-" not in data[:1024]:
            raise DocumentError(f"{path.name}: corrupt PDF: the file does not start like a PDF")
        from casereview.ingest.pdf import read_pdf_pages

        pages, title = read_pdf_pages(path)
    elif kind == "docx":
        if not data.startswith(b"PK"):
            raise DocumentError(f"{path.name}: corrupt DOCX: not a zip archive")
        from casereview.ingest.word import read_docx

        pages, title, headings = read_docx(path)
    elif kind == "html":
        from casereview.ingest.webpage import read_html

        pages, title, headings = read_html(data)
    else:
        pages, title = _read_text(path, data)
    del data
    text, page_objs = join_pages(pages)
    if not text.strip():
        raise DocumentError(f"{path.name}: no text in the document")
    doc = ExtractedDocument(
        text=text,
        pages=page_objs,
        source_type=kind,
        sha256=digest,
        filename=shown(path.name),
        title=title,
        headings=tuple(
            Heading(text=t, level=lvl, start=page_objs[i].start + s, end=page_objs[i].start + e)
            for i, s, e, lvl, t in headings
            if i < len(page_objs)
        ),
    )
    return doc.with_sections()


def _read_text(path: Path, data: bytes) -> tuple[list[str], str | None]:
    """Plain text: form feeds separate pages (as printed reports and pdftotext write them)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise DocumentError(f"{path.name}: not a text file (it holds binary data)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    pages = [clean_text(p) for p in text.replace("\r\n", "\n").split("\f")]
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # a form feed that ends the file does not start a page
    return pages, first_line(pages[0]) or next(filter(None, map(first_line, pages)), None)
