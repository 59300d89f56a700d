"""PDF pages to text with PDFium (pypdfium2): fast, permissive licence (ENGINEERING.md)."""

from __future__ import annotations

from pathlib import Path

from casereview.errors import DocumentError
from casereview.ingest.textclean import clean_text, first_line, without_controls

# A page with fewer visible characters than this carries no real text layer (a scan, a
# picture of a page, or a blank page).
MIN_PAGE_CHARS = 20

# Titles that PDF producers write instead of the document's own (they name the source file).
_JUNK_TITLE_PREFIXES = ("microsoft word", "untitled", "document", "slide")


def read_pdf_pages(path: Path) -> tuple[list[str], str | None]:
    """Return the cleaned text of each page and the document title, or raise DocumentError."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(f"{path.name}: encrypted PDF: remove the password first") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError(
                f"{path.name}: encrypted PDF with an unsupported security handler: "
                "remove the password first"
            ) from None
        reason = str(exc).removeprefix("Failed to load document (PDFium: ").rstrip(".)")
        raise DocumentError(f"{path.name}: corrupt PDF: cannot be read ({reason})") from None
    try:
        if len(pdf) == 0:
            raise DocumentError(f"{path.name}: corrupt PDF: it has no pages")
        pages: list[str] = []
        for i in range(len(pdf)):
            try:
                page = pdf[i]
            except pdfium.PdfiumError:
                raise DocumentError(
                    f"{path.name}: corrupt PDF: page {i + 1} of {len(pdf)} cannot be read"
                ) from None
            textpage = page.get_textpage()
            try:
                pages.append(clean_text(textpage.get_text_range()))
            finally:
                textpage.close()
                page.close()
        title = _metadata_title(pdf)
    finally:
        pdf.close()
    _refuse_scans(path, pages)
    return pages, title or first_line(pages[0]) or next(filter(None, map(first_line, pages)), None)


def _metadata_title(pdf) -> str | None:  # type: ignore[no-untyped-def]
    try:
        raw = pdf.get_metadata_value("Title") or ""
        # A damaged or hostile info dictionary may hold NUL and other control characters.
        title = " ".join(without_controls(raw).split())
    except Exception:  # noqa: BLE001 (a damaged info dictionary must not cost us the text)
        return None
    if len(title) < 4 or title.lower().startswith(_JUNK_TITLE_PREFIXES):
        return None
    if title.lower().endswith((".doc", ".docx", ".pdf", ".indd", ".rtf")):
        return None
    return title[:500]


def _refuse_scans(path: Path, pages: list[str]) -> None:
    visible = [len("".join(p.split())) for p in pages]
    empty = sum(v < MIN_PAGE_CHARS for v in visible)
    # (Almost) no text on most pages: an image of a report, not a report we can read.
    if sum(visible) < MIN_PAGE_CHARS * len(pages) or empty * 2 > len(pages):
        raise DocumentError(
            f"{path.name}: scanned PDF: no text layer; run OCR first "
            f"({empty} of {len(pages)} page{'s' if len(pages) != 1 else ''} carry no text)"
        )
